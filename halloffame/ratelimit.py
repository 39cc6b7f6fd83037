"""One rate limiter for every public form and endpoint (privacy requests, suggestions, verification, API).

Each request is counted by one atomic operation that every gunicorn worker shares, and the count
it returns is the one compared, so parallel requests cannot slip past the limit: Redis INCR when
REDIS_URL is set, otherwise one upsert statement on a database row (RateLimitCount).
"""

import time
from datetime import UTC, datetime
from functools import lru_cache

import redis
from django.conf import settings
from django.db import connection

from halloffame.models import RateLimitCount
from halloffame.security import client_ip


def limit_exceeded(request, *, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request against the client's allowance for `scope`; True once it is over `limit`."""
    window = int(time.time()) // window_seconds
    key = f"{scope}:{client_ip(request) or 'unknown'}:{window_seconds}:{window}"
    expires = (window + 1) * window_seconds
    if settings.RATELIMIT_REDIS_URL:
        return _redis_count(key, expires) > limit
    return _database_count(key, expires) > limit


@lru_cache(maxsize=1)
def _redis(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def _redis_count(key: str, expires: int) -> int:
    pipe = _redis(settings.RATELIMIT_REDIS_URL).pipeline()
    pipe.incr(f"rl:{key}")
    pipe.expireat(f"rl:{key}", expires)
    count, _ = pipe.execute()
    return count


_UPSERT = (
    'INSERT INTO {table} ("key", "count", "expires") VALUES (%s, 1, %s) '
    'ON CONFLICT ("key") DO UPDATE SET "count" = {table}."count" + 1 RETURNING "count"'
)


def _database_count(key: str, expires: int) -> int:
    table = connection.ops.quote_name(RateLimitCount._meta.db_table)
    ends = datetime.fromtimestamp(expires, tz=UTC)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT.format(table=table), [key, ends])
        (count,) = cursor.fetchone()
    if count == 1:  # a new window: forget the windows that are over
        RateLimitCount.objects.filter(expires__lt=datetime.now(tz=UTC)).delete()
    return count
