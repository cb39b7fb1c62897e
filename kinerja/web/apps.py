from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kinerja.web"
    label = "web"
    verbose_name = "Situs: peran, alur kerja, jejak audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kinerja.web.versi import after_migrate

        # After every migrate: each table of Kinerja carries the data-version trigger.
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="kinerja-versi")
