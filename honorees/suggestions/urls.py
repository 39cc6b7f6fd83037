from django.urls import path

from honorees.suggestions import views

app_name = "suggestions"
urlpatterns = [
    path("", views.SuggestView.as_view(), name="suggest"),
    path("sent/", views.SuggestionSentView.as_view(), name="sent"),
    path("status/", views.SuggestionStatusView.as_view(), name="status"),
]
