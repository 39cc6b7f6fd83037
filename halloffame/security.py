"""Who the client is, and the login lockout backend (django-axes)."""

import ipaddress
import math

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render


def client_ip(request) -> str | None:
    """The client's address, or None when there is no valid one. X-Forwarded-For is believed
    only for the proxies the settings trust (DJANGO_TRUSTED_PROXY_COUNT): each trusted proxy
    appends the address it saw, so the client is the n-th entry from the right; anything
    further left was written by the client and can lie."""
    address = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            address = forwarded[-count]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins over HTTP. A login without a request (the shell, a
    management command, the test client's login()) cannot be brute-forced from outside, and
    axes would refuse it outright."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out login gets (AXES_LOCKOUT_CALLABLE): Thai, with the wait in minutes."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60) if settings.AXES_COOLOFF_TIME else None
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "security/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
