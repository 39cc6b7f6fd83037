from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.i18n import set_language

from halloffame import pages, privacy, views
from halloffame.sitemaps import SITEMAPS
from halloffame.staff import views as staff_views
from honorees import media_views
from honorees.feeds import LatestHonoreesFeed
from meetings.documents import views as meeting_day
from networks.programme.feeds import ProgrammeFeed
from networks.programme.media_views import programme_media

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # Honoree photos, checked against the public rule on every request (honorees/media_views.py).
    path(f"{settings.MEDIA_URL.lstrip('/')}programme/<path:path>", programme_media, name="programme-media"),
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", media_views.honoree_media, name="media"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Forgotten passwords (linked from the admin's login page as admin_password_reset).
    path(f"{settings.ADMIN_PATH}password_reset/", staff_views.PasswordResetView.as_view(), name="admin_password_reset"),
    path(
        f"{settings.ADMIN_PATH}password_reset/done/",
        staff_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        f"{settings.ADMIN_PATH}reset/<uidb64>/<token>/",
        staff_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        f"{settings.ADMIN_PATH}reset/done/",
        staff_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS, "template_name": "sitemaps/sitemap.xml"},
        name="sitemap-section",
    ),
    path("api/v1/", include("halloffame.opendata.api_urls")),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("honorees/", include("honorees.urls")),
    path("", include("networks.urls")),
    path("meetings/", include("meetings.urls")),
    path("", include("networks.programme.urls")),
    path("feeds/honorees/", LatestHonoreesFeed(), name="honoree-feed"),
    path("feeds/programme/", ProgrammeFeed(), name="programme-feed"),
    path("privacy/", privacy.PrivacyRequestView.as_view(), name="privacy"),
    path("privacy/sent/", privacy.PrivacyRequestSentView.as_view(), name="privacy-sent"),
    path("about/", pages.AboutView.as_view(), name="about"),
    path("contact/", TemplateView.as_view(template_name="pages/contact.html"), name="contact"),
    path("accessibility/", TemplateView.as_view(template_name="pages/accessibility.html"), name="accessibility"),
    path("cookies/", TemplateView.as_view(template_name="pages/cookies.html"), name="cookies"),
    path("site-map/", pages.SiteMapView.as_view(), name="site-map"),
    path("verify/", meeting_day.verify, name="verify-form"),
    path("verify/<str:code>/", meeting_day.verify, name="verify"),
    path("statistics/", include("halloffame.opendata.urls")),
    path("suggest/", include("honorees.suggestions.urls")),
    prefix_default_language=False,
)

handler500 = "halloffame.views.server_error"
