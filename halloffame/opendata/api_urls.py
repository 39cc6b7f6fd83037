from django.urls import path

from halloffame.opendata import api

app_name = "api"
urlpatterns = [
    path("honorees/", api.honorees_json, name="honorees"),
    path("honorees.csv", api.honorees_csv, name="honorees-csv"),
    path("honorees/<slug:slug>/", api.honoree_json, name="honoree"),
    path("meetings/", api.meetings_json, name="meetings"),
    path("meetings/<slug:slug>/", api.meeting_json, name="meeting"),
    path("districts/", api.districts_json, name="districts"),
    path("networks/", api.networks_json, name="networks"),
    path("model-organisations/", api.organisations_json, name="model-organisations"),
    path("learning-sources/", api.learning_sources_json, name="learning-sources"),
    path("lessons/", api.lessons_json, name="lessons"),
    path("catalog.json", api.catalog_json, name="catalog"),
]
