"""Is a certificate genuine? The rule behind /verify/<code>/."""

import re

from honorees.models import STATUSES_WITHOUT_PLACE, Honoree
from meetings.models import CERTIFICATE_CODE_LENGTH, Certificate

GENUINE, REVOKED, NOT_YET_PUBLIC = "genuine", "revoked", "not-yet-public"
CODE_RE = re.compile(rf"[0-9A-HJKMNP-TV-Z]{{{CERTIFICATE_CODE_LENGTH}}}")
# What people type for Crockford base32's missing letters.
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def normalise_code(text: str) -> str | None:
    """The stored form of a typed or scanned code (spaces, hyphens and case ignored), or None
    when it cannot be a certificate code at all."""
    cleaned = re.sub(r"[\s\-]", "", text[: CERTIFICATE_CODE_LENGTH * 3]).upper().translate(_LOOKALIKES)
    return cleaned if CODE_RE.fullmatch(cleaned) else None


def certificate_find(code: str) -> Certificate | None:
    return (
        Certificate.objects.select_related("honoree__district", "honoree__network", "meeting").filter(code=code).first()
    )


def certificate_verdict(certificate: Certificate) -> str:
    """GENUINE while the honoree is public for that meeting; REVOKED once the honoree was withdrawn,
    rejected, removed from the meeting or withdrew consent (or, once the meeting is announced, is not
    public for lack of consent); NOT_YET_PUBLIC before the meeting's announcement is published.
    Only a GENUINE verdict may show who the certificate is for."""
    honoree = certificate.honoree
    if (
        honoree.meeting_id != certificate.meeting_id
        or honoree.status in STATUSES_WITHOUT_PLACE
        or honoree.consent_withdrawn_at is not None
    ):
        return REVOKED
    if Honoree.objects.public().filter(pk=honoree.pk).exists():
        return GENUINE
    # The meeting is announced but the honoree is not public (their consent no longer allows it):
    # the certificate can no longer be vouched for.
    return REVOKED if certificate.meeting.is_published else NOT_YET_PUBLIC
