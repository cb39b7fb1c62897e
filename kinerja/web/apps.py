from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kinerja.web"
    label = "web"
    verbose_name = "Situs: peran, alur kerja, jejak audit"
    default_auto_field = "django.db.models.BigAutoField"
