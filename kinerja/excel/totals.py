"""Stated parent totals of a budget sheet against the sum of their children.

One piece of code for every budget sheet read (the template's Anggaran sheet and SIPD
exports): rows are laid out as a tree by their depth, every parent is computed from the rows
under it, and each stated total that differs is a :class:`~kinerja.excel.sheet.Masalah`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rules import format_angka

from .sheet import Masalah

NOL = Decimal(0)


@dataclass
class Simpul:
    """One row of a budget tree: ``depth`` 0 is the top, stated values per column."""

    depth: int
    baris: int
    nyata: list[Decimal | None]  # as stated in the sheet; None: not stated (or a formula)
    anak: list[Simpul] = field(default_factory=list)
    hitung: list[Decimal] = field(default_factory=list)  # computed (parents) or stated (leaves)

    def walk(self):
        yield self
        for child in self.anak:
            yield from child.walk()


def susun(rows: list[Simpul]) -> list[Simpul]:
    """Nest ``rows`` (in sheet order) by depth; returns the top-level rows."""
    roots: list[Simpul] = []
    stack: list[Simpul] = []
    for row in rows:
        while stack and stack[-1].depth >= row.depth:
            stack.pop()
        (stack[-1].anak if stack else roots).append(row)
        stack.append(row)
    return roots


def _hitung(node: Simpul, n: int) -> list[Decimal]:
    if not node.anak:
        node.hitung = [v if v is not None else NOL for v in node.nyata[:n]]
        node.hitung += [NOL] * (n - len(node.hitung))
        return node.hitung
    sums = [NOL] * n
    for child in node.anak:
        for i, v in enumerate(_hitung(child, n)):
            sums[i] += v
    node.hitung = sums
    return sums


def periksa_jumlah(roots: list[Simpul], lembar: str, kolom: list[str]) -> list[Masalah]:
    """Compute every parent and report each stated total that is not the sum of its rows.

    ``kolom[i]`` names the i-th value column in messages, e.g. ``"F (Anggaran)"``.
    """
    masalah = []
    for root in roots:
        _hitung(root, len(kolom))
        for node in root.walk():
            if not node.anak:
                continue
            for i, (stated, computed) in enumerate(zip(node.nyata, node.hitung, strict=False)):
                if stated is not None and stated != computed:
                    masalah.append(
                        Masalah(
                            lembar,
                            node.baris,
                            kolom[i],
                            format_angka(stated, None),
                            f"jumlah tertulis {format_angka(stated, 2)} tidak sama dengan jumlah "
                            f"baris di bawahnya {format_angka(computed, 2)}",
                        )
                    )
    return masalah
