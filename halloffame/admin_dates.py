"""Buddhist Era across the whole admin: every date box shows and reads B.E., and every date the
admin prints (lists, filters, date hierarchy, history pages, created/changed times) is B.E.

Reading and writing dates is halloffame/thai.py; this module only plugs it into Django:
- `HallOfFameAdminConfig` (in INSTALLED_APPS instead of django.contrib.admin) makes the B.E.
  fields below the admin's defaults for every DateField and DateTimeField, before any
  ModelAdmin is registered;
- `BuddhistEraAdminMiddleware` prints the year of Django's date formats ("Y", "y") in B.E. while
  an admin page is rendered. Django's formats have no era, and the admin prints dates through
  them in many places (display_for_field, simple-history's templates, date_hierarchy's months);
  public pages and machine formats (ISO, RFC 5322, sitemaps) are untouched.
"""

import contextvars
from datetime import date, datetime

from django import forms
from django.conf import settings
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat

from halloffame import thai

_admin_page = contextvars.ContextVar("buddhist_era_admin_page", default=False)


class BEDateInput(forms.TextInput):
    """A date box that shows 26/10/2564 and takes whatever parse_be_date reads."""

    def __init__(self, attrs=None):
        defaults = {"placeholder": "วว/ดด/ปปปป", "size": 14, "autocomplete": "off", "inputmode": "text"}
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return thai.be_numeric_date(value)
        return super().format_value(value)


class BEHiddenDateInput(BEDateInput):
    input_type = "hidden"


class BEDateField(forms.DateField):
    widget = BEDateInput
    hidden_widget = BEHiddenDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", thai.be_date_hint())
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return thai.parse_be_date(str(value))
        except thai.BEDateError as error:
            raise ValidationError(error.message, code="invalid") from error


class BESplitDateTimeWidget(forms.SplitDateTimeWidget):
    def __init__(self, attrs=None):
        super().__init__(attrs, time_format="%H:%M")
        self.widgets[0] = BEDateInput()


class BESplitHiddenDateTimeWidget(BESplitDateTimeWidget):
    template_name = "django/forms/widgets/splithiddendatetime.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        for widget in self.widgets:
            widget.input_type = "hidden"


class BESplitDateTimeField(forms.SplitDateTimeField):
    widget = BESplitDateTimeWidget
    hidden_widget = BESplitHiddenDateTimeWidget

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fields = (BEDateField(required=False, help_text=""), self.fields[1])


def _be_Y(self):
    return str(thai.be_year_number(self.data.year)) if _admin_page.get() else _plain_Y(self)


def _be_y(self):
    return f"{thai.be_year_number(self.data.year) % 100:02d}" if _admin_page.get() else _plain_y(self)


_plain_Y, _plain_y = dateformat.DateFormat.Y, dateformat.DateFormat.y


class HallOfFameAdminConfig(AdminConfig):
    default_site = "halloffame.staff.sites.StaffAdminSite"  # lands on the role's dashboard

    def ready(self):
        from django.contrib.admin import options

        options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateField] = {"form_class": BEDateField, "widget": BEDateInput}
        options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
            "form_class": BESplitDateTimeField,
            "widget": BESplitDateTimeWidget,
        }
        dateformat.DateFormat.Y, dateformat.DateFormat.y = _be_Y, _be_y
        from halloffame import admin_thai

        admin_thai.install()
        super().ready()


class BuddhistEraAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        token = _admin_page.set(True)
        try:
            return self.get_response(request)
        finally:
            _admin_page.reset(token)
