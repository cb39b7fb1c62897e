"""The program tree of one unit and year, loaded in three queries as light nodes.

Budget totals and capaian rollups both walk this tree; neither touches model instances,
so a whole kabupaten computes in a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from kinerja.planning.models import Kegiatan, Program, SubKegiatan

LEVELS = ("program", "kegiatan", "sub_kegiatan")


@dataclass(eq=False)
class Node:
    level: str
    id: int
    kode: str
    nama: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    sasaran_id: int | None = None

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ProgramTree:
    programs: list[Node]
    index: dict[tuple[str, int], Node]

    def walk(self) -> Iterator[Node]:
        for program in self.programs:
            yield from program.walk()

    def get(self, level: str, node_id: int) -> Node:
        return self.index[(level, node_id)]

    def by_kode(self, kode: str) -> Node:
        for node in self.walk():
            if node.kode == kode:
                return node
        raise KeyError(kode)

    def sub_kegiatan_ids(self) -> list[int]:
        return [n.id for n in self.walk() if n.level == "sub_kegiatan"]


def load_tree(perangkat_id: int, tahun: int) -> ProgramTree:
    return load_trees([perangkat_id], tahun)[perangkat_id]


def load_trees(perangkat_ids: list[int], tahun: int) -> dict[int, ProgramTree]:
    """The trees of many units in the same three queries as one (a kabupaten at once)."""
    trees = {pid: ProgramTree([], {}) for pid in perangkat_ids}
    index: dict[tuple[str, int], tuple[Node, ProgramTree]] = {}
    rows = Program.objects.filter(perangkat_id__in=perangkat_ids, tahun=tahun).order_by(
        "urutan", "kode"
    )
    for pid, unit, kode, nama, sasaran_id in rows.values_list(
        "id", "perangkat_id", "kode", "nama", "sasaran_id"
    ):
        node = Node("program", pid, kode, nama, sasaran_id=sasaran_id)
        tree = trees[unit]
        tree.programs.append(node)
        tree.index[("program", pid)] = node
        index[("program", pid)] = (node, tree)
    children = [
        (Kegiatan, "program", "kegiatan", {"program__perangkat_id__in": perangkat_ids}),
        (
            SubKegiatan,
            "kegiatan",
            "sub_kegiatan",
            {"kegiatan__program__perangkat_id__in": perangkat_ids},
        ),
    ]
    for model, parent_level, level, owner in children:
        year = {f"{'kegiatan__' if level == 'sub_kegiatan' else ''}program__tahun": tahun}
        rows = model.objects.filter(**owner, **year).order_by("urutan", "kode")
        for nid, parent_id, kode, nama in rows.values_list(
            "id", f"{parent_level}_id", "kode", "nama"
        ):
            parent, tree = index[(parent_level, parent_id)]
            node = Node(level, nid, kode, nama, parent=parent)
            parent.children.append(node)
            tree.index[(level, nid)] = node
            index[(level, nid)] = (node, tree)
    return trees
