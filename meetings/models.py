import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from halloffame import thai


class MeetingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def in_fiscal_year(self, fy: int):
        return self.filter(fiscal_year=fy)

    def upcoming(self, today):
        """Meetings on or after `today`, the next one first."""
        return self.filter(date__gte=today).order_by("date")


class Meeting(models.Model):
    """A monthly provincial meeting (การประชุมหัวหน้าส่วนราชการประจำเดือน) and its announcement."""

    date = models.DateField(_("วันที่ประชุม"), unique=True)
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), editable=False, db_index=True)
    number = models.PositiveSmallIntegerField(
        _("ครั้งที่"), blank=True, help_text=_("ครั้งที่ของปีงบประมาณ เว้นว่างไว้เพื่อให้ระบบนับให้")
    )
    slug = models.SlugField(unique=True, editable=False)
    title = models.CharField(_("ชื่อการประชุม"), max_length=200, blank=True)
    venue = models.CharField(_("สถานที่"), max_length=200, blank=True)
    nomination_deadline = models.DateField(
        _("วันสุดท้ายของการเสนอชื่อ"),
        null=True,
        blank=True,
        help_text=_("เจ้าหน้าที่อำเภอเสนอชื่อสำหรับการประชุมนี้ได้ถึงวันนี้ (ไม่เกินวันที่ประชุม)"),
    )
    announcement = models.TextField(_("ข้อความประกาศ"), blank=True)
    # Who signs the certificates and the announcement; blank means the site's default (settings).
    signatory_name = models.CharField(
        _("ชื่อผู้ลงนาม"), max_length=200, blank=True, help_text=_("เว้นว่างไว้เพื่อใช้ค่าตั้งต้นของระบบ")
    )
    signatory_position = models.CharField(
        _("ตำแหน่งผู้ลงนาม"), max_length=200, blank=True, help_text=_("เช่น ผู้ว่าราชการจังหวัดสุราษฎร์ธานี")
    )
    is_published = models.BooleanField(_("เผยแพร่แล้ว"), default=False, db_index=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    history = HistoricalRecords(verbose_name=_("ประวัติการประชุม"))

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("การประชุม")
        verbose_name_plural = _("การประชุม")
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "number"], name="meeting_unique_number_in_fiscal_year")
        ]

    def __str__(self):
        return f"{self.fiscal_number} ({thai.thai_date(self.date)})"

    @property
    def fiscal_number(self) -> str:
        """ครั้งที่ 1/2565"""
        return thai.meeting_number(self.number, self.fiscal_year)

    @property
    def month_label(self) -> str:
        """ตุลาคม 2564 (October 2564 B.E. on English pages): the month the announcement is for."""
        return thai.be_month_year(self.date, thai.page_language())

    @property
    def signatory(self) -> tuple[str, str]:
        """(name, position) of who signs the meeting's certificates and announcement."""
        return (
            self.signatory_name or settings.CERTIFICATE_SIGNATORY_NAME,
            self.signatory_position or settings.CERTIFICATE_SIGNATORY_POSITION,
        )

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.date and self.nomination_deadline and self.nomination_deadline > self.date:
            raise ValidationError(
                {"nomination_deadline": _("วันสุดท้ายของการเสนอชื่อต้องไม่เลยวันที่ประชุม (%(date)s)")
                 % {"date": thai.thai_date(self.date)}}
            )  # fmt: skip
        if self.date and self.number and not self._moves_to_another_fiscal_year():
            fy = thai.fiscal_year(self.date)
            clash = Meeting.objects.filter(fiscal_year=fy, number=self.number).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {"number": _("ปีงบประมาณ %(fy)s มีการประชุมครั้งที่ %(n)s แล้ว (%(date)s)")
                     % {"fy": fy, "n": self.number, "date": thai.thai_date(clash.date)}}
                )  # fmt: skip

    def _stored(self) -> dict | None:
        if self.pk is None:
            return None
        return (
            Meeting.objects.filter(pk=self.pk).values("fiscal_year", "number", "slug", "title", "is_published").first()
        )

    def _moves_to_another_fiscal_year(self, stored=None) -> bool:
        """A new date in another fiscal year, with the number left as it was: it is renumbered there."""
        stored = stored or self._stored()
        return bool(stored and self.date and stored["fiscal_year"] != thai.fiscal_year(self.date)) and (
            not self.number or self.number == stored["number"]
        )

    @staticmethod
    def default_title(number: int, fy: int) -> str:
        return f"การประชุมหัวหน้าส่วนราชการจังหวัดสุราษฎร์ธานี {thai.meeting_number(number, fy)}"

    def _next_number(self) -> int:
        """The number after the last earlier meeting of the fiscal year; should a meeting be entered
        out of order and that number be taken, the next free number instead."""
        same_year = Meeting.objects.filter(fiscal_year=self.fiscal_year).exclude(pk=self.pk)
        earlier = same_year.filter(date__lt=self.date).aggregate(n=models.Max("number"))["n"] or 0
        if same_year.filter(number=earlier + 1).exists():
            return (same_year.aggregate(n=models.Max("number"))["n"] or 0) + 1
        return earlier + 1

    def save(self, *args, **kwargs):
        stored = self._stored()
        moved = self._moves_to_another_fiscal_year(stored)
        if moved:
            self.number = None
            if self.title == stored["title"] == self.default_title(stored["number"], stored["fiscal_year"]):
                self.title = ""  # the generated title follows the new number
        self.fiscal_year = thai.fiscal_year(self.date)
        if not self.number:
            self.number = self._next_number()
        self.slug = f"{self.fiscal_year}-{self.number}"
        if not self.title:
            self.title = self.default_title(self.number, self.fiscal_year)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if moved and stored["is_published"] and stored["slug"] != self.slug:
                MeetingRedirect.objects.update_or_create(old_slug=stored["slug"], defaults={"meeting": self})


