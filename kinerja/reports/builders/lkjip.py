"""LKjIP (PermenPANRB 53/2014): the annual report, with an Ikhtisar Eksekutif and the
comparisons the regulation asks for — against earlier years, against the Renstra end
target, and efficiency (capaian against serapan anggaran)."""

from __future__ import annotations

from decimal import Decimal

from kinerja import rules
from kinerja.measurement.scorecard import build_scorecard
from kinerja.reports import narrative
from kinerja.reports.document import (
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Row,
    Table,
    TableOfContents,
)

from .anggaran import realisasi_anggaran
from .cells import Counter, Notes, center, head, number, target, text
from .context import ReportContext
from .evaluasi import evaluasi, pengukuran
from .front import bab_pendahuluan, cover, kata_pengantar
from .penutup import bab_penutup, below_target, lampiran
from .planning import bab_perencanaan

JUDUL = "Laporan Kinerja Instansi Pemerintah"


def build_lkjip(ctx: ReportContext) -> Document:
    doc = Document(
        title=f"{JUDUL} {ctx.nama_unit} Tahun {ctx.tahun}",
        kind="lkjip",
        unit=ctx.nama_unit,
        logo=ctx.logo,
    )
    doc.add(cover(ctx, "LAPORAN KINERJA INSTANSI PEMERINTAH", f"(LKjIP) TAHUN {ctx.tahun}"))
    doc.add(*kata_pengantar(ctx, JUDUL), *ikhtisar(ctx), TableOfContents(), PageBreak())
    doc.add(*bab_pendahuluan(ctx, JUDUL), *bab_perencanaan(ctx))
    counter = Counter("3")
    doc.add(Heading("BAB III AKUNTABILITAS KINERJA", 1))
    doc.add(*pengukuran(ctx, counter))
    doc.add(Heading("Perbandingan Capaian Kinerja", 3))
    doc.add(*banding_tahun_lalu(ctx, counter), *banding_renstra(ctx, counter))
    doc.add(*efisiensi(ctx, counter))
    doc.add(*evaluasi(ctx, counter))
    doc.add(*realisasi_anggaran(ctx, counter, "C. Realisasi Anggaran"))
    doc.add(PageBreak(), *bab_penutup(ctx, JUDUL), *lampiran(ctx))
    return doc


def ikhtisar(ctx: ReportContext) -> list:
    card = ctx.card
    points = [
        f"{s.nama}: capaian {narrative.persen(s.capaian)}"
        + (f" ({s.predikat})" if s.predikat else "")
        for s in card.sasaran
    ]
    total = card.budget.total
    short = below_target(ctx)
    unit_text = (
        f"capaian kinerja rata-rata {narrative.persen(card.unit.capaian)} dengan predikat "
        f"{card.skala.classify(card.unit.capaian)}"
        if card.unit.capaian.applicable
        else "capaian kinerja belum dapat dihitung"
    )
    return [
        Heading("IKHTISAR EKSEKUTIF", 1),
        Paragraph.of(
            f"Pada Tahun {ctx.tahun} {ctx.nama_unit} menetapkan {len(card.sasaran)} sasaran "
            f"strategis dalam Perjanjian Kinerja. Hasil pengukuran menunjukkan {unit_text}. "
            "Capaian tiap sasaran:"
        ),
        BulletList(tuple(points)),
        Paragraph.of(
            f"Anggaran {rules.format_rupiah(total.anggaran)} terealisasi "
            f"{rules.format_rupiah(total.realisasi)} atau {narrative.persen(total.serapan)}. "
            + (
                f"{len(short)} indikator belum mencapai target dan menjadi fokus perbaikan "
                "tahun berikutnya."
                if short
                else "Seluruh indikator yang memiliki target telah mencapai targetnya."
            )
        ),
        PageBreak(),
    ]


