import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from halloffame import thai
from honorees import images


def photo_upload_to(instance, filename):
    """A random name: the stored file must not carry the honoree's name (the master is always a JPEG)."""
    return f"{images.MEDIA_PREFIX}{secrets.token_hex(12)}.jpg"


def consent_not_needed() -> models.Q:
    """Organisations, groups, communities and the late: the PDPA consent rules do not apply."""
    return models.Q(kind__in=Honoree.KINDS_WITHOUT_CONSENT) | models.Q(is_living=False)


def publishable_consent() -> models.Q:
    """The queryset twin of Honoree.has_publishable_consent (consent withdrawal aside)."""
    guardian = models.Q(guardian_consent_on__isnull=False) & ~models.Q(guardian_name="")
    return (
        models.Q(consent_given_on__isnull=False, consent_covers_name=True)
        & ~models.Q(consent_method="")
        & (models.Q(is_minor=False) | guardian)
    )


def has_publishable_consent(record) -> bool:
    """The row twin of publishable_consent(), for any record with the consent fields and a
    `needs_consent` property (honorees, coaches): a living person needs recorded consent
    covering their name (and a guardian's if a minor)."""
    if not record.needs_consent:
        return True
    if record.consent_withdrawn_at or not (
        record.consent_given_on and record.consent_method and record.consent_covers_name
    ):
        return False
    return not record.is_minor or bool(record.guardian_name and record.guardian_consent_on)


class HonoreeQuerySet(models.QuerySet):
    def public(self):
        """The one rule for what the public may see: every public page, feed, sitemap,
        search and count goes through here."""
        return self.filter(
            consent_not_needed() | publishable_consent(),
            status=Honoree.Status.PUBLISHED,
            meeting__is_published=True,
            consent_withdrawn_at__isnull=True,
        )

    def holding_place(self):
        """Honorees that hold their district's place in their meeting (rejected and withdrawn don't)."""
        return self.exclude(status__in=Honoree.STATUSES_WITHOUT_PLACE)

    def for_district(self, district):
        return self.filter(district=district)

    def for_districts(self, districts):
        return self.filter(district__in=districts)

    def named_like(self, name: str):
        """Honorees whose name is the same once titles and spacing are ignored (duplicates)."""
        return self.filter(name_key=thai.normalise_name(name))

    def with_public_photo(self):
        """Honorees with a photo the public may see (the queryset twin of Honoree.public_photo)."""
        return self.exclude(photo="").filter(consent_not_needed() | models.Q(consent_covers_photo=True))

    def with_related(self):
        return self.select_related("district", "network", "meeting").prefetch_related("virtues")

    def thai_order(self):
        return self.order_by("sort_key", "pk")


def public_count(**conditions) -> models.Count:
    """Annotation counting a district's, network's or meeting's public honorees, optionally
    narrowed (e.g. meeting__fiscal_year=2569): District.objects.annotate(n=public_count())."""
    narrowed = {f"honorees__{lookup}": value for lookup, value in conditions.items()}
    public_ids = Honoree.objects.public().values("pk")
    return models.Count("honorees", filter=models.Q(honorees__in=public_ids, **narrowed))


