"""Programme photos go through the honorees' photo pipeline and are served only while public."""

import re

import pytest
from django.core.files.storage import default_storage

from networks.programme.models import Status
from tests.factories import uploaded_jpeg
from tests.programme.factories import make_coach, make_organisation

pytestmark = pytest.mark.django_db


def picture_sources(html: str) -> list[str]:
    return re.findall(r'(?:src|srcset)="(/media/programme/[^" ]+)', html)


def test_an_uploaded_photo_becomes_a_master_with_renditions_on_the_public_page(client):
    organisation = make_organisation()
    organisation.photo = uploaded_jpeg(size=(900, 700))
    organisation.save()
    assert re.fullmatch(r"programme/[0-9a-f]{24}\.jpg", organisation.photo.name)
    page = client.get(organisation.get_absolute_url()).content.decode()
    sources = picture_sources(page)
    assert sources and all("/renditions/" in s for s in sources)
    for url in sources:
        assert default_storage.exists(url.removeprefix("/media/"))
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("image/")
    assert client.get(f"/media/{organisation.photo.name}").status_code == 200


def test_a_photo_of_a_record_that_is_not_public_is_a_404(client):
    organisation = make_organisation(status=Status.DRAFT)
    organisation.photo = uploaded_jpeg()
    organisation.save()
    assert client.get(f"/media/{organisation.photo.name}").status_code == 404


def test_a_coach_photo_without_consent_for_it_is_a_404(client):
    coach = make_coach(consent_covers_photo=False)
    coach.photo = uploaded_jpeg()
    coach.save()
    assert coach.public_photo is None
    assert client.get(f"/media/{coach.photo.name}").status_code == 404


def test_a_file_that_is_not_an_image_is_refused_in_thai():
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    organisation = make_organisation()
    organisation.photo = SimpleUploadedFile("x.jpg", b"not an image")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "ไม่ใช่รูปภาพ" in str(error.value)


def test_unknown_programme_media_paths_are_a_404(client):
    assert client.get("/media/programme/../../etc/passwd").status_code == 404
    assert client.get("/media/programme/renditions/zz/x.jpg").status_code == 404
