from django.apps import AppConfig


class SurveyConfig(AppConfig):
    name = "kinerja.survey"
    label = "survey"
    verbose_name = "Survei Kepuasan Masyarakat"
