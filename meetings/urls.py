from django.urls import path

from meetings import views
from meetings.documents import views as documents

app_name = "meetings"
urlpatterns = [
    path("", views.MeetingListView.as_view(), name="list"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="detail"),
    path("<slug:slug>/announcement/", documents.announcement, name="announcement"),
    path("<slug:slug>/announcement.pdf", documents.announcement_pdf, name="announcement-pdf"),
    path("<slug:slug>/present/", documents.presentation, name="present"),
]
