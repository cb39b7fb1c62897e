"""Survey rows for the web tests: an open whole-unit survey, a service survey, an IKU."""

from __future__ import annotations

from kinerja.survey.domain import buat_survei
from kinerja.survey.models import Layanan, Survei
from tests import factories


def buka_survei(unit, tahun: int = 2024, triwulan: int = 4, **fields) -> Survei:
    """The unit's open whole-unit survey of the quarter (created once)."""
    survei = Survei.objects.filter(
        perangkat=unit.perangkat, tahun=tahun, triwulan=triwulan, layanan__isnull=True
    ).first() or buat_survei(unit.perangkat, tahun, triwulan, populasi=200)
    if fields:
        Survei.objects.filter(pk=survei.pk).update(**fields)
        survei.refresh_from_db()
    return survei


def layanan_survei(unit, nama: str = "Surat keterangan") -> Survei:
    layanan, _ = Layanan.objects.get_or_create(perangkat=unit.perangkat, nama=nama)
    return Survei.objects.filter(layanan=layanan).first() or buat_survei(
        unit.perangkat, 2024, 4, layanan=layanan
    )


def iku(unit):
    """The unit's IKU "Indeks Kepuasan Masyarakat" (target 80 each quarter)."""
    sasaran = factories.sasaran(unit.perangkat, nomor=9, teks="Meningkatnya kepuasan")
    return factories.indikator(
        sasaran, targets=[80] * 4, nama="Indeks Kepuasan Masyarakat", iku=True
    )


def jawaban(nilai: int = 4, n: int = 9, **profil) -> dict:
    """POST data of the public form: every unsur answered ``nilai``."""
    data = {f"u{i}": str(nilai) for i in range(1, n + 1)}
    data.update(profil)
    return data
