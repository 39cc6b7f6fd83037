"""Hostile input to every public URL and every admin form: never a 500, never a payload
echoed back unescaped."""

from datetime import date
from urllib.parse import quote

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from honorees.models import PrivacyRequest
from tests.factories import make_honoree, make_meeting

XSS = "<script>alert(1)</script>"
ATTR = '"><img src=x onerror=alert(1)>'
MARKUP_PAYLOADS = [XSS, ATTR]
PAYLOADS = [
    XSS,
    ATTR,
    "' OR 1=1 --",
    "1; DROP TABLE honorees_honoree; --",
    "x" * 100_000,
    "ก" * 1_300,  # just under the 4,096-character address limit once percent-encoded
    "%" * 4_000,
    "ก\x00ข\x01\x08\x1b[31m\x7f",
    "%s%n{0}{{7*7}}${7*7}",
    "../../../../etc/passwd",
    "ไทย\u202eevil",
]
# Written straight into the query string: bytes that are not UTF-8, a lone surrogate, NUL,
# CR/LF header injection, overlong UTF-8, broken escapes.
RAW_QUERIES = [
    "q=%ff%fe",
    "q=%ED%A0%80",
    "q=%00",
    "q=%0d%0aSet-Cookie:%20x=1",
    "q=%C0%AF",
    "q=%",
    "page=%ff",
    "%ff=%fe",
    "district=%ED%A0%80&network=%ff&virtue=%00&kind=%fe&year=%ff&sort=%00",
]
BAD_NUMBERS = ["-1", "0", "1e9", "999999999999999999999999", "abc", "1.5", "NaN", "", "last", "0x10"]
LIST_PARAMS = ["q", "district", "network", "kind", "year", "virtue", "sort", "page", "id", "format", "o", "p"]
UNKNOWN_SLUGS = ["no-such-slug", quote(XSS, safe=""), quote(ATTR, safe=""), "%ff%fe", "%ED%A0%80", "a" * 5000]


def assert_safe(response, payload=None, where=""):
    assert response.status_code < 500, f"{response.status_code} for {where}"
    if payload is not None and len(payload) > 50_000:
        # 413: a body over a form's cap is refused before it is read (issue 13).
        assert response.status_code in {200, 302, 404, 405, 413, 414}, f"{response.status_code} for {where}"
    if payload is None or not hasattr(response, "content"):
        return
    body = response.content.decode("utf-8", "replace")
    for marker in ("<script>alert(1)", "<img src=x onerror", "onerror=alert(1)>"):
        if marker in payload:
            assert marker not in body, f"unescaped {marker!r} in {where}"


@pytest.fixture
def site(db):
    honoree = make_honoree(name="นายปลอดภัย ไว้ก่อน", name_en="Mr Safe First")
    return {
        "honoree": honoree,
        "meeting": honoree.meeting,
        "district": honoree.district,
        "network": honoree.network,
    }


def public_urls(site):
    with translation.override("th"):
        return _public_urls(site)


def _public_urls(site):
    honoree, meeting = site["honoree"], site["meeting"]
    urls = [
        "/",
        "/honorees/",
        honoree.get_absolute_url(),
        "/districts/",
        site["district"].get_absolute_url(),
        "/networks/",
        site["network"].get_absolute_url(),
        "/meetings/",
        meeting.get_absolute_url(),
        "/feeds/honorees/",
        "/sitemap.xml",
        "/robots.txt",
        "/privacy/",
        "/privacy/sent/",
        "/healthz",
    ]
    return urls + ["/en" + url for url in urls if url not in {"/sitemap.xml", "/robots.txt", "/healthz"}]


@pytest.mark.django_db
def test_every_public_url_answers_plain_requests(client, site):
    for url in public_urls(site):
        response = client.get(url)
        assert response.status_code in {200, 301, 302, 404}, f"{response.status_code} for {url}"


@pytest.mark.django_db
def test_payloads_in_every_query_parameter_are_harmless(client, site):
    for url in public_urls(site):
        for payload in PAYLOADS:
            for param in LIST_PARAMS if url.rstrip("/").endswith("honorees") else ["q", "page"]:
                response = client.get(url, {param: payload})
                assert_safe(response, payload, f"{url}?{param}={payload[:40]!r}")


@pytest.mark.django_db
def test_every_filter_at_once_with_a_payload(client, site):
    for payload in PAYLOADS:
        params = {param: payload for param in LIST_PARAMS}
        for url in ("/honorees/", "/en/honorees/"):
            assert_safe(client.get(url, params), payload, f"{url} all params {payload[:40]!r}")


@pytest.mark.django_db
def test_raw_invalid_unicode_and_control_bytes_in_the_query_string(client, site):
    for url in public_urls(site):
        for query in RAW_QUERIES:
            response = client.get(url, QUERY_STRING=query)
            assert_safe(response, None, f"{url}?{query}")
            assert "x=1" not in response.headers.get("Set-Cookie", ""), url


@pytest.mark.django_db
def test_bad_numbers_for_pages_years_and_ids(client, site):
    for url in public_urls(site):
        for value in BAD_NUMBERS:
            for param in ("page", "year", "id", "p"):
                assert_safe(client.get(url, {param: value}), None, f"{url}?{param}={value}")


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/honorees/", "/districts/", "/networks/", "/meetings/", "/en/honorees/"])
def test_unknown_and_hostile_slugs_are_404(client, site, prefix):
    for slug in UNKNOWN_SLUGS:
        response = client.get(f"{prefix}{slug}/")
        assert response.status_code == 404, f"{response.status_code} for {prefix}{slug[:40]}/"
        assert_safe(response, XSS + ATTR, prefix)


