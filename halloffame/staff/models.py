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


class NominationDigest(models.Model):
    """One daily digest of new nominations sent to one member of the secretariat (at most one a
    day each: the constraint holds it even when two runs of the command overlap)."""

    user = models.ForeignKey("auth.User", models.CASCADE, related_name="nomination_digests", verbose_name=_("ผู้รับ"))
    day = models.DateField(_("วันที่"))
    sent_at = models.DateTimeField(_("ส่งเมื่อ"), auto_now_add=True)
    honoree_count = models.PositiveIntegerField(_("จำนวนรายการที่เสนอชื่อใหม่"))

    class Meta:
        verbose_name = _("สรุปการเสนอชื่อรายวันที่ส่งแล้ว")
        verbose_name_plural = _("สรุปการเสนอชื่อรายวันที่ส่งแล้ว")
        ordering = ["-day", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="nomination_digest_once_a_day")]

    def __str__(self):
        return f"{self.user.get_username()} {self.day}"
