"""Matriks tindak lanjut, Bab IV Penutup (kesimpulan) and the lampiran of every indicator."""

from __future__ import annotations

from kinerja import rules
from kinerja.measurement.scorecard import IndicatorScore
from kinerja.reports import narrative
from kinerja.reports.document import BulletList, Cell, Heading, PageBreak, Paragraph, Row, Table

from .cells import Counter, center, head, number, target, text
from .context import ReportContext
from .front import signature


def matriks_tindak_lanjut(ctx: ReportContext, counter: Counter, heading: str) -> list:
    items = [t for t in ctx.tindak_lanjut if t.triwulan is None or t.triwulan <= ctx.triwulan]
    if not items:
        return [
            Heading(heading, 2),
            Paragraph.of(
                f"Tidak ada rekomendasi hasil evaluasi yang tercatat untuk {ctx.nama_unit} "
                f"pada tahun {ctx.tahun}."
            ),
        ]
    rows = tuple(
        Row(
            (
                center(str(t.nomor)),
                text(t.rekomendasi),
                text(t.rencana_aksi),
                center(t.get_status_display()),
                text(t.progres),
            )
        )
        for t in items
    )
    return [
        Heading(heading, 2),
        Paragraph.of(
            "Rekomendasi hasil evaluasi kinerja beserta rencana aksi dan progres tindak lanjutnya:"
        ),
        Table(
            header=(
                (
                    head("No"),
                    head("Rekomendasi"),
                    head("Rencana Aksi"),
                    head("Status"),
                    head("Progres Penyelesaian"),
                ),
            ),
            rows=rows,
            caption=counter.table("Matriks Rencana Aksi Tindak Lanjut Hasil Evaluasi"),
            widths=(0.55, 3.4, 2.3, 1.5, 2.9),  # status: "ditindaklanjuti" unbroken
            font_size="small",
        ),
    ]


def all_indicators(ctx: ReportContext):
    for s in ctx.card.sasaran:
        for ind in s.indikator:
            yield "Sasaran", s.nama, ind
    for program in ctx.card.programs:
        for node in program.walk():
            for ind in node.indikator:
                yield node.level.replace("_", " ").capitalize(), node.nama, ind


def below_target(ctx: ReportContext) -> list[tuple[str, str, IndicatorScore]]:
    """(level, owner's name, indicator) of every indicator whose capaian is below 100 %."""
    return [
        (level, nama, ind)
        for level, nama, ind in all_indicators(ctx)
        if ind.capaian.applicable and ind.capaian.value < 100
    ]


def kesimpulan(ctx: ReportContext) -> list:
    card = ctx.card
    points = []
    for s in card.sasaran:
        for ind in s.indikator:
            points.append(
                f"Sasaran {s.nama} dengan indikator {ind.nama}: target "
                f"{narrative.besaran(ind.target_sd, ind.satuan)}, realisasi "
                f"{narrative.besaran(ind.realisasi_sd, ind.satuan)}, capaian "
                f"{narrative.persen(ind.capaian)}"
                + (f" ({ind.predikat})." if ind.predikat else ".")
            )
    if card.unit.capaian.applicable:
        points.append(
            f"Capaian kinerja {ctx.nama_unit} secara keseluruhan "
            f"{narrative.persen(card.unit.capaian)}, predikat "
            f"{card.skala.classify(card.unit.capaian)}."
        )
    total = card.budget.total
    if total.anggaran:
        points.append(
            f"Serapan anggaran {narrative.persen(total.serapan)} "
            f"({narrative.rupiah(total.realisasi)} dari {narrative.rupiah(total.anggaran)})."
        )
    short = below_target(ctx)
    if short:
        points.append(
            f"Sebanyak {narrative.jumlah(len(short))} indikator belum mencapai target: "
            + "; ".join(f"{ind.nama} ({narrative.persen(ind.capaian)})" for *_, ind in short)
            + "."
        )
    else:
        points.append("Seluruh indikator yang memiliki target mencapai atau melampaui target.")
    return [BulletList(tuple(points), ordered=True)]


def langkah_perbaikan(ctx: ReportContext) -> list:
    """Every indicator below target with what its unit recorded: the obstacle and the step
    (faktor penghambat, solusi). Nothing is said where nothing was recorded."""
    steps = []
    for level, nama, ind in below_target(ctx):
        _, penghambat, solusi = (t.strip() for t in ctx.analisis.get(ind.id, ("", "", "")))
        said = [
            f"{label}: {body}"
            for label, body in (("penghambat", penghambat), ("langkah", solusi))
            if body
        ]
        if said:
            steps.append(
                f"{ind.nama} ({narrative.subjek(level.lower(), nama)}, capaian "
                f"{narrative.persen(ind.capaian)}) — " + "; ".join(said)
            )
    if not steps:
        return []
    return [
        Paragraph.of(
            "Indikator yang belum mencapai target beserta faktor penghambat dan langkah "
            "perbaikannya:"
        ),
        BulletList(tuple(steps)),
    ]


def bab_penutup(ctx: ReportContext, judul: str) -> list:
    return [
        Heading("BAB IV PENUTUP", 1),
        Heading("A. Kesimpulan", 2),
        Paragraph.of(f"{judul} {ctx.nama_unit} Tahun {ctx.tahun} menyimpulkan hal-hal berikut:"),
        *kesimpulan(ctx),
        *langkah_perbaikan(ctx),
        Heading("B. Penutup", 2),
        Paragraph.of(
            "Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan kinerja pada periode "
            f"berikutnya, sekaligus wujud akuntabilitas {ctx.nama_unit} kepada pimpinan dan "
            "masyarakat."
        ),
        signature(ctx),
    ]


def lampiran(ctx: ReportContext) -> list:
    """Every indicator's target and realisasi per quarter, one compact table."""
    counter = Counter("L")
    tws = [rules.format_triwulan(q, short=True) for q in range(1, 5)]
    rows = []
    for level, owner, ind in all_indicators(ctx):
        cells = [text(level), text(f"{owner} — {ind.nama}"), center(ind.satuan or "–")]
        for q in range(4):
            cells += [target(ind.targets[q]), number(ind.realisasi[q])]
        rows.append(Row(tuple(cells)))
    return [
        PageBreak(),
        Heading("LAMPIRAN", 1),
        Paragraph.of(
            "Target dan realisasi setiap indikator per triwulan (– : tidak ada target atau "
            "realisasi belum diisi)."
        ),
        Table(
            header=(
                (
                    head("Tingkat", rowspan=2),
                    head("Uraian — Indikator", rowspan=2),
                    head("Satuan", rowspan=2),
                    *(head(tw, colspan=2) for tw in tws),
                ),
                tuple(Cell(label, align="center", bold=True) for _ in tws for label in ("T", "R")),
            ),
            rows=tuple(rows),
            caption=counter.table(f"Target dan Realisasi Indikator Tahun {ctx.tahun}"),
            widths=(1.45, 2.95, 1.15, *([0.72] * 8)),  # "Sub kegiatan", "Dokumen", "81,74" whole
            font_size="small",
        ),
    ]
