"""/api/v1/…: only public fields of public honorees, the /honorees/ filters, CSV that opens in a
real CSV parser with Thai intact, counts equal to public(), ETag, CORS, rate limit, withdrawal."""

import csv
import io
import json

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from halloffame.opendata import records
from honorees import filters, services
from honorees.models import Honoree
from honorees.summary import public_summary
from meetings.models import Meeting
from networks.models import District, Network
from tests.factories import make_honoree, make_meeting, uploaded_jpeg
from tests.public.conftest import make_public_honorees

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/honorees/",
    "/api/v1/honorees.csv",
    "/api/v1/meetings/",
    "/api/v1/districts/",
    "/api/v1/networks/",
    "/api/v1/catalog.json",
]
# Values written into every field the public must never see; none may leave through the API.
SECRETS = {
    "contact_phone": "081-999-1234",
    "contact_email": "secret.person@example.org",
    "contact_address": "บ้านลับ เลขที่ 99",
    "staff_notes": "บันทึกลับของเจ้าหน้าที่",
    "guardian_name": "นายผู้ปกครองลับ",
    "rejection_reason": "เหตุผลลับที่ไม่อนุมัติ",
}
NON_PUBLIC_FIELDS = {
    "contact_phone", "contact_email", "contact_address", "staff_notes", "status", "rejection_reason",
    "is_living", "is_minor", "consent_given_on", "consent_method", "consent_covers_name", "consent_covers_photo",
    "consent_covers_story", "guardian_name", "guardian_consent_on", "consent_withdrawn_at", "consent_withdrawn_by",
    "created_by", "updated_by", "created_at", "updated_at", "sort_key", "name_key", "share_card", "id", "pk",
}  # fmt: skip


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def read_csv(response) -> list[dict]:
    raw = response.content
    assert raw.startswith("\ufeff".encode()), "a UTF-8 BOM, so that Excel shows Thai"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.fixture
def public_with_secrets():
    honoree = make_honoree(
        name="นางสาวมาลัย ใจงาม",
        name_en="Ms Malai Jaingam",
        citation_en="For thirty years of teaching",
        story_en="Ms Malai's story",
        photo=uploaded_jpeg(),
        photo_alt="ภาพคุณมาลัย",
        **SECRETS,
    )
    honoree.virtues.set([1, 2])
    return honoree


def test_honoree_records_carry_exactly_the_documented_fields(client, public_with_secrets):
    results = get_json(client, "/api/v1/honorees/")["results"]
    assert [set(r) for r in results] == [set(records.HONOREE_FIELDS)]
    assert not set(records.HONOREE_FIELDS) & NON_PUBLIC_FIELDS
    record = results[0]
    assert record["name"] == "นางสาวมาลัย ใจงาม"
    assert record["url"].endswith(public_with_secrets.get_absolute_url())
    assert record["photo_url"].endswith(public_with_secrets.photo.url)
    assert record["virtues"] == ["sufficiency", "discipline"]
    assert record["citation_en"] == "For thirty years of teaching" and record["story_en"] == "Ms Malai's story"
    assert record["fiscal_year"] == public_with_secrets.meeting.fiscal_year
    for name, fields in [
        ("meetings", records.MEETING_FIELDS),
        ("districts", records.DISTRICT_FIELDS),
        ("networks", records.NETWORK_FIELDS),
    ]:
        for row in get_json(client, f"/api/v1/{name}/")["results"]:
            assert set(row) == set(fields), name
            assert not set(row) & NON_PUBLIC_FIELDS


def test_no_endpoint_shows_a_non_public_value_or_a_hidden_honoree(client, public_with_secrets, hidden_honorees):
    hidden_names = [h.name for h in hidden_honorees]
    for url in ENDPOINTS:
        body = client.get(url).content.decode("utf-8-sig")
        for field, value in SECRETS.items():
            assert value not in body, (url, field)
        for name in hidden_names:
            assert name not in body, (url, name)
    slugs = {r["slug"] for r in get_json(client, "/api/v1/honorees/")["results"]}
    assert slugs == {public_with_secrets.slug}


