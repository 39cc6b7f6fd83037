from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffProfile(models.Model):
    """Ties a staff account to the districts it works for (district culture officers)."""

    user = models.OneToOneField("auth.User", models.CASCADE, related_name="staff_profile", verbose_name=_("บัญชีผู้ใช้"))
    districts = models.ManyToManyField(
        "networks.District", blank=True, related_name="staff", verbose_name=_("อำเภอที่รับผิดชอบ")
    )

    class Meta:
        verbose_name = _("ข้อมูลเจ้าหน้าที่")
        verbose_name_plural = _("ข้อมูลเจ้าหน้าที่")

    def __str__(self):
        return self.user.get_username()
