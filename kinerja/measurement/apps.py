from django.apps import AppConfig


class MeasurementConfig(AppConfig):
    name = "kinerja.measurement"
    verbose_name = "Pengukuran"
