import pytest

from honorees.models import Honoree
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting


def make_public_honorees(count, **fields):
    """`count` public honorees, nineteen to a meeting (one per district), spread over networks."""
    districts = list(District.objects.order_by("code"))
    networks = list(Network.objects.order_by("order"))
    virtues = list(Virtue.objects.order_by("order"))
    honorees = []
    meeting = None
    for i in range(count):
        if i % len(districts) == 0:
            meeting = make_meeting()
        honoree = make_honoree(
            meeting=meeting, district=districts[i % len(districts)], network=networks[i % len(networks)], **fields
        )
        honoree.virtues.add(virtues[i % len(virtues)])
        honorees.append(honoree)
    return honorees


@pytest.fixture
def hidden_honorees():
    """One honoree for every way of not being public."""
    meeting = make_meeting()
    district = District.objects.get(code="8404")
    hidden = [
        make_honoree(meeting=meeting, status=status, name=f"นายซ่อน สถานะ{status}", name_en=f"Hidden {status}")
        for status in ("draft", "nominated", "approved", "rejected", "withdrawn")
    ]
    hidden.append(
        make_honoree(
            meeting=make_meeting(published=False), district=district, name="นายซ่อน ประชุมยังไม่ประกาศ", name_en="Hidden M"
        )
    )
    hidden.append(make_honoree(meeting=make_meeting(), district=district, name="นางซ่อน ไม่ยินยอม", consent_given_on=None))
    withdrawn = make_honoree(meeting=make_meeting(), district=district, name="นายซ่อน ถอนความยินยอม")
    from django.utils import timezone

    Honoree.objects.filter(pk=withdrawn.pk).update(consent_withdrawn_at=timezone.now())
    hidden.append(withdrawn)
    return hidden
