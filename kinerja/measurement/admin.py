from django.contrib import admin

from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.web.kunci import KunciAdminMixin


@admin.register(Realisasi)
class RealisasiAdmin(KunciAdminMixin, admin.ModelAdmin):
    list_display = ["indikator", "tahun", "triwulan", "nilai", "diubah"]
    list_filter = ["tahun", "triwulan"]
    list_select_related = ["indikator"]
    search_fields = ["indikator__nama"]
    raw_id_fields = ["indikator"]


@admin.register(StatusTriwulan)
class StatusTriwulanAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "triwulan", "status", "diubah"]
    list_filter = ["status", "tahun", "triwulan"]
