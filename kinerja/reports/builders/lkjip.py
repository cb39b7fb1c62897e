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
    # two balanced lines, not "PEMERINTAH" alone on the second
    doc.add(cover(ctx, "LAPORAN KINERJA\nINSTANSI PEMERINTAH", f"(LKjIP) TAHUN {ctx.tahun}"))
    doc.add(*kata_pengantar(ctx, JUDUL), *ikhtisar(ctx))
    doc.add(TableOfContents(depth=4), PageBreak())  # sasaran and programs listed too
    doc.add(*bab_pendahuluan(ctx, JUDUL), *bab_perencanaan(ctx))
    # Bab III as the regulation's annex orders it: A. Capaian Kinerja Organisasi (measuring,
    # the comparisons, efficiency, the analysis per sasaran), B. Realisasi Anggaran.
    counter = Counter("3")
    doc.add(Heading("BAB III AKUNTABILITAS KINERJA", 1))
    doc.add(Heading("A. Capaian Kinerja Organisasi", 2))
    doc.add(*pengukuran(ctx, counter, "1. Pengukuran Capaian Kinerja", 3))
    doc.add(Heading("2. Perbandingan dengan Tahun Sebelumnya", 3))
    doc.add(*banding_tahun_lalu(ctx, counter))
    doc.add(Heading("3. Perbandingan dengan Target Jangka Menengah", 3))
    doc.add(*banding_renstra(ctx, counter))
    doc.add(Heading("4. Efisiensi Penggunaan Sumber Daya", 3), *efisiensi(ctx, counter))
    doc.add(*evaluasi(ctx, counter, "5. Analisis Capaian Kinerja", 3))
    doc.add(*realisasi_anggaran(ctx, counter, "B. Realisasi Anggaran"))
    doc.add(PageBreak(), *bab_penutup(ctx, JUDUL), *lampiran(ctx))
    return doc


def ikhtisar(ctx: ReportContext) -> list:
    """PermenPANRB 53/2014: the sasaran and how they were met, against the medium-term
    targets, the budget and its efficiency, what fell short and what follows."""
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
    blocks: list = [
        Heading("IKHTISAR EKSEKUTIF", 1),
        Paragraph.of(
            f"Pada Tahun {ctx.tahun} {ctx.nama_unit} menetapkan "
            f"{narrative.jumlah(len(card.sasaran))} sasaran strategis dalam Perjanjian "
            f"Kinerja. Hasil pengukuran menunjukkan {unit_text}. Capaian tiap sasaran:"
        ),
        BulletList(tuple(points)),
    ]
    renstra = _renstra_rows(ctx)
    if renstra:
        reached = sum(1 for *_, c in renstra if c.applicable and c.value >= 100)
        blocks.append(
            Paragraph.of(
                f"Terhadap target akhir Renstra (Tahun {ctx.renstra.tahun_akhir}), "
                f"{narrative.jumlah(reached)} dari {narrative.jumlah(len(renstra))} indikator "
                "sasaran telah mencapai targetnya."
            )
        )
    efisien = [label for *_, label in _efisiensi_rows(ctx)]
    blocks.append(
        Paragraph.of(
            f"Anggaran {narrative.rupiah(total.anggaran)} terealisasi "
            f"{narrative.rupiah(total.realisasi)} atau {narrative.persen(total.serapan)}."
            + (f" {_efisien_text(efisien)}" if efisien else "")
        )
    )
    if short:
        blocks += [
            Paragraph.of(
                f"Sebanyak {narrative.jumlah(len(short))} indikator belum mencapai target dan "
                "menjadi fokus perbaikan pada tahun berikutnya:"
            ),
            BulletList(
                tuple(
                    f"{ind.nama} ({narrative.subjek(level.lower(), nama)}): capaian "
                    f"{narrative.persen(ind.capaian)}"
                    for level, nama, ind in short
                )
            ),
        ]
    else:
        blocks.append(
            Paragraph.of("Seluruh indikator yang memiliki target telah mencapai targetnya.")
        )
    return [*blocks, PageBreak()]


def _efisien_text(labels: list[str]) -> str:
    n, total = labels.count(EFISIEN), len(labels)
    who = (
        f"Seluruh {narrative.jumlah(total)} program"
        if n == total
        else f"Sebanyak {narrative.jumlah(n)} dari {narrative.jumlah(total)} program"
    )
    return f"{who} dinilai efisien: capaian kinerjanya tidak lebih rendah dari serapan anggarannya."


