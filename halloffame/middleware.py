import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext as _

security_logger = logging.getLogger("django.security.DisallowedHost")


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (browser features the site never uses, turned off)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class RequestGuardMiddleware:
    """Turns requests no page is made for into a 4xx before any view runs:
    - 400 for a Host header not in ALLOWED_HOSTS, answered in plain text (the 400 page's
      template builds absolute links from the host, which would fail again and become a 500);
    - 400 for a NUL character in the query string (PostgreSQL refuses NUL in text, so a search
      for it would end in a database error);
    - 414 for an address longer than gunicorn would accept (a 100,000-character search term
      would otherwise reach the database, where SQLite's LIKE refuses it with an error);
    - 405 for methods the site never serves (PUT, DELETE, PATCH, TRACE, ...) and for POST to
      the read-only function views (health check, robots, sitemap, feeds), which would
      otherwise answer any method. Class-based views answer 405 by themselves;
    - 413 for a request body over the view's `max_body_bytes` (a class attribute of public
      forms) or, for any other view, MAX_REQUEST_BODY_BYTES, refused from Content-Length before
      CSRF or the form reads any of it; a view with a `too_large_response(request)` class method
      answers with that page instead of plain text."""

    ALLOWED = frozenset({"GET", "HEAD", "OPTIONS", "POST"})
    READ_ONLY_URL_NAMES = frozenset(
        {"healthz", "robots-txt", "sitemap", "sitemap-section", "honoree-feed", "programme-feed"}
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            security_logger.warning("Host header not allowed: %r", request.META.get("HTTP_HOST", "")[:200])
            return HttpResponseBadRequest(_("คำขอไม่ถูกต้อง"), content_type="text/plain; charset=utf-8")
        query = request.META.get("QUERY_STRING", "")
        if len(query) > settings.MAX_QUERY_STRING_LENGTH:
            return HttpResponse(_("ที่อยู่เว็บยาวเกินไป"), status=414, content_type="text/plain; charset=utf-8")
        if "%00" in query or "\x00" in query:
            return HttpResponseBadRequest(_("คำขอไม่ถูกต้อง"), content_type="text/plain; charset=utf-8")
        if request.method not in self.ALLOWED:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method == "POST" and match and match.view_name in self.READ_ONLY_URL_NAMES:
            return HttpResponseNotAllowed(["GET", "HEAD"])
        view_class = getattr(view_func, "view_class", view_func)
        if _content_length(request) > getattr(view_class, "max_body_bytes", settings.MAX_REQUEST_BODY_BYTES):
            if hasattr(view_class, "too_large_response"):  # a public form's own page, with its message
                return view_class.too_large_response(request)
            return HttpResponse(_("ข้อมูลที่ส่งมีขนาดใหญ่เกินไป"), status=413, content_type="text/plain; charset=utf-8")
        return None


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
