"""Reading and writing the CSV tables that ``kinerja periksa`` checks (pure Python, no Django).

A table is copied from a report into a spreadsheet and saved as CSV: comma or semicolon
separated (decided by the header line), UTF-8 with or without BOM. Every problem that makes
a file unusable raises :class:`TabelError` with an Indonesian message for the user.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PEMISAH", "Tabel", "TabelError", "baca_tabel", "nama_kolom", "urai_tabel"]

BOM = "\ufeff"
#: Accepted column separators, in order of preference when the header does not decide.
PEMISAH = (",", ";")


class TabelError(ValueError):
    """The input cannot be used; ``str(exc)`` is an Indonesian message for the user."""


def nama_kolom(nama: str) -> str:
    """The name a header cell is matched by: whitespace stripped, case-insensitive."""
    return nama.replace(BOM, "").strip().casefold()


@dataclass
class Tabel:
    """A CSV table: ``header`` as spelled in the file, data ``baris`` and their row numbers.

    ``nomor[i]`` is the spreadsheet row number of ``baris[i]`` (the header is row 1).
    Every data row has exactly ``len(header)`` cells.
    """

    header: list[str]
    baris: list[list[str]] = field(default_factory=list)
    nomor: list[int] = field(default_factory=list)
    pemisah: str = ","
    bom: bool = False

    def indeks(self) -> dict[str, int]:
        """Column index by matching name (:func:`nama_kolom`); the first one wins."""
        hasil: dict[str, int] = {}
        for i, nama in enumerate(self.header):
            hasil.setdefault(nama_kolom(nama), i)
        return hasil

    def ke_csv(self) -> str:
        """The table as CSV text with the table's separator (LF line endings, no BOM)."""
        keluaran = io.StringIO()
        penulis = csv.writer(keluaran, delimiter=self.pemisah, lineterminator="\n")
        penulis.writerow(self.header)
        penulis.writerows(self.baris)
        return keluaran.getvalue()


def baca_tabel(path: str | Path) -> Tabel:
    """Read the CSV file at ``path``; :class:`TabelError` when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise TabelError(f"Berkas '{path}' tidak ditemukan.") from None
    except IsADirectoryError:
        raise TabelError(f"'{path}' adalah folder, bukan berkas CSV.") from None
    except PermissionError:
        raise TabelError(f"Berkas '{path}' tidak dapat dibuka: izin ditolak.") from None
    except OSError as exc:
        raise TabelError(f"Berkas '{path}' tidak dapat dibaca: {exc.strerror or exc}.") from None
    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TabelError(
            f"Berkas '{path}' bukan teks UTF-8 (byte tidak sah pada posisi {exc.start}). "
            'Simpan ulang tabel dari spreadsheet sebagai "CSV UTF-8".'
        ) from None
    return urai_tabel(teks, nama=str(path))


def _kosong(sel: list[str]) -> bool:
    return all(not s.strip() for s in sel)


def _pilih_pemisah(baris_header: str) -> str:
    """Decide the separator by the header line: the one that yields known column names."""
    dikenal = {"target", "anggaran", "realisasi"}
    skor = []
    for urutan, pemisah in enumerate(PEMISAH):
        sel = next(csv.reader([baris_header], delimiter=pemisah), [])
        cocok = len(dikenal & {nama_kolom(s) for s in sel})
        skor.append((cocok, len(sel), -urutan, pemisah))
    return max(skor)[3]


def urai_tabel(teks: str, *, nama: str = "tabel") -> Tabel:
    """Parse CSV ``teks`` (a leading BOM is allowed); ``nama`` names it in messages."""
    bom = teks.startswith(BOM)
    if bom:
        teks = teks[len(BOM) :]
    if not teks.strip():
        raise TabelError(f"Berkas '{nama}' kosong: tidak ada header maupun data.")
    baris_header = next(b for b in teks.splitlines() if b.strip())
    pemisah = _pilih_pemisah(baris_header)
    try:
        rekaman = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as exc:
        raise TabelError(f"Berkas '{nama}' tidak dapat dibaca sebagai CSV: {exc}.") from None

    tabel: Tabel | None = None
    for nomor, sel in enumerate(rekaman, start=1):
        if _kosong(sel):
            continue  # spacer rows (and blank lines before the header) are skipped
        if tabel is None:
            tabel = Tabel(header=sel, pemisah=pemisah, bom=bom)
            continue
        lebar = len(tabel.header)
        if len(sel) > lebar:
            if not _kosong(sel[lebar:]):
                raise TabelError(
                    f"Baris {nomor} berisi {len(sel)} kolom, sedangkan header {lebar} kolom. "
                    "Periksa pemisah kolom: angka berkoma harus diapit tanda kutip "
                    'jika pemisahnya koma (misalnya "84,73").'
                )
            sel = sel[:lebar]
        tabel.baris.append(sel + [""] * (lebar - len(sel)))
        tabel.nomor.append(nomor)
    if tabel is None:  # only separators and empty cells, e.g. ";"
        raise TabelError(f"Berkas '{nama}' kosong: tidak ada header maupun data.")
    return tabel
