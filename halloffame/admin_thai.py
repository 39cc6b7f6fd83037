"""The few English words of the admin that no catalogue reaches: Django writes the alt text of its
yes/no icons in English, and django-axes names its app in English. Thai for Django's and the
libraries' translatable strings is in locale/th/LC_MESSAGES (django.po, djangojs.po)."""

from django.apps import apps
from django.contrib.admin.templatetags import admin_list
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

ICON_ALT = {True: _("ใช่"), False: _("ไม่ใช่"), None: _("ไม่ทราบ")}
APP_NAMES = {"axes": _("การเข้าสู่ระบบที่ล้มเหลว")}


def _boolean_icon(field_val):
    icon_url = static("admin/img/icon-{}.svg".format({True: "yes", False: "no", None: "unknown"}[field_val]))
    return format_html('<img src="{}" alt="{}">', icon_url, ICON_ALT[field_val])


def install() -> None:
    admin_list._boolean_icon = _boolean_icon
    for label, name in APP_NAMES.items():
        if apps.is_installed(label):
            apps.get_app_config(label).verbose_name = name
