"""One rate limiter for every public form and endpoint (privacy requests, suggestions, verification, API).

Counts live in the "ratelimit" cache (Redis when REDIS_URL is set, so every worker shares them).
"""

import time

from django.conf import settings
from django.core.cache import caches

from halloffame.security import client_ip


def limit_exceeded(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request against the client's allowance for `scope`; True once it is over `limit`.

    Counting comes first and the comparison second, so parallel requests cannot all pass a
    check made before any of them was counted.
    """
    cache = caches["ratelimit" if "ratelimit" in settings.CACHES else "default"]
    key = f"{scope}:{client_ip(request) or 'unknown'}:{int(time.time()) // window_seconds}"
    if cache.add(key, 1, window_seconds):
        return 1 > limit
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window_seconds)
        return 1 > limit
