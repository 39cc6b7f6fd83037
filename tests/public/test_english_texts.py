"""English pages use an honoree's English citation and story; where one is missing they show the
Thai text marked lang="th" with a short note, so screen readers and translators know."""

import pytest

from tests.factories import make_honoree

pytestmark = pytest.mark.django_db


def test_english_profile_uses_the_english_citation_and_story(client):
    honoree = make_honoree(citation_en="Cares for the elderly of her village", story_en="First.\n\nSecond.")
    body = client.get(f"/en/honorees/{honoree.slug}/").content.decode()
    assert "<p>Cares for the elderly of her village</p>" in body
    assert "<p>First.</p>" in body and "<p>Second.</p>" in body
    assert "อุทิศตนเพื่อชุมชน" not in body
    assert "No English version yet" not in body


def test_english_profile_without_english_texts_shows_thai_marked_as_thai_with_a_note(client):
    honoree = make_honoree()
    body = client.get(f"/en/honorees/{honoree.slug}/").content.decode()
    assert '<p lang="th">อุทิศตนเพื่อชุมชน</p>' in body
    assert '<div lang="th"><p>ย่อหน้าแรก</p>' in body
    assert "No English version yet" in body


def test_thai_profile_ignores_the_english_texts(client):
    honoree = make_honoree(citation_en="Cares for the elderly", story_en="English story.")
    body = client.get(f"/honorees/{honoree.slug}/").content.decode()
    assert "<p>อุทิศตนเพื่อชุมชน</p>" in body
    assert "English story." not in body and "Cares for the elderly" not in body


def test_english_cards_and_feed_follow_the_same_rule(client):
    make_honoree(citation_en="Keeps the mangroves alive")
    make_honoree(name="นางสาวไม่มีแปล ทดสอบ", citation="สอนหนังสือเด็กในหมู่บ้าน")
    cards = client.get("/en/honorees/").content.decode()
    assert '<p class="card__citation">Keeps the mangroves alive</p>' in cards
    assert '<p class="card__citation" lang="th">สอนหนังสือเด็กในหมู่บ้าน</p>' in cards
    feed = client.get("/en/feeds/honorees/").content.decode()
    assert "Keeps the mangroves alive" in feed


def test_english_story_stays_hidden_without_consent_to_the_story(client):
    honoree = make_honoree(story_en="A private English story.", consent_covers_story=False)
    body = client.get(f"/en/honorees/{honoree.slug}/").content.decode()
    assert "A private English story." not in body


def test_network_description_falls_back_to_thai_marked_as_thai(client):
    from networks.models import Network

    network = Network.objects.get(slug="media")
    Network.objects.filter(pk=network.pk).update(description_en="")
    body = client.get("/en/networks/media/").content.decode()
    assert f'<p class="page-head__lead" lang="th">{network.description_th}</p>' in body
