from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    """The rest of the moral-province programme: model organisations, learning sources, lessons, coaches."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "networks.programme"
    label = "programme"
    verbose_name = _("โครงการจังหวัดคุณธรรม")
