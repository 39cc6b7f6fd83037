"""HTML (and other text) compressed with Brotli where the browser takes it, gzip otherwise.

Static files are compressed ahead of time by whitenoise; this is for responses Django renders.
"""

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

re_accepts_br = _lazy_re_compile(r"\bbr\b")
re_accepts_gzip = _lazy_re_compile(r"\bgzip\b")

# Quality 5 compresses a 50 KB page in about a millisecond, to within a few per cent of 11.
BROTLI_QUALITY = 5
MIN_LENGTH = 200
COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/json",
    "application/ld+json",
    "application/javascript",
    "image/svg+xml",
)


def negotiate(request) -> str:
    """The encoding this response will be sent in: "br", "gzip" or "" (the page cache keys on it)."""
    accept = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if re_accepts_br.search(accept):
        return "br"
    if re_accepts_gzip.search(accept):
        return "gzip"
    return ""


def is_compressible(response) -> bool:
    return (
        not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and (response.streaming or len(response.content) >= MIN_LENGTH)
    )


class CompressionMiddleware(GZipMiddleware):
    """Brotli for rendered text responses, falling back to Django's gzip.

    A page that carries a CSRF token keeps Django's gzip with its random padding, which is
    Django's defence against BREACH; Brotli is used only where no secret is in the body.
    """

    def process_response(self, request, response):
        if not is_compressible(response):
            return response
        # The CSRF middleware (re)sets its cookie whenever the page rendered a token.
        carries_token = settings.CSRF_COOKIE_NAME in response.cookies
        if carries_token or response.streaming or negotiate(request) != "br":
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response


_middleware = CompressionMiddleware(lambda request: None)


def compress(request, response):
    """The response as the middleware would send it, for a view that caches what it sends."""
    return _middleware.process_response(request, response)
