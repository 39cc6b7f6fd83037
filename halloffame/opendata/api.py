"""The open-data API, /api/v1/…: public honorees (JSON and CSV), meetings, districts, networks
and a DCAT description of the dataset.

Every endpoint answers GET from anywhere (CORS), is rate-limited per client, and is cached under
the public content version (halloffame/cache.py), whose token is also its ETag: a withdrawal
changes the token, so it disappears on the very next request. The honoree filters are those of
/honorees/ (honorees/filters.py).
"""

import csv
import hashlib
import io
import json
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt

from halloffame import cache as page_cache
from halloffame import compression
from halloffame.opendata import records
from halloffame.ratelimit import limit_exceeded
from honorees import filters
from honorees.models import public_count
from honorees.spreadsheets import formula_safe
from honorees.summary import public_summary
from meetings.models import Meeting
from networks.models import District, Network
from networks.programme.models import LearningSource, Lesson, ModelOrganisation

PAGE_SIZE = 100
CSV_BOM = "\ufeff"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Link",
    "Access-Control-Max-Age": "86400",
}
CACHE_CONTROL = "public, max-age=60"


def _json(data, status=200) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def error(status: int, code: str, message_th: str, message_en: str, **extra) -> HttpResponse:
    return _json(
        {"error": {"status": status, "code": code, "message": message_th, "message_en": message_en, **extra}}, status
    )


def _licence_links(response):
    response["Link"] = (
        f'<{records.LICENCE["url"]}>; rel="license", <{records.absolute(reverse("api:catalog"))}>; rel="describedby"'
    )


def endpoint(view):
    """GET/HEAD only, rate-limited, CORS-open, cached by content version with that version as ETag."""

    @csrf_exempt  # nothing here changes state; other methods get a JSON 405, not a CSRF page
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ("GET", "HEAD"):
            response = error(405, "method_not_allowed", "รองรับเฉพาะ GET", "Only GET is supported")
            response["Allow"] = "GET, HEAD, OPTIONS"
        elif limit_exceeded(request, scope="api", limit=settings.API_REQUESTS_PER_MINUTE, window_seconds=60):
            response = error(429, "rate_limited", "เรียกข้อมูลถี่เกินไป โปรดรอสักครู่", "Too many requests, wait a minute")
            response["Retry-After"] = "60"
        else:
            with override("th"):  # links and labels do not follow the client's Accept-Language
                response = _cached(view, request, *args, **kwargs)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    return wrapper


def _cached(view, request, *args, **kwargs):
    token = page_cache.current_token() if settings.PAGE_CACHE else None
    if token is None:
        return view(request, *args, **kwargs)
    version = hashlib.blake2b(
        f"{page_cache.deploy_id()}:{token}:{request.get_full_path()}".encode(), digest_size=16
    ).hexdigest()
    # Kept as sent, compressed: compressing a page of 100 honorees on every hit cost more than the rest.
    store, key = page_cache.page_cache(), f"api:{version}:{compression.negotiate(request)}"
    entry, served = store.get(key), "hit"
    if entry is None:
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        response["ETag"] = quote_etag(version)
        entry, served = page_cache.stored(compression.compress(request, response)), "miss"
        store.set(key, entry)
    response = page_cache.restored(entry)
    response["X-Page-Cache"] = served  # as the page cache says it (halloffame/cache.py)
    response["Cache-Control"] = CACHE_CONTROL
    _licence_links(response)
    # Answered here rather than by ConditionalGetMiddleware, so that the 304 gets the CORS headers too.
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _filtered_honorees(request, summary):
    """The public honorees under the /honorees/ filters, or a 400 naming the unknown ones."""
    params, invalid = filters.split_valid(filters.clean_params(request.GET), summary)
    if invalid:
        return (
            None,
            params,
            error(
                400,
                "invalid_filter",
                "ไม่พบค่าตัวกรองที่ระบุ: " + ", ".join(invalid),
                "Unknown filter value: " + ", ".join(invalid),
                invalid=invalid,
            ),
        )
    queryset = filters.filtered(records.public_honorees(), params, summary=summary)
    if params.get("sort") == filters.HonoreeFilter.SORT_NAME:
        queryset = queryset.thai_order()
    return queryset, params, None


