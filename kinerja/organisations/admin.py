from django.contrib import admin

from kinerja.organisations.models import (
    Fasilitas,
    JumlahPegawai,
    PemerintahDaerah,
    PerangkatDaerah,
    PitaPredikat,
    ProfilTahunan,
    Seksi,
    SkalaPredikat,
)


class PitaPredikatInline(admin.TabularInline):
    model = PitaPredikat
    extra = 0


@admin.register(SkalaPredikat)
class SkalaPredikatAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "sumber"]
    inlines = [PitaPredikatInline]


@admin.register(PemerintahDaerah)
class PemerintahDaerahAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "rumus_negatif", "aturan_rollup", "skala_predikat"]


class SeksiInline(admin.TabularInline):
    model = Seksi
    extra = 0


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "jenis", "pemda"]
    list_filter = ["pemda", "jenis"]
    search_fields = ["nama", "kode"]
    inlines = [SeksiInline]


class FasilitasInline(admin.TabularInline):
    model = Fasilitas
    extra = 0


@admin.register(ProfilTahunan)
class ProfilTahunanAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "jumlah_desa", "penduduk_laki_laki", "penduduk_perempuan"]
    list_filter = ["tahun"]
    inlines = [FasilitasInline]


@admin.register(JumlahPegawai)
class JumlahPegawaiAdmin(admin.ModelAdmin):
    list_display = ["perangkat", "tahun", "tabel", "baris", "kolom", "jenis_kelamin", "jumlah"]
    list_filter = ["tabel", "tahun"]
    list_select_related = ["perangkat"]
