from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HonoreesConfig(AppConfig):
    name = "honorees"
    verbose_name = "ผู้ได้รับการยกย่อง"

    def ready(self):
        from honorees.public_flag import install_after_migrate

        post_migrate.connect(install_after_migrate, sender=self)
