"""E-mail to officers on a decision, and one daily nomination digest per secretariat member."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from halloffame.staff.models import NominationDigest
from honorees import notifications, services
from honorees.models import Honoree
from networks.models import District
from tests.admin.conftest import make_staff
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_with_mail(officer):
    officer.email, officer.first_name = "samui@example.org", "สมศรี"
    officer.save()
    return officer


@pytest.fixture
def secretariat_with_mail(secretariat_user):
    secretariat_user.email = "secretariat@example.org"
    secretariat_user.save()
    return secretariat_user


def step(client, honoree, name, **data):
    return client.post(reverse("admin:honorees_honoree_step", args=[honoree.pk, name]), data)


def test_officer_hears_of_an_approval(
    django_capture_on_commit_callbacks, secretariat_client, officer_with_mail, other_officer, samui
):
    other_officer.email = "phangan@example.org"
    other_officer.save()
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    with django_capture_on_commit_callbacks(execute=True):
        step(secretariat_client, honoree, "approve")
    [message] = mail.outbox
    assert message.to == ["samui@example.org"]  # not the officer of another district
    assert message.subject == f"[หอเกียรติยศคนดี] อนุมัติ {honoree.name} แล้ว"
    assert "เรียน สมศรี" in message.body and "อำเภอเกาะสมุย" in message.body


def test_officer_hears_of_a_rejection_with_the_reason(
    django_capture_on_commit_callbacks, secretariat_client, officer_with_mail, samui
):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    url = reverse("admin:honorees_honoree_reject", args=[honoree.pk])
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(url, {"reason": "ขาดหนังสือรับรองจากผู้ใหญ่บ้าน"})
    [message] = mail.outbox
    assert "ไม่อนุมัติ" in message.subject
    assert "เหตุผล: ขาดหนังสือรับรองจากผู้ใหญ่บ้าน" in message.body
    assert reverse("admin:honorees_honoree_change", args=[honoree.pk]) in message.body


def test_publishing_a_meeting_sends_each_officer_one_mail(
    django_capture_on_commit_callbacks, secretariat_client, samui, phangan
):
    officer = make_staff("officer_two", "district_officer", "8404", "8405")
    officer.email = "two@example.org"
    officer.save()
    meeting = make_meeting(published=False)
    first = make_honoree(meeting=meeting, district=samui, status="approved")
    second = make_honoree(meeting=meeting, district=phangan, status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(reverse("admin:meetings_meeting_publish", args=[meeting.pk]), {"confirm": "1"})
    [message] = mail.outbox
    assert message.to == ["two@example.org"] and "2 รายการ" in message.subject
    assert first.name in message.body and second.name in message.body
    assert first.get_absolute_url() in message.body


def test_no_mail_when_the_step_is_refused_or_rolled_back(django_capture_on_commit_callbacks, officer_with_mail, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(services.WorkflowError):
            services.honoree_approve(honoree=honoree, by=officer_with_mail)  # officers do not approve
    assert mail.outbox == []


def test_a_mail_server_that_is_down_does_not_undo_the_step(settings, secretariat_user, officer_with_mail, samui):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    honoree = make_honoree(district=samui, status="approved", meeting=None)
    assert notifications.decision_notify(honoree_ids=[honoree.pk], decision="approved") == 0


def nominate(client, honoree, captured):
    with captured(execute=True):
        step(client, honoree, "nominate")


def test_secretariat_gets_one_digest_a_day_listing_new_nominations(
    django_capture_on_commit_callbacks, officer_client, secretariat_with_mail, officer_with_mail, samui
):
    first = make_honoree(district=samui, status="draft", meeting=None)
    second = make_honoree(district=samui, status="draft", meeting=None)
    nominate(officer_client, first, django_capture_on_commit_callbacks)
    nominate(officer_client, second, django_capture_on_commit_callbacks)
    assert mail.outbox == []  # nominating sends nothing by itself
    call_command("send_nomination_digest")
    [digest] = mail.outbox
    assert digest.to == ["secretariat@example.org"]
    assert "สรุปการเสนอชื่อใหม่ 2 รายการ" in digest.subject
    assert first.name in digest.body and second.name in digest.body and "อำเภอเกาะสมุย" in digest.body
    record = NominationDigest.objects.get()
    assert record.user == secretariat_with_mail and record.honoree_count == 2

    # Run again the same day (a retry, a second cron line): nothing more.
    third = make_honoree(district=samui, status="draft", meeting=None)
    nominate(officer_client, third, django_capture_on_commit_callbacks)
    call_command("send_nomination_digest")
    assert len(mail.outbox) == 1

    # The next day: only what arrived since the last digest.
    tomorrow = timezone.now() + timedelta(days=1)
    assert notifications.nomination_digest_send(now=tomorrow) == 1
    assert third.name in mail.outbox[1].body and first.name not in mail.outbox[1].body
    assert NominationDigest.objects.count() == 2


def test_no_digest_when_nothing_was_nominated(secretariat_with_mail):
    make_honoree(district=District.objects.first(), status="draft", meeting=None)
    assert notifications.nomination_digest_send() == 0
    assert mail.outbox == [] and not NominationDigest.objects.exists()


def test_digest_leaves_out_inactive_accounts_and_those_without_mail(officer_client, secretariat_with_mail, samui):
    secretariat_with_mail.is_active = False
    secretariat_with_mail.save()
    make_staff("secretariat_nomail", "secretariat")
    honoree = make_honoree(district=samui, status="draft", meeting=None)
    step(officer_client, honoree, "nominate")
    assert Honoree.objects.get(pk=honoree.pk).status == Honoree.Status.NOMINATED
    assert notifications.nomination_digest_send() == 0
