from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """/statistics/, the open-data API /api/v1/… and the secretariat's coverage reports."""

    name = "halloffame.opendata"
    label = "opendata"
    verbose_name = "สถิติและข้อมูลเปิด"
