from django.apps import AppConfig


class SampleConfig(AppConfig):
    name = "kinerja.sample"
    verbose_name = "Contoh data"
