import functools
import secrets
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from halloffame import thai
from halloffame.i18n import ShownText, in_page_language, item_path
from honorees import consent
from honorees.photos import paths
from honorees.photos.fields import PhotoField
from honorees.photos.honoree_files import honoree_images_update


def photo_upload_to(instance, filename):
    """A random name: the stored file must not carry the honoree's name (the master is always a JPEG)."""
    return paths.master_name()


class HonoreeStatus(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    NOMINATED = "nominated", _("เสนอชื่อแล้ว")
    APPROVED = "approved", _("อนุมัติแล้ว")
    PUBLISHED = "published", _("เผยแพร่แล้ว")
    REJECTED = "rejected", _("ไม่อนุมัติ")
    WITHDRAWN = "withdrawn", _("ถอนออก")


# A status that no longer holds a place on the meeting's honour board.
STATUSES_WITHOUT_PLACE = (HonoreeStatus.REJECTED, HonoreeStatus.WITHDRAWN)
# Names stored as people read and search them: no doubled, leading, trailing or invisible spaces.
CLEANED_NAME_FIELDS = ("name", "name_en", "guardian_name", "photo_alt")
PLACE_TAKEN = _("อำเภอนี้มีผู้ได้รับการยกย่องในการประชุมนี้แล้ว")


def holds_place_q(prefix: str = "") -> models.Q:
    """Who holds a district's place in a meeting: an honoree placed in it that is neither rejected
    nor withdrawn. The one definition: the database constraint, clean(), the services, the honour
    board and its counts all use it (prefix for lookups through a relation, e.g. "honorees__")."""
    return models.Q(**{f"{prefix}meeting__isnull": False}) & ~models.Q(
        **{f"{prefix}status__in": [status.value for status in STATUSES_WITHOUT_PLACE]}
    )


# Staff-only and long texts that no card reads: left out of the rows a list page fetches.
CARDS_NEVER_READ = ("story", "story_en", "staff_notes", "contact_phone", "contact_address", "rejection_reason")


class HonoreeQuerySet(models.QuerySet):
    def public(self):
        """What the public may see: every public page, feed, sitemap, search and count goes
        through here. It reads publicly_visible, which the database keeps equal to
        by_public_rule() on every write (honorees/public_flag.py), so counting public
        honorees is an index scan instead of the rule's join on every row."""
        return self.filter(publicly_visible=True)

    def by_public_rule(self):
        """The one rule for what the public may see, evaluated on the row and its meeting."""
        return self.filter(
            consent.publishable_consent_q(self.model),
            status=Honoree.Status.PUBLISHED,
            meeting__is_published=True,
            consent_withdrawn_at__isnull=True,
        )

    def holding_place(self):
        """Honorees that hold their district's place in their meeting (holds_place_q)."""
        return self.filter(holds_place_q())

    def awaiting_place(self):
        """Approved honorees not yet placed in a meeting: the honour board's candidates."""
        return self.filter(status=Honoree.Status.APPROVED, meeting__isnull=True)

    def for_district(self, district):
        return self.filter(district=district)

    def for_districts(self, districts):
        return self.filter(district__in=districts)

    def named_like(self, name: str):
        """Honorees whose name is the same once titles, spacing and typing variants are ignored (duplicates)."""
        return self.filter(name_key=thai.normalise_name(name))

    def search(self, text: str):
        """The public page's and the admin's search: the name however it is typed (titles spelled out
        or abbreviated or left out, spaces, digit forms, SARA AM), the English name or the citation.
        A title typed must be the honoree's, unless the record has none."""
        terms = search_terms(text, fold=str)  # the database folds letter case itself (icontains)
        if terms is None:
            return self
        name_key, titles, plain = terms
        by_name = models.Q(name_key__contains=name_key)
        if titles:
            with_titles = models.Q()
            for title in titles:
                with_titles &= models.Q(title_key__contains=title)
            by_name &= models.Q(title_key="") | with_titles
        return self.filter(by_name | models.Q(name_en__icontains=plain) | models.Q(citation__icontains=plain))

    def with_public_photo(self):
        """Honorees with a photo the public may see (the queryset twin of Honoree.public_photo)."""
        return self.exclude(photo="").filter(consent.covers_q(self.model, "photo"))

    def with_related(self):
        return self.select_related("district", "network", "meeting").prefetch_related("virtues")

    def for_cards(self):
        """What an honoree's card on a list shows: its district and meeting, without the network,
        the virtues and the long texts it never reads."""
        return self.select_related("district", "meeting").defer(*CARDS_NEVER_READ)

    def thai_order(self):
        return self.order_by("sort_key", "pk")


def search_fold(connection):
    """Letter case as the database's icontains ignores it, for the search in memory. SQLite's LIKE
    folds ASCII letters only. PostgreSQL's UPPER() follows the database's locale, so it is asked
    once: ASCII only under C, every letter one for one under a libc locale (ß stays ß), or as
    Python's upper() under ICU (ß becomes SS)."""
    if connection.vendor == "sqlite":
        return _ascii_lower
    return _postgresql_fold(connection.alias)


_FOLD_PROBE = "éß"


@functools.cache
def _postgresql_fold(alias: str):
    from django.db import connections

    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT UPPER(%s)", [_FOLD_PROBE])
        upper = cursor.fetchone()[0]
    folds = {
        _FOLD_PROBE: _ascii_lower,
        _upper_one_for_one(_FOLD_PROBE): _upper_one_for_one,
        _FOLD_PROBE.upper(): str.upper,
    }
    return folds.get(upper, _upper_one_for_one)


def search_terms(text: str, fold) -> tuple[str, list[str], str] | None:
    """What a search looks for, in the database (HonoreeQuerySet.search) and in memory
    (PublicSummary.search): the name key, the title keys ("|title|") the record must have unless
    it has none, and the text, folded, that the English name or citation may contain instead; None
    when the text asks for nothing."""
    titles, name_key = thai.search_terms(text)
    if not (name_key or titles):
        return None
    return name_key, [f"|{title}|" for title in titles], fold(thai.clean_text(text))


def _ascii_lower(value: str) -> str:
    # bytes.lower() changes ASCII letters only, at C speed (str.translate took 200 ms for every citation).
    return value.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


@functools.cache
def _one_for_one_upper_table() -> dict[int, str]:
    letters = (chr(code) for code in range(0x110000))
    return {ord(c): u for c in letters if (u := c.upper()) != c and len(u) == 1}


def _upper_one_for_one(value: str) -> str:
    upper = value.upper()
    if len(upper) == len(value):  # no letter became two: the common case, at C speed
        return upper
    return value.translate(_one_for_one_upper_table())


def public_count(field: str, **conditions) -> models.Expression:
    """Annotation counting a district's, network's or meeting's public honorees, optionally
    narrowed (e.g. meeting__fiscal_year=2569): District.objects.annotate(n=public_count("district")).
    A subquery per row that counts from the public rows' indexes, where a join of every honoree
    took 20–35 ms."""
    rows = Honoree.objects.public().filter(**{field: models.OuterRef("pk")}, **conditions).order_by().values(field)
    return Coalesce(models.Subquery(rows.annotate(n=models.Count("*")).values("n")), 0)


class Honoree(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("บุคคล")
        ORGANIZATION = "organization", _("องค์กร")
        GROUP = "group", _("กลุ่ม")
        COMMUNITY = "community", _("ชุมชน")

    Status = HonoreeStatus

    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", _("หนังสือยินยอมลงลายมือชื่อ")
        ELECTRONIC = "electronic", _("ยินยอมทางอิเล็กทรอนิกส์")
        VERBAL_RECORDED = "verbal", _("ยินยอมด้วยวาจา มีบันทึกของเจ้าหน้าที่")

    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(_("ชื่อ"), max_length=200, help_text=_("ชื่อที่แสดง พร้อมคำนำหน้า เช่น นาย นาง พระครู"))
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(
        _("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ ไม่เปลี่ยนหลังเผยแพร่")
    )
    sort_key = models.TextField(editable=False, db_index=True)
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    title_key = models.CharField(max_length=200, editable=False, default="")
    district = models.ForeignKey("networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="honorees")
    network = models.ForeignKey("networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="honorees")
    virtues = models.ManyToManyField("networks.Virtue", verbose_name=_("คุณธรรมหลัก"), blank=True)
    citation = models.CharField(_("เหตุผลการยกย่อง"), max_length=300, help_text=_("หนึ่งบรรทัด ไม่เกิน 300 ตัวอักษร"))
    story = models.TextField(_("เรื่องราว"), blank=True, help_text=_("ข้อความธรรมดา เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่"))
    citation_en = models.CharField(_("เหตุผลการยกย่องภาษาอังกฤษ"), max_length=300, blank=True)
    story_en = models.TextField(
        _("เรื่องราวภาษาอังกฤษ"), blank=True, help_text=_("ถ้าเว้นว่าง หน้าภาษาอังกฤษจะแสดงเรื่องราวภาษาไทย")
    )
    photo = PhotoField(
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
    # The stored name of the 1200×630 Open Graph card (honorees/photos/ draws it on save).
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
    # Where the face is, in percent of the width and height: square cards and the share card are
    # cropped around it (honorees/photos/renditions.py); the profile shows the whole photo.
    photo_focus_x = models.PositiveSmallIntegerField(
        _("จุดสนใจของรูป แนวนอน (%)"), default=50, validators=[MaxValueValidator(100)],
        help_text=_("0 = ซ้ายสุด 100 = ขวาสุด"),
    )  # fmt: skip
    photo_focus_y = models.PositiveSmallIntegerField(
        _("จุดสนใจของรูป แนวตั้ง (%)"), default=50, validators=[MaxValueValidator(100)],
        help_text=_("0 = บนสุด 100 = ล่างสุด — คลิกบนรูปเพื่อเลือกใบหน้า"),
    )  # fmt: skip
    meeting = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("การประชุมที่ยกย่อง"),
        related_name="honorees",
    )
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    # by_public_rule() as the database last saw it, kept by triggers (honorees/public_flag.py).
    publicly_visible = models.BooleanField(default=False, editable=False)
    rejection_reason = models.TextField(_("เหตุผลที่ไม่อนุมัติ"), blank=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, editable=False)

    # PDPA: consent of a living person (or their guardian) to publish.
    is_living = models.BooleanField(_("ยังมีชีวิตอยู่"), default=True)
    is_minor = models.BooleanField(_("อายุต่ำกว่า 20 ปี"), default=False)
    consent_given_on = models.DateField(
        _("วันที่ให้ความยินยอม"), null=True, blank=True, validators=[thai.validate_not_in_future]
    )
    consent_method = models.CharField(_("วิธีให้ความยินยอม"), max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_covers_name = models.BooleanField(_("ยินยอมเผยแพร่ชื่อ"), default=False)
    consent_covers_photo = models.BooleanField(_("ยินยอมเผยแพร่รูปภาพ"), default=False)
    consent_covers_story = models.BooleanField(_("ยินยอมเผยแพร่เรื่องราว"), default=False)
    guardian_name = models.CharField(_("ชื่อผู้ปกครองที่ให้ความยินยอม"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(
        _("วันที่ผู้ปกครองให้ความยินยอม"), null=True, blank=True, validators=[thai.validate_not_in_future]
    )
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
        verbose_name=_("ประวัติผู้ได้รับการยกย่อง"),
        excluded_fields=["sort_key", "name_key", "title_key", "share_card", "publicly_visible"],
    )

    objects = HonoreeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("ผู้ได้รับการยกย่อง")
        verbose_name_plural = _("ผู้ได้รับการยกย่อง")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "district"],
                condition=holds_place_q(),
                name="honoree_one_per_district_per_meeting",
                violation_error_message=PLACE_TAKEN,
            ),
            models.CheckConstraint(
                condition=models.Q(photo_focus_x__lte=100, photo_focus_y__lte=100),
                name="honoree_photo_focus_in_percent",
                violation_error_message=_("จุดสนใจของรูปต้องอยู่ระหว่าง 0 ถึง 100"),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "meeting"]),
            # A kind's or a meeting's public rows (honorees/public_flag.py keeps the flag).
            models.Index(fields=["kind", "publicly_visible"], name="honoree_kind_public"),
            models.Index(fields=["meeting", "publicly_visible"], name="honoree_meeting_public"),
            # Facet counts under other filters, and a district's or network's meetings, read only the
            # public rows' facet columns from one of these, never the wide table rows: an index-only
            # scan on PostgreSQL, whichever of kind, district or network the page filters by
            # (honorees/filters.py facet_counts, NewestFirstPages.of).
            models.Index(
                fields=["kind", "district", "network", "meeting"],
                condition=models.Q(publicly_visible=True),
                name="honoree_public_facets",
            ),
            models.Index(
                fields=["district", "kind", "network", "meeting"],
                condition=models.Q(publicly_visible=True),
                name="honoree_public_by_district",
            ),
            models.Index(
                fields=["network", "kind", "district", "meeting"],
                condition=models.Q(publicly_visible=True),
                name="honoree_public_by_network",
            ),
            # The sitemap index's lastmod of the honorees: MAX over the public rows is one index step.
            models.Index(
                fields=["updated_at"], condition=models.Q(publicly_visible=True), name="honoree_public_updated"
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "photo_focus_x" in field_names and "photo_focus_y" in field_names:
            # Known on save: a new focal point redraws the cards (honorees/photos/honoree_files.py).
            instance._photo_stored_focus = (instance.photo_focus_x, instance.photo_focus_y)
        return instance

    @property
    def display_name(self):
        if thai.page_language() == "en" and self.name_en:
            return self.name_en
        return self.name

    @property
    def needs_consent(self) -> bool:
        return consent.needs_consent(self)

    @property
    def has_publishable_consent(self) -> bool:
        return consent.has_publishable_consent(self)

    @property
    def public_photo(self):
        """The photo only where consent covers it; the public never sees one that it does not."""
        return self.photo if self.photo and consent.covers(self, "photo") else None

    @property
    def public_story(self) -> str:
        return self.story if consent.covers(self, "story") else ""

    @property
    def shown_citation(self) -> ShownText:
        return in_page_language(self.citation, self.citation_en)

    @property
    def shown_story(self) -> ShownText:
        """The story in the page's language (Thai standing in for a missing English one), if consent covers it."""
        if not self.public_story:
            return ShownText("")
        return in_page_language(self.story, self.story_en)

    @property
    def story_paragraphs(self) -> list[str]:
        return [p.strip() for p in self.shown_story.text.replace("\r\n", "\n").split("\n\n") if p.strip()]

    @property
    def is_public(self) -> bool:
        return Honoree.objects.public().filter(pk=self.pk).exists()

    def get_absolute_url(self):
        return item_path("honorees:list", self.slug)  # reverse("honorees:detail", kwargs={"slug": ...})

    def place_taken_by(self) -> "Honoree | None":
        """The other honoree already holding this one's district place in its meeting, if any."""
        if not (self.meeting_id and self.district_id) or self.status in STATUSES_WITHOUT_PLACE:
            return None
        holders = Honoree.objects.holding_place().filter(meeting_id=self.meeting_id, district_id=self.district_id)
        return holders.exclude(pk=self.pk).select_related("district", "meeting").first()

    def holds_place_message(self) -> str:
        """Why no one else can have this honoree's place, naming the district and the holder."""
        return _("อำเภอ%(district)s มีผู้ได้รับการยกย่องในการประชุม%(meeting)s แล้ว คือ %(holder)s (%(status)s)") % {
            "district": self.district.name_th,
            "meeting": self.meeting.fiscal_number,
            "holder": self.name,
            "status": self.get_status_display(),
        }

    def clean(self):
        errors = {}
        if holder := self.place_taken_by():
            errors["meeting"] = holder.holds_place_message()
        errors.update(consent.consent_record_errors(self))
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        # Master, renditions and share card are written here, not on a page view.
        kwargs["update_fields"] = honoree_images_update(self, update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def fill_derived_fields(self, *, taken_slugs: set[str] = frozenset()) -> None:
        """The fields save() derives from the others; a bulk insert calls it too.

        Slugs in `taken_slugs` (given to rows of the same insert) are avoided."""
        for field in CLEANED_NAME_FIELDS:
            setattr(self, field, thai.clean_text(getattr(self, field) or ""))
        self.sort_key = thai.thai_sort_key(self.name)
        # Case folding can lengthen Latin letters (ß → ss): the keys keep to their columns.
        self.name_key = thai.normalise_name(self.name)[:200]
        self.title_key = thai.title_key(self.name)[:200]
        if not self.slug:
            self.slug = self._new_slug(taken_slugs)

    def _new_slug(self, taken_slugs=frozenset()) -> str:
        base = slugify(self.name_en)[:60].strip("-") or "honoree"
        slug = base if base != "honoree" else f"honoree-{secrets.token_hex(3)}"
        while slug in taken_slugs or Honoree.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug = f"{base}-{secrets.token_hex(3)}"
        return slug


# The PDPA gives the data controller 30 days to answer a data subject's request (section 30).
PRIVACY_ANSWER_DAYS = 30


class PrivacyRequestQuerySet(models.QuerySet):
    def open(self):
        """Requests not yet handled."""
        return self.filter(handled_at__isnull=True)


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

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("คำขอเกี่ยวกับข้อมูลส่วนบุคคล")
        verbose_name_plural = _("คำขอเกี่ยวกับข้อมูลส่วนบุคคล")

    def __str__(self):
        return f"{self.get_kind_display()} — {self.requester_name}"

    @property
    def answer_due_on(self) -> date:
        """The last day of the PDPA's answer time, counted from the day the request arrived (Thai time)."""
        return timezone.localdate(self.created_at) + timedelta(days=PRIVACY_ANSWER_DAYS)

    def days_left(self, today: date | None = None) -> int:
        """Days until the answer is due: 0 on the last day, negative once overdue."""
        return (self.answer_due_on - (today or timezone.localdate())).days
