from django.apps import AppConfig


class PeriksaConfig(AppConfig):
    name = "kinerja.periksa"
    verbose_name = "Periksa tabel"