def test_story_and_photo_only_where_consent_covers_them(client):
    make_honoree(
        name="นายไม่ให้รูป",
        photo=uploaded_jpeg(),
        photo_alt="ภาพลับ",
        consent_covers_photo=False,
        consent_covers_story=False,
        story="เรื่องลับ",
        story_en="A secret story",
    )
    record = get_json(client, "/api/v1/honorees/")["results"][0]
    assert record["photo_url"] == "" and record["photo_alt"] == "" and record["story"] == ""
    assert record["story_en"] == ""
    row = read_csv(client.get("/api/v1/honorees.csv"))[0]
    assert row["photo_url"] == "" and row["story"] == "" and row["story_en"] == ""
    assert "A secret story" not in client.get("/api/v1/honorees.csv").content.decode("utf-8-sig")


@pytest.mark.parametrize(
    "query",
    [
        "district=ko-samui",
        "network=education",
        "kind=person",
        "virtue=honesty",
        "year={year}",
        "q=ทดสอบ",
        "district=mueang-surat-thani&network=government&kind=person",
        "sort=name",
    ],
)
def test_filters_are_those_of_the_honoree_list(client, query):
    honorees = make_public_honorees(40)
    query = query.format(year=honorees[0].meeting.date.year + 543)
    params, invalid = filters.split_valid(filters.clean_params(QueryDict(query)), public_summary())
    assert not invalid
    expected = filters.filtered(Honoree.objects.public(), params)
    data = get_json(client, f"/api/v1/honorees/?{query}")
    assert data["count"] == expected.count() > 0
    assert {r["slug"] for r in data["results"]} == set(expected.values_list("slug", flat=True))
    rows = read_csv(client.get(f"/api/v1/honorees.csv?{query}"))
    assert len(rows) == expected.count()
    page = client.get(f"/honorees/?{query}").content.decode()
    assert f"พบ {expected.count()} ราย" in page  # the same count the public list shows


def test_sort_by_name_is_thai_order(client):
    for name in ["นายเอก ทดสอบ", "นางกมล ทดสอบ", "นายขจร ทดสอบ"]:
        make_honoree(name=name)
    names = [r["name"] for r in get_json(client, "/api/v1/honorees/?sort=name")["results"]]
    assert names == ["นางกมล ทดสอบ", "นายขจร ทดสอบ", "นายเอก ทดสอบ"]


@pytest.mark.parametrize(
    "query", ["district=atlantis", "network=x", "kind=robot", "year=abc", "virtue=greed", "sort=up"]
)
def test_unknown_filter_values_are_a_400_with_a_json_error(client, query):
    make_honoree()
    key = query.split("=")[0]
    for url in (f"/api/v1/honorees/?{query}", f"/api/v1/honorees.csv?{query}"):
        data = get_json(client, url, status=400)
        assert data["error"]["code"] == "invalid_filter"
        assert data["error"]["invalid"] == [key]
        assert "ไม่พบค่าตัวกรอง" in data["error"]["message"]


@pytest.mark.parametrize("page", ["2", "999999999999999999999", "0", "-1", "abc"])
def test_pages_beyond_the_last_are_a_404(client, page):
    make_honoree()
    data = get_json(client, f"/api/v1/honorees/?page={page}", status=404)
    assert data["error"]["code"] == "page_not_found"


def test_pagination_links(client, settings):
    from halloffame.opendata import api

    make_public_honorees(api.PAGE_SIZE + 5)
    first = get_json(client, "/api/v1/honorees/?kind=person")
    assert first["count"] == api.PAGE_SIZE + 5 and first["pages"] == 2 and first["previous"] is None
    assert first["next"] == f"{settings.SITE_URL}/api/v1/honorees/?kind=person&page=2"
    second = get_json(client, "/api/v1/honorees/?kind=person&page=2")
    assert len(second["results"]) == 5 and second["next"] is None
    assert not {r["slug"] for r in first["results"]} & {r["slug"] for r in second["results"]}


