"""The result of a survey: IKM through the rules core, sample check, profile, suggestions.

Answers are counted in the database (one GROUP BY: unsur × nilai), then the rules core
computes exactly on the counts (:func:`kinerja.rules.ikm.hitung_dari_frekuensi`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from kinerja.rules import ikm
from kinerja.survey.models import Jawaban, Responden, Survei

#: Age groups of the profile table: (label, lowest age, highest age).
KELOMPOK_USIA = (
    ("< 20 tahun", 0, 19),
    ("20–29 tahun", 20, 29),
    ("30–39 tahun", 30, 39),
    ("40–49 tahun", 40, 49),
    ("50–59 tahun", 50, 59),
    ("≥ 60 tahun", 60, 200),
)
TIDAK_DIISI = "Tidak diisi"


@dataclass(frozen=True)
class HasilSurvei:
    survei: Survei
    ikm: ikm.HasilIkm
    sampel_minimal: int | None
    peringatan: str | None
    profil: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    saran: list[str] = field(default_factory=list)

    @property
    def responden(self) -> int:
        return self.ikm.responden


def frekuensi(survei: Survei, n: int) -> list[tuple[int, int, int, int]]:
    hitung = [[0, 0, 0, 0] for _ in range(n)]
    baris = (
        Jawaban.objects.filter(responden__survei=survei)
        .values_list("unsur", "nilai")
        .annotate(n=Count("id"))
        .order_by()
    )
    for unsur, nilai, jumlah in baris:
        if not 1 <= unsur <= n:
            raise ValueError(f"jawaban unsur U{unsur} di luar kuesioner {n} unsur")
        hitung[unsur - 1][nilai - 1] += jumlah
    return [tuple(h) for h in hitung]


def _sebaran(responden, kolom: str, pilihan) -> list[tuple[str, int]]:
    hitung = dict(responden.values_list(kolom).annotate(n=Count("id")).order_by())
    baris = [(label, hitung.get(nilai, 0)) for nilai, label in pilihan]
    if hitung.get("", 0):
        baris.append((TIDAK_DIISI, hitung[""]))
    return baris


def _sebaran_usia(responden) -> list[tuple[str, int]]:
    usia = list(responden.values_list("usia", flat=True))
    baris = [
        (label, sum(1 for u in usia if u is not None and lo <= u <= hi))
        for label, lo, hi in KELOMPOK_USIA
    ]
    kosong = sum(1 for u in usia if u is None)
    if kosong:
        baris.append((TIDAK_DIISI, kosong))
    return baris


def hasil(survei: Survei) -> HasilSurvei:
    """Compute the survey: IKM, sample check, respondent profile and suggestions."""
    kuesioner = survei.kuesioner.to_rules()
    responden = Responden.objects.filter(survei=survei)
    jumlah = responden.count()
    h = ikm.hitung_dari_frekuensi(
        kuesioner, frekuensi(survei, len(kuesioner.unsur)), responden=jumlah
    )
    populasi = survei.populasi
    profil = {
        "Jenis kelamin": _sebaran(responden, "jenis_kelamin", Responden.JenisKelamin.choices),
        "Usia": _sebaran_usia(responden),
        "Pendidikan": _sebaran(responden, "pendidikan", Responden.Pendidikan.choices),
        "Pekerjaan": _sebaran(responden, "pekerjaan", Responden.Pekerjaan.choices),
    }
    saran = [s for s in responden.exclude(saran="").values_list("saran", flat=True)]
    return HasilSurvei(
        survei=survei,
        ikm=h,
        sampel_minimal=ikm.minimal_sample(populasi) if populasi else None,
        peringatan=ikm.peringatan_sampel(populasi or None, jumlah),
        profil=profil,
        saran=saran,
    )
