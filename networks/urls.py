from django.urls import path

from networks import views

app_name = "networks"
urlpatterns = [
    path("districts/", views.DistrictListView.as_view(), name="district-list"),
    path("districts/<slug:slug>/", views.DistrictDetailView.as_view(), name="district-detail"),
    path("networks/", views.NetworkListView.as_view(), name="network-list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="network-detail"),
]
