from django.apps import AppConfig


class HonoreesConfig(AppConfig):
    name = "honorees"
    verbose_name = "ผู้ได้รับการยกย่อง"
