from django.contrib import admin

from kinerja.evaluation.models import TindakLanjut


@admin.register(TindakLanjut)
class TindakLanjutAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "triwulan", "nomor", "status"]
    list_filter = ["status", "tahun"]