class Honoree(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("บุคคล")
        ORGANIZATION = "organization", _("องค์กร")
        GROUP = "group", _("กลุ่ม")
        COMMUNITY = "community", _("ชุมชน")

    class Status(models.TextChoices):
        DRAFT = "draft", _("ฉบับร่าง")
        NOMINATED = "nominated", _("เสนอชื่อแล้ว")
        APPROVED = "approved", _("อนุมัติแล้ว")
        PUBLISHED = "published", _("เผยแพร่แล้ว")
        REJECTED = "rejected", _("ไม่อนุมัติ")
        WITHDRAWN = "withdrawn", _("ถอนออก")

    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", _("หนังสือยินยอมลงลายมือชื่อ")
        ELECTRONIC = "electronic", _("ยินยอมทางอิเล็กทรอนิกส์")
        VERBAL_RECORDED = "verbal", _("ยินยอมด้วยวาจา มีบันทึกของเจ้าหน้าที่")

    # Organisations, groups and communities are not natural persons under the PDPA.
    KINDS_WITHOUT_CONSENT = (Kind.ORGANIZATION, Kind.GROUP, Kind.COMMUNITY)
    # A status that no longer holds a place on the meeting's honour board.
    STATUSES_WITHOUT_PLACE = (Status.REJECTED, Status.WITHDRAWN)

    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("ชื่อ"), max_length=200, help_text=_("ชื่อที่แสดง พร้อมคำนำหน้า เช่น นาย นาง พระครู"))
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(
        _("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ ไม่เปลี่ยนหลังเผยแพร่")
    )
    sort_key = models.TextField(editable=False, db_index=True)
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    district = models.ForeignKey("networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="honorees")
    network = models.ForeignKey("networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="honorees")
    virtues = models.ManyToManyField("networks.Virtue", verbose_name=_("คุณธรรมหลัก"), blank=True)
    citation = models.CharField(_("เหตุผลการยกย่อง"), max_length=300, help_text=_("หนึ่งบรรทัด ไม่เกิน 300 ตัวอักษร"))
    story = models.TextField(_("เรื่องราว"), blank=True, help_text=_("ข้อความธรรมดา เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่"))
    photo = images.PhotoField(
        _("รูปภาพ"),
        upload_to=photo_upload_to,
        blank=True,
        db_index=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("JPEG, PNG หรือ WebP ไม่เกิน 10 MB และ 40 ล้านพิกเซล ระบบจะหมุนรูปให้ตั้งตรงและลบข้อมูลแฝง (เช่น พิกัด GPS) ออก"),
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The stored name of the 1200×630 Open Graph card (honorees/images.py draws it on save).
    share_card = models.CharField(max_length=100, blank=True, editable=False, db_index=True)
    photo_alt = models.CharField(_("คำบรรยายรูปภาพ"), max_length=250, blank=True)
    model_organisation = models.ForeignKey(
        "programme.ModelOrganisation",
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("องค์กรต้นแบบที่สังกัด"),
        related_name="honorees",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("การประชุมที่ยกย่อง"),
        related_name="honorees",
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    rejection_reason = models.TextField(_("เหตุผลที่ไม่อนุมัติ"), blank=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, editable=False)

    # PDPA: consent of a living person (or their guardian) to publish.
    is_living = models.BooleanField(_("ยังมีชีวิตอยู่"), default=True)
    is_minor = models.BooleanField(_("อายุต่ำกว่า 20 ปี"), default=False)
    consent_given_on = models.DateField(_("วันที่ให้ความยินยอม"), null=True, blank=True)
    consent_method = models.CharField(_("วิธีให้ความยินยอม"), max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_covers_name = models.BooleanField(_("ยินยอมเผยแพร่ชื่อ"), default=False)
    consent_covers_photo = models.BooleanField(_("ยินยอมเผยแพร่รูปภาพ"), default=False)
    consent_covers_story = models.BooleanField(_("ยินยอมเผยแพร่เรื่องราว"), default=False)
    guardian_name = models.CharField(_("ชื่อผู้ปกครองที่ให้ความยินยอม"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(_("วันที่ผู้ปกครองให้ความยินยอม"), null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(_("ถอนความยินยอมเมื่อ"), null=True, blank=True, editable=False)
    consent_withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("ผู้บันทึกการถอนความยินยอม"),
    )

    # Staff only: never on a public page, feed or public export.
    contact_phone = models.CharField(_("โทรศัพท์ (เจ้าหน้าที่เท่านั้น)"), max_length=50, blank=True)
    contact_email = models.EmailField(_("อีเมล (เจ้าหน้าที่เท่านั้น)"), blank=True)
    contact_address = models.TextField(_("ที่อยู่ (เจ้าหน้าที่เท่านั้น)"), blank=True)
    staff_notes = models.TextField(_("บันทึกของเจ้าหน้าที่"), blank=True)

    created_at = models.DateTimeField(_("สร้างเมื่อ"), auto_now_add=True)
    updated_at = models.DateTimeField(_("แก้ไขเมื่อ"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("ผู้สร้าง"),
    )  # fmt: skip
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("ผู้แก้ไขล่าสุด"),
    )  # fmt: skip
    history = HistoricalRecords(
        verbose_name=_("ประวัติผู้ได้รับการยกย่อง"), excluded_fields=["sort_key", "name_key", "share_card"]
    )

    objects = HonoreeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("ผู้ได้รับการยกย่อง")
        verbose_name_plural = _("ผู้ได้รับการยกย่อง")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "district"],
                # The statuses of Honoree.STATUSES_WITHOUT_PLACE (not yet defined here).
                condition=models.Q(meeting__isnull=False) & ~models.Q(status__in=["rejected", "withdrawn"]),
                name="honoree_one_per_district_per_meeting",
                violation_error_message=_("อำเภอนี้มีผู้ได้รับการยกย่องในการประชุมนี้แล้ว"),
            ),
        ]
        indexes = [models.Index(fields=["status", "meeting"])]

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def needs_consent(self) -> bool:
        return self.kind == self.Kind.PERSON and self.is_living

    @property
    def has_publishable_consent(self) -> bool:
        return has_publishable_consent(self)

    @property
    def public_photo(self):
        """The photo only where consent covers it; the public never sees one that it does not."""
        if self.photo and (not self.needs_consent or self.consent_covers_photo):
            return self.photo
        return None

    @property
    def public_story(self) -> str:
        return self.story if not self.needs_consent or self.consent_covers_story else ""

    @property
    def story_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.public_story.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def is_public(self) -> bool:
        return Honoree.objects.public().filter(pk=self.pk).exists()

    def get_absolute_url(self):
        return reverse("honorees:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.meeting_id and self.district_id and self.status not in self.STATUSES_WITHOUT_PLACE:
            holder = (
                Honoree.objects.holding_place()
                .filter(meeting_id=self.meeting_id, district_id=self.district_id)
                .exclude(pk=self.pk)
                .select_related("district")
                .first()
            )
            if holder:
                errors["meeting"] = _("อำเภอ%(district)s มีผู้ได้รับการยกย่องในการประชุมนี้แล้ว คือ %(holder)s") % {
                    "district": holder.district.name_th,
                    "holder": holder.name,
                }
        if self.is_minor and self.consent_given_on and not (self.guardian_name and self.guardian_consent_on):
            errors["guardian_name"] = _("ผู้เยาว์ต้องมีความยินยอมของผู้ปกครอง ระบุชื่อและวันที่ให้ความยินยอม")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.sort_key = thai.thai_sort_key(self.name)
        self.name_key = thai.normalise_name(self.name)
        if not self.slug:
            self.slug = self._new_slug()
        # Master, renditions and share card are written here, not on a page view.
        kwargs["update_fields"] = images.honoree_images_update(self, update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def _new_slug(self) -> str:
        base = slugify(self.name_en)[:60].strip("-") or "honoree"
        slug = base if base != "honoree" else f"honoree-{secrets.token_hex(3)}"
        while Honoree.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug = f"{base}-{secrets.token_hex(3)}"
        return slug


class PrivacyRequest(models.Model):
    """A request from the public to remove or correct an honoree's data (PDPA)."""

    class Kind(models.TextChoices):
        REMOVAL = "removal", _("ขอให้ลบหรือระงับการเผยแพร่")
        CORRECTION = "correction", _("ขอให้แก้ไขข้อมูล")

    honoree = models.ForeignKey(
        Honoree,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="privacy_requests",
        verbose_name=_("ผู้ได้รับการยกย่อง"),
    )
    kind = models.CharField(_("ประเภทคำขอ"), max_length=20, choices=Kind.choices)
    requester_name = models.CharField(_("ชื่อผู้ยื่นคำขอ"), max_length=200)
    requester_contact = models.CharField(_("ช่องทางติดต่อกลับ"), max_length=200)
    message = models.TextField(_("รายละเอียด"), max_length=5000)
    created_at = models.DateTimeField(_("ยื่นเมื่อ"), auto_now_add=True)
    handled_at = models.DateTimeField(_("ดำเนินการเมื่อ"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("ผู้ดำเนินการ")
    )
    resolution = models.TextField(_("ผลการดำเนินการ"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("คำขอเกี่ยวกับข้อมูลส่วนบุคคล")
        verbose_name_plural = _("คำขอเกี่ยวกับข้อมูลส่วนบุคคล")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.requester_name}"
