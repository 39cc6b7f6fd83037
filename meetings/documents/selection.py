"""Who appears on a meeting's documents: one definition for certificates, announcement and slides."""

from honorees import consent
from honorees.models import Honoree

# An approved honoree holds a place on the board and may be handed a certificate before the web
# announcement; published ones are the meeting's public honorees.
CERTIFIABLE_STATUSES = (Honoree.Status.APPROVED, Honoree.Status.PUBLISHED)


def certified_honorees(meeting):
    """Honorees who receive a certificate at the meeting, in district order: they hold its place with
    approval, and their consent allows their name to be published (a certificate carries it)."""
    return (
        Honoree.objects.holding_place()
        .filter(
            consent.publishable_consent_q(Honoree),
            meeting=meeting,
            status__in=CERTIFIABLE_STATUSES,
            consent_withdrawn_at__isnull=True,
        )
        .select_related("district", "network", "meeting")
        .order_by("district__code")
    )


def announced_honorees(meeting):
    """Who the announcement and the slides show: the public honorees once the meeting is published;
    before that (the secretariat's preview) the honorees who will receive a certificate."""
    if meeting.is_published:
        return Honoree.objects.public().filter(meeting=meeting).with_related().order_by("district__code")
    return certified_honorees(meeting).prefetch_related("virtues")
