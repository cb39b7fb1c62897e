"""Bab III A and B: Tabel 3.1 (pengukuran capaian PK) and the evaluation of every sasaran,
program, kegiatan and sub kegiatan — table, formula, narrative, analysis and TW I–IV chart.
"""

from __future__ import annotations

from kinerja import rules
from kinerja.measurement.scorecard import IndicatorScore, NodeScore
from kinerja.reports import narrative
from kinerja.reports.document import (
    BulletList,
    Cell,
    Heading,
    Paragraph,
    Row,
    Table,
)

from .cells import Counter, Notes, center, head, number, target, text
from .context import IKM, ReportContext
from .grafik import ikm_trend_chart, indicator_chart

LEVEL = {
    "sasaran": "sasaran",
    "program": "program",
    "kegiatan": "kegiatan",
    "sub_kegiatan": "sub kegiatan",
}
CHILD = {"program": "kegiatan", "kegiatan": "sub kegiatan"}


def tabel_pengukuran(ctx: ReportContext, counter: Counter) -> Table:
    """Tabel 3.1: every sasaran indicator with target, realisasi, capaian s.d. the quarter."""
    notes = Notes()
    rows = []
    for s in ctx.card.sasaran:
        for i, ind in enumerate(s.indikator or [None]):
            first = i == 0
            lead = (center(s.kode if first else ""), text(s.nama if first else ""))
            if ind is None:
                rows.append(Row((*lead, Cell("Belum ada indikator sasaran", colspan=5))))
                continue
            rows.append(
                Row(
                    (
                        *lead,
                        text(ind.nama),
                        target(ind.target_sd),
                        number(ind.realisasi_sd),
                        notes.capaian(ind.capaian),
                        notes.predikat(ind.predikat),
                    )
                )
            )
    unit = ctx.card.unit
    rows.append(
        Row(
            (
                Cell("Capaian kinerja unit (rata-rata sasaran)", colspan=5, bold=True),
                notes.capaian(unit.capaian, bold=True),
                notes.predikat(ctx.card.skala.classify(unit.capaian), bold=True),
            ),
            bold=True,
            shade=True,
        )
    )
    sd = ctx.sd(short=True)
    return Table(
        header=(
            (
                head("No"),
                head("Sasaran Strategis"),
                head("Indikator Kinerja"),
                head(f"Target {sd}"),
                head(f"Realisasi {sd}"),
                head("Capaian (%)"),
                head("Predikat"),
            ),
        ),
        rows=tuple(rows),
        caption=counter.table("Pengukuran Capaian Perjanjian Kinerja"),
        widths=(0.55, 3, 3, 1, 1, 1, 1.6),
        notes=notes.lines(),
    )


def skala_table(ctx: ReportContext, counter: Counter) -> Table:
    rows, previous = [], None
    for pita in ctx.card.skala.bands:
        rows.append(Row((text(_band(pita, previous)), center(pita.label))))
        previous = pita
    return Table(
        header=((head("Capaian (%)"), head("Predikat")),),
        rows=tuple(rows),
        caption=counter.table(f"Skala Predikat Capaian Kinerja: {ctx.card.skala.name}"),
        widths=(2.5, 2),
    )


def _band(pita, above) -> str:
    """``≥ 76 dan < 91``: the band's own bound and the one of the band above it."""
    parts = []
    if pita.lower is not None:
        parts.append(f"{'≥' if pita.inclusive else '>'} {narrative.angka(pita.lower)}")
    if above is not None:
        parts.append(f"{'<' if above.inclusive else '≤'} {narrative.angka(above.lower)}")
    return " dan ".join(parts)


def pengukuran(
    ctx: ReportContext,
    counter: Counter,
    heading: str = "A. Pengukuran Capaian Kinerja",
    level: int = 2,
) -> list:
    card = ctx.card
    himpun = "Realisasi tahunan" if ctx.tahunan else "Realisasi sampai dengan triwulan berjalan"
    blocks: list = [
        Heading(heading, level),
        Paragraph.of(
            "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target: "
            "untuk indikator berpolaritas positif Capaian = Realisasi / Target × 100%, "
            "untuk indikator berpolaritas negatif "
            + narrative.rumus("negatif", ctx.pemda.rumus_negatif)
            + f". {himpun} dihimpun menurut sifat tiap indikator: dijumlahkan, diambil "
            "nilai terakhir, dirata-ratakan atau diambil nilai tertinggi. Predikat ditentukan "
            "terhadap capaian yang dibulatkan dua desimal."
        ),
    ]
    tabel = tabel_pengukuran(ctx, counter)
    blocks += [
        tabel,
        Paragraph.of("Predikat ditentukan dengan skala berikut:"),
        skala_table(ctx, counter),
    ]
    for s in card.sasaran:
        for ind in s.indikator:
            blocks.append(
                Paragraph.of(
                    f"Sasaran {s.kode}, {s.nama}, dengan indikator {ind.nama}: target "
                    f"{narrative.besaran(ind.target_sd, ind.satuan)} dengan realisasi "
                    f"{narrative.besaran(ind.realisasi_sd, ind.satuan)} atau capaian "
                    f"{narrative.persen(ind.capaian)}"
                    + (f", predikat {ind.predikat}." if ind.predikat else ".")
                )
            )
    if card.unit.capaian.applicable:
        blocks.append(
            Paragraph.of(
                f"Secara keseluruhan capaian kinerja {ctx.nama_unit} {ctx.periode} adalah "
                f"{narrative.persen(card.unit.capaian)} dengan predikat "
                f"{card.skala.classify(card.unit.capaian)}."
            )
        )
    return blocks


