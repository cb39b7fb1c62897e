"""Budget totals of the program tree: every parent is the sum of its belanja lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja import rules
from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.planning.tree import Node, ProgramTree, load_tree

NOL = Decimal(0)


@dataclass
class Line:
    """One belanja line with its cumulative realisasi s.d. the quarter."""

    id: int
    uraian: str
    kode_rekening: str
    anggaran: Decimal
    realisasi: Decimal | None

    @property
    def serapan(self) -> rules.Capaian:
        return rules.compute_serapan(self.anggaran, self.realisasi)


@dataclass
class Totals:
    anggaran: Decimal = NOL
    realisasi: Decimal = NOL

    @property
    def serapan(self) -> rules.Capaian:
        return rules.compute_serapan(self.anggaran, self.realisasi)


@dataclass
class BudgetTree:
    tree: ProgramTree
    triwulan: int
    lines: dict[int, list[Line]] = field(default_factory=dict)  # by sub kegiatan id
    totals: dict[Node, Totals] = field(default_factory=dict)
    total: Totals = field(default_factory=Totals)

    def of(self, node: Node) -> Totals:
        return self.totals[node]


def budget_tree(
    perangkat_id: int, tahun: int, triwulan: int = 4, tree: ProgramTree | None = None
) -> BudgetTree:
    """Anggaran and realisasi s.d. ``triwulan`` for every node, computed from belanja lines.

    Realisasi is cumulative: a line's figure is its latest entry at or before the quarter;
    a line with no entry yet has spent nothing.
    """
    trees = {perangkat_id: tree or load_tree(perangkat_id, tahun)}
    return budget_trees(trees, tahun, triwulan)[perangkat_id]


def budget_trees(
    trees: dict[int, ProgramTree], tahun: int, triwulan: int = 4
) -> dict[int, BudgetTree]:
    """:func:`budget_tree` of many units (by perangkat id) in the same two queries."""
    results = {pid: BudgetTree(tree=tree, triwulan=triwulan) for pid, tree in trees.items()}
    owner = {
        node.id: results[pid]
        for pid, tree in trees.items()
        for node in tree.walk()
        if node.level == "sub_kegiatan"
    }
    scope = {
        "sub_kegiatan__kegiatan__program__perangkat_id__in": list(trees),
        "sub_kegiatan__kegiatan__program__tahun": tahun,
    }
    latest: dict[int, tuple[int, Decimal]] = {}
    spent = RealisasiBelanja.objects.filter(
        **{f"belanja__{k}": v for k, v in scope.items()}, triwulan__lte=triwulan
    ).order_by()
    for belanja_id, tw, nilai in spent.values_list("belanja_id", "triwulan", "nilai"):
        if belanja_id not in latest or latest[belanja_id][0] < tw:
            latest[belanja_id] = (tw, nilai)
    rows = Belanja.objects.filter(**scope).order_by("urutan", "id")
    for bid, sid, uraian, kode, anggaran in rows.values_list(
        "id", "sub_kegiatan_id", "uraian", "kode_rekening", "anggaran"
    ):
        realisasi = latest[bid][1] if bid in latest else None
        owner[sid].lines.setdefault(sid, []).append(Line(bid, uraian, kode, anggaran, realisasi))
    for result in results.values():
        for program in result.tree.programs:
            result.total.anggaran += _sum(program, result).anggaran
            result.total.realisasi += result.totals[program].realisasi
    return results


def _sum(node: Node, result: BudgetTree) -> Totals:
    totals = Totals()
    if node.level == "sub_kegiatan":
        for line in result.lines.get(node.id, []):
            totals.anggaran += line.anggaran
            totals.realisasi += line.realisasi or NOL
    for child in node.children:
        child_totals = _sum(child, result)
        totals.anggaran += child_totals.anggaran
        totals.realisasi += child_totals.realisasi
    result.totals[node] = totals
    return totals
