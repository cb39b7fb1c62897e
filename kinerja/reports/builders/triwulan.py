"""Laporan Evaluasi Kinerja Triwulan, following the outline of the sample report."""

from __future__ import annotations

from kinerja import rules
from kinerja.reports.document import Document, Heading, PageBreak, TableOfContents

from .anggaran import realisasi_anggaran
from .cells import Counter
from .context import ReportContext
from .evaluasi import evaluasi, pengukuran
from .front import bab_pendahuluan, cover, kata_pengantar
from .penutup import bab_penutup, lampiran, matriks_tindak_lanjut
from .planning import bab_perencanaan

JUDUL = "Laporan Evaluasi Kinerja"


def build_triwulan(ctx: ReportContext) -> Document:
    tw = rules.format_triwulan(ctx.triwulan)
    judul = f"{JUDUL} {tw}"
    doc = Document(
        title=f"{judul} {ctx.nama_unit} Tahun {ctx.tahun}",
        kind="triwulan",
        unit=ctx.nama_unit,
        logo=ctx.logo,
    )
    doc.add(cover(ctx, JUDUL.upper(), f"{tw.upper()} TAHUN {ctx.tahun}"))
    doc.add(*kata_pengantar(ctx, judul), TableOfContents(), PageBreak())
    doc.add(*bab_pendahuluan(ctx, judul))
    doc.add(*bab_perencanaan(ctx))
    counter = Counter("3")
    doc.add(Heading("BAB III AKUNTABILITAS KINERJA", 1))
    doc.add(*pengukuran(ctx, counter))
    doc.add(*evaluasi(ctx, counter))
    doc.add(*realisasi_anggaran(ctx, counter, "C. Realisasi Anggaran"))
    doc.add(*matriks_tindak_lanjut(ctx, counter, "D. Matriks Tindak Lanjut Hasil Evaluasi"))
    doc.add(PageBreak(), *bab_penutup(ctx, judul), *lampiran(ctx))
    return doc