def evaluasi(
    ctx: ReportContext,
    counter: Counter,
    heading: str = "B. Evaluasi dan Analisis Capaian Kinerja",
    level: int = 2,
) -> list:
    """The section ``heading`` at ``level``; its sasaran and programs one level below it,
    their kegiatan two and sub kegiatan three."""
    blocks: list = [
        Heading(heading, level),
        Paragraph.of(
            "Evaluasi berikut menguraikan capaian setiap sasaran beserta program, kegiatan "
            "dan sub kegiatan pendukungnya, sebab-sebab tercapai atau tidak tercapainya "
            "target, serta langkah yang diambil."
        ),
    ]
    for s in ctx.card.sasaran:
        blocks.append(Heading(f"Sasaran {s.kode}: {s.nama}", level + 1))
        blocks += node_section(ctx, s, counter)
        for program in s.children:
            blocks += program_section(ctx, program, counter, level + 1)
    orphans = [p for p in ctx.card.programs if p not in _linked(ctx)]
    for program in orphans:
        blocks += program_section(ctx, program, counter, level + 1)
    return blocks


def _linked(ctx: ReportContext) -> list[NodeScore]:
    return [p for s in ctx.card.sasaran for p in s.children]


def program_section(
    ctx: ReportContext, program: NodeScore, counter: Counter, level: int = 3
) -> list:
    blocks: list = [Heading(f"{program.kode} {program.nama}", level)]
    blocks += node_section(ctx, program, counter)
    for kegiatan in program.children:
        blocks.append(Heading(f"{kegiatan.kode} {kegiatan.nama}", level + 1))
        blocks += node_section(ctx, kegiatan, counter)
        for sub in kegiatan.children:
            blocks.append(Heading(f"{sub.kode} {sub.nama}", level + 2))
            blocks += node_section(ctx, sub, counter)
    return blocks


def node_section(ctx: ReportContext, node: NodeScore, counter: Counter) -> list:
    """A node's own indicators, then how its capaian rolls up from its children."""
    blocks: list = []
    level = LEVEL[node.level]
    if node.indikator:
        blocks.append(indicator_table(ctx, node, counter))
        for ind in node.indikator:
            blocks += indicator_text(ctx, level, node.nama, ind)
            blocks.append(indicator_chart(ind, counter))
            if node.level == "sasaran" and IKM in ind.nama and len(ctx.ikm_trend) > 1:
                blocks.append(ikm_trend_chart(ctx, counter))
    if node.children and node.level in CHILD:
        blocks.append(children_table(ctx, node, counter))
        if node.rollup is not None:
            kurang = [
                (c.nama, c.capaian)
                for c in node.children
                if c.capaian.applicable and c.capaian.value < 100
            ]
            rollup = narrative.kalimat_rollup(
                level, node.nama, CHILD[node.level], node.rollup, _weighted(ctx)
            )
            why = narrative.kalimat_kurang(CHILD[node.level], kurang)
            blocks.append(Paragraph.of(f"{rollup} {why}".strip()))
    elif not node.indikator:
        blocks.append(
            Paragraph.of(
                f"{level.capitalize()} ini tidak memiliki indikator kinerja pada "
                f"tahun {ctx.tahun}, sehingga capaiannya tidak dihitung."
            )
        )
    return blocks


def _weighted(ctx: ReportContext) -> bool:
    return ctx.pemda.aturan_rollup != rules.AturanRollup.RATA_RATA.value


