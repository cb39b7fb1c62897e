from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "kinerja.organisations"
    verbose_name = "Organisasi"
