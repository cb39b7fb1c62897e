"""Spanned cells placed on a grid, as HTML lays out a table: what the DOCX and the XLSX
exporters both need to write a table's merged cells."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinerja.reports.document import Cell

__all__ = ["Placed", "place_cells"]


@dataclass(frozen=True)
class Placed:
    """A model cell at its grid position; spans are cut to what the grid can hold."""

    row: int
    col: int
    cell: Cell
    rowspan: int = 1
    colspan: int = 1


def place_cells(rows: Sequence[Sequence[Cell]]) -> tuple[list[Placed], int]:
    """Lay out rows of spanned cells on a grid, as HTML does; return the cells and the width.

    A cell with ``rowspan`` > 1 occupies its columns in the rows below it, so the cells of
    those rows skip the occupied positions. Each cell takes the first position from the left
    where all the columns it spans are free (HTML would let it overlap; Word cannot). A
    rowspan reaching past the last row is cut at the last row.
    """
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    for r, cells in enumerate(rows):
        c = 0
        for cell in cells:
            rowspan = max(1, min(cell.rowspan, len(rows) - r))
            colspan = max(1, cell.colspan)
            while any((r, c + j) in taken for j in range(colspan)):
                c += 1
            taken.update((r + i, c + j) for i in range(rowspan) for j in range(colspan))
            placed.append(Placed(r, c, cell, rowspan, colspan))
            c += colspan
    return placed, max((c + 1 for _, c in taken), default=0)