def banding_tahun_lalu(ctx: ReportContext, counter: Counter) -> list:
    years = [ctx.tahun - 2, ctx.tahun - 1]
    past = {y: _sasaran_realisasi(ctx, y) for y in years}
    years = [y for y in years if any(v is not None for v in past[y].values())]
    if not years:
        return [
            Paragraph.of(
                f"Perbandingan dengan tahun sebelumnya belum dapat disajikan karena realisasi "
                f"Tahun {ctx.tahun - 1} belum tercatat di aplikasi Kinerja."
            )
        ]
    rows = []
    for s in ctx.card.sasaran:
        for ind in s.indikator:
            cells = [text(ind.nama), center(ind.satuan or "–")]
            cells += [number(past[y].get(ind.nama)) for y in years]
            cells.append(number(ind.realisasi_sd))
            rows.append(Row(tuple(cells)))
    return [
        Paragraph.of("Realisasi indikator sasaran dibandingkan dengan tahun sebelumnya:"),
        Table(
            header=(
                (
                    head("Indikator Kinerja"),
                    head("Satuan"),
                    *(head(f"Realisasi {y}") for y in years),
                    head(f"Realisasi {ctx.tahun}"),
                ),
            ),
            rows=tuple(rows),
            caption=counter.table("Perbandingan Realisasi dengan Tahun Sebelumnya"),
            widths=(4, 1, *([1.3] * (len(years) + 1))),
        ),
    ]


def _sasaran_realisasi(ctx: ReportContext, tahun: int) -> dict[str, Decimal | None]:
    card = build_scorecard(ctx.perangkat, tahun, 4)
    return {ind.nama: ind.realisasi_sd for s in card.sasaran for ind in s.indikator}


def banding_renstra(ctx: ReportContext, counter: Counter) -> list:
    if ctx.renstra is None:
        return []
    akhir = ctx.renstra.tahun_akhir
    ends = {}
    for t in ctx.tujuan:
        for s in t.sasaran:
            for ind in s.indikator:
                ends[ind.nama] = ind.targets.get(akhir, ind.kondisi_akhir)
    notes = Notes()
    rows = []
    for s in ctx.card.sasaran:
        for ind in s.indikator:
            end = ends.get(ind.nama)
            capaian = rules.compute_capaian(
                end,
                ind.realisasi_sd,
                polaritas=ind.polaritas,
                rumus_negatif=ctx.pemda.rumus_negatif,
            )
            rows.append(
                Row(
                    (
                        text(ind.nama),
                        center(ind.satuan or "–"),
                        target(end),
                        number(ind.realisasi_sd),
                        notes.capaian(capaian),
                    )
                )
            )
    return [
        Paragraph.of(
            f"Realisasi Tahun {ctx.tahun} dibandingkan dengan target akhir Renstra (Tahun {akhir}):"
        ),
        Table(
            header=(
                (
                    head("Indikator Kinerja"),
                    head("Satuan"),
                    head(f"Target Akhir {akhir}"),
                    head(f"Realisasi {ctx.tahun}"),
                    head("Capaian thd. Target Akhir (%)"),
                ),
            ),
            rows=tuple(rows),
            caption=counter.table("Realisasi terhadap Target Akhir Renstra"),
            widths=(4, 1, 1.3, 1.3, 1.6),
            notes=notes.lines(),
        ),
    ]


def efisiensi(ctx: ReportContext, counter: Counter) -> list:
    budget = ctx.card.budget
    notes = Notes()
    rows = []
    for score, node in zip(ctx.card.programs, budget.tree.programs, strict=True):
        totals = budget.of(node)
        capaian, serapan = score.capaian, totals.serapan
        if capaian.applicable and serapan.applicable:
            selisih = capaian.value - serapan.value
            label = "Efisien" if selisih >= 0 else "Kurang efisien"
            diff = number(selisih, 2)
        else:
            label, diff = "Tidak dapat dinilai", Cell(rules.KOSONG, align="center")
        rows.append(
            Row(
                (
                    text(score.nama),
                    notes.capaian(capaian),
                    notes.capaian(serapan),
                    diff,
                    center(label),
                )
            )
        )
    return [
        Paragraph.of(
            "Efisiensi penggunaan sumber daya dinilai dengan membandingkan capaian kinerja "
            "program dengan serapan anggarannya: program efisien bila capaian kinerjanya "
            "tidak lebih rendah dari serapan anggarannya."
        ),
        Table(
            header=(
                (
                    head("Program"),
                    head("Capaian Kinerja (%)"),
                    head("Serapan Anggaran (%)"),
                    head("Selisih (poin)"),
                    head("Keterangan"),
                ),
            ),
            rows=tuple(rows),
            caption=counter.table("Efisiensi: Capaian Kinerja dan Serapan Anggaran per Program"),
            widths=(4, 1.2, 1.2, 1, 1.3),
            notes=notes.lines(),
        ),
    ]
