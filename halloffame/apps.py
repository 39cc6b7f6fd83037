from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_migrate


class HallOfFameConfig(AppConfig):
    name = "halloffame"
    verbose_name = "หอเกียรติยศคนดี"

    def ready(self):
        from halloffame.cache import drop_triggers_before_migrate, install_triggers_after_migrate

        pre_migrate.connect(drop_triggers_before_migrate, sender=self)
        post_migrate.connect(install_triggers_after_migrate, sender=self)