def test_csv_opens_in_a_csv_parser_with_thai_intact(client):
    honoree = make_honoree(name="พระครูสุวรรณธรรมโชติ", name_en="", citation='พัฒนาวัด "ศูนย์เรียนรู้", ชุมชน\nบรรทัดสอง')
    honoree.virtues.set([1, 3])
    make_honoree(name='=HYPERLINK("http://evil")', citation="-1+1")
    response = client.get("/api/v1/honorees.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == list(records.HONOREE_FIELDS)
    monk = next(r for r in rows if r["slug"] == honoree.slug)
    assert monk["name"] == "พระครูสุวรรณธรรมโชติ"
    assert monk["citation"] == 'พัฒนาวัด "ศูนย์เรียนรู้", ชุมชน\nบรรทัดสอง'
    assert monk["district_th"] == honoree.district.name_th
    assert monk["virtues"] == "sufficiency;honesty"
    formula = next(r for r in rows if r["slug"] != honoree.slug)
    assert formula["name"].startswith("'=") and formula["citation"] == "'-1+1"


def test_counts_equal_public_counts(client, hidden_honorees):
    make_public_honorees(30)
    public = Honoree.objects.public()
    assert get_json(client, "/api/v1/honorees/")["count"] == public.count() == 30
    assert len(read_csv(client.get("/api/v1/honorees.csv"))) == public.count()
    districts = get_json(client, "/api/v1/districts/")["results"]
    assert [d["code"] for d in districts] == list(District.objects.order_by("code").values_list("code", flat=True))
    for d in districts:
        assert d["honoree_count"] == public.filter(district__code=d["code"]).count()
    networks = get_json(client, "/api/v1/networks/")["results"]
    assert len(networks) == 8
    for n in networks:
        assert n["honoree_count"] == public.filter(network__slug=n["slug"]).count()
    meetings = get_json(client, "/api/v1/meetings/")["results"]
    assert {m["slug"] for m in meetings} == set(Meeting.objects.published().values_list("slug", flat=True))
    for m in meetings:
        assert m["honoree_count"] == public.filter(meeting__slug=m["slug"]).count()
    assert sum(m["honoree_count"] for m in meetings) == public.count()


@pytest.mark.parametrize("withdraw", [services.honoree_withdraw, services.honoree_withdraw_consent])
def test_a_withdrawal_removes_the_record_from_every_endpoint_at_once(client, admin_user, withdraw):
    honoree = make_honoree(name="นางถอนตัว ทันที", name_en="Mrs Withdrawn Atonce", slug="withdrawn-atonce")
    make_honoree(meeting=honoree.meeting)
    before = {}
    for url in ENDPOINTS:
        for _ in range(2):  # the second is answered from the cache
            response = client.get(url)
        before[url] = response
    assert "withdrawn-atonce" in before["/api/v1/honorees/"].content.decode()
    assert "withdrawn-atonce" in before["/api/v1/honorees.csv"].content.decode("utf-8-sig")
    withdraw(honoree=honoree, by=admin_user)
    for url in ENDPOINTS:
        response = client.get(url, HTTP_IF_NONE_MATCH=before[url]["ETag"])
        assert response.status_code == 200, url  # a new version, not a 304
        body = response.content.decode("utf-8-sig")
        assert "withdrawn-atonce" not in body and "นางถอนตัว" not in body, url
    district = next(d for d in get_json(client, "/api/v1/districts/")["results"] if d["code"] == honoree.district.code)
    assert district["honoree_count"] == 0


def test_responses_are_cached_by_content_version_with_an_etag(client):
    make_honoree()
    first = client.get("/api/v1/honorees/")
    etag = first["ETag"]
    assert first["X-Page-Cache"] == "miss"
    assert etag.startswith('"') and first["Cache-Control"] == "public, max-age=60"
    assert 'rel="license"' in first["Link"]
    not_modified = client.get("/api/v1/honorees/", HTTP_IF_NONE_MATCH=etag, HTTP_ORIGIN="https://data.go.th")
    assert not_modified.status_code == 304 and not_modified["Access-Control-Allow-Origin"] == "*"
    compressed = client.get("/api/v1/honorees/", HTTP_ACCEPT_ENCODING="br, gzip")
    revalidated = client.get(
        "/api/v1/honorees/", HTTP_ACCEPT_ENCODING="br, gzip", HTTP_IF_NONE_MATCH=compressed["ETag"]
    )
    assert revalidated.status_code == 304
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/v1/honorees/")
    assert again.content == first.content and again["ETag"] == etag and again["X-Page-Cache"] == "hit"
    counted = [q["sql"] for q in queries if "ratelimitcount" in q["sql"].lower()]
    assert len(counted) == 1  # the rate limit's one upsert (halloffame.ratelimit, no Redis in tests)
    assert len(queries) == 2  # ... and the content version: the body comes from the cache
    assert client.get("/api/v1/honorees/?kind=person")["ETag"] != etag
    make_honoree()
    assert client.get("/api/v1/honorees/")["ETag"] != etag


def test_a_cached_answer_is_kept_compressed_for_each_encoding(client, monkeypatch):
    import gzip

    import brotli

    from halloffame import compression

    compressed, original = [], brotli.compress
    monkeypatch.setattr(compression.brotli, "compress", lambda *a, **k: compressed.append(1) or original(*a, **k))
    make_honoree(name="นางสาวบีบอัด ตัวอย่าง")
    plain = client.get("/api/v1/honorees/")
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        answers = [client.get("/api/v1/honorees/", HTTP_ACCEPT_ENCODING=encoding) for _ in range(2)]
        assert [a["X-Page-Cache"] for a in answers] == ["miss", "hit"], encoding
        for answer in answers:
            assert answer["Content-Encoding"] == encoding and "Accept-Encoding" in answer["Vary"]
            assert decompress(answer.content) == plain.content
            assert answer["Content-Type"] == plain["Content-Type"] and answer["ETag"].endswith(plain["ETag"])
    assert "Content-Encoding" not in client.get("/api/v1/honorees/")
    assert len(compressed) == 1  # Brotli ran for the miss only: the hit was sent as kept


def test_cors_is_open_for_get(client):
    response = client.get("/api/v1/districts/", HTTP_ORIGIN="https://data.go.th")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/honorees/", HTTP_ORIGIN="https://example.org", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_rate_limit_answers_429_in_json(client, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/api/v1/networks/").status_code == 200
    response = client.get("/api/v1/honorees/")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert response.json()["error"]["code"] == "rate_limited"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_licence_and_attribution_are_in_the_data(client):
    make_honoree()
    for url in ENDPOINTS[:1] + ENDPOINTS[2:5]:
        data = get_json(client, url)
        assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
        assert "สำนักงานวัฒนธรรมจังหวัดสุราษฎร์ธานี" in data["attribution"]
    csv_response = client.get("/api/v1/honorees.csv")
    assert "https://creativecommons.org/licenses/by/4.0/" in csv_response["Link"]


def test_catalog_is_a_dcat_dataset_whose_distributions_answer(client):
    meeting = make_meeting()
    make_honoree(meeting=meeting)
    catalog = get_json(client, "/api/v1/catalog.json")
    assert catalog["@type"] == "dcat:Catalog" and "dcat" in catalog["@context"]
    (dataset,) = catalog["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    assert dataset["dct:license"]["@id"] == records.LICENCE["url"]
    assert dataset["dct:modified"] == meeting.date.isoformat()
    assert {"th", "en"} <= {t["@language"] for t in dataset["dct:title"]}
    urls = [d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]]
    assert len(urls) == 5
    for url in urls:
        path = url.removeprefix("http://127.0.0.1:8000")
        assert client.get(path).status_code == 200, path
    json.dumps(catalog)


def test_english_accept_language_does_not_change_the_data(client):
    make_honoree()
    thai = client.get("/api/v1/honorees/").json()["results"]
    english = client.get("/api/v1/honorees/?", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert thai == english and "/en/" not in thai[0]["url"]


def _count(client, url) -> int:
    """Queries to answer `url` from an empty cache, leaving out the rate limiter's bookkeeping
    (one upsert, plus a clean-up when a window opens: halloffame.ratelimit, tested there)."""
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum("ratelimitcount" not in query["sql"].lower() for query in queries)


def test_api_query_counts_are_fixed_and_within_budget(client):
    def single(honoree):
        return {"honoree": f"/api/v1/honorees/{honoree.slug}/", "meeting": f"/api/v1/meetings/{honoree.meeting.slug}/"}

    first = make_public_honorees(1)[0]
    one = {url: _count(client, url) for url in ENDPOINTS}
    one |= {name: _count(client, url) for name, url in single(first).items()}
    full = make_public_honorees(49)[0]  # its meeting has nineteen
    fifty = {url: _count(client, url) for url in ENDPOINTS}
    fifty |= {name: _count(client, url) for name, url in single(full).items()}
    assert one == fifty
    assert max(fifty.values()) <= 10, fifty


def test_network_model_has_no_unexpected_public_field():
    """A new model field is not public until someone adds it here and to the README."""
    assert {f.name for f in Network._meta.get_fields() if f.concrete} <= {
        "id", "slug", "name_th", "name_en", "description_th", "description_en", "order",
    }  # fmt: skip


@pytest.mark.parametrize(
    "query",
    ["q=%00%00", "q=" + "ก" * 5000, "year=99999999999999999999", "page=%F0%9F%98%80", "page=1e9999",
     "district=%E2%80%8F", "kind=", "district=ko-samui&district=chaiya", "network=%27%20OR%201%3D1--"],
)  # fmt: skip
def test_hostile_queries_never_give_a_500(client, query):
    make_honoree()
    for url in ("/api/v1/honorees/", "/api/v1/honorees.csv", "/statistics/", "/districts/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code < 500, (url, query, response.status_code)


def test_other_methods_get_a_json_405(client):
    response = client.post("/api/v1/honorees/", {"name": "x"})
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_a_withdrawal_shows_on_the_statistics_page_at_once(client, admin_user):
    honoree = make_honoree()
    make_honoree(meeting=honoree.meeting)
    for _ in range(2):
        assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 2 ราย" in client.get("/statistics/").content.decode()
    services.honoree_withdraw(honoree=honoree, by=admin_user)
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 1 ราย" in client.get("/statistics/").content.decode()


def test_statistics_is_in_the_sitemap(client):
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "http://testserver/statistics/" in body and "http://testserver/en/statistics/" in body


def test_one_honoree_and_one_meeting_carry_the_documented_fields(client, public_with_secrets):
    honoree = get_json(client, f"/api/v1/honorees/{public_with_secrets.slug}/")
    assert set(honoree["result"]) == set(records.HONOREE_FIELDS)
    assert honoree["result"]["name"] == "นางสาวมาลัย ใจงาม" and honoree["licence"] == records.LICENCE
    meeting = get_json(client, f"/api/v1/meetings/{public_with_secrets.meeting.slug}/")
    assert set(meeting["result"]) == set(records.MEETING_FIELDS)
    assert meeting["result"]["honoree_count"] == 1
    assert [h["slug"] for h in meeting["honorees"]] == [public_with_secrets.slug]
    for body in (json.dumps(honoree, ensure_ascii=False), json.dumps(meeting, ensure_ascii=False)):
        for field, value in SECRETS.items():
            assert value not in body, field


def test_anything_not_public_is_a_json_404_like_a_slug_that_never_existed(client, public_with_secrets, hidden_honorees):
    """Draft, nominated, approved, rejected, withdrawn, in an unannounced meeting, without or with
    withdrawn consent: the API answers exactly as for a record that does not exist."""
    missing = client.get("/api/v1/honorees/no-such-honoree/")
    assert missing.status_code == 404 and missing["Access-Control-Allow-Origin"] == "*"
    for honoree in hidden_honorees:
        response = client.get(f"/api/v1/honorees/{honoree.slug}/")
        assert response.status_code == 404, honoree.name
        assert response.json() == missing.json()
        assert honoree.name not in response.content.decode()
    unannounced = next(h.meeting for h in hidden_honorees if not h.meeting.is_published)
    response = client.get(f"/api/v1/meetings/{unannounced.slug}/")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    announced = get_json(client, f"/api/v1/meetings/{hidden_honorees[0].meeting.slug}/")
    assert announced["honorees"] == [] and announced["result"]["honoree_count"] == 0


@pytest.mark.parametrize("withdraw", [services.honoree_withdraw, services.honoree_withdraw_consent])
def test_a_withdrawn_honoree_is_a_404_on_the_next_request(client, admin_user, withdraw):
    honoree = make_honoree(slug="withdrawn-later")
    url = f"/api/v1/honorees/{honoree.slug}/"
    for _ in range(2):  # the second is answered from the cache
        assert client.get(url).status_code == 200
    meeting_url = f"/api/v1/meetings/{honoree.meeting.slug}/"
    assert [h["slug"] for h in get_json(client, meeting_url)["honorees"]] == ["withdrawn-later"]
    withdraw(honoree=honoree, by=admin_user)
    assert client.get(url).status_code == 404
    assert get_json(client, meeting_url)["honorees"] == []


def test_a_draft_honoree_is_a_404_until_it_is_published(client):
    draft = make_honoree(status=Honoree.Status.DRAFT, meeting=make_meeting(), slug="still-a-draft")
    assert client.get("/api/v1/honorees/still-a-draft/").status_code == 404
    Honoree.objects.filter(pk=draft.pk).update(status=Honoree.Status.PUBLISHED)
    assert get_json(client, "/api/v1/honorees/still-a-draft/")["result"]["slug"] == "still-a-draft"


@pytest.mark.parametrize("query", ["", "kind=person", "network=government", "sort=name"])
def test_the_pages_together_are_every_public_honoree_once_in_the_documented_order(client, monkeypatch, query):
    from halloffame.opendata import api

    monkeypatch.setattr(api, "PAGE_SIZE", 4)
    make_public_honorees(45)
    make_public_honorees(3, kind="organization")
    pages, url = [], f"/api/v1/honorees/?{query}"
    while url:
        page = get_json(client, url)
        pages += [record["slug"] for record in page["results"]]
        url = page["next"] and page["next"].removeprefix(django_settings.SITE_URL)
    expected = records.public_honorees()
    narrowed = {"kind=person": {"kind": "person"}, "network=government": {"network__slug": "government"}}
    expected = expected.thai_order() if query == "sort=name" else expected.filter(**narrowed.get(query, {}))
    assert pages == [h.slug for h in expected] and len(pages) == page["count"] > 4


def test_a_filtered_page_costs_one_count_per_meeting_query_more_than_the_whole_list(client):
    """The API shows no facets: a filter adds one GROUP BY of the matches, not one per facet."""
    from django.core.cache import cache

    honoree = make_honoree(name="นายกรองแก้ว ทดสอบ", kind=Honoree.Kind.PERSON)

    def queries(url):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    queries("/api/v1/honorees/")  # this version's shared counts, once
    whole = queries("/api/v1/honorees/")
    filtered = f"/api/v1/honorees/?district={honoree.district.slug}&kind=person"
    assert get_json(client, filtered)["count"] == 1
    assert queries(filtered) == whole + 1
