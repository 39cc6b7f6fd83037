"""The benchmark's seed writes what the product writes: a seeded profile prints the same
<picture> and share card markup as one an officer made in the admin."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bench import seed
from honorees import demo, services
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network
from tests.admin.conftest import honoree_form

pytestmark = pytest.mark.django_db


def picture_and_card(body: str) -> tuple[str, str]:
    """The profile's <picture> and og:image, with the stored names (random by design) masked."""
    picture = re.search(r"<picture>.*?</picture>", body, re.S).group(0)
    card = re.search(r'<meta property="og:image" content="([^"]+)"', body).group(1)
    masters = set(re.findall(r"honorees/renditions/([0-9a-f]{24})/", picture))
    assert len(masters) == 1, picture
    picture = picture.replace(masters.pop(), "MASTER")
    picture = re.sub(r"-[0-9a-f]{10}\.(webp|jpg)\b", r"-HASH.\1", picture)  # a rendition's spec hash, from its master
    card = re.sub(r"honorees/share/[0-9a-f]{16}-[0-9a-f]+\.jpg$", "honorees/share/CARD.jpg", card)
    return picture, card


def test_a_seeded_profile_prints_the_markup_of_one_made_in_the_admin(client, admin_user):
    counts = seed.seed(fiscal_years=1, hidden=4, photos=2)
    assert counts["public honorees"] == 12 * 19 and counts["with photo"] == 12 * 19
    seeded = Honoree.objects.public().order_by("-pk").first()  # bulk-created, sharing portrait 1's files
    assert seeded.pk > Honoree.objects.order_by("pk")[1].pk and seeded.share_card

    staff = client.__class__()
    staff.force_login(admin_user)
    district = District.objects.get(code="8404")
    photo = SimpleUploadedFile("portrait.jpg", demo.portrait_jpeg(1, "person"), "image/jpeg")
    data = honoree_form(district, Network.objects.first(), photo=photo, photo_alt=seeded.photo_alt)
    response = staff.post("/admin/honorees/honoree/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    made = Honoree.objects.get(name=data["name"])
    meeting = Meeting.objects.create(date=seeded.meeting.date.replace(day=2), is_published=False)
    services.honoree_nominate(honoree=made, by=admin_user)
    services.honoree_approve(honoree=made, by=admin_user)
    services.honoree_place(honoree=made, meeting=meeting, by=admin_user)
    Meeting.objects.filter(pk=meeting.pk).update(is_published=True)
    Honoree.objects.filter(pk=made.pk).update(status=Honoree.Status.PUBLISHED)

    seeded_body = client.get(seeded.get_absolute_url()).content.decode()
    made_body = client.get(made.get_absolute_url()).content.decode()
    assert picture_and_card(seeded_body) == picture_and_card(made_body)
    assert "/media/honorees/renditions/" in seeded_body and f'src="/media/{seeded.photo.name}"' not in seeded_body
