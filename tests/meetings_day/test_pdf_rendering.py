import pytest
from django.urls import reverse
from weasyprint.urls import FatalURLFetchingError

from meetings.documents import pdf
from meetings.documents.weasy import html_to_pdf

BASE = pdf.STATIC_DIR.resolve().as_uri() + "/"


def test_documents_load_the_sites_own_files(tmp_path):
    assert html_to_pdf('<img src="icons/favicon.svg">', base_url=BASE).startswith(b"%PDF-")


@pytest.mark.parametrize("src", ["file:///etc/passwd", "http://127.0.0.1:1/x.png", "../../manage.py"])
def test_documents_never_load_other_files_or_the_network(src):
    with pytest.raises(FatalURLFetchingError):
        html_to_pdf(f'<img src="{src}">', base_url=BASE)


@pytest.mark.django_db
def test_without_pango_a_pdf_is_a_thai_503_not_a_500(client, meeting, honorees, monkeypatch):
    def missing(*args):
        raise pdf.DocumentsUnavailable

    monkeypatch.setattr(pdf, "render_pdf", missing)
    response = client.get(reverse("meetings:announcement-pdf", args=[meeting.slug]))
    assert response.status_code == 503
    assert "Pango" in response.content.decode() and "ผู้ดูแลระบบ" in response.content.decode()
