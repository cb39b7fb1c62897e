"""Build a report and write it in one or more formats: what the command, the demo and the
web app's download buttons all call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja.organisations.models import PerangkatDaerah
from kinerja.reports.builders import JENIS, LaporanError, build_report
from kinerja.reports.exporters import formats as known_formats
from kinerja.reports.exporters import get_exporter


@dataclass(frozen=True)
class Berkas:
    path: Path
    jenis: str
    format: str
    size: int


@dataclass(frozen=True)
class Ditulis:
    """The files written for one report, and what its data still lack (kelengkapan)."""

    berkas: list[Berkas]
    peringatan: tuple[str, ...]


def parse_formats(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in chosen if f not in known_formats()]
    if not chosen or unknown:
        raise LaporanError(
            f"Format '{', '.join(unknown) or text}' tidak dikenal; pilih dari: "
            f"{', '.join(known_formats())} (pisahkan dengan koma)."
        )
    return chosen


def find_unit(kode: str) -> PerangkatDaerah:
    try:
        return PerangkatDaerah.objects.select_related("pemda").get(kode=kode)
    except PerangkatDaerah.DoesNotExist:
        known = ", ".join(PerangkatDaerah.objects.order_by("kode").values_list("kode", flat=True))
        raise LaporanError(
            f"Perangkat daerah dengan kode '{kode}' tidak ada"
            + (f"; kode yang ada: {known}." if known else "; basis data masih kosong.")
        ) from None


def filename(
    perangkat: PerangkatDaerah, jenis: str, tahun: int, triwulan: int | None, extension: str
) -> str:
    """``towuti-laporan-triwulan-2024-tw4.pdf``, ``towuti-lkjip-2024.docx``."""
    stem = {
        "triwulan": "laporan-triwulan",
        "lkjip": "lkjip",
        "pk": "perjanjian-kinerja",
        "skm": "skm",
    }[jenis]
    period = f"-tw{triwulan}" if jenis in ("triwulan", "skm") else ""
    return f"{perangkat.kode}-{stem}-{tahun}{period}.{extension}"


def write_reports(
    perangkat: PerangkatDaerah,
    jenis: str,
    tahun: int,
    triwulan: int | None,
    fmts: list[str],
    folder: Path,
    tanggal: date | None = None,
) -> Ditulis:
    """Build once, render every format, write each file whole (never a partial file)."""
    if jenis not in JENIS:
        raise LaporanError(f"Jenis laporan '{jenis}' tidak dikenal; pilih: {', '.join(JENIS)}.")
    document = build_report(jenis, perangkat, tahun, triwulan, tanggal)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in fmts:
        exporter = get_exporter(fmt)
        data = exporter.render(document)
        path = folder / filename(perangkat, jenis, tahun, triwulan, exporter.extension)
        partial = path.with_suffix(path.suffix + ".sebagian")
        partial.write_bytes(data)
        partial.replace(path)
        written.append(Berkas(path, jenis, fmt, len(data)))
    return Ditulis(written, document.peringatan)
