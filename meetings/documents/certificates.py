"""Certificates (เกียรติบัตร): one A4 landscape page per honoree, with a QR code to /verify/<code>/."""

from dataclasses import dataclass

import segno
from django.conf import settings
from django.utils import translation

from halloffame import thai
from meetings.documents import pdf
from meetings.documents.selection import certified_honorees
from meetings.models import Certificate
from meetings.services import certificates_issue

TEMPLATE = "meetings/documents/certificates.html"


def verification_url(certificate: Certificate) -> str:
    with translation.override("th"):
        return settings.SITE_URL + certificate.get_absolute_url()


@dataclass
class CertificatePage:
    certificate: Certificate
    verify_url: str
    qr_svg: str  # a data: URI

    @property
    def honoree(self):
        return self.certificate.honoree


def _page(certificate: Certificate) -> CertificatePage:
    url = verification_url(certificate)
    qr = segno.make(url, error="m").svg_data_uri(scale=4, border=0, dark="#3b0d0d")
    return CertificatePage(certificate=certificate, verify_url=url, qr_svg=qr)


def certificates_pdf(*, meeting, honorees) -> bytes:
    """One page per honoree (a list from certified_honorees), in the order given."""
    certificates = certificates_issue(meeting=meeting, honorees=honorees)
    codes = [certificates[h.pk].code for h in honorees]

    def render():
        pages = [_page(certificates[h.pk]) for h in honorees]
        name, position = meeting.signatory
        context = {
            "meeting": meeting,
            "pages": pages,
            "month": thai.thai_month_year(meeting.date),
            "date": thai.thai_date(meeting.date),
            "signatory_name": name,
            "signatory_position": position,
        }
        with translation.override("th"):
            return pdf.render_pdf(TEMPLATE, context)

    return pdf.cached_pdf(meeting, "certificates", *codes, render=render)


def meeting_certificates(meeting, *, within=None):
    """The honorees of a meeting who get a certificate, narrowed to `within` (a queryset the user may see)."""
    honorees = certified_honorees(meeting)
    if within is not None:
        honorees = honorees.filter(pk__in=within.values("pk"))
    return list(honorees)
