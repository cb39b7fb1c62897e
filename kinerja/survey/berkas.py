"""Reading answer files: paper questionnaires typed into CSV or XLSX.

One row per respondent; columns ``U1`` … ``Un`` hold the answers (1–4, empty when not
answered), optional columns hold the profile (``jenis_kelamin``, ``usia``,
``pendidikan``, ``pekerjaan``, ``jenis_layanan``, ``saran``) and ``no``/``nomor`` is
ignored. Every problem is collected as a :class:`GalatBaris` (sheet, row, column, value,
reason, in Indonesian); :func:`baca_berkas` raises :class:`BerkasTidakSah` with all of
them, so nothing is half-read. No database access.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kinerja.rules.ikm import SKOR
from kinerja.survey.profil import KOLOM_PROFIL, baca_profil, teks

KOLOM_ABAIKAN = ("no", "nomor")
_KOLOM_U = re.compile(r"u([1-9][0-9]*)")
_ALASAN_JAWABAN = "jawaban harus 1, 2, 3 atau 4 (kosongkan bila tidak dijawab)"
TAMPIL_MAKSIMUM = 20


@dataclass(frozen=True)
class GalatBaris:
    lembar: str
    baris: int
    kolom: str
    nilai: str
    alasan: str

    def __str__(self) -> str:
        letak = f"{self.lembar}, baris {self.baris}"
        if self.kolom:
            letak += f", kolom {self.kolom}"
        isi = f": nilai '{self.nilai}' ditolak" if self.nilai else ""
        return f"{letak}{isi} — {self.alasan}"


class BerkasTidakSah(ValueError):
    """The file cannot be used; ``galat`` lists every problem. Nothing was written."""

    def __init__(self, galat: list[GalatBaris] | str) -> None:
        self.galat = [] if isinstance(galat, str) else list(galat)
        if isinstance(galat, str):
            pesan = galat
        else:
            baris = [str(g) for g in self.galat[:TAMPIL_MAKSIMUM]]
            sisa = len(self.galat) - TAMPIL_MAKSIMUM
            if sisa > 0:
                baris.append(f"… dan {sisa} kesalahan lain.")
            pesan = f"Berkas tidak dapat dipakai ({len(self.galat)} kesalahan):\n" + "\n".join(
                baris
            )
        super().__init__(pesan)


@dataclass
class BarisJawaban:
    """One respondent read from the file; ``baris`` is the row number in the sheet."""

    baris: int
    jawaban: tuple[int | None, ...]
    profil: dict = field(default_factory=dict)


def _kunci(judul: object) -> str:
    return re.sub(r"[\s\-]+", "_", teks(judul).lower())


def _jawaban(nilai: object) -> int | None:
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise ValueError
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    if isinstance(nilai, str) and nilai.strip().isdigit():
        nilai = int(nilai.strip())
    if isinstance(nilai, int) and nilai in SKOR:
        return nilai
    raise ValueError


def _baca_tabel(lembar: str, tabel: list[list[object]], jumlah_unsur: int | None):
    galat: list[GalatBaris] = []
    if not tabel:
        raise BerkasTidakSah(f"{lembar}: berkas kosong, tidak ada baris judul kolom.")
    judul = [_kunci(j) for j in tabel[0]]
    unsur: dict[int, int] = {}  # column index -> unsur number
    profil: dict[int, str] = {}
    for i, kunci in enumerate(judul):
        cocok = _KOLOM_U.fullmatch(kunci)
        if cocok:
            if int(cocok[1]) in unsur.values():
                galat.append(GalatBaris(lembar, 1, teks(tabel[0][i]), "", "kolom ganda"))
            unsur[i] = int(cocok[1])
        elif kunci in KOLOM_PROFIL:
            profil[i] = kunci
        elif kunci and kunci not in KOLOM_ABAIKAN:
            galat.append(
                GalatBaris(
                    lembar,
                    1,
                    teks(tabel[0][i]),
                    "",
                    "kolom tidak dikenal; kolom yang dipakai: U1…Un, "
                    + ", ".join(KOLOM_PROFIL + KOLOM_ABAIKAN),
                )
            )
    nomor = sorted(unsur.values())
    n = jumlah_unsur if jumlah_unsur is not None else len(nomor)
    if nomor != list(range(1, n + 1)):
        ada = f"U{nomor[0]}…U{nomor[-1]} ({len(nomor)} kolom)" if nomor else "tidak ada"
        galat.append(
            GalatBaris(
                lembar,
                1,
                "",
                "",
                f"kolom jawaban harus tepat U1…U{n} (kuesioner {n} unsur); yang ada: {ada}",
            )
        )
    if galat:
        raise BerkasTidakSah(galat)

    hasil: list[BarisJawaban] = []
    for nomor_baris, sel in enumerate(tabel[1:], start=2):
        sel = list(sel) + [None] * (len(judul) - len(sel))
        if all(teks(s) == "" for s in sel):
            continue
        jawaban: list[int | None] = [None] * n
        for i, u in unsur.items():
            try:
                jawaban[u - 1] = _jawaban(sel[i])
            except ValueError:
                galat.append(
                    GalatBaris(lembar, nomor_baris, f"U{u}", teks(sel[i]), _ALASAN_JAWABAN)
                )
        if all(j is None for j in jawaban) and unsur:
            galat.append(
                GalatBaris(lembar, nomor_baris, "", "", "tidak ada satu pun jawaban U1…Un")
            )
        bersih, salah = baca_profil({kunci: sel[i] for i, kunci in profil.items()})
        for kolom, alasan in salah.items():
            kolom_asli = "pekerjaan" if kolom == "pekerjaan_lainnya" else kolom
            nilai = next((sel[i] for i, k in profil.items() if k == kolom_asli), "")
            galat.append(GalatBaris(lembar, nomor_baris, kolom_asli, teks(nilai), alasan))
        hasil.append(BarisJawaban(nomor_baris, tuple(jawaban), bersih))
    if galat:
        raise BerkasTidakSah(galat)
    if not hasil:
        raise BerkasTidakSah(f"{lembar}: tidak ada baris jawaban di bawah judul kolom.")
    return hasil


def _isi(berkas) -> tuple[str, bytes]:
    if isinstance(berkas, str | Path):
        path = Path(berkas)
        try:
            return path.name, path.read_bytes()
        except FileNotFoundError:
            raise BerkasTidakSah(f"Berkas '{path}' tidak ditemukan.") from None
        except OSError as exc:
            raise BerkasTidakSah(
                f"Berkas '{path}' tidak dapat dibaca: {exc.strerror or exc}."
            ) from None
    data = berkas.read()
    return Path(getattr(berkas, "name", "") or "berkas").name, data


def _tabel_csv(nama: str, data: bytes) -> list[list[object]]:
    try:
        isi = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            isi = data.decode("cp1252")
        except UnicodeDecodeError:
            raise BerkasTidakSah(
                f"{nama}: bukan berkas teks CSV (simpan sebagai 'CSV UTF-8' atau XLSX)."
            ) from None
    if "\x00" in isi:
        raise BerkasTidakSah(f"{nama}: bukan berkas teks CSV (simpan sebagai 'CSV UTF-8').")
    pertama = isi.split("\n", 1)[0]
    pemisah = max((";", ",", "\t"), key=pertama.count)
    return [list(r) for r in csv.reader(io.StringIO(isi, newline=""), delimiter=pemisah)]


def _tabel_xlsx(nama: str, data: bytes) -> tuple[str, list[list[object]]]:
    from openpyxl import load_workbook

    try:
        buku = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BerkasTidakSah(f"{nama}: berkas XLSX tidak dapat dibuka ({exc}).") from None
    try:
        nama_lembar = {ws.title.lower(): ws.title for ws in buku.worksheets}
        lembar = buku[nama_lembar.get("jawaban", buku.worksheets[0].title)]
        tabel = [list(r) for r in lembar.iter_rows(values_only=True)]
        return f"Lembar '{lembar.title}'", tabel
    finally:
        buku.close()


def baca_berkas(berkas, jumlah_unsur: int | None = None) -> list[BarisJawaban]:
    """Read a CSV or XLSX answer file (path or uploaded file object).

    ``jumlah_unsur``: the questionnaire's number of unsur; the file must have exactly
    ``U1``…``Un``. XLSX: the sheet named "Jawaban", else the first sheet.
    """
    nama, data = _isi(berkas)
    if data[:4] == b"PK\x03\x04" or nama.lower().endswith((".xlsx", ".xlsm")):
        lembar, tabel = _tabel_xlsx(nama, data)
    else:
        lembar, tabel = f"Berkas '{nama}'", _tabel_csv(nama, data)
    return _baca_tabel(lembar, tabel, jumlah_unsur)
