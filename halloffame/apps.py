from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HallOfFameConfig(AppConfig):
    name = "halloffame"
    verbose_name = "หอเกียรติยศคนดี"

    def ready(self):
        from halloffame.cache import install_triggers_after_migrate

        post_migrate.connect(install_triggers_after_migrate, sender=self)
