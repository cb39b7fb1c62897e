"""The one writer of formatted sheets (XLSX and CSV) and the one reader of workbook cells.

Writing: a :class:`Lembar` (columns with a kind, rows of real values) becomes a worksheet
with real numeric cells, explicit number formats (``#,##0.00``: Excel shows them with the
reader's locale, so ``1.234,56`` on an Indonesian system), codes kept as text (``@``), a
frozen header, row outline levels for trees and column widths that fit; or CSV text with a
UTF-8 BOM, comma or semicolon separated.

Reading: :class:`Buku` opens an uploaded workbook (never a traceback: an unreadable file is
:class:`BukuError`), :func:`baca_lembar` finds the header row, and :class:`Baris` turns cells
into text and :class:`~decimal.Decimal` numbers, each problem a :class:`Masalah` with sheet,
row, column, value and an Indonesian reason.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kinerja.rules import ParseError, clean_text, format_angka, parse_angka, round_half_up

FORMAT = {
    "teks": "General",
    "kode": "@",
    "angka": "#,##0.00",
    "rupiah": "#,##0.00",
    "persen": "#,##0.00",
    "bulat": "#,##0",
}
ANGKA = frozenset({"angka", "rupiah", "persen", "bulat"})
LEBAR_MAKS = 60
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
BOM = "\ufeff"


@dataclass(frozen=True)
class Kolom:
    judul: str
    jenis: str = "teks"  # a key of FORMAT
    lebar: float | None = None  # fixed width in characters; None: fit the content


@dataclass
class Lembar:
    """One sheet to write: columns, rows of values (Decimal, int, str or None), outline."""

    nama: str
    kolom: list[Kolom]
    baris: list[list[object]] = field(default_factory=list)
    level: list[int] = field(default_factory=list)  # outline level per row, 0 = top
    tebal: list[bool] = field(default_factory=list)

    def tambah(self, nilai: list[object], level: int = 0, tebal: bool = False) -> None:
        self.baris.append(nilai)
        self.level.append(level)
        self.tebal.append(tebal)


def nilai_sel(nilai: object, jenis: str) -> object:
    """The value written: percentages rounded half-up to 2 decimals as shown, others exact;
    a text as XLSX can hold it (a line break pasted from Word would fail the workbook)."""
    if jenis == "persen" and isinstance(nilai, Decimal):
        return round_half_up(nilai, 2)
    if isinstance(nilai, str):
        return clean_text(nilai)
    return nilai


def _lebar_teks(nilai: object, jenis: str) -> int:
    if nilai is None:
        return 0
    if isinstance(nilai, str) and nilai.startswith("="):
        return 14  # a formula: its result is a number
    if jenis in ANGKA and isinstance(nilai, Decimal | int):
        return len(format_angka(Decimal(nilai), 0 if jenis == "bulat" else 2))
    return max((len(part) for part in str(nilai).splitlines()), default=0)


def lebar_kolom(ws, lebar: dict[int, float]) -> None:
    """Set column widths (characters) with a little room, capped at :data:`LEBAR_MAKS`."""
    for col, chars in lebar.items():
        ws.column_dimensions[get_column_letter(col)].width = min(max(chars + 2, 6), LEBAR_MAKS)


def tulis_lembar(wb: Workbook, lembar: Lembar):
    """Write ``lembar`` as a new worksheet of ``wb`` (header in row 1, data from row 2)."""
    ws = wb.create_sheet(lembar.nama[:31])
    bold = Font(bold=True)
    lebar = {i: float(len(k.judul)) for i, k in enumerate(lembar.kolom, start=1)}
    for i, kolom in enumerate(lembar.kolom, start=1):
        cell = ws.cell(row=1, column=i, value=kolom.judul)
        cell.font, cell.fill = bold, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    bungkus = Alignment(wrap_text=True, vertical="top")
    for r, nilai in enumerate(lembar.baris, start=2):
        tebal = lembar.tebal[r - 2] if r - 2 < len(lembar.tebal) else False
        for i, (kolom, v) in enumerate(zip(lembar.kolom, nilai, strict=False), start=1):
            v = nilai_sel(v, kolom.jenis)
            if kolom.jenis == "kode" and v is not None:
                v = str(v)
            cell = ws.cell(row=r, column=i, value=v)
            cell.number_format = FORMAT[kolom.jenis]
            if tebal:
                cell.font = bold
            panjang = _lebar_teks(v, kolom.jenis)
            if panjang > LEBAR_MAKS:
                cell.alignment = bungkus
            lebar[i] = max(lebar[i], panjang)
        level = lembar.level[r - 2] if r - 2 < len(lembar.level) else 0
        if level:
            ws.row_dimensions[r].outline_level = min(level, 7)
    for i, kolom in enumerate(lembar.kolom, start=1):
        if kolom.lebar:
            lebar[i] = kolom.lebar
    lebar_kolom(ws, lebar)
    ws.freeze_panes = "A2"
    ws.sheet_properties.outlinePr.summaryBelow = False  # parents above their children
    return ws


def buku_xlsx(lembar: list[Lembar]) -> bytes:
    """A workbook of the given sheets, as XLSX bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    for item in lembar:
        tulis_lembar(wb, item)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def angka_csv(nilai: Decimal, jenis: str) -> str:
    """A number as CSV text: a percentage or an amount of rupiah with the 2 decimals it is
    shown with (``62.50``, ``4094740600.00``), any other to the 4 decimals data are kept
    with (a realisasi computed from capaian has endless ones) without trailing zeros:
    ``80.1``, ``100``, ``92.8571``."""
    if jenis in ("persen", "rupiah"):
        return format(round_half_up(nilai, 2), "f")
    teks = format(round_half_up(nilai, 4), "f")
    return teks.rstrip("0").rstrip(".") if "." in teks else teks


