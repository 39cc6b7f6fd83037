"""E-mail to staff about candidates, through Django's mail framework (console backend in
development, SMTP from the environment in production; settings/base.py and prod.py).

The district officers hear when a candidate of their district is approved, rejected (with the
reason) or published; the services queue these after their transaction commits, so a mail never
goes out for a step that was rolled back, and a mail server that is down never undoes a step.
The secretariat gets one digest a day of new nominations (`manage.py send_nomination_digest`),
not one mail per click; halloffame.staff.models.NominationDigest records what was sent.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from halloffame import thai
from halloffame.staff import permissions
from halloffame.staff.models import NominationDigest
from honorees.models import Honoree

logger = logging.getLogger(__name__)
SUBJECT_PREFIX = "[หอเกียรติยศคนดี] "


def _admin_url(name: str, *args) -> str:
    return f"{settings.SITE_URL}{reverse(name, args=args)}"


def _active_staff():
    return get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")


def district_officers(district_ids) -> list:
    """The active district officers (with an e-mail address) of any of these districts."""
    users = _active_staff().filter(groups__name=permissions.DISTRICT_OFFICER, staff_profile__districts__in=district_ids)
    return list(users.distinct().order_by("username"))


def secretariat_members() -> list:
    return list(_active_staff().filter(groups__name=permissions.SECRETARIAT).distinct().order_by("username"))


def _send(messages: list[EmailMessage]) -> int:
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # a mail server that is down must not turn a done step into an error page
        logger.exception("Sending %s staff notification(s) failed", len(messages))
        return 0


def _message(user, subject: str, lines: list[str]) -> EmailMessage:
    greeting = _("เรียน %(name)s") % {"name": user.get_full_name() or user.get_username()}
    footer = _("อีเมลนี้ส่งจากระบบเจ้าหน้าที่ หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี โดยอัตโนมัติ")
    body = "\n\n".join([greeting, *lines, "—", footer])
    return EmailMessage(SUBJECT_PREFIX + subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


# decision -> (subject, one line per candidate)
DECISIONS = {
    "approved": (
        gettext_lazy("อนุมัติ %(name)s แล้ว"),
        gettext_lazy("ฝ่ายเลขานุการจังหวัดอนุมัติ %(name)s (อำเภอ%(district)s) แล้ว จะบรรจุในที่ของอำเภอในการประชุมต่อไป"),
    ),
    "rejected": (
        gettext_lazy("ไม่อนุมัติ %(name)s — โปรดดูเหตุผล"),
        gettext_lazy("ฝ่ายเลขานุการจังหวัดไม่อนุมัติ %(name)s (อำเภอ%(district)s)"),
    ),
    "published": (
        gettext_lazy("เผยแพร่ %(name)s แล้ว"),
        gettext_lazy("%(name)s (อำเภอ%(district)s) เผยแพร่ในหอเกียรติยศแล้ว"),
    ),
}


def decision_notify(*, honoree_ids: list[int], decision: str) -> int:
    """Tell each district's officers what was decided about their candidates: one mail per officer
    per decision (a meeting publishing several of an officer's districts sends one). Returns the
    number of mails sent."""
    honorees = list(Honoree.objects.filter(pk__in=honoree_ids).select_related("district", "meeting").order_by("pk"))
    subject_text, line_text = DECISIONS[decision]
    messages = []
    with override(settings.LANGUAGE_CODE):
        for officer in district_officers({h.district_id for h in honorees}):
            own = [h for h in honorees if permissions.covers_district(officer, h.district_id)]
            if not own:
                continue
            lines = []
            for honoree in own:
                values = {"name": honoree.name, "district": honoree.district.name_th}
                lines.append(str(line_text) % values)
                if decision == "rejected":
                    lines.append(_("เหตุผล: %(reason)s") % {"reason": honoree.rejection_reason})
                    lines.append(_("แก้ไขแล้วเสนอชื่อใหม่ได้ที่ %(url)s") % {
                        "url": _admin_url("admin:honorees_honoree_change", honoree.pk)
                    })  # fmt: skip
                elif decision == "published":
                    lines.append(_("หน้าสาธารณะ: %(url)s") % {"url": settings.SITE_URL + honoree.get_absolute_url()})
                else:
                    lines.append(_admin_url("admin:honorees_honoree_change", honoree.pk))
            if len(own) == 1:
                subject = str(subject_text) % {"name": own[0].name}
            else:
                subject = str(subject_text) % {"name": _("%(count)s รายการ") % {"count": len(own)}}
            messages.append(_message(officer, subject, lines))
    return _send(messages)


def decision_notify_on_commit(*, honorees, decision: str) -> None:
    """Queue decision_notify for after the current transaction commits (nothing if it rolls back)."""
    ids = [h.pk for h in honorees]
    if ids:
        transaction.on_commit(lambda: decision_notify(honoree_ids=ids, decision=decision))


def _nominated_since(since) -> list[Honoree]:
    """Honorees nominated after `since` (from their history) that are still waiting for a decision."""
    nominated = Honoree.history.filter(status=Honoree.Status.NOMINATED, history_date__gt=since).values("id")
    waiting = Honoree.objects.filter(pk__in=nominated, status=Honoree.Status.NOMINATED)
    return list(waiting.select_related("district", "network").order_by("district__code", "sort_key", "pk"))


def nomination_digest_send(*, now=None) -> int:
    """Send each member of the secretariat the nominations that arrived since their last digest
    (the last day, for the first), once a day at most, nothing when nothing arrived. Returns the
    number of digests sent."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    sent = 0
    with override(settings.LANGUAGE_CODE):
        for user in secretariat_members():
            if NominationDigest.objects.filter(user=user, day=day).exists():
                continue
            last = NominationDigest.objects.filter(user=user).order_by("-sent_at").first()
            arrived = _nominated_since(last.sent_at if last else now - timedelta(days=1))
            if not arrived:
                continue
            try:
                with transaction.atomic():
                    NominationDigest.objects.create(user=user, day=day, honoree_count=len(arrived))
            except IntegrityError:  # another run got there first
                continue
            waiting = Honoree.objects.filter(status=Honoree.Status.NOMINATED).count()
            lines = [
                _("มีการเสนอชื่อใหม่ %(count)s รายการ รอการพิจารณาทั้งหมด %(waiting)s รายการ (สรุป ณ %(date)s)")
                % {"count": len(arrived), "waiting": waiting, "date": thai.thai_date(day)},
                "\n".join(f"- {h.name} — อำเภอ{h.district.name_th} ({h.network.name})" for h in arrived),
                _("พิจารณาได้ที่ %(url)s")
                % {
                    "url": _admin_url("admin:honorees_honoree_changelist")
                    + f"?status__exact={Honoree.Status.NOMINATED}"
                },
            ]
            subject = _("สรุปการเสนอชื่อใหม่ %(count)s รายการ ประจำวันที่ %(date)s") % {
                "count": len(arrived), "date": thai.thai_date(day)
            }  # fmt: skip
            if _send([_message(user, subject, lines)]):
                sent += 1
            else:  # not delivered: let the next run try again today
                NominationDigest.objects.filter(user=user, day=day).delete()
    return sent
