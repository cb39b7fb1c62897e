"""Bab III C Realisasi Anggaran: the whole tree down to every belanja line, parents in bold
and indented by level, every parent the sum of its lines; and serapan per program."""

from __future__ import annotations

from kinerja import rules
from kinerja.budget.tree import BudgetTree
from kinerja.planning.tree import Node
from kinerja.reports import narrative
from kinerja.reports.document import BulletList, Cell, Chart, Heading, Paragraph, Row, Series, Table

from .cells import Counter, Notes, head, rupiah, text
from .context import ReportContext

_DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


def realisasi_anggaran(ctx: ReportContext, counter: Counter, heading: str) -> list:
    budget = ctx.card.budget
    total = budget.total
    when = (
        f"Pada Tahun Anggaran {ctx.tahun}"
        if ctx.tahunan
        else f"Sampai dengan {rules.format_triwulan(ctx.triwulan)} Tahun {ctx.tahun}"
    )
    blocks: list = [
        Heading(heading, 2),
        Paragraph.of(
            f"{when}, pagu anggaran {ctx.nama_unit} sebesar "
            f"{narrative.rupiah(total.anggaran)} terealisasi "
            f"{narrative.rupiah(total.realisasi)} atau serapan "
            f"{narrative.persen(total.serapan)}. Rincian per program, kegiatan, sub kegiatan "
            "dan belanja disajikan pada tabel berikut; setiap baris induk adalah jumlah "
            "baris di bawahnya."
        ),
        budget_table(ctx, counter),
    ]
    if budget.tree.programs:
        blocks += [
            BulletList(
                tuple(
                    narrative.kalimat_serapan(
                        p.nama, budget.of(p).anggaran, budget.of(p).realisasi, budget.of(p).serapan
                    )
                    for p in budget.tree.programs
                )
            ),
            serapan_chart(ctx, counter),
        ]
    return blocks


def budget_table(ctx: ReportContext, counter: Counter) -> Table:
    budget = ctx.card.budget
    notes = Notes()
    rows: list[Row] = []
    for program in budget.tree.programs:
        for node in program.walk():
            rows.append(_node_row(node, budget, notes))
            for line in budget.lines.get(node.id, []) if node.level == "sub_kegiatan" else []:
                rows.append(
                    Row(
                        (
                            Cell(line.kode_rekening),
                            text(line.uraian),
                            rupiah(line.anggaran),
                            rupiah(line.realisasi or 0),
                            notes.capaian(line.serapan),
                        ),
                        level=3,
                    )
                )
    total = budget.total
    rows.append(
        Row(
            (
                Cell("JUMLAH", colspan=2, bold=True),
                rupiah(total.anggaran),
                rupiah(total.realisasi),
                notes.capaian(total.serapan),
            ),
            bold=True,
            shade=True,
        )
    )
    return Table(
        header=(
            (
                head("Kode"),
                head("Uraian"),
                head("Anggaran (Rp)"),
                head(f"Realisasi {ctx.sd(short=True)} (Rp)"),
                head("Serapan (%)"),
            ),
        ),
        rows=tuple(rows),
        caption=counter.table(f"Realisasi Anggaran {ctx.nama_unit} Tahun {ctx.tahun}"),
        widths=(2.1, 4.2, 1.8, 1.8, 0.9),
        font_size="small",
        indent_cell=1,  # the names show the tree; the codes stay in one straight column
        notes=notes.lines(),
    )


def _node_row(node: Node, budget: BudgetTree, notes: Notes) -> Row:
    totals = budget.of(node)
    return Row(
        (
            text(node.kode),
            text(node.nama),
            rupiah(totals.anggaran),
            rupiah(totals.realisasi),
            notes.capaian(totals.serapan),
        ),
        bold=True,
        level=_DEPTH[node.level],
    )


def serapan_chart(ctx: ReportContext, counter: Counter) -> Chart:
    budget = ctx.card.budget
    programs = budget.tree.programs
    title = f"Serapan Anggaran per Program {ctx.sd()} (%)"
    return Chart(
        kind="barh",
        title=title,
        categories=tuple(p.nama for p in programs),
        series=(Series("", tuple(budget.of(p).serapan.value for p in programs)),),
        x_label="Serapan (%)",
        caption=counter.chart(title),
        value_format="persen",
    )