class MeetingRedirect(models.Model):
    """The address a published meeting had before its date moved it to another fiscal year."""

    old_slug = models.SlugField(unique=True)
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ที่อยู่เดิมของการประชุม")
        verbose_name_plural = _("ที่อยู่เดิมของการประชุม")

    def __str__(self):
        return f"{self.old_slug} → {self.meeting.slug}"


# Crockford's base32: no I, L, O or U, so a code read off paper is typed without confusion.
CERTIFICATE_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CERTIFICATE_CODE_LENGTH = 16  # 80 random bits


def new_certificate_code() -> str:
    return "".join(secrets.choice(CERTIFICATE_CODE_ALPHABET) for _ in range(CERTIFICATE_CODE_LENGTH))


class Certificate(models.Model):
    """The certificate (เกียรติบัตร) an honoree receives at a meeting; its code, printed as a QR code,
    is what /verify/<code>/ checks. A row outlives a withdrawal so that the code can say "revoked"."""

    code = models.CharField(_("รหัสตรวจสอบ"), max_length=CERTIFICATE_CODE_LENGTH, unique=True, editable=False)
    honoree = models.ForeignKey(
        "honorees.Honoree", models.CASCADE, related_name="certificates", verbose_name=_("ผู้ได้รับการยกย่อง")
    )
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="certificates", verbose_name=_("การประชุม"))
    issued_at = models.DateTimeField(_("ออกเมื่อ"), auto_now_add=True)

    class Meta:
        verbose_name = _("เกียรติบัตร")
        verbose_name_plural = _("เกียรติบัตร")
        constraints = [
            models.UniqueConstraint(fields=["honoree", "meeting"], name="certificate_one_per_honoree_meeting")
        ]

    def __str__(self):
        return self.display_code

    @property
    def display_code(self) -> str:
        """ABCD-EFGH-JKMN-PQRS: the code in groups of four, as printed under the QR code."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def serial(self) -> str:
        """ที่ 12/2569/8404: the meeting's number, its fiscal year and the district's code."""
        return f"{self.meeting.number}/{self.meeting.fiscal_year}/{self.honoree.district.code}"

    def get_absolute_url(self):
        return reverse("verify", kwargs={"code": self.code})

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = new_certificate_code()
        super().save(*args, **kwargs)