def _pages(queryset, params, summary):
    """What the Paginator pages: newest first, a page is read from the meetings it spans (as on
    /honorees/) instead of sorting every public honoree to skip to it. Unfiltered, the meetings'
    counts are the shared summary's; searched, the in-memory search's; filtered, one GROUP BY of the
    matches (the API shows no facets)."""
    if "q" in params:
        pages = filters.NewestFirstPages(queryset, filters.searched_meetings(params, summary))
    elif any(key != "sort" for key in params):
        pages = filters.NewestFirstPages.of(queryset, summary)
    else:
        pages = filters.NewestFirstPages(queryset, summary.meetings)
    if params.get("sort") == filters.HonoreeFilter.SORT_NAME:
        return filters.CountedPages(queryset, pages.count())
    return pages


def _about() -> dict:
    return {
        "licence": records.LICENCE,
        "attribution": records.ATTRIBUTION_TH,
        "attribution_en": records.ATTRIBUTION_EN,
        "publisher": records.PUBLISHER_TH,
        "documentation": records.absolute(reverse("api:catalog")),
    }


@endpoint
def honorees_json(request):
    summary = public_summary()
    queryset, params, problem = _filtered_honorees(request, summary)
    if problem:
        return problem
    paginator = Paginator(_pages(queryset, params, summary), PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (InvalidPage, ValueError, TypeError):
        return error(404, "page_not_found", "ไม่มีหน้านี้", "No such page", pages=paginator.num_pages)

    def link(number):
        return records.absolute(request.path + "?" + urlencode({**params, "page": number}))

    return _json(
        {
            **_about(),
            "photo_note": records.PHOTO_NOTE,
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            "results": [records.honoree_record(honoree, summary) for honoree in page.object_list],
        }
    )


def _not_found() -> HttpResponse:
    # The same answer whether the record is a draft, withdrawn or never existed: nothing leaks.
    return error(404, "not_found", "ไม่พบข้อมูลนี้", "Not found")


@endpoint
def honoree_json(request, slug):
    honoree = records.public_honorees().filter(slug=slug).first()
    if honoree is None:
        return _not_found()
    record = records.honoree_record(honoree, public_summary())
    return _json({**_about(), "photo_note": records.PHOTO_NOTE, "result": record})


def _csv_cell(value) -> str:
    return formula_safe(";".join(value) if isinstance(value, list) else str(value))


@endpoint
def honorees_csv(request):
    summary = public_summary()
    queryset, _params, problem = _filtered_honorees(request, summary)
    if problem:
        return problem
    buffer = io.StringIO()
    buffer.write(CSV_BOM)  # so that Excel reads UTF-8 and shows Thai
    writer = csv.writer(buffer)
    writer.writerow(records.HONOREE_FIELDS)
    for honoree in queryset:
        record = records.honoree_record(honoree, summary)
        writer.writerow([_csv_cell(record[field]) for field in records.HONOREE_FIELDS])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="surat-thani-hall-of-fame-honorees.csv"'
    return response


@endpoint
def meetings_json(request):
    meetings = Meeting.objects.published().annotate(public_count=public_count("meeting")).order_by("-date")
    return _json({**_about(), "results": [records.meeting_record(m) for m in meetings]})


@endpoint
def meeting_json(request, slug):
    """One published meeting and its public honorees by district, as on the meeting's page."""
    meeting = Meeting.objects.published().annotate(public_count=public_count("meeting")).filter(slug=slug).first()
    if meeting is None:
        return _not_found()
    honorees = records.public_honorees().filter(meeting=meeting)
    summary = public_summary()
    return _json(
        {
            **_about(),
            "photo_note": records.PHOTO_NOTE,
            "result": records.meeting_record(meeting),
            "honorees": [records.honoree_record(honoree, summary) for honoree in honorees],
        }
    )


@endpoint
def districts_json(request):
    districts = District.objects.annotate(public_count=public_count("district")).order_by("code")
    return _json({**_about(), "results": [records.district_record(d) for d in districts]})


@endpoint
def networks_json(request):
    networks = Network.objects.annotate(public_count=public_count("network")).order_by("order")
    return _json({**_about(), "results": [records.network_record(n) for n in networks]})


@endpoint
def organisations_json(request):
    organisations = (
        ModelOrganisation.objects.public().with_latest_assessment().select_related("district", "network").thai_order()
    )
    return _json({**_about(), "results": [records.organisation_record(o) for o in organisations]})


@endpoint
def learning_sources_json(request):
    sources = LearningSource.objects.public().select_related("district", "network", "organisation").order_by("pk")
    return _json({**_about(), "results": [records.learning_source_record(s) for s in sources]})


@endpoint
def lessons_json(request):
    lessons = Lesson.objects.public().select_related("network")
    return _json({**_about(), "results": [records.lesson_record(lesson) for lesson in lessons]})


@endpoint
def catalog_json(request):
    """A DCAT catalogue (JSON-LD) with one dataset and its distributions, for CKAN's DCAT harvester
    (the national open-data portal, data.go.th, runs CKAN)."""
    honoured = [m for m in public_summary().meetings if m.count]  # newest first, shared per content version
    latest, first = (honoured[0], honoured[-1]) if honoured else (None, None)
    catalog_url = records.absolute(reverse("api:catalog"))

    def distribution(name, title, media_type, fmt):
        url = records.absolute(reverse(name))
        return {
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": media_type,
            "dct:format": fmt,
            "dct:license": {"@id": records.LICENCE["url"]},
        }

    publisher = {
        "@type": "foaf:Organization",
        "foaf:name": [
            {"@value": records.PUBLISHER_TH, "@language": "th"},
            {"@value": records.PUBLISHER_EN, "@language": "en"},
        ],
    }
    dataset = {
        "@id": catalog_url + "#honorees",
        "@type": "dcat:Dataset",
        "dct:identifier": "surat-thani-hall-of-fame-honorees",
        "dct:title": [
            {"@value": "ผู้ได้รับการยกย่องเชิดชูคนดี จังหวัดสุราษฎร์ธานี", "@language": "th"},
            {"@value": "Honorees of the Surat Thani Hall of Fame", "@language": "en"},
        ],
        "dct:description": [
            {
                "@value": "รายชื่อบุคคลและองค์กรที่ได้รับการยกย่องเชิดชูคนดีในการประชุมหัวหน้าส่วนราชการประจำเดือน "
                "จังหวัดสุราษฎร์ธานี เดือนละหนึ่งรายจากแต่ละอำเภอใน 19 อำเภอ ผ่านเครือข่ายทางสังคม 8 เครือข่าย",
                "@language": "th",
            },
            {
                "@value": "People and organisations honoured at Surat Thani's monthly provincial meeting, one from "
                "each of the 19 districts, put forward through the province's 8 social networks.",
                "@language": "en",
            },
        ],
        "dct:publisher": publisher,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": records.PUBLISHER_TH},
        "dct:license": {"@id": records.LICENCE["url"]},
        "dct:rights": records.ATTRIBUTION_TH,
        "dct:language": [
            {"@id": "http://id.loc.gov/vocabulary/iso639-1/th"},
            {"@id": "http://id.loc.gov/vocabulary/iso639-1/en"},
        ],
        "dcat:keyword": ["คนดี", "วัฒนธรรม", "สุราษฎร์ธานี", "hall of fame", "culture", "Surat Thani"],
        "dcat:theme": "วัฒนธรรม",
        "dct:spatial": "จังหวัดสุราษฎร์ธานี (84)",
        "dct:accrualPeriodicity": {"@id": "http://purl.org/cld/freq/monthly"},
        "dcat:landingPage": {"@id": records.absolute(reverse("statistics:index"))},
        "dcat:distribution": [
            distribution("api:honorees", "JSON", "application/json", "JSON"),
            distribution("api:honorees-csv", "CSV (UTF-8 with BOM)", "text/csv", "CSV"),
            distribution("api:meetings", "การประชุม / Meetings (JSON)", "application/json", "JSON"),
            distribution("api:districts", "อำเภอ / Districts (JSON)", "application/json", "JSON"),
            distribution("api:networks", "เครือข่าย / Networks (JSON)", "application/json", "JSON"),
        ],
    }
    if latest:
        dataset["dct:issued"] = first.date.isoformat()
        dataset["dct:modified"] = latest.date.isoformat()
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": first.date.isoformat(),
            "dcat:endDate": latest.date.isoformat(),
        }
    return _json(
        {
            "@context": {
                "dcat": "http://www.w3.org/ns/dcat#",
                "dct": "http://purl.org/dc/terms/",
                "foaf": "http://xmlns.com/foaf/0.1/",
                "vcard": "http://www.w3.org/2006/vcard/ns#",
            },
            "@id": catalog_url,
            "@type": "dcat:Catalog",
            "dct:title": [
                {"@value": "ข้อมูลเปิด หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี", "@language": "th"},
                {"@value": "Surat Thani Hall of Fame open data", "@language": "en"},
            ],
            "dct:publisher": publisher,
            "dct:license": {"@id": records.LICENCE["url"]},
            "foaf:homepage": {"@id": records.absolute("/")},
            "dcat:dataset": [dataset],
        }
    )
