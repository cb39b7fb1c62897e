from django.apps import AppConfig


class ExcelConfig(AppConfig):
    name = "kinerja.excel"
    verbose_name = "Excel (impor dan ekspor)"
