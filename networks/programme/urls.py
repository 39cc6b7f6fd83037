from django.urls import path

from networks.programme import views

app_name = "programme"

urlpatterns = [
    path("models/", views.ModelOrganisationListView.as_view(), name="model-list"),
    path("models/progress/", views.ModelProgressView.as_view(), name="model-progress"),
    path("models/<slug:slug>/", views.ModelOrganisationDetailView.as_view(), name="model-detail"),
    path("learning/", views.LearningSourceListView.as_view(), name="learning-list"),
    path("learning/<slug:slug>/", views.LearningSourceDetailView.as_view(), name="learning-detail"),
    path("lessons/", views.LessonListView.as_view(), name="lesson-list"),
    path("lessons/<slug:slug>/", views.LessonDetailView.as_view(), name="lesson-detail"),
]
