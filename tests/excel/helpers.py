"""Workbooks built for the tests: the sample's Tabel III laid out as a SIPD export."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from kinerja.rules import parse_angka
from kinerja.sample.loader import SAMPLE_DIR

TABEL_III = SAMPLE_DIR / "tabel_iii.csv"
LEVELS = ("total", "program", "kegiatan", "sub_kegiatan", "belanja")


def tabel_iii_rows() -> list[dict[str, str]]:
    with open(TABEL_III, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def sipd_xlsx(rows: list[dict[str, str]] | None = None) -> bytes:
    """Tabel III as SIPD exports it: kode (text), uraian indented by level, anggaran and
    realisasi as numbers, persen as a number with two decimals (or #DIV/0! as printed)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi Anggaran"
    ws.append(["LAPORAN REALISASI ANGGARAN KECAMATAN TOWUTI 2024"])
    ws.append([])
    ws.append(["Kode", "Uraian", "Anggaran", "Realisasi", "Persen"])
    for row in rows if rows is not None else tabel_iii_rows():
        values = [row["kode"], row["uraian"]]
        for key in ("anggaran", "realisasi"):
            values.append(parse_angka(row[key]) if row[key] else None)
        persen = row["persen"]
        values.append(parse_angka(persen) if persen and not persen.startswith("#") else persen)
        ws.append(values)
        r = ws.max_row
        ws.cell(r, 1).number_format = "@"
        ws.cell(r, 2).alignment = Alignment(indent=LEVELS.index(row["level"]))
        for col in (3, 4):
            ws.cell(r, col).number_format = "#,##0.00"
        ws.cell(r, 5).number_format = "0.00"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def edit(data: bytes, sheet: str, changes: dict[tuple[int, str], object]) -> bytes:
    """The workbook with cells changed: {(row, header): value}."""
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    headers = {c.value: c.column for c in ws[1]}
    for (row, header), value in changes.items():
        ws.cell(row=row, column=headers[header]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def find_row(data: bytes, sheet: str, **match) -> int:
    """The first row of ``sheet`` whose cells equal ``match`` ({header: value})."""
    ws = load_workbook(io.BytesIO(data))[sheet]
    headers = {c.value: c.column - 1 for c in ws[1]}
    for r, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if all(values[headers[h.replace("_", " ")]] == v for h, v in match.items()):
            return r
    raise LookupError(match)


def cell(data: bytes, sheet: str, row: int, header: str):
    ws = load_workbook(io.BytesIO(data))[sheet]
    headers = {c.value: c.column for c in ws[1]}
    return ws.cell(row=row, column=headers[header]).value