def ke_csv(lembar: Lembar, pemisah: str = ",") -> str:
    """CSV text with a BOM. With ``;`` decimals are written with a comma (Excel in Indonesian
    opens it directly); with ``,`` in machine form (``1234.56``). No thousands separator."""
    out = io.StringIO()
    out.write(BOM)
    penulis = csv.writer(out, delimiter=pemisah, lineterminator="\r\n")
    penulis.writerow([k.judul for k in lembar.kolom])
    for nilai in lembar.baris:
        sel = []
        for kolom, v in zip(lembar.kolom, nilai, strict=False):
            v = nilai_sel(v, kolom.jenis)
            if isinstance(v, Decimal | int) and not isinstance(v, bool):
                teks = angka_csv(Decimal(v), kolom.jenis)
                sel.append(teks.replace(".", ",") if pemisah == ";" else teks)
            else:
                sel.append("" if v is None else str(v))
        penulis.writerow(sel)
    return out.getvalue()


# --- reading -------------------------------------------------------------------------------


class BukuError(ValueError):
    """The file is not a workbook that can be read; the message is Indonesian."""


@dataclass(frozen=True)
class Masalah:
    lembar: str
    baris: int
    kolom: str
    nilai: str
    alasan: str

    def __str__(self) -> str:
        letak = f"lembar {self.lembar}" if self.lembar else "berkas"
        if self.baris:
            letak += f", baris {self.baris}"
        if self.kolom:
            letak += f", kolom {self.kolom}"
        nilai = f" (nilai: '{self.nilai}')" if self.nilai else ""
        return f"{letak}: {self.alasan}{nilai}"


class SelError(ValueError):
    """One cell cannot be read; carries the Indonesian reason."""


SIMPAN_XLSX = "Simpan sebagai 'Excel Workbook (*.xlsx)' atau 'CSV UTF-8', lalu unggah lagi."
#: Files often uploaded by mistake, named by their first bytes: an old Excel 97–2003 file
#: (still common in offices) gets told how to convert, not a decoding error.
BUKAN_TABEL = (
    (b"\xd0\xcf\x11\xe0", "berformat lama Excel 97–2003 (.xls) yang tidak dibaca Kinerja"),
    (b"%PDF", "adalah PDF, bukan tabel"),
)


