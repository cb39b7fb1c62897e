from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "kinerja.planning"
    verbose_name = "Perencanaan"
