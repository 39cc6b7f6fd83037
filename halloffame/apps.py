from django.apps import AppConfig


class HallOfFameConfig(AppConfig):
    name = "halloffame"
    verbose_name = "หอเกียรติยศคนดี"