class Buku:
    """An uploaded workbook: cached values, plus which cells hold formulas."""

    def __init__(self, data: bytes, nama: str = "berkas") -> None:
        self.nama = nama
        for magic, jenis in BUKAN_TABEL:
            if data.startswith(magic):
                raise BukuError(f"Berkas '{nama}' {jenis}. {SIMPAN_XLSX}")
        if not data.startswith(b"PK"):  # not a zip: a CSV table (SIPD exports come as CSV too)
            self.nilai = self._rumus = _buku_csv(data, nama)
            return
        try:
            self.nilai = load_workbook(io.BytesIO(data), data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged or foreign file
            raise BukuError(
                f"Berkas '{nama}' tidak dapat dibaca sebagai buku kerja Excel (.xlsx): "
                f"{type(exc).__name__}. Simpan ulang dari Excel sebagai 'Excel Workbook (*.xlsx)'."
            ) from None

        self._data = data
        self._rumus = None

    @property
    def rumus(self) -> Workbook:
        """The same workbook with formulas instead of cached values (loaded when needed)."""
        if self._rumus is None:
            self._rumus = load_workbook(io.BytesIO(self._data), data_only=False)
        return self._rumus

    @property
    def lembar(self) -> list[str]:
        return list(self.nilai.sheetnames)

    def rumus_tanpa_nilai(self, lembar: str, baris: int, kolom: int) -> bool:
        v = self.rumus[lembar].cell(row=baris, column=kolom).value
        return isinstance(v, str) and v.startswith("=")


def _buku_csv(data: bytes, nama: str) -> Workbook:
    """A CSV table (UTF-8, with or without BOM, comma or semicolon) as a one-sheet workbook
    of text cells, read by the same code as ``kinerja periksa``."""
    from kinerja.periksa.table import TabelError, urai_tabel

    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BukuError(
            f"Berkas '{nama}' bukan .xlsx dan bukan teks UTF-8 (byte tidak sah pada posisi "
            f"{exc.start}). {SIMPAN_XLSX}"
        ) from None
    if ILLEGAL_CHARACTERS_RE.search(teks):  # control characters: a binary file
        raise BukuError(f"Berkas '{nama}' bukan .xlsx maupun tabel CSV (berisi karakter kendali).")
    try:
        tabel = urai_tabel(teks, nama=nama)
    except TabelError as exc:
        raise BukuError(str(exc)) from None
    wb = Workbook()
    ws = wb.active
    ws.title = Path(nama).stem[:31] or "CSV"
    ws.append(tabel.header)
    for row in tabel.baris:
        ws.append([cell if cell.strip() else None for cell in row])
    return wb


def nama_kolom(teks: object) -> str:
    return " ".join(str(teks or "").replace(BOM, "").split()).casefold()


def sel_angka(v: object) -> Decimal | None:
    """A cell as a number: numbers as they are, text through ``parse_angka`` (Indonesian)."""
    if v is None:
        return None
    if isinstance(v, bool):
        raise SelError("berisi nilai benar/salah, bukan angka")
    if isinstance(v, datetime | date | time):
        raise SelError("berisi tanggal/waktu, bukan angka (format sel diubah Excel?)")
    if isinstance(v, int | float | Decimal):
        if isinstance(v, float) and not math.isfinite(v):
            raise SelError("bukan angka yang terhingga")
        try:
            hasil = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
        except InvalidOperation:
            raise SelError("bukan angka yang sah") from None
        if not hasil.is_finite():
            raise SelError("bukan angka yang terhingga")
        return hasil
    teks = str(v).replace("\xa0", " ").strip()
    if not teks:
        return None
    if teks.startswith("#"):
        raise SelError(f"berisi galat Excel {teks}, bukan angka")
    try:
        return parse_angka(teks)
    except ParseError as exc:
        raise SelError(f"teks di sel angka: {str(exc).rstrip('.')}") from None


def sel_teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time(0) else v.isoformat()
    return str(v).strip()


@dataclass
class Baris:
    """One data row of a sheet, read by column name; problems go to ``masalah``."""

    lembar: str
    nomor: int
    sel: dict[str, object]
    kolom: dict[str, int]  # column name → 1-based index
    judul: dict[str, str]  # column name → header as written
    masalah: list[Masalah]
    buku: Buku | None = None

    def letak(self, nama: str) -> str:
        if nama not in self.kolom:
            return nama
        return f"{get_column_letter(self.kolom[nama])} ({self.judul[nama]})"

    def galat(self, nama: str, alasan: str, nilai: object = None) -> None:
        if nilai is None:
            nilai = self.sel.get(nama)
        self.masalah.append(
            Masalah(self.lembar, self.nomor, self.letak(nama), sel_teks(nilai), alasan)
        )

    def teks(self, nama: str) -> str:
        return sel_teks(self.sel.get(nama))

    def angka(self, nama: str) -> Decimal | None:
        v = self.sel.get(nama)
        if (
            v is None
            and self.buku is not None
            and nama in self.kolom
            and self.buku.rumus_tanpa_nilai(self.lembar, self.nomor, self.kolom[nama])
        ):
            self.galat(nama, "rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel")
            raise SelError("rumus")
        try:
            return sel_angka(v)
        except SelError as exc:
            self.galat(nama, str(exc))
            raise

    def kosong(self) -> bool:
        return all(sel_teks(v) == "" for v in self.sel.values())


def baca_lembar(
    buku: Buku, lembar: str, wajib: tuple[str, ...], masalah: list[Masalah]
) -> list[Baris] | None:
    """The data rows of ``lembar`` below its header (found in the first 10 rows by the
    ``wajib`` column names); empty rows skipped. None (and a problem) if there is no header."""
    ws = buku.nilai[lembar]
    rows = ws.iter_rows(values_only=True)
    kolom: dict[str, int] = {}
    judul: dict[str, str] = {}
    header = 0
    for nomor, nilai in enumerate(rows, start=1):
        if nomor > 10:
            break
        nama = [nama_kolom(v) for v in nilai]
        if all(w in nama for w in wajib):
            header = nomor
            for i, n in enumerate(nama, start=1):
                if n and n not in kolom:
                    kolom[n], judul[n] = i, sel_teks(nilai[i - 1])
            break
    if not header:
        masalah.append(
            Masalah(
                lembar, 0, "", "", f"baris judul dengan kolom {', '.join(wajib)} tidak ditemukan"
            )
        )
        return None
    hasil = []
    for nomor, nilai in enumerate(ws.iter_rows(min_row=header + 1, values_only=True), header + 1):
        sel = {n: (nilai[i - 1] if i - 1 < len(nilai) else None) for n, i in kolom.items()}
        baris = Baris(lembar, nomor, sel, kolom, judul, masalah, buku)
        if not baris.kosong():
            hasil.append(baris)
    return hasil
