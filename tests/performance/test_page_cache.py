"""Anonymous public pages come from the cache, and any change shows on the next request."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from halloffame import cache as page_cache
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network, Virtue
from tests.factories import make_honoree


def staff_client(username="staff"):
    """A Client with a logged-in staff session, made the way force_login does it (without the
    login signal, whose receivers belong to other features)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.test import Client

    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def warm(client, url):
    """Render the page, then check that the next request is served from the cache."""
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    return second.content.decode()


def test_second_anonymous_request_is_served_from_the_cache(client, small_site, django_assert_num_queries):
    honoree = small_site["public"][0]
    warm(client, honoree.get_absolute_url())
    with django_assert_num_queries(1):  # the version read, nothing else
        response, body = get(client, honoree.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert honoree.name in body


def test_renamed_honoree_shows_on_the_next_request(client, small_site):
    honoree = small_site["public"][-1]  # of the latest meeting: on the first page of /honorees/
    for url in (honoree.get_absolute_url(), "/honorees/", honoree.meeting.get_absolute_url()):
        warm(client, url)
    honoree.name = "นางสาวชื่อใหม่ หลังแก้ไข"
    honoree.save()
    for url in (honoree.get_absolute_url(), "/honorees/", honoree.meeting.get_absolute_url()):
        response, body = get(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert "นางสาวชื่อใหม่ หลังแก้ไข" in body, url


def test_status_change_by_queryset_update_takes_the_profile_down_at_once(client, small_site):
    honoree = small_site["public"][0]
    assert honoree.name in warm(client, honoree.get_absolute_url())
    warm(client, "/honorees/?q=" + honoree.name[:8])
    Honoree.objects.filter(pk=honoree.pk).update(status=Honoree.Status.WITHDRAWN)  # no save(), no signal
    assert client.get(honoree.get_absolute_url()).status_code == 404
    assert honoree.name not in client.get("/honorees/?q=" + honoree.name[:8]).content.decode()


def test_withdrawn_consent_takes_the_honoree_off_every_cached_page(client, small_site):
    honoree = small_site["public"][0]
    urls = ["/", "/honorees/", honoree.meeting.get_absolute_url(), honoree.district.get_absolute_url()]
    urls += ["/feeds/honorees/", "/sitemap-honorees.xml"]
    for url in urls:
        warm(client, url)
    honoree.consent_withdrawn_at = timezone.now()
    honoree.status = Honoree.Status.WITHDRAWN
    honoree.save()
    assert client.get(honoree.get_absolute_url()).status_code == 404
    for url in urls:
        response, body = get(client, url)
        assert response.status_code == 200
        assert honoree.name not in body and honoree.slug not in body, url


def test_unpublishing_a_meeting_hides_it_and_publishing_shows_it(client, small_site):
    meeting = small_site["meetings"][-1]
    honoree = Honoree.objects.filter(meeting=meeting).first()
    assert honoree.name in warm(client, "/")
    warm(client, meeting.get_absolute_url())
    Meeting.objects.filter(pk=meeting.pk).update(is_published=False)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert honoree.name not in client.get("/").content.decode()
    meeting.is_published = True
    meeting.save()
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert honoree.name in client.get("/").content.decode()


def test_district_name_shows_on_the_next_request(client, small_site):
    honoree = small_site["public"][0]
    for url in ("/districts/", honoree.get_absolute_url()):
        warm(client, url)
    District.objects.filter(pk=honoree.district_id).update(name_th="อำเภอทดสอบเปลี่ยนชื่อ")
    assert "อำเภอทดสอบเปลี่ยนชื่อ" in client.get("/districts/").content.decode()
    assert "อำเภอทดสอบเปลี่ยนชื่อ" in client.get(honoree.get_absolute_url()).content.decode()


def test_network_name_shows_on_the_next_request(client, small_site):
    honoree = small_site["public"][0]
    for url in ("/networks/", honoree.get_absolute_url()):
        warm(client, url)
    network = Network.objects.get(pk=honoree.network_id)
    network.name_th = "เครือข่ายทดสอบเปลี่ยนชื่อ"
    network.save()
    assert "เครือข่ายทดสอบเปลี่ยนชื่อ" in client.get("/networks/").content.decode()
    assert "เครือข่ายทดสอบเปลี่ยนชื่อ" in client.get(honoree.get_absolute_url()).content.decode()


def test_virtue_added_to_an_honoree_shows_on_the_next_request(client, small_site):
    honoree = small_site["public"][0]
    virtue = Virtue.objects.exclude(pk__in=honoree.virtues.all()).first()
    assert virtue.name_th not in warm(client, honoree.get_absolute_url())
    honoree.virtues.add(virtue)  # an m2m write: neither save() nor update()
    assert virtue.name_th in client.get(honoree.get_absolute_url()).content.decode()


def test_a_write_from_outside_django_invalidates_the_cache(client, small_site):
    """Another gunicorn worker, a shell or a restore writes straight to the database: the token
    lives there, not in this process, so the next request here still sees the change."""
    honoree = small_site["public"][0]
    warm(client, honoree.get_absolute_url())
    with connection.cursor() as cursor:
        cursor.execute("UPDATE honorees_honoree SET citation = %s WHERE id = %s", ["เหตุผลใหม่จาก SQL", honoree.pk])
    response, body = get(client, honoree.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "เหตุผลใหม่จาก SQL" in body


def test_draft_honoree_never_appears_through_the_cache(client, small_site):
    draft = small_site["draft"]
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404  # a 404 is not stored
    assert "X-Page-Cache" not in client.get(url)
    for page in ("/", "/honorees/", "/honorees/?q=" + draft.name[:6], "/sitemap-honorees.xml", "/feeds/honorees/"):
        body = warm(client, page)
        assert draft.name not in body and draft.slug not in body, page
    approved = small_site["approved"]
    assert client.get(approved.get_absolute_url()).status_code == 404
    assert approved.name not in client.get("/honorees/").content.decode()


def test_newly_published_honoree_shows_on_cached_lists(client, small_site):
    warm(client, "/honorees/?q=นายใหม่")
    honoree = make_honoree(meeting=small_site["meetings"][0], name="นายใหม่ เพิ่งประกาศ", name_en="New One")
    assert honoree.district_id  # a free district of that meeting
    assert "นายใหม่ เพิ่งประกาศ" in client.get("/honorees/?q=นายใหม่").content.decode()


def test_logged_in_staff_are_never_served_a_cached_page(client, small_site):
    honoree = small_site["public"][0]
    url = honoree.get_absolute_url()
    warm(client, url)
    staff = staff_client()
    response = staff.get(url)
    assert response.status_code == 200
    assert response.wsgi_request.user.is_staff
    assert "X-Page-Cache" not in response  # rendered for them, not read from or written to the cache
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_staff_visit_does_not_fill_the_cache_for_the_public(client, small_site):
    url = small_site["public"][1].get_absolute_url()
    assert staff_client().get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_pages_are_cached_per_language_and_per_query_string(client, small_site):
    warm(client, "/honorees/")
    assert client.get("/en/honorees/")["X-Page-Cache"] == "miss"
    assert client.get("/honorees/?sort=name")["X-Page-Cache"] == "miss"
    assert client.get("/honorees/?kind=person")["X-Page-Cache"] == "miss"
    assert client.get("/honorees/", HTTP_ACCEPT_ENCODING="br")["X-Page-Cache"] == "miss"


def test_pages_outside_the_public_list_are_not_cached(client, small_site):
    for url in ("/healthz", "/admin/login/", "/honorees/no-such-honoree/"):
        client.get(url)
        assert "X-Page-Cache" not in client.get(url), url


def test_response_that_sets_a_cookie_is_not_stored(rf):
    """A page that rendered a CSRF token (or set any cookie) belongs to one visitor."""
    from django.http import HttpResponse

    response = HttpResponse("<form>token</form>")
    response.set_cookie("csrftoken", "abc")
    assert not page_cache.is_storable_response(rf.get("/"), response)
    assert page_cache.is_storable_response(rf.get("/"), HttpResponse("<p>public</p>"))
    private = HttpResponse("<p>mine</p>")
    private["Cache-Control"] = "private"
    assert not page_cache.is_storable_response(rf.get("/"), private)


def test_head_request_is_served_from_the_cache(client, small_site):
    warm(client, "/districts/")
    response = client.head("/districts/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"


def test_visitor_with_a_pending_message_gets_a_fresh_page(client, small_site):
    warm(client, "/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/")


def test_a_worker_finds_a_page_another_worker_stored_in_the_shared_cache(client, small_site, settings):
    """With Redis, a page rendered by one gunicorn worker serves every worker (here: a second
    local-memory cache stands in for Redis, and clearing the local one for another worker)."""
    from django.core.cache import caches

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "worker"},
        "pages-shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "shared"},
    }
    url = small_site["public"][0].get_absolute_url()
    warm(client, url)
    caches["default"].clear()  # another worker: nothing in its own memory
    assert client.get(url)["X-Page-Cache"] == "hit"
    small_site["public"][0].save()
    caches["default"].clear()
    assert client.get(url)["X-Page-Cache"] == "miss"  # the shared copy is of the old version
    caches["pages-shared"].clear()


def test_staff_drafting_leaves_cached_pages_valid(client, small_site):
    from tests.performance.conftest import public_urls

    urls = [url for url in public_urls(small_site) if client.get(url).status_code == 200]
    assert len(urls) > 15
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "hit"
    draft = small_site["draft"]
    draft.citation = "แก้ร่างอีกครั้ง"
    draft.save()
    Honoree.objects.filter(pk=small_site["approved"].pk).update(story="รอประกาศ")
    make_honoree(meeting=None, status=Honoree.Status.DRAFT)
    assert [url for url in urls if client.get(url)["X-Page-Cache"] != "hit"] == []
    Honoree.objects.filter(pk=small_site["public"][0].pk).update(citation="แก้ของที่เผยแพร่แล้ว")
    assert [url for url in urls if client.get(url)["X-Page-Cache"] == "hit"] == []
