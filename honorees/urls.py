from django.urls import path

from honorees import views

app_name = "honorees"
urlpatterns = [
    path("", views.HonoreeListView.as_view(), name="list"),
    path("<slug:slug>/", views.HonoreeDetailView.as_view(), name="detail"),
]
