from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicContentVersion(models.Model):
    """A single row whose token changes whenever anything a public page shows changes.

    Database triggers (installed by halloffame.cache) replace the token in the same
    transaction as the write, whichever way the write is made: save(), QuerySet.update(),
    bulk_create(), the admin, raw SQL or a restore. Every gunicorn worker reads it, so a page
    cached under an older token is never served again, in any worker.
    """

    token = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("รุ่นของเนื้อหาสาธารณะ")
        default_permissions = ()

    def __str__(self):
        return str(self.token)


class RateLimitCount(models.Model):
    """Requests one client made in one window of one scope (halloffame.ratelimit, without Redis).

    Counted with one INSERT … ON CONFLICT DO UPDATE SET count = count + 1 statement, which the
    database makes atomic for every gunicorn worker.
    """

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("จำนวนคำขอในช่วงเวลา")
        default_permissions = ()

    def __str__(self):
        return f"{self.key}: {self.count}"
