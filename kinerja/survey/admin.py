from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from kinerja.rules.formats import format_angka
from kinerja.survey.domain import feed_iku
from kinerja.survey.hasil import hasil
from kinerja.survey.models import Jawaban, Kuesioner, Layanan, Responden, Survei


@admin.register(Kuesioner)
class KuesionerAdmin(admin.ModelAdmin):
    list_display = ["nama", "preset", "jumlah_unsur", "dibuat"]
    readonly_fields = ["sidik", "dibuat"]

    @admin.display(description="jumlah unsur")
    def jumlah_unsur(self, obj: Kuesioner) -> int:
        return len(obj.definisi.get("unsur", []))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.survei.exists():  # a snapshot in use never changes
            return ["nama", "preset", "definisi", "sidik", "dibuat"]
        return self.readonly_fields


@admin.register(Layanan)
class LayananAdmin(admin.ModelAdmin):
    list_display = ["nama", "perangkat", "aktif", "urutan"]
    list_filter = ["aktif", "perangkat"]
    search_fields = ["nama"]


@admin.register(Survei)
class SurveiAdmin(admin.ModelAdmin):
    list_display = [
        "perangkat",
        "layanan",
        "tahun",
        "triwulan",
        "kuesioner",
        "jumlah_responden",
        "nilai_ikm",
        "dibuka",
        "realisasi",
    ]
    list_filter = ["tahun", "triwulan", "dibuka", "perangkat"]
    list_select_related = ["perangkat", "layanan", "kuesioner", "realisasi"]
    readonly_fields = ["realisasi", "dibuat"]
    actions = ["isi_realisasi_iku"]

    @admin.display(description="responden")
    def jumlah_responden(self, obj: Survei) -> int:
        return obj.responden.count()

    @admin.display(description="IKM")
    def nilai_ikm(self, obj: Survei) -> str:
        h = hasil(obj).ikm
        if h.ikm_tepat is None:
            return "–"
        return f"{format_angka(h.ikm)} ({h.mutu}, {h.kinerja})"

    @admin.action(description="Isi realisasi IKU dengan IKM survei terpilih")
    def isi_realisasi_iku(self, request, queryset):
        for survei in queryset:
            try:
                realisasi = feed_iku(survei)
            except ValidationError as exc:
                self.message_user(request, f"{survei}: {' '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(
                    request, f"{survei}: realisasi IKU diisi {format_angka(realisasi.nilai)}."
                )


class JawabanInline(admin.TabularInline):
    model = Jawaban
    extra = 0


@admin.register(Responden)
class RespondenAdmin(admin.ModelAdmin):
    list_display = ["id", "survei", "jenis_kelamin", "usia", "pendidikan", "pekerjaan", "sumber"]
    list_filter = ["sumber", "jenis_kelamin", "pendidikan", "pekerjaan"]
    list_select_related = ["survei__perangkat", "survei__layanan"]
    search_fields = ["saran", "jenis_layanan"]
    readonly_fields = ["sidik_klien", "dibuat"]
    inlines = [JawabanInline]