@pytest.mark.django_db
def test_payloads_in_the_path_are_not_echoed(client, site):
    for payload in MARKUP_PAYLOADS:
        for path in (f"/{quote(payload)}", f"/honorees/{quote(payload)}", f"/en/{quote(payload)}/"):
            assert_safe(client.get(path), payload, path)


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_wrong_methods_on_read_only_pages_are_405(client, site, method):
    for url in public_urls(site):
        if url.rstrip("/").endswith("privacy") and method == "post":
            continue
        response = getattr(client, method)(url, data={"q": XSS} if method == "post" else None)
        assert response.status_code == 405, f"{method.upper()} {url}: {response.status_code}"


@pytest.mark.django_db
def test_hostile_privacy_request_is_stored_as_text_and_shown_escaped(client, site, admin_client):
    for payload in PAYLOADS:
        data = {
            "honoree": payload,
            "kind": payload,
            "requester_name": payload,
            "requester_contact": payload,
            "message": payload,
        }
        assert_safe(client.post("/privacy/", data), payload, "privacy form, all fields hostile")
        data["honoree"], data["kind"] = site["honoree"].slug, "correction"
        assert_safe(client.post("/privacy/", data), payload, "privacy form, text fields hostile")
    stored = PrivacyRequest.objects.filter(requester_name=XSS).get()
    changelist = admin_client.get(reverse("admin:honorees_privacyrequest_changelist"))
    assert_safe(changelist, XSS, "privacy request changelist")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in changelist.content.decode()
    assert_safe(
        admin_client.get(reverse("admin:honorees_privacyrequest_change", args=[stored.pk])), XSS, "privacy change"
    )


# --- admin forms ------------------------------------------------------------------------------


def first_choice(field):
    for value, _label in field.choices:
        if str(value) != "":
            return str(value)
    return ""


def admin_form_data(response, payload):
    """POST data for an admin add/change form: the payload in every text field, valid-looking
    values elsewhere, and empty inline formsets."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
            choice = first_choice(field)
            data[name] = [choice] if choice else []
        elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
            data[name] = first_choice(field)
        elif isinstance(field, forms.BooleanField):
            data[name] = "on"
        elif isinstance(field, forms.SplitDateTimeField):
            data[f"{name}_0"], data[f"{name}_1"] = "2025-01-15", "10:00:00"
        elif isinstance(field, forms.DateField):
            data[name] = date(2025, 1, 15).isoformat()
        elif isinstance(field, forms.FileField):
            continue
        elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
            data[name] = payload[:50]
        else:
            data[name] = payload
    for inline in response.context.get("inline_admin_formsets", []):
        management = inline.formset.management_form
        prefix = inline.formset.prefix
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": str(management.initial.get("INITIAL_FORMS", 0)),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data


def admin_form_urls(site):
    return [
        reverse("admin:honorees_honoree_add"),
        reverse("admin:honorees_honoree_change", args=[site["honoree"].pk]),
        reverse("admin:meetings_meeting_add"),
        reverse("admin:meetings_meeting_change", args=[site["meeting"].pk]),
        reverse("admin:honorees_privacyrequest_add"),
    ]


@pytest.mark.django_db
def test_every_admin_form_survives_hostile_input(admin_client, site):
    make_meeting(day=date(2030, 1, 15))
    for url in admin_form_urls(site):
        page = admin_client.get(url)
        assert page.status_code == 200, url
        for payload in PAYLOADS:
            response = admin_client.post(url, admin_form_data(page, payload))
            assert_safe(response, payload, f"POST {url} {payload[:40]!r}")
            if response.status_code == 302:
                assert_safe(admin_client.get(response["Location"]), payload, f"after saving {url}")
    for model in ("honorees_honoree", "meetings_meeting", "honorees_privacyrequest"):
        changelist = reverse(f"admin:{model}_changelist")
        assert_safe(admin_client.get(changelist), XSS, changelist)
        for payload in PAYLOADS:
            for param in ("q", "o", "p", "status", "district__id__exact", "e", "_changelist_filters"):
                assert_safe(admin_client.get(changelist, {param: payload}), payload, f"{changelist}?{param}")
        for query in RAW_QUERIES:
            assert_safe(admin_client.get(changelist, QUERY_STRING=query), None, f"{changelist}?{query}")
    for payload in MARKUP_PAYLOADS:
        for honoree in site["honoree"].__class__.objects.filter(name=payload):
            assert_safe(admin_client.get(honoree.get_absolute_url()), payload, "public page of a saved payload")


@pytest.mark.django_db
def test_unknown_admin_object_ids_are_not_500(admin_client, site):
    for value in ["abc", "-1", "99999999999999999999", quote(XSS, safe=""), "%ff"]:
        for model in ("honorees/honoree", "meetings/meeting", "honorees/privacyrequest"):
            response = admin_client.get(f"/admin/{model}/{value}/change/")
            assert_safe(response, XSS, f"/admin/{model}/{value}/change/")


@pytest.mark.django_db
def test_a_foreign_host_header_is_a_plain_400(client, site):
    for url in public_urls(site) + ["/admin/login/", "/static/css/site.css"]:
        for host in ("evil.example", "127.0.0.1:8000@evil.example", "<script>alert(1)</script>", "a" * 300):
            response = client.get(url, HTTP_HOST=host)
            assert response.status_code == 400, f"{response.status_code} for {url} with Host {host[:40]}"
            assert_safe(response, XSS, url)
