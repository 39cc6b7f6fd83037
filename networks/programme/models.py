"""The moral-province programme beside the hall: model organisations and their assessed levels,
learning sources on the map, the networks' lessons and their coaches.

Each kind has one `public()` queryset method: every public page, sitemap, search and count uses it.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from halloffame import thai
from honorees import consent
from honorees.models import Honoree
from honorees.photos.fields import PhotoField
from honorees.photos.record_files import photo_files_update
from networks import map as district_map

MEDIA_PREFIX = "programme/"
# Assessment (fiscal) years are B.E.; a four-digit year below this is taken for C.E. and refused.
FIRST_FISCAL_YEAR = 2550
LAST_FISCAL_YEAR = 2700
PHOTO_HELP = _("JPEG, PNG หรือ WebP ไม่เกิน 10 MB และ 40 ล้านพิกเซล ระบบจะหมุนรูปให้ตั้งตรงและลบข้อมูลแฝง (เช่น พิกัด GPS) ออก")


def photo_upload_to(instance, filename):
    """A random name under programme/ (the master is always a JPEG; the media view maps it back)."""
    return f"{MEDIA_PREFIX}{secrets.token_hex(12)}.jpg"


def photo_field(**kwargs):
    return PhotoField(
        _("รูปภาพ"),
        upload_to=photo_upload_to,
        blank=True,
        db_index=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=PHOTO_HELP,
        **kwargs,
    )


def validate_fiscal_year(value: int) -> None:
    if value is None:
        return
    if 1900 <= value < 2400:
        raise ValidationError(
            _("ปีงบประมาณ %(year)s เป็นปี ค.ศ. โปรดใช้ปี พ.ศ. เช่น %(be)s") % {"year": value, "be": value + thai.BE_OFFSET},
            code="ce_year",
        )
    if not FIRST_FISCAL_YEAR <= value <= LAST_FISCAL_YEAR:
        raise ValidationError(
            _("ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง %(first)s ถึง %(last)s")
            % {"first": FIRST_FISCAL_YEAR, "last": LAST_FISCAL_YEAR},
            code="fiscal_year",
        )


class Status(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    PROPOSED = "proposed", _("เสนอแล้ว")
    PUBLISHED = "published", _("เผยแพร่แล้ว")
    WITHDRAWN = "withdrawn", _("ถอนออก")


class Level(models.IntegerChoices):
    """The Moral Center's levels, lowest first (ต้นแบบโดดเด่น above ต้นแบบ)."""

    PROMOTING = 1, _("ส่งเสริมคุณธรรม")
    MORAL = 2, _("คุณธรรม")
    MODEL = 3, _("คุณธรรมต้นแบบ")
    OUTSTANDING = 4, _("คุณธรรมต้นแบบโดดเด่น")


# The levels that count towards the province's target of model organisations.
MODEL_LEVELS = (Level.MODEL, Level.OUTSTANDING)


