"""The XLSX exporter: every Table of a report Document on its own sheet.

A sheet is named after the table's caption (or the heading above it); the caption is
written above the header, header spans become merged cells, the header is frozen, a cell
with an exact ``value`` is a real number with an explicit format (``#,##0.00`` with the
decimals of its text; Excel shows it in the reader's locale), tree rows get outline levels
and indentation, notes follow the table, and columns are as wide as their content.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kinerja.excel.sheet import HEADER_FILL, lebar_kolom
from kinerja.reports import document as m
from kinerja.reports.exporters import register
from kinerja.reports.grid import place_cells

_INVALID = re.compile(r"[\[\]:*?/\\]")


def number_format(cell: m.Cell) -> str:
    """``#,##0`` or ``#,##0.00…`` with as many decimals as the cell's text shows."""
    if isinstance(cell.value, int) or "," not in cell.text:
        return "#,##0"
    decimals = len(re.match(r"\d*", cell.text.rsplit(",", 1)[1]).group())
    return "#,##0." + "0" * decimals if decimals else "#,##0"


def sheet_names(document: m.Document) -> list[str]:
    """One unique, valid sheet name per table: caption, else the heading above, else Tabel N."""
    names: list[str] = []
    heading = ""
    for block in document.blocks:
        if isinstance(block, m.Heading):
            heading = block.text
        elif isinstance(block, m.Table):
            base = _INVALID.sub(" ", block.caption or heading or f"Tabel {len(names) + 1}")
            base = " ".join(base.split())[:31] or f"Tabel {len(names) + 1}"
            name, n = base, 2
            while name.casefold() in (x.casefold() for x in names):
                suffix = f" ({n})"
                name, n = base[: 31 - len(suffix)] + suffix, n + 1
            names.append(name)
    return names


class _SheetWriter:
    def __init__(self, ws, table: m.Table) -> None:
        self.ws, self.table = ws, table
        self.widths: dict[int, float] = {}
        self.row = 1

    def write(self) -> None:
        table = self.table
        if table.caption:
            self.ws.cell(row=1, column=1, value=table.caption).font = Font(bold=True)
            self.row = 3
        width = self._rows(table.header, header=True)
        self.ws.freeze_panes = self.ws.cell(row=self.row, column=1)
        for data in table.rows:
            self._rows((data.cells,), row=data)
        self.row += 1
        for note in table.notes:
            self.ws.cell(row=self.row, column=1, value=note).font = Font(italic=True)
            self.row += 1
        self.widths = {c: w for c, w in self.widths.items() if c <= max(width, 1)}
        lebar_kolom(self.ws, self.widths)
        self.ws.sheet_properties.outlinePr.summaryBelow = False

    def _rows(self, rows, header: bool = False, row: m.Row | None = None) -> int:
        placed, width = place_cells(rows)
        indented = self.table.indented(row) if row is not None else None
        for p in placed:
            r, c = self.row + p.row, p.col + 1
            cell = self.ws.cell(row=r, column=c)
            if p.cell.value is not None and not header:
                cell.value = (
                    Decimal(p.cell.value) if isinstance(p.cell.value, Decimal) else (p.cell.value)
                )
                cell.number_format = number_format(p.cell)
            else:
                cell.value = p.cell.text or None
            bold = header or p.cell.bold or (row is not None and row.bold)
            if bold:
                cell.font = Font(bold=True)
            if header:
                cell.fill = HEADER_FILL
            indent = row.level if indented is not None and p.cell is row.cells[indented] else 0
            cell.alignment = Alignment(
                horizontal="center" if header else p.cell.align,
                vertical="center" if header else "top",
                wrap_text=header or len(p.cell.text) > 60,
                indent=indent,
            )
            if p.rowspan > 1 or p.colspan > 1:
                self.ws.merge_cells(
                    start_row=r,
                    start_column=c,
                    end_row=r + p.rowspan - 1,
                    end_column=c + p.colspan - 1,
                )
            if p.colspan == 1:
                longest = max((len(x) for x in p.cell.text.splitlines()), default=0)
                self.widths[c] = max(self.widths.get(c, 0), longest + indent * 2)
        if row is not None and row.level:
            self.ws.row_dimensions[self.row].outline_level = min(row.level, 7)
        self.row += len(rows)
        return width


class XlsxExporter:
    format = "xlsx"
    extension = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def render(self, document: m.Document) -> bytes:
        wb = Workbook()
        wb.remove(wb.active)
        tables = document.tables()
        for name, table in zip(sheet_names(document), tables, strict=True):
            _SheetWriter(wb.create_sheet(name), table).write()
        if not tables:
            ws = wb.create_sheet("Laporan")
            ws["A1"] = document.title
            ws["A2"] = "Laporan ini tidak memuat tabel."
        wb.properties.title = document.title
        wb.properties.creator = "Kinerja"
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()


register(XlsxExporter())
