from django.urls import path

from halloffame.opendata import views

app_name = "statistics"
urlpatterns = [
    path("", views.StatisticsView.as_view(), name="index"),
]
