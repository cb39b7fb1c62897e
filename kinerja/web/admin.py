from django.contrib import admin

from kinerja.web.models import GagalMasuk, Peran, RiwayatStatus


@admin.register(Peran)
class PeranAdmin(admin.ModelAdmin):
    list_display = ["user", "jenis", "perangkat", "seksi"]
    list_filter = ["jenis", "perangkat"]
    list_select_related = ["user", "perangkat", "seksi"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(RiwayatStatus)
class RiwayatStatusAdmin(admin.ModelAdmin):
    list_display = ["waktu", "perangkat", "tahun", "triwulan", "dari", "ke", "oleh"]
    list_filter = ["ke", "tahun", "triwulan"]
    list_select_related = ["perangkat", "oleh"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(GagalMasuk)
class GagalMasukAdmin(admin.ModelAdmin):
    list_display = ["waktu", "username", "ip"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
