"""The public suggestion form, the status lookup and the small forms of the officers' queue."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from honorees.suggestions.models import Suggestion, normalise_reference
from networks.models import District, Network

MAX_LINKS = 5
MIN_ACHIEVEMENTS = 20


class LocalisedChoiceField(forms.ModelChoiceField):
    """District and network names in the page's language (Thai, or English on /en/)."""

    def label_from_instance(self, obj):
        return obj.name


class SuggestionForm(forms.ModelForm):
    district = LocalisedChoiceField(
        queryset=District.objects.order_by("code"),
        to_field_name="slug",
        label=_("อำเภอ"),
        empty_label=_("— เลือกอำเภอ —"),
        error_messages={
            "required": _("กรุณาเลือกอำเภอของผู้ที่เสนอ"),
            "invalid_choice": _("ไม่พบอำเภอนี้ กรุณาเลือกจากรายชื่อ 19 อำเภอ"),
        },
    )
    network = LocalisedChoiceField(
        queryset=Network.objects.order_by("order"),
        to_field_name="slug",
        required=False,
        label=_("เครือข่าย (ถ้าทราบ)"),
        empty_label=_("— ไม่ทราบ —"),
        error_messages={"invalid_choice": _("ไม่พบเครือข่ายนี้ กรุณาเลือกจากรายชื่อ")},
    )
    consent = forms.BooleanField(
        label=_(
            "ข้าพเจ้ายินยอมให้สำนักงานวัฒนธรรมจังหวัดสุราษฎร์ธานีเก็บและใช้ชื่อ ช่องทางติดต่อ และความเกี่ยวข้องของข้าพเจ้า "
            "เพื่อพิจารณาข้อเสนอนี้และติดต่อกลับเท่านั้น"
        ),
        error_messages={"required": _("กรุณาให้ความยินยอมก่อนส่ง เราจึงจะเก็บข้อมูลของท่านเพื่อพิจารณาข้อเสนอได้")},
    )
    # A field people never see (the hidden attribute); automated senders fill it in.
    website = forms.CharField(label=_("เว็บไซต์ (ไม่ต้องกรอก)"), required=False, max_length=200)

    class Meta:
        model = Suggestion
        fields = [
            "kind",
            "name",
            "district",
            "network",
            "achievements",
            "links",
            "suggester_name",
            "suggester_email",
            "suggester_phone",
            "relationship",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "achievements": forms.Textarea(attrs={"rows": 8}),
            "links": forms.Textarea(attrs={"rows": 3, "inputmode": "url"}),
            "suggester_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "suggester_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "suggester_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        labels = {
            "name": _("ชื่อบุคคล องค์กร กลุ่ม หรือชุมชนที่ท่านเสนอ"),
            "achievements": _("ทำความดีอะไร เพื่อใคร มานานเท่าใด"),
            "links": _("ลิงก์ข่าวหรือภาพ (ถ้ามี)"),
            "suggester_name": _("ชื่อของท่าน"),
            "suggester_email": _("อีเมล"),
            "suggester_phone": _("โทรศัพท์"),
            "relationship": _("ท่านเกี่ยวข้องกับผู้ที่เสนออย่างไร"),
        }
        help_texts = {
            "name": _("ใส่คำนำหน้าด้วย เช่น นาย นาง พระครู"),
            "achievements": _("เล่าสักสองสามย่อหน้า ไม่เกิน 5,000 ตัวอักษร"),
            "links": _("บรรทัดละหนึ่งลิงก์ ไม่เกิน 5 ลิงก์ ขึ้นต้นด้วย https://"),
            "suggester_email": _("ถ้าให้อีเมลไว้ เราจะส่งเลขอ้างอิงไปให้"),
            "suggester_phone": _("ให้อีเมลหรือโทรศัพท์อย่างน้อยหนึ่งช่องทาง"),
            "relationship": _("เช่น เพื่อนบ้าน ลูกศิษย์ ผู้รับความช่วยเหลือ หรือตัวแทนชุมชน"),
        }
        error_messages = {
            "kind": {"required": _("กรุณาเลือกประเภทของผู้ที่เสนอ"), "invalid_choice": _("กรุณาเลือกประเภทจากรายการ")},
            "name": {"required": _("กรุณากรอกชื่อผู้ที่ท่านเสนอ")},
            "achievements": {"required": _("กรุณาเล่าว่าผู้ที่ท่านเสนอทำความดีอะไร")},
            "suggester_name": {"required": _("กรุณากรอกชื่อของท่าน")},
            "suggester_email": {"invalid": _("อีเมลไม่ถูกต้อง ตัวอย่าง: somchai@example.com")},
            "relationship": {"required": _("กรุณาบอกว่าท่านเกี่ยวข้องกับผู้ที่เสนออย่างไร")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            limit = getattr(field, "max_length", None)
            if limit:  # the same Thai message for every size limit, with the limit in it
                field.error_messages["max_length"] = _(
                    "ยาวเกินไป: ไม่เกิน %(limit_value)d ตัวอักษร (ขณะนี้ %(show_value)d ตัวอักษร)"
                )
            if name != "website":
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_helptext")

    def clean_achievements(self):
        text = self.cleaned_data["achievements"].strip()
        if len(text) < MIN_ACHIEVEMENTS:
            raise forms.ValidationError(
                _("เล่าเพิ่มอีกสักหน่อย (อย่างน้อย %(count)d ตัวอักษร) เพื่อให้เจ้าหน้าที่พิจารณาได้") % {"count": MIN_ACHIEVEMENTS}
            )
        return text

    def clean_links(self):
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(_("ใส่ลิงก์ได้ไม่เกิน %(count)d ลิงก์") % {"count": MAX_LINKS})
        check = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                check(line)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("ลิงก์ “%(link)s” ไม่ถูกต้อง ลิงก์ต้องขึ้นต้นด้วย https:// หรือ http://") % {"link": line[:80]}
                ) from None
        return "\n".join(lines)

    def clean_suggester_phone(self):
        phone = self.cleaned_data["suggester_phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 9 or any(not (c.isdigit() or c in "+-() ") for c in phone)):
            raise forms.ValidationError(_("หมายเลขโทรศัพท์ไม่ถูกต้อง ตัวอย่าง: 081-234-5678"))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("website"):  # shown at the top: the field itself is hidden
            self.add_error(None, _("ไม่สามารถรับข้อเสนอนี้ได้"))
        if not data.get("suggester_email") and not data.get("suggester_phone") and "suggester_email" not in self.errors:
            self.add_error("suggester_phone", _("กรุณาให้อีเมลหรือโทรศัพท์อย่างน้อยหนึ่งช่องทาง เพื่อให้เจ้าหน้าที่ติดต่อกลับได้"))
        return data

    def suggestion_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class StatusLookupForm(forms.Form):
    ref = forms.CharField(
        label=_("เลขอ้างอิง"),
        max_length=40,
        help_text=_("เช่น ส-2569-000123 (ตามที่แสดงเมื่อส่งข้อเสนอ หรือในอีเมลยืนยัน)"),
        error_messages={"required": _("กรุณากรอกเลขอ้างอิง"), "max_length": _("เลขอ้างอิงไม่ถูกต้อง")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_ref(self):
        reference = normalise_reference(self.cleaned_data["ref"])
        if reference is None:
            raise forms.ValidationError(_("เลขอ้างอิงไม่ถูกต้อง ตัวอย่างที่ถูกต้อง: ส-2569-000123"))
        return reference


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ไม่นำไปพิจารณาต่อ (บันทึกไว้สำหรับเจ้าหน้าที่ ไม่แสดงต่อผู้เสนอ)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
        error_messages={"required": _("โปรดระบุเหตุผลที่ไม่นำข้อเสนอนี้ไปพิจารณาต่อ")},
    )


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("เลขอ้างอิงของข้อเสนอที่ซ้ำกัน (ข้อเสนอหลัก)"),
        max_length=40,
        error_messages={"required": _("โปรดระบุเลขอ้างอิงของข้อเสนอหลัก")},
    )

    def clean_into(self):
        reference = normalise_reference(self.cleaned_data["into"])
        if reference is None:
            raise forms.ValidationError(_("เลขอ้างอิงไม่ถูกต้อง ตัวอย่างที่ถูกต้อง: ส-2569-000123"))
        return reference
