"""HTML to PDF through WeasyPrint (Pango and HarfBuzz shape Thai; libthai breaks Thai words), cached
under the public content version so that a PDF is made once per change of what it shows."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from halloffame.cache import current_token, deploy_id

FONT_DIR = Path(settings.BASE_DIR) / "honorees" / "fonts"
STATIC_DIR = Path(settings.BASE_DIR) / "static"
# The only files a document may load: the Sarabun TTFs and the site's own static files.
ALLOWED_ROOTS = (FONT_DIR.resolve(), STATIC_DIR.resolve())


# WeasyPrint writes one text mapping per glyph, taken from the first place a glyph is drawn. HarfBuzz
# draws SARA AM (ำ) as NIKHAHIT + SARA AA (or a NIKHAHIT-tone ligature + SARA AA), so a first ำ
# would map the SARA AA glyph to "ำ" and every later า would copy and search as ำ. Drawing these
# invisible clusters first, in both weights, pins each glyph to its own letters (ำ then reads
# as its compatibility form ํา).
_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
_TONES = ["", "\u0e48", "\u0e49", "\u0e4a", "\u0e4b"]
THAI_TEXT_MAP = "า ํ " + " ".join(c + tone + "ํ" for c in _CONSONANTS for tone in _TONES)


def render_pdf(template: str, context: dict) -> bytes:
    context = {
        **context,
        "font_dir": FONT_DIR.resolve().as_uri(),
        "static_dir": STATIC_DIR.resolve().as_uri(),
        "thai_text_map": THAI_TEXT_MAP,
    }
    try:
        from meetings.documents.weasy import html_to_pdf
    except OSError as error:  # WeasyPrint loads Pango when imported
        raise DocumentsUnavailable from error
    return html_to_pdf(render_to_string(template, context), base_url=STATIC_DIR.resolve().as_uri() + "/")


class DocumentsUnavailable(Exception):
    """The system libraries WeasyPrint needs (Pango) are not installed."""


def unavailable_response() -> HttpResponse:
    message = _("ระบบสร้างเอกสาร PDF ไม่พร้อมใช้งาน (ยังไม่ได้ติดตั้ง Pango) โปรดแจ้งผู้ดูแลระบบ")
    return HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")


def cached_pdf(meeting, *key_parts, render) -> bytes:
    """`render()`'s PDF for `meeting`, kept in the cache under the public content version, the
    release and whatever else the document depends on (`key_parts`); any change to the content
    makes a new one. An unpublished meeting's preview is made afresh: the content version follows
    only what the public sees, and a preview shows candidates the public does not."""
    token = current_token()
    if token is None or not meeting.is_published:
        return render()
    parts = [deploy_id(), str(token), settings.SITE_URL, *settings_parts(), str(meeting.pk), *map(str, key_parts)]
    key = "pdf:" + hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
    pdf = cache.get(key)
    if pdf is None:
        pdf = render()
        cache.set(key, pdf, settings.DOCUMENT_CACHE_TIMEOUT)
    return pdf


def settings_parts() -> list[str]:
    return [settings.CERTIFICATE_SIGNATORY_NAME, settings.CERTIFICATE_SIGNATORY_POSITION]


def pdf_response(data: bytes, filename: str, *, private: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
