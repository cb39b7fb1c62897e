"""Where every cell of a table with row and column spans lands, and column widths."""

from __future__ import annotations

import docx
import pytest

from kinerja.reports.document import Cell
from kinerja.reports.docx_export import TEXT_WIDTH
from kinerja.reports.docx_parts import column_widths, style_ids
from kinerja.reports.grid import Placed, place_cells

STAFF_HEADER = (
    (Cell("GOLONGAN", rowspan=3), Cell("JUMLAH PEGAWAI KUALIFIKASI PENDIDIKAN", colspan=4)),
    (Cell("S1", colspan=2), Cell("D3", colspan=2)),
    (Cell("L"), Cell("P"), Cell("L"), Cell("P")),
)


def positions(placed: list[Placed]) -> list[tuple[str, int, int, int, int]]:
    return [(p.cell.text, p.row, p.col, p.rowspan, p.colspan) for p in placed]


def test_place_cells_staff_header():
    placed, ncols = place_cells(STAFF_HEADER)
    assert ncols == 5
    assert positions(placed) == [
        ("GOLONGAN", 0, 0, 3, 1),
        ("JUMLAH PEGAWAI KUALIFIKASI PENDIDIKAN", 0, 1, 1, 4),
        ("S1", 1, 1, 1, 2),
        ("D3", 1, 3, 1, 2),
        ("L", 2, 1, 1, 1),
        ("P", 2, 2, 1, 1),
        ("L", 2, 3, 1, 1),
        ("P", 2, 4, 1, 1),
    ]


def test_place_cells_skips_rowspans_in_the_middle_and_at_the_end():
    rows = (
        (Cell("A", rowspan=2), Cell("B"), Cell("C", rowspan=2), Cell("D")),
        (Cell("E"), Cell("F")),
    )
    placed, ncols = place_cells(rows)
    assert ncols == 4
    assert positions(placed)[-2:] == [("E", 1, 1, 1, 1), ("F", 1, 3, 1, 1)]


def test_place_cells_colspan_moves_past_an_occupied_position():
    # "X" spans two columns; column 1 of row 1 is taken by "B" from above, so X cannot start
    # at column 0 (it would overlap B): it goes to columns 2–3, and "Y" fills column 0.
    rows = ((Cell("A"), Cell("B", rowspan=2)), (Cell("X", colspan=2), Cell("Y")))
    placed, ncols = place_cells(rows)
    assert positions(placed)[2:] == [("X", 1, 2, 1, 2), ("Y", 1, 4, 1, 1)]
    assert ncols == 5
    # with "Y" first it takes column 0, and X still cannot overlap B
    rows = ((Cell("A"), Cell("B", rowspan=2)), (Cell("Y"), Cell("X", colspan=2)))
    assert positions(place_cells(rows)[0])[2:] == [("Y", 1, 0, 1, 1), ("X", 1, 2, 1, 2)]


def test_place_cells_cuts_rowspans_past_the_last_row_and_handles_full_rows():
    rows = ((Cell("A", rowspan=5), Cell("B", rowspan=2, colspan=2)), ())
    placed, ncols = place_cells(rows)
    assert positions(placed) == [("A", 0, 0, 2, 1), ("B", 0, 1, 2, 2)]
    assert ncols == 3
    assert place_cells(()) == ([], 0)
    assert positions(place_cells(((Cell("Z", colspan=0, rowspan=0),),))[0]) == [("Z", 0, 0, 1, 1)]


def test_column_widths_are_relative_and_sum_to_the_total():
    widths = column_widths((3, 1, 1, 1, 1), 5, TEXT_WIDTH)
    assert sum(widths) == TEXT_WIDTH
    assert widths[0] == pytest.approx(3 * widths[1], abs=2)
    assert len(set(column_widths((1, 2), 3, TEXT_WIDTH)[:2])) == 1  # mismatch → equal widths


# --- the document read back ---------------------------------------------------------------


def test_style_ids_are_python_docxs_own_by_name():
    doc = docx.Document()
    ids = style_ids(doc)
    assert ids["Heading 1"] == "Heading1" and ids["Table Grid"] == "TableGrid"
    for style in doc.styles:
        assert ids[style.name] == doc.styles[style.name].style_id