def banding_tahun_lalu(ctx: ReportContext, counter: Counter) -> list:
    years = [ctx.tahun - 2, ctx.tahun - 1]
    past = {y: _sasaran_realisasi(ctx, y) for y in years}
    years = [y for y in years if any(v is not None for v in past[y].values())]
    if not years:
        instead = (
            f" Sebagai pembanding, realisasi Tahun {ctx.tahun} dibandingkan dengan kondisi "
            "awal dan target Renstra pada bagian berikut."
            if ctx.renstra
            else ""
        )
        return [
            Paragraph.of(
                f"Realisasi indikator sasaran Tahun {ctx.tahun - 2} dan {ctx.tahun - 1} belum "
                "tersedia dalam data pengukuran kinerja, sehingga perbandingan dengan tahun "
                f"sebelumnya belum dapat disajikan.{instead}"
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


def _renstra_rows(ctx: ReportContext) -> list[tuple]:
    """Each sasaran indicator with its Renstra figures: (indicator, kondisi awal, target of
    the year, end target, capaian of the year's realisasi against the end target)."""
    if ctx.renstra is None:
        return []
    akhir = ctx.renstra.tahun_akhir
    plans = {ind.nama: ind for t in ctx.tujuan for s in t.sasaran for ind in s.indikator}
    rows = []
    for s in ctx.card.sasaran:
        for ind in s.indikator:
            plan = plans.get(ind.nama)
            awal = plan.kondisi_awal if plan else None
            year = plan.targets.get(ctx.tahun) if plan else None
            end = plan.targets.get(akhir, plan.kondisi_akhir) if plan else None
            capaian = rules.compute_capaian(
                end,
                ind.realisasi_sd,
                polaritas=ind.polaritas,
                rumus_negatif=ctx.pemda.rumus_negatif,
            )
            rows.append((ind, awal, year, end, capaian))
    return rows


def banding_renstra(ctx: ReportContext, counter: Counter) -> list:
    rows = _renstra_rows(ctx)
    if not rows:
        return [Paragraph.of(f"Belum ada Renstra yang mencakup Tahun {ctx.tahun}.")]
    akhir = ctx.renstra.tahun_akhir
    notes = Notes()
    table_rows = tuple(
        Row(
            (
                text(ind.nama),
                center(ind.satuan or "–"),
                target(awal),
                target(year),
                number(ind.realisasi_sd),
                target(end),
                notes.capaian(capaian),
            )
        )
        for ind, awal, year, end, capaian in rows
    )
    return [
        Paragraph.of(
            f"Realisasi Tahun {ctx.tahun} dibandingkan dengan kondisi awal, target Tahun "
            f"{ctx.tahun} dan target akhir Renstra {ctx.renstra.tahun_awal}–{akhir}:"
        ),
        Table(
            header=(
                (
                    head("Indikator Kinerja"),
                    head("Satuan"),
                    head("Kondisi Awal"),
                    head(f"Target {ctx.tahun}"),
                    head(f"Realisasi {ctx.tahun}"),
                    head(f"Target Akhir {akhir}"),
                    head("Capaian terhadap Target Akhir (%)"),
                ),
            ),
            rows=table_rows,
            caption=counter.table("Realisasi terhadap Target Renstra"),
            widths=(3.4, 1.1, 1, 1, 1, 1, 1.4),
            notes=notes.lines(),
        ),
        *_renstra_text(ctx, rows),
    ]


def _renstra_text(ctx: ReportContext, rows: list[tuple]) -> list:
    """One sentence per indicator: already past its end target, or how far from it."""
    sentences = []
    for ind, _, _, end, capaian in rows:
        if not capaian.applicable:
            continue
        state = (
            "telah mencapai target akhir Renstra"
            if capaian.value >= 100
            else "belum mencapai target akhir Renstra"
        )
        sentences.append(
            f"Indikator {ind.nama} dengan realisasi "
            f"{narrative.besaran(ind.realisasi_sd, ind.satuan)} {state} "
            f"({narrative.besaran(end, ind.satuan)} pada Tahun {ctx.renstra.tahun_akhir}), "
            f"atau {narrative.persen(capaian)} dari target akhir."
        )
    return [Paragraph.of(" ".join(sentences))] if sentences else []


EFISIEN, KURANG_EFISIEN = "Efisien", "Kurang efisien"


def _efisiensi_rows(ctx: ReportContext) -> list[tuple]:
    """Per program: (score, capaian, serapan, capaian − serapan or None, keterangan)."""
    budget = ctx.card.budget
    rows = []
    for score, node in zip(ctx.card.programs, budget.tree.programs, strict=True):
        capaian, serapan = score.capaian, budget.of(node).serapan
        if capaian.applicable and serapan.applicable:
            selisih = capaian.value - serapan.value
            label = EFISIEN if selisih >= 0 else KURANG_EFISIEN
        else:
            selisih, label = None, "Tidak dapat dinilai"
        rows.append((score, capaian, serapan, selisih, label))
    return rows


def efisiensi(ctx: ReportContext, counter: Counter) -> list:
    notes = Notes()
    rows = tuple(
        Row(
            (
                text(score.nama),
                notes.capaian(capaian),
                notes.capaian(serapan),
                Cell(rules.KOSONG, align="center") if selisih is None else number(selisih, 2),
                center(label),
            )
        )
        for score, capaian, serapan, selisih, label in _efisiensi_rows(ctx)
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
            rows=rows,
            caption=counter.table("Efisiensi: Capaian Kinerja dan Serapan Anggaran per Program"),
            widths=(4, 1.2, 1.2, 1, 1.3),
            notes=notes.lines(),
        ),
    ]