def indicator_table(ctx: ReportContext, node: NodeScore, counter: Counter) -> Table:
    """A node's indicators: the quarter's target and realisasi, then those s.d. the quarter
    with capaian and predikat; an annual report shows only the year's."""
    notes = Notes()
    q = ctx.triwulan - 1
    tw, sd = rules.format_triwulan(ctx.triwulan, short=True), ctx.sd(short=True)
    quarter = not ctx.tahunan
    rows = tuple(
        Row(
            (
                center(str(i)),
                text(ind.nama),
                center(ind.satuan or "–"),
                *((target(ind.targets[q]), number(ind.realisasi[q])) if quarter else ()),
                target(ind.target_sd),
                number(ind.realisasi_sd),
                notes.capaian(ind.capaian),
                notes.predikat(ind.predikat),
            )
        )
        for i, ind in enumerate(node.indikator, 1)
    )
    return Table(
        header=(
            (
                head("No"),
                head("Indikator Kinerja"),
                head("Satuan"),
                *((head(f"Target {tw}"), head(f"Realisasi {tw}")) if quarter else ()),
                head(f"Target {sd}"),
                head(f"Realisasi {sd}"),
                head("Capaian (%)"),
                head("Predikat"),
            ),
        ),
        rows=rows,
        caption=counter.table(
            f"Capaian {narrative.subjek(LEVEL[node.level].capitalize(), node.nama)}"
        ),
        # satuan: "Dokumen" whole
        widths=(0.55, 2.8, 1.15, *((0.8, 0.8) if quarter else ()), 0.8, 0.8, 0.9, 1.5),
        font_size="small",
        notes=notes.lines(),
    )


def indicator_text(ctx: ReportContext, level: str, nama: str, ind: IndicatorScore) -> list:
    q = ctx.triwulan
    if ctx.tahunan:  # the year's figures: those s.d. TW IV
        periode, t, r, capaian = f"tahun {ctx.tahun}", ind.target_sd, ind.realisasi_sd, ind.capaian
    else:
        periode, t, r, capaian = q, ind.targets[q - 1], ind.realisasi[q - 1], ind.capaian_triwulan
    blocks: list = [
        Paragraph.of(
            narrative.kalimat_capaian(
                level, nama, periode, t, r, ind.satuan, capaian, ind.polaritas
            )
        )
    ]
    if q > 1 and (ind.target_sd, ind.realisasi_sd) != (t, r):
        blocks.append(
            Paragraph.of(
                narrative.kalimat_sd(
                    q, ind.target_sd, ind.realisasi_sd, ind.satuan, ind.capaian, ind.polaritas
                )
            )
        )
    if ind.realisasi_dari_id:
        blocks.append(
            Paragraph.of(
                "Realisasi indikator ini sama dengan capaian program yang diukur, yang "
                "dihitung dari capaian kegiatannya (lihat uraian program di bawah)."
            )
        )
    if ind.capaian.applicable and ind.target_sd is not None and ind.realisasi_sd is not None:
        blocks.append(Paragraph.of(_formula(ctx, ind), style="formula"))
    parts = narrative.analisis(*ctx.analisis.get(ind.id, ("", "", "")))
    if parts:
        blocks.append(BulletList(tuple(f"{label}: {body}" for label, body in parts)))
    return blocks


def _formula(ctx: ReportContext, ind: IndicatorScore) -> str:
    t, r = ind.target_sd, ind.realisasi_sd
    result = narrative.persen(ind.capaian)
    if isinstance(t, rules.Rentang):
        return (
            f"Target rentang {narrative.besaran(t, ind.satuan)}, realisasi "
            f"{narrative.besaran(r, ind.satuan)}: capaian = {result}"
        )
    a, b = narrative.angka(t), narrative.angka(r)
    if ind.polaritas == rules.Polaritas.NEGATIF.value:
        if ctx.pemda.rumus_negatif == rules.RumusNegatif.T_BAGI_R.value:
            terms = f"{a} / {b} × 100%"
        else:
            terms = f"(2 × {a} − {b}) / {a} × 100%"
    else:
        terms = f"{b} / {a} × 100%"
    return f"Capaian = {narrative.unbroken(terms)} = {result}"


def children_table(ctx: ReportContext, node: NodeScore, counter: Counter) -> Table:
    notes = Notes()
    rows = [
        Row(
            (
                center(str(i)),
                text(c.kode),
                text(c.nama),
                notes.capaian(c.capaian),
                notes.predikat(c.predikat),
            )
        )
        for i, c in enumerate(node.children, 1)
    ]
    if node.rollup is not None and node.rollup.count:
        if not _weighted(ctx):
            rows.append(
                Row(
                    (Cell("Jumlah", colspan=3, bold=True), number(node.rollup.total, 2), Cell("")),
                    bold=True,
                )
            )
        mean = "Rata-rata tertimbang anggaran" if _weighted(ctx) else "Rata-rata"
        rows.append(
            Row(
                (
                    Cell(f"{mean} ({node.rollup.count} {CHILD[node.level]})", colspan=3, bold=True),
                    notes.capaian(node.capaian),
                    notes.predikat(node.predikat),
                ),
                bold=True,
                shade=True,
            )
        )
    child = CHILD[node.level]
    return Table(
        header=(
            (
                head("No"),
                head("Kode"),
                head(child.capitalize()),
                head("Capaian (%)"),
                head("Predikat"),
            ),
        ),
        rows=tuple(rows),
        caption=counter.table(
            f"Capaian {child.capitalize()} pada {narrative.subjek(LEVEL[node.level], node.nama)}"
        ),
        widths=(0.55, 2.2, 4, 1, 1.6),
        notes=notes.lines(),
    )
