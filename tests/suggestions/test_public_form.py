"""/suggest/: the public suggests a good person of their district."""

import re

import pytest
from django.core import mail
from django.test import Client

from honorees.suggestions.models import Suggestion
from tests.suggestions.conftest import form_data

pytestmark = pytest.mark.django_db


def test_a_suggestion_is_stored_acknowledged_on_the_page_and_by_mail(client, samui, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/suggest/", form_data())
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert re.fullmatch(r"ส-25\d\d-\d{6}", suggestion.reference)
    assert suggestion.district == samui and suggestion.network.slug == "health-volunteers"
    assert suggestion.status == Suggestion.Status.RECEIVED and suggestion.consent_given_at
    page = client.get(response["Location"]).content.decode()
    assert suggestion.reference in page and "ขอบคุณที่ช่วยกันค้นหาคนดี" in page
    (message,) = mail.outbox
    assert message.to == ["wichai@example.org"]
    assert suggestion.reference in message.subject and suggestion.reference in message.body
    assert "/suggest/status/?ref=" in message.body


def test_the_form_is_thai_first_and_english_at_en(client):
    thai = client.get("/suggest/")
    assert thai.status_code == 200
    page = thai.content.decode()
    assert '<html lang="th">' in page and "เสนอชื่อคนดี" in page
    assert "พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล" in page and "365 วัน" in page  # the purpose and the retention
    assert 'name="website"' in page and "<div hidden>" in page
    assert "<script" not in page.split("</header>")[1]  # no captcha, no third-party script
    english = client.get("/en/suggest/").content.decode()
    assert '<html lang="en">' in english and "Suggest a good person" in english
    assert "Ko Samui" in english  # districts in the page's language


def test_a_district_page_link_preselects_its_district(client):
    page = client.get("/suggest/?district=ko-samui").content.decode()
    assert re.search(r'<option value="ko-samui" selected>', page)
    assert client.get("/suggest/?district=<script>").status_code == 200


def test_the_home_page_district_pages_site_map_and_sitemap_link_to_the_form(client):
    assert 'href="/suggest/"' in client.get("/").content.decode()
    assert 'href="/suggest/?district=ko-samui"' in client.get("/districts/ko-samui/").content.decode()
    assert 'href="/suggest/"' in client.get("/site-map/").content.decode()
    assert 'href="/en/suggest/"' in client.get("/en/site-map/").content.decode()
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert "<loc>http://testserver/suggest/</loc>" in sitemap and "<loc>http://testserver/en/suggest/</loc>" in sitemap


def test_english_suggestions_are_acknowledged_in_english(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/suggest/", form_data())
    assert response.status_code == 302 and response["Location"].startswith("/en/suggest/sent/")
    assert Suggestion.objects.get().language == "en"
    assert "Reference" in mail.outbox[0].body or "reference" in mail.outbox[0].body


def test_without_an_email_nothing_is_mailed(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/suggest/", form_data(suggester_email=""))
    assert response.status_code == 302 and Suggestion.objects.count() == 1
    assert mail.outbox == []


def test_a_mail_server_that_is_down_does_not_lose_the_suggestion(client, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # nothing listens
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/suggest/", form_data())
    assert response.status_code == 302 and Suggestion.objects.count() == 1


REFUSALS = [
    ({"name": ""}, "กรุณากรอกชื่อผู้ที่ท่านเสนอ"),
    ({"kind": "robot"}, "กรุณาเลือกประเภทจากรายการ"),
    ({"district": ""}, "กรุณาเลือกอำเภอของผู้ที่เสนอ"),
    ({"district": "atlantis"}, "ไม่พบอำเภอนี้"),
    ({"network": "no-such-network"}, "ไม่พบเครือข่ายนี้"),
    ({"achievements": ""}, "กรุณาเล่าว่าผู้ที่ท่านเสนอทำความดีอะไร"),
    ({"achievements": "ดีมาก"}, "เล่าเพิ่มอีกสักหน่อย"),
    ({"links": "javascript:alert(1)"}, "ไม่ถูกต้อง ลิงก์ต้องขึ้นต้นด้วย https://"),
    ({"links": "\n".join(f"https://example.org/{n}" for n in range(6))}, "ใส่ลิงก์ได้ไม่เกิน 5 ลิงก์"),
    ({"suggester_name": ""}, "กรุณากรอกชื่อของท่าน"),
    ({"suggester_email": "not-an-address"}, "อีเมลไม่ถูกต้อง"),
    ({"suggester_phone": "call me"}, "หมายเลขโทรศัพท์ไม่ถูกต้อง"),
    ({"suggester_email": "", "suggester_phone": ""}, "กรุณาให้อีเมลหรือโทรศัพท์อย่างน้อยหนึ่งช่องทาง"),
    ({"relationship": ""}, "กรุณาบอกว่าท่านเกี่ยวข้องกับผู้ที่เสนออย่างไร"),
    ({"consent": None}, "กรุณาให้ความยินยอมก่อนส่ง"),
    ({"name": "ก" * 201}, "ไม่เกิน 200 ตัวอักษร (ขณะนี้ 201 ตัวอักษร)"),
    ({"achievements": "ดี" * 2501}, "ไม่เกิน 5000 ตัวอักษร"),
    ({"links": "https://example.org/" + "a" * 1000}, "ไม่เกิน 1000 ตัวอักษร"),
    ({"suggester_name": "ข" * 201}, "ไม่เกิน 200 ตัวอักษร"),
    ({"suggester_phone": "0" * 31}, "ไม่เกิน 30 ตัวอักษร"),
    ({"relationship": "ค" * 201}, "ไม่เกิน 200 ตัวอักษร"),
    ({"suggester_email": "a" * 250 + "@example.org"}, "อีเมล"),
    ({"name": "นาย\x00ศูนย์"}, "Null characters are not allowed"),
]


@pytest.mark.parametrize(("changes", "message"), REFUSALS, ids=[next(iter(c)) for c, _m in REFUSALS])
def test_every_refusal_has_a_thai_message_a_4xx_and_keeps_what_was_typed(client, changes, message):
    data = form_data(**changes)
    response = client.post("/suggest/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "ยังส่งไม่ได้ กรุณาแก้ไขช่องต่อไปนี้" in page
    assert message in page or message == "Null characters are not allowed"
    assert not Suggestion.objects.exists()
    # Nothing typed is lost: the other fields come back as they were.
    if "achievements" not in changes:
        assert "ป้าสมศรีทำอาหารให้ผู้สูงอายุที่อยู่ลำพังในหมู่บ้านทุกวันมาสิบปี" in page
    if "suggester_name" not in changes:
        assert 'value="นายวิชัย เพื่อนบ้าน"' in page


def test_the_hidden_field_filled_in_by_a_robot_is_refused(client):
    response = client.post("/suggest/", form_data(website="https://spam.example"))
    assert response.status_code == 400
    assert "ไม่สามารถรับข้อเสนอนี้ได้" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_body_larger_than_every_field_together_is_refused_before_it_is_read(client, settings):
    settings.SUGGESTION_MAX_REQUEST_BYTES = 10_000
    response = client.post("/suggest/", form_data(achievements="ดี" * 4000))
    assert response.status_code == 413
    assert "ข้อมูลที่ส่งมายาวเกินกว่าที่แบบฟอร์มรับได้" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_the_default_body_cap_takes_every_field_at_its_limit(client):
    full = form_data(
        name="ก" * 200,
        achievements="ดี" * 2500,
        links="\n".join("https://example.org/" + "ก" * 150 for _ in range(5))[:1000],
        suggester_name="ข" * 200,
        relationship="ค" * 200,
    )
    response = client.post("/suggest/", full)
    assert response.status_code in (302, 400)  # never refused as too large
    assert response.status_code != 413


def test_the_form_is_csrf_protected():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/suggest/", form_data()).status_code == 403
    assert not Suggestion.objects.exists()


def test_the_limit_per_client_holds_and_keeps_the_text(client, settings):
    settings.SUGGESTIONS_PER_HOUR = 2
    for _ in range(2):
        assert client.post("/suggest/", form_data()).status_code == 302
    response = client.post("/suggest/", form_data(name="นายคนที่สาม ลองดู"))
    assert response.status_code == 429
    page = response.content.decode()
    assert "มีการส่งข้อเสนอจากเครื่องนี้มากเกินไป" in page and 'value="นายคนที่สาม ลองดู"' in page
    assert Suggestion.objects.count() == 2
    other = Client(REMOTE_ADDR="203.0.113.9")  # another client is not affected
    assert other.post("/suggest/", form_data()).status_code == 302


def test_a_thousand_submissions_in_a_row_do_not_fill_the_queue(client, settings):
    settings.SUGGESTIONS_PER_HOUR = 5
    statuses = [client.post("/suggest/", form_data(name=f"นายลำดับ {n}")).status_code for n in range(1000)]
    assert statuses.count(302) == 5 and statuses.count(429) == 995
    assert Suggestion.objects.count() == 5


def test_suggestions_are_never_public(client):
    client.post("/suggest/", form_data(name="นายลับเฉพาะ ไม่เปิดเผย"))
    suggestion = Suggestion.objects.get()
    for path in ["/", "/honorees/?q=ลับเฉพาะ", "/districts/ko-samui/", "/feeds/honorees/", "/sitemap.xml"]:
        page = client.get(path).content.decode()
        assert "นายลับเฉพาะ" not in page and "ไม่เปิดเผย" not in page
        assert "wichai@example.org" not in page and suggestion.reference not in page
