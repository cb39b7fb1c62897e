"""Report builders: data of one unit → a :class:`~kinerja.reports.document.Document`.

``build_report("triwulan" | "lkjip" | "pk", perangkat, tahun, triwulan)`` is the one entry
point the command, the demo and the web app call; any exporter then renders the result.
"""

from __future__ import annotations

from datetime import date

from kinerja.reports.document import Document

from .context import LaporanError, load_context

JENIS = {
    "triwulan": "Laporan Evaluasi Kinerja Triwulan",
    "lkjip": "Laporan Kinerja Instansi Pemerintah (LKjIP)",
    "pk": "Perjanjian Kinerja",
    "skm": "Laporan Survei Kepuasan Masyarakat (SKM)",
}

__all__ = ["JENIS", "LaporanError", "build_report"]


def build_report(
    jenis: str, perangkat, tahun: int, triwulan: int | None = None, tanggal: date | None = None
) -> Document:
    """Build one report; ``triwulan`` is used by the quarterly report (the others: TW IV)."""
    if jenis not in JENIS:
        pilihan = ", ".join(JENIS)
        raise LaporanError(f"Jenis laporan '{jenis}' tidak dikenal; pilih salah satu: {pilihan}.")
    if jenis in ("triwulan", "skm") and triwulan not in (1, 2, 3, 4):
        raise LaporanError(f"Laporan {jenis} memerlukan triwulan 1 sampai 4.")
    if jenis == "skm":
        return _skm(perangkat, tahun, triwulan, tanggal)
    tahunan = jenis == "lkjip"  # the year: its figures are those s.d. TW IV
    ctx = load_context(
        perangkat, tahun, triwulan if jenis == "triwulan" else 4, tanggal, tahunan=tahunan
    )
    if jenis == "triwulan":
        from .triwulan import build_triwulan as build
    elif jenis == "lkjip":
        from .lkjip import build_lkjip as build
    else:
        from .pk import build_pk as build
    from .kelengkapan import kelengkapan

    document = build(ctx)
    document.peringatan = kelengkapan(ctx, jenis)
    return document


def _skm(perangkat, tahun: int, triwulan: int, tanggal: date | None) -> Document:
    """The SKM report of the unit's whole-unit survey of that quarter."""
    from kinerja.survey.models import Survei

    from .skm import build_skm

    survei = Survei.objects.filter(
        perangkat=perangkat, tahun=tahun, triwulan=triwulan, layanan__isnull=True
    ).first()
    if survei is None:
        raise LaporanError(
            f"Belum ada survei kepuasan masyarakat {perangkat.nama} untuk triwulan {triwulan} "
            f"tahun {tahun}."
        )
    from .kelengkapan import kepala

    document = build_skm(survei, tanggal)
    document.peringatan = tuple(kepala(perangkat))
    return document
