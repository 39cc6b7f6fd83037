from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "halloffame.staff"
    label = "staff"
    verbose_name = _("เจ้าหน้าที่และบทบาท")

    def ready(self):
        from halloffame.staff.permissions import role_groups_sync

        # After every migrate (and test database flush): the groups' permissions follow the table.
        post_migrate.connect(role_groups_sync, sender=self, dispatch_uid="staff-role-groups")
