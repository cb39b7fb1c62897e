from django.contrib import admin

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.web.kunci import KunciInlineMixin


class RealisasiBelanjaInline(KunciInlineMixin, admin.TabularInline):
    model = RealisasiBelanja
    extra = 0


@admin.register(Belanja)
class BelanjaAdmin(admin.ModelAdmin):
    list_display = ["uraian", "kode_rekening", "anggaran", "sub_kegiatan"]
    list_select_related = ["sub_kegiatan"]
    search_fields = ["uraian", "kode_rekening"]
    raw_id_fields = ["sub_kegiatan"]
    inlines = [RealisasiBelanjaInline]
