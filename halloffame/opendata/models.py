from django.utils.translation import gettext_lazy as _

from networks.models import District


class CoverageReport(District):
    """No table of its own: the admin's place for the secretariat's coverage report (admin.py)."""

    class Meta:
        proxy = True
        verbose_name = _("รายงานความครอบคลุม")
        verbose_name_plural = _("รายงานความครอบคลุมรายปีงบประมาณ")
