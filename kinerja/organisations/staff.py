"""Staff composition tables with their totals computed (never typed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja.organisations.models import JumlahPegawai

GENDERS = ("L", "P")


@dataclass
class StaffTable:
    """A table of counts: rows × columns × gender, blank cells kept as None."""

    tabel: str
    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: dict[tuple[str, str, str], int | None] = field(default_factory=dict)

    def cell(self, row: str, column: str, gender: str) -> int | None:
        return self.cells.get((row, column, gender))

    def row_total(self, row: str, gender: str) -> int:
        return sum(self.cell(row, c, gender) or 0 for c in self.columns)

    def column_total(self, column: str, gender: str) -> int:
        return sum(self.cell(r, column, gender) or 0 for r in self.rows)

    def total(self, gender: str | None = None) -> int:
        genders = GENDERS if gender is None else (gender,)
        return sum(self.row_total(r, g) for r in self.rows for g in genders)


def staff_table(perangkat_id: int, tahun: int, tabel: str) -> StaffTable:
    table = StaffTable(tabel=tabel)
    cells = JumlahPegawai.objects.filter(perangkat_id=perangkat_id, tahun=tahun, tabel=tabel)
    rows: dict[str, int] = {}
    columns: dict[str, int] = {}
    for c in cells.order_by("urutan_baris", "urutan_kolom"):
        rows.setdefault(c.baris, c.urutan_baris)
        columns.setdefault(c.kolom, c.urutan_kolom)
        table.cells[(c.baris, c.kolom, c.jenis_kelamin)] = c.jumlah
    table.rows = sorted(rows, key=rows.get)
    table.columns = sorted(columns, key=columns.get)
    return table