class ProgrammeRecord(models.Model):
    """What every staff-made programme record has: a status, who made and changed it, and when."""

    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True, editable=False)
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

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        if thai.page_language() == "en" and getattr(self, "name_en", ""):
            return self.name_en
        return self.name

    @property
    def is_public(self) -> bool:
        return type(self).objects.public().filter(pk=self.pk).exists()

    def save(self, *args, **kwargs):
        if hasattr(self, "sort_key"):
            self.sort_key = thai.thai_sort_key(self.name)
        if not self.slug:
            self.slug = self._new_slug()
        kwargs["update_fields"] = photo_update(self, update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def _new_slug(self) -> str:
        prefix = self._meta.model_name
        base = slugify(getattr(self, "name_en", "") or "")[:60].strip("-")
        slug = base or f"{prefix}-{secrets.token_hex(3)}"
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug = f"{base or prefix}-{secrets.token_hex(3)}"
        return slug


def photo_update(record, *, update_fields=None):
    """The honorees' photo pipeline for a programme record (master, renditions, clean-up).
    Returns update_fields."""
    if getattr(record, "photo", None) is None:
        return update_fields
    return photo_files_update(record, update_fields=update_fields)


class PhotoMixin:
    """The public photo of a record (coaches narrow it to their consent)."""

    @property
    def public_photo(self):
        return self.photo or None


# ---------------------------------------------------------------- model organisations


class ModelOrganisationQuerySet(models.QuerySet):
    def public(self):
        """The one rule for which model organisations the public may see."""
        return self.filter(status=Status.PUBLISHED)

    def for_districts(self, districts):
        return self.filter(district__in=districts)

    def with_latest_assessment(self):
        latest = Assessment.objects.filter(organisation=OuterRef("pk")).order_by("-fiscal_year")
        return self.annotate(
            latest_level=Subquery(latest.values("level")[:1]),
            latest_year=Subquery(latest.values("fiscal_year")[:1]),
        )

    def at_level(self, level: int, *, fiscal_year: int | None = None):
        """Organisations assessed at `level` in `fiscal_year`, or at their latest assessment."""
        if fiscal_year:
            return self.filter(assessments__fiscal_year=fiscal_year, assessments__level=level)
        return self.with_latest_assessment().filter(latest_level=level)

    def thai_order(self):
        return self.order_by("sort_key", "pk")


class ModelOrganisation(PhotoMixin, ProgrammeRecord):
    """An organisation, community, school, temple, district or other body recognised by the programme."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("องค์กร")
        COMMUNITY = "community", _("ชุมชน")
        SCHOOL = "school", _("สถานศึกษา")
        TEMPLE = "temple", _("ศาสนสถาน")
        DISTRICT = "district", _("อำเภอ")
        OTHER = "other", _("หน่วยงานอื่น")

    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices, default=Kind.ORGANISATION)
    name = models.CharField(_("ชื่อ"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(_("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ"))
    sort_key = models.TextField(editable=False, db_index=True, default="")
    district = models.ForeignKey(
        "networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="model_organisations"
    )
    network = models.ForeignKey(
        "networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="model_organisations"
    )
    summary = models.CharField(_("สรุปสั้น"), max_length=300, help_text=_("หนึ่งบรรทัด ไม่เกิน 300 ตัวอักษร"))
    description = models.TextField(_("สิ่งที่ทำ"), blank=True, help_text=_("ข้อความธรรมดา เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่"))
    problems_to_solve = models.TextField(_("ปัญหาที่อยากแก้"), blank=True)
    goodness_to_do = models.TextField(_("ความดีที่อยากทำ"), blank=True)
    target_virtues = models.ManyToManyField(
        "networks.Virtue", verbose_name=_("คุณธรรมเป้าหมาย"), blank=True, related_name="model_organisations"
    )
    photo = photo_field()
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("คำบรรยายรูปภาพ"), max_length=250, blank=True)
    # Shown on the public page only when the organisation agrees (contact_is_public).
    contact_is_public = models.BooleanField(_("องค์กรยินยอมให้เผยแพร่ข้อมูลติดต่อ"), default=False)
    contact_person = models.CharField(_("ผู้ประสานงาน"), max_length=200, blank=True)
    contact_phone = models.CharField(_("โทรศัพท์"), max_length=50, blank=True)
    contact_email = models.EmailField(_("อีเมล"), blank=True)
    contact_address = models.TextField(_("ที่อยู่"), blank=True)
    staff_notes = models.TextField(_("บันทึกของเจ้าหน้าที่"), blank=True)
    history = HistoricalRecords(verbose_name=_("ประวัติองค์กรต้นแบบ"), excluded_fields=["sort_key"])

    objects = ModelOrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("องค์กรต้นแบบ")
        verbose_name_plural = _("องค์กรต้นแบบ")

    def get_absolute_url(self):
        return reverse("programme:model-detail", kwargs={"slug": self.slug})

    @property
    def description_paragraphs(self) -> list[str]:
        return paragraphs(self.description)


class Assessment(models.Model):
    """The level the Moral Center assessed an organisation at in one fiscal (B.E.) year."""

    organisation = models.ForeignKey(
        ModelOrganisation, models.CASCADE, related_name="assessments", verbose_name=_("องค์กรต้นแบบ")
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("ปีงบประมาณที่ประเมิน (พ.ศ.)"), validators=[validate_fiscal_year], help_text=_("ปี พ.ศ. เช่น 2568")
    )
    level = models.PositiveSmallIntegerField(_("ระดับ"), choices=Level.choices)
    notes = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("บันทึกเมื่อ"), auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("ผู้บันทึก"),
    )  # fmt: skip
    history = HistoricalRecords(verbose_name=_("ประวัติผลการประเมิน"))

    class Meta:
        ordering = ["organisation", "-fiscal_year"]
        verbose_name = _("ผลการประเมินระดับคุณธรรม")
        verbose_name_plural = _("ผลการประเมินระดับคุณธรรม")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "fiscal_year"],
                name="assessment_one_per_organisation_per_year",
                violation_error_message=_("องค์กรนี้มีผลการประเมินของปีงบประมาณนี้แล้ว"),
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=Level.PROMOTING, level__lte=Level.OUTSTANDING),
                name="assessment_level_known",
                violation_error_message=_("ไม่มีระดับนี้"),
            ),
            models.CheckConstraint(
                condition=models.Q(fiscal_year__gte=FIRST_FISCAL_YEAR, fiscal_year__lte=LAST_FISCAL_YEAR),
                name="assessment_year_is_buddhist_era",
                violation_error_message=_("ปีงบประมาณต้องเป็นปี พ.ศ."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} — {self.get_level_display()} {self.fiscal_year}"


class ProgrammeTarget(models.Model):
    """The province's target of model organisations (one row; the secretariat sets it)."""

    model_organisations = models.PositiveIntegerField(
        _("เป้าหมายจำนวนองค์กรต้นแบบของจังหวัด"), default=50, validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    updated_at = models.DateTimeField(_("แก้ไขเมื่อ"), auto_now=True)

    class Meta:
        verbose_name = _("เป้าหมายของจังหวัด")
        verbose_name_plural = _("เป้าหมายของจังหวัด")

    def __str__(self):
        return str(_("องค์กรต้นแบบ %(n)s แห่ง") % {"n": self.model_organisations})

    @classmethod
    def current(cls) -> "ProgrammeTarget":
        return cls.objects.order_by("pk").first() or cls(model_organisations=50)


# ---------------------------------------------------------------- learning sources


class LearningSourceQuerySet(models.QuerySet):
    def public(self):
        """Published, and run by no organisation or by a public one."""
        return self.filter(
            models.Q(organisation__isnull=True) | models.Q(organisation__in=ModelOrganisation.objects.public()),
            status=Status.PUBLISHED,
        )

    def for_districts(self, districts):
        return self.filter(district__in=districts)


class LearningSource(PhotoMixin, ProgrammeRecord):
    """A place people can visit to learn (a sufficiency farm, a temple's programme, a school project)."""

    name = models.CharField(_("ชื่อแหล่งเรียนรู้"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(_("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ"))
    sort_key = models.TextField(editable=False, db_index=True, default="")
    organisation = models.ForeignKey(
        ModelOrganisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_sources",
        verbose_name=_("องค์กรต้นแบบที่ดูแล"),
    )
    district = models.ForeignKey(
        "networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="learning_sources"
    )
    network = models.ForeignKey(
        "networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="learning_sources"
    )
    what_you_learn = models.TextField(_("สิ่งที่จะได้เรียนรู้"))
    address = models.TextField(_("ที่ตั้ง"))
    opening_hours = models.CharField(_("วันและเวลาเปิด"), max_length=200, blank=True)
    how_to_book = models.CharField(_("วิธีนัดหมายเข้าชม"), max_length=300, blank=True)
    latitude = models.DecimalField(_("ละติจูด"), max_digits=8, decimal_places=5, help_text=_("เช่น 9.13825"))
    longitude = models.DecimalField(_("ลองจิจูด"), max_digits=8, decimal_places=5, help_text=_("เช่น 99.32174"))
    photo = photo_field()
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("คำบรรยายรูปภาพ"), max_length=250, blank=True)
    history = HistoricalRecords(verbose_name=_("ประวัติแหล่งเรียนรู้"), excluded_fields=["sort_key"])

    objects = LearningSourceQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("แหล่งเรียนรู้")
        verbose_name_plural = _("แหล่งเรียนรู้")

    def get_absolute_url(self):
        return reverse("programme:learning-detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.latitude is None or self.longitude is None:
            return
        code = district_map.district_code_at(self.longitude, self.latitude)
        if code is None:
            raise ValidationError(
                {"latitude": _("พิกัด %(lat)s, %(lon)s อยู่นอกจังหวัดสุราษฎร์ธานี โปรดตรวจสอบละติจูดและลองจิจูด")
                 % {"lat": self.latitude, "lon": self.longitude}}
            )  # fmt: skip
        if self.district_id and code != self.district.code:
            from networks.models import District

            found = District.objects.filter(code=code).first()
            raise ValidationError(
                {"latitude": _("พิกัดนี้อยู่ในอำเภอ%(found)s ไม่ใช่อำเภอ%(district)s")
                 % {"found": found.name_th if found else code, "district": self.district.name_th}}
            )  # fmt: skip


# ---------------------------------------------------------------- lessons


class LessonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Status.PUBLISHED)


class Lesson(ProgrammeRecord):
    """A lesson article (ถอดบทเรียนโมเดล) on how one of the 8 networks drives morality."""

    network = models.ForeignKey("networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="lessons")
    name = models.CharField(_("ชื่อบทเรียน"), max_length=200)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(_("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ"))
    summary = models.CharField(_("สรุปสั้น"), max_length=300)
    body = models.TextField(
        _("เนื้อหา"),
        help_text=_(
            "ข้อความธรรมดา เว้นบรรทัดเพื่อขึ้นย่อหน้าใหม่ ขึ้นต้นบรรทัดด้วย ## เพื่อเป็นหัวข้อ "
            "และใส่ [รูป 1] ไว้บรรทัดเดียวเพื่อแสดงรูปที่ 1 ของบทเรียนตรงนั้น"
        ),
    )
    organisations = models.ManyToManyField(
        ModelOrganisation, blank=True, related_name="lessons", verbose_name=_("องค์กรต้นแบบที่เกี่ยวข้อง")
    )
    honorees = models.ManyToManyField(
        "honorees.Honoree", blank=True, related_name="lessons", verbose_name=_("ผู้ได้รับการยกย่องที่เกี่ยวข้อง")
    )
    history = HistoricalRecords(verbose_name=_("ประวัติบทเรียน"), m2m_fields=[])

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["network__order", "-published_at", "pk"]
        verbose_name = _("บทเรียนของเครือข่าย")
        verbose_name_plural = _("บทเรียนของเครือข่าย")

    def get_absolute_url(self):
        return reverse("programme:lesson-detail", kwargs={"slug": self.slug})


class LessonImage(models.Model):
    lesson = models.ForeignKey(Lesson, models.CASCADE, related_name="images", verbose_name=_("บทเรียน"))
    order = models.PositiveSmallIntegerField(_("รูปที่"), default=1)
    photo = photo_field()
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("คำบรรยายใต้รูป"), max_length=300)

    class Meta:
        ordering = ["lesson", "order"]
        verbose_name = _("รูปในบทเรียน")
        verbose_name_plural = _("รูปในบทเรียน")
        constraints = [models.UniqueConstraint(fields=["lesson", "order"], name="lesson_image_order_unique")]

    def __str__(self):
        return f"{self.lesson} — {self.order}"

    @property
    def public_photo(self):
        return self.photo or None

    @property
    def photo_alt(self):
        return self.caption

    def save(self, *args, **kwargs):
        kwargs["update_fields"] = photo_update(self, update_fields=kwargs.get("update_fields"))
        super().save(*args, **kwargs)


# ---------------------------------------------------------------- coaches


class CoachQuerySet(models.QuerySet):
    def public(self):
        """Published, and under the honorees' consent rules (honorees/consent.py)."""
        return self.filter(
            consent.publishable_consent_q(self.model),
            status=Status.PUBLISHED,
            consent_withdrawn_at__isnull=True,
        )


class Coach(PhotoMixin, ProgrammeRecord):
    """A leader trained to coach others, for an organisation and a network. A living person is
    public only with recorded consent, under the honorees' consent rules."""

    ConsentMethod = Honoree.ConsentMethod

    name = models.CharField(_("ชื่อ"), max_length=200, help_text=_("ชื่อที่แสดง พร้อมคำนำหน้า"))
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=200, blank=True)
    slug = models.SlugField(_("ชื่อในลิงก์"), max_length=80, unique=True, blank=True, help_text=_("อักษรอังกฤษ"))
    sort_key = models.TextField(editable=False, db_index=True, default="")
    organisation = models.ForeignKey(
        ModelOrganisation, models.SET_NULL, null=True, blank=True, related_name="coaches", verbose_name=_("องค์กรที่โค้ชให้")
    )
    network = models.ForeignKey("networks.Network", models.PROTECT, verbose_name=_("เครือข่าย"), related_name="coaches")
    district = models.ForeignKey("networks.District", models.PROTECT, verbose_name=_("อำเภอ"), related_name="coaches")
    role = models.CharField(_("บทบาทการเป็นโค้ช"), max_length=300)
    story = models.TextField(_("ประวัติและผลงาน"), blank=True)
    photo = photo_field()
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_alt = models.CharField(_("คำบรรยายรูปภาพ"), max_length=250, blank=True)

    # PDPA: the same fields, with the same names, as Honoree's.
    is_living = models.BooleanField(_("ยังมีชีวิตอยู่"), default=True)
    is_minor = models.BooleanField(_("อายุต่ำกว่า 20 ปี"), default=False)
    consent_given_on = models.DateField(
        _("วันที่ให้ความยินยอม"), null=True, blank=True, validators=[thai.validate_not_in_future]
    )
    consent_method = models.CharField(
        _("วิธีให้ความยินยอม"), max_length=20, choices=Honoree.ConsentMethod.choices, blank=True
    )
    consent_covers_name = models.BooleanField(_("ยินยอมเผยแพร่ชื่อ"), default=False)
    consent_covers_photo = models.BooleanField(_("ยินยอมเผยแพร่รูปภาพ"), default=False)
    consent_covers_story = models.BooleanField(_("ยินยอมเผยแพร่เรื่องราว"), default=False)
    guardian_name = models.CharField(_("ชื่อผู้ปกครองที่ให้ความยินยอม"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(
        _("วันที่ผู้ปกครองให้ความยินยอม"), null=True, blank=True, validators=[thai.validate_not_in_future]
    )
    consent_withdrawn_at = models.DateTimeField(_("ถอนความยินยอมเมื่อ"), null=True, blank=True, editable=False)
    consent_withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False, related_name="+",
        verbose_name=_("ผู้บันทึกการถอนความยินยอม"),
    )  # fmt: skip
    contact_phone = models.CharField(_("โทรศัพท์ (เจ้าหน้าที่เท่านั้น)"), max_length=50, blank=True)
    history = HistoricalRecords(verbose_name=_("ประวัติโค้ช"), excluded_fields=["sort_key"])

    objects = CoachQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("โค้ช")
        verbose_name_plural = _("โค้ช")

    @property
    def needs_consent(self) -> bool:
        return consent.needs_consent(self)

    @property
    def has_publishable_consent(self) -> bool:
        return consent.has_publishable_consent(self)

    @property
    def public_photo(self):
        return self.photo if self.photo and consent.covers(self, "photo") else None

    @property
    def public_story(self) -> str:
        return self.story if consent.covers(self, "story") else ""

    def clean(self):
        if errors := consent.consent_record_errors(self):
            raise ValidationError(errors)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


# The models whose photos go through programme/ media (programme/media_views.py).
PHOTO_MODELS = (ModelOrganisation, LearningSource, Coach, LessonImage)
