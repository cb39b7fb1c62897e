from django.contrib import admin
from django.utils import timezone

from kinerja.measurement.models import (
    PengecualianTenggat,
    PeriodeInput,
    Realisasi,
    StatusTriwulan,
)
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
    """Read-only: a status changes only through the workflow, which logs who, when and why
    (kinerja.web.workflow). Adding, editing or deleting a row here would unlock a quarter
    without a trace."""

    list_display = ["perangkat", "tahun", "triwulan", "status", "diubah"]
    list_filter = ["status", "tahun", "triwulan"]
    list_select_related = ["perangkat"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PeriodeInput)
class PeriodeInputAdmin(admin.ModelAdmin):
    """The admin sets each quarter's input period; after ``ditutup`` entry closes."""

    list_display = ["pemda", "tahun", "triwulan", "dibuka", "ditutup"]
    list_filter = ["tahun", "triwulan", "pemda"]
    list_select_related = ["pemda"]


@admin.register(PengecualianTenggat)
class PengecualianTenggatAdmin(admin.ModelAdmin):
    """An exception lets one unit keep entering a quarter after its deadline, until it expires."""

    list_display = ["perangkat", "tahun", "triwulan", "berlaku_sampai", "aktif", "oleh", "dibuat"]
    list_filter = ["tahun", "triwulan"]
    list_select_related = ["perangkat", "oleh"]
    search_fields = ["perangkat__nama", "alasan"]
    readonly_fields = ["oleh", "dibuat"]

    @admin.display(boolean=True, description="masih berlaku")
    def aktif(self, obj):
        return timezone.now() < obj.berlaku_sampai

    def save_model(self, request, obj, form, change):
        if not change:
            obj.oleh = request.user
        super().save_model(request, obj, form, change)
