"""Suggestions from the public: a good person, organisation, group or community of a district
that someone thinks the province should honour. Nothing here is ever shown on a public page."""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import Honoree

# ส-2569-000123: the B.E. year it arrived and six random digits (a count would tell how many came in).
REFERENCE_PREFIX = "ส"
_REFERENCE_RE = re.compile(r"^\s*(?:ส|S)?\s*[-–—.\s]?\s*(25\d\d)\s*[-–—./\s]?\s*(\d{6})\s*$", re.IGNORECASE)
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def normalise_reference(text: str) -> str | None:
    """The reference as stored ("ส-2569-000123") from what a person typed (Thai digits, "S", no
    dashes, spaces), or None when it cannot be one."""
    match = _REFERENCE_RE.match((text or "")[:40].translate(_THAI_DIGITS))
    return f"{REFERENCE_PREFIX}-{match[1]}-{match[2]}" if match else None


class SuggestionQuerySet(models.QuerySet):
    def for_districts(self, districts):
        return self.filter(district__in=districts)

    def named_like(self, name: str):
        """Suggestions of the same name once titles and spacing are ignored (likely duplicates)."""
        return self.filter(name_key=thai.normalise_name(name))

    def new(self):
        return self.filter(status=Suggestion.Status.RECEIVED)

    def past_retention(self, *, now=None):
        """Suggestions not taken forward whose retention period (SUGGESTION_RETENTION_DAYS) is over."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.SUGGESTION_RETENTION_DAYS)
        return self.filter(status=Suggestion.Status.DECLINED, decided_at__lt=cutoff)


class Suggestion(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("ได้รับแล้ว")
        UNDER_REVIEW = "under_review", _("อยู่ระหว่างพิจารณา")
        FORWARDED = "forwarded", _("ส่งต่อเป็นผู้ได้รับการเสนอชื่อแล้ว")
        DECLINED = "declined", _("ไม่ได้นำไปพิจารณาต่อ")
        MERGED = "merged", _("รวมกับข้อเสนอที่ซ้ำกัน")

    # Statuses an officer can still act on.
    OPEN_STATUSES = (Status.RECEIVED, Status.UNDER_REVIEW)

    reference = models.CharField(_("เลขอ้างอิง"), max_length=20, unique=True, editable=False)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.RECEIVED)

    # Who is suggested.
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Honoree.Kind.choices, default=Honoree.Kind.PERSON)
    name = models.CharField(_("ชื่อผู้ที่เสนอ"), max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    district = models.ForeignKey(
        "networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="suggestions"
    )
    network = models.ForeignKey(
        "networks.Network",
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("เครือข่าย (ถ้าทราบ)"),
        related_name="suggestions",
    )
    achievements = models.TextField(_("สิ่งที่ทำเพื่อส่วนรวม"), max_length=5000)
    links = models.TextField(_("ลิงก์ที่เกี่ยวข้อง"), max_length=1000, blank=True)

    # Who suggests: staff of the district and the secretariat only.
    suggester_name = models.CharField(_("ชื่อผู้เสนอ"), max_length=200)
    suggester_email = models.EmailField(_("อีเมลผู้เสนอ"), max_length=254, blank=True)
    suggester_phone = models.CharField(_("โทรศัพท์ผู้เสนอ"), max_length=30, blank=True)
    relationship = models.CharField(_("ความเกี่ยวข้องกับผู้ที่เสนอ"), max_length=200)
    consent_given_at = models.DateTimeField(_("ผู้เสนอให้ความยินยอมเมื่อ"))
    language = models.CharField(_("ภาษาที่ใช้ส่ง"), max_length=5, default="th", editable=False)

    # Moderation.
    duplicate_of = models.ForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("ซ้ำกับข้อเสนอ"),
    )
    honoree = models.ForeignKey(
        "honorees.Honoree",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("ผู้ได้รับการเสนอชื่อที่สร้างจากข้อเสนอนี้"),
    )
    decline_reason = models.TextField(_("เหตุผลที่ไม่นำไปพิจารณาต่อ"), max_length=2000, blank=True)
    staff_notes = models.TextField(_("บันทึกของเจ้าหน้าที่"), max_length=5000, blank=True)
    decided_at = models.DateTimeField(_("ตัดสินเมื่อ"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("ผู้ตัดสิน"),
    )
    created_at = models.DateTimeField(_("ได้รับเมื่อ"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("แก้ไขเมื่อ"), auto_now=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ข้อเสนอชื่อจากประชาชน")
        verbose_name_plural = _("ข้อเสนอชื่อจากประชาชน")
        indexes = [models.Index(fields=["district", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(suggester_email="", suggester_phone=""),
                name="suggestion_has_a_way_to_reach_the_suggester",
                violation_error_message=_("ระบุอีเมลหรือโทรศัพท์ของผู้เสนออย่างน้อยหนึ่งช่องทาง"),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined", decline_reason=""),
                name="suggestion_declined_with_a_reason",
                violation_error_message=_("โปรดระบุเหตุผลที่ไม่นำข้อเสนอนี้ไปพิจารณาต่อ"),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="merged", duplicate_of__isnull=True),
                name="suggestion_merged_into_another",
                violation_error_message=_("ข้อเสนอที่รวมแล้วต้องระบุข้อเสนอที่ซ้ำกัน"),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.name}"

    @property
    def public_status(self) -> str:
        """What /suggest/status/ tells: a merged duplicate follows the suggestion it was merged into."""
        if self.status == self.Status.MERGED and self.duplicate_of_id:
            return self.duplicate_of.status
        return self.status

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def link_lines(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def save(self, *args, **kwargs):
        self.name_key = thai.normalise_name(self.name)
        if not self.reference:
            self.reference = self._new_reference()
        super().save(*args, **kwargs)

    def _new_reference(self) -> str:
        year = thai.be_year(self.created_at or timezone.now())
        while True:
            reference = f"{REFERENCE_PREFIX}-{year}-{secrets.randbelow(10**6):06d}"
            if not Suggestion.objects.filter(reference=reference).exists():
                return reference
