"""WeasyPrint itself, imported only when a PDF is made (it loads Pango, a system library)."""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import ImageFile
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from meetings.documents.pdf import ALLOWED_ROOTS

# Importing WeasyPrint switches Pillow, process-wide, to accepting truncated images; the photo
# upload check (honorees/photos/validation.py) relies on Pillow refusing them.
ImageFile.LOAD_TRUNCATED_IMAGES = False


class LocalFilesOnly(URLFetcher):
    """WeasyPrint's fetcher limited to data: URIs and the allowed folders: a document never reaches
    the network or reads a file outside them, whatever a template contains; a file it cannot load
    (a font, say) stops the rendering instead of printing boxes."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if not any(path.is_relative_to(root) for root in ALLOWED_ROOTS):
                raise ValueError(f"documents load only the site's own files, not {url}")
        return super().fetch(url, headers)


def html_to_pdf(html: str, *, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url, url_fetcher=LocalFilesOnly()).write_pdf()
