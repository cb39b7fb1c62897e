from django.contrib import admin

from kinerja.planning.models import (
    Indikator,
    IsuStrategis,
    Kegiatan,
    Misi,
    PerjanjianKinerja,
    PerjanjianKinerjaIndikator,
    Program,
    Renstra,
    Rpjmd,
    Sasaran,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
    Tujuan,
)
from kinerja.web.kunci import KunciInlineMixin


class MisiInline(admin.TabularInline):
    model = Misi
    extra = 0


@admin.register(Rpjmd)
class RpjmdAdmin(admin.ModelAdmin):
    list_display = ["pemda", "tahun_awal", "tahun_akhir"]
    inlines = [MisiInline]


class TujuanInline(admin.StackedInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun_awal", "tahun_akhir"]
    inlines = [TujuanInline]


@admin.register(Tujuan)
class TujuanAdmin(admin.ModelAdmin):
    list_display = ["nomor", "teks", "renstra"]


@admin.register(Sasaran)
class SasaranAdmin(admin.ModelAdmin):
    list_display = ["nomor", "teks", "tujuan"]


@admin.register(IsuStrategis)
class IsuStrategisAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "urutan", "teks"]


class KegiatanInline(admin.TabularInline):
    model = Kegiatan
    extra = 0
    fields = ["kode", "nama", "urutan"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "perangkat", "tahun", "sasaran"]
    list_filter = ["tahun", "perangkat"]
    search_fields = ["kode", "nama"]
    inlines = [KegiatanInline]


class SubKegiatanInline(admin.TabularInline):
    model = SubKegiatan
    extra = 0
    fields = ["kode", "nama", "urutan"]


@admin.register(Kegiatan)
class KegiatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "program"]
    list_select_related = ["program"]
    search_fields = ["kode", "nama"]
    inlines = [SubKegiatanInline]


@admin.register(SubKegiatan)
class SubKegiatanAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "kegiatan"]
    list_select_related = ["kegiatan"]
    search_fields = ["kode", "nama"]


class TargetTriwulanInline(KunciInlineMixin, admin.TabularInline):
    model = TargetTriwulan
    extra = 0


class TargetTahunanInline(admin.TabularInline):
    model = TargetTahunan
    extra = 0


@admin.register(Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ["nama", "satuan", "polaritas", "agregasi", "iku"]
    list_filter = ["iku", "polaritas", "agregasi"]
    search_fields = ["nama"]
    raw_id_fields = ["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "realisasi_dari"]
    inlines = [TargetTahunanInline, TargetTriwulanInline]


class PerjanjianKinerjaIndikatorInline(admin.TabularInline):
    model = PerjanjianKinerjaIndikator
    extra = 0
    raw_id_fields = ["indikator"]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "tanggal"]
    inlines = [PerjanjianKinerjaIndikatorInline]
