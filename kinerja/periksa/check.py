"""The Inspektorat's reviu of a printed table: recompute every printed figure (pure Python).

A *capaian* table has ``target``, ``realisasi``, optional ``polaritas`` and the printed
``capaian``; a *budget* table has ``anggaran``, ``realisasi`` and the printed ``persen``.
Each row gets the computed value (``hitung``), the ``predikat`` (capaian tables), a verdict
(``hasil``) and an explanation (``keterangan``). Unusable input raises :class:`PeriksaError`
with an Indonesian message; nothing here imports Django.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from kinerja.rules import (
    PRESETS,
    Capaian,
    ParseError,
    Polaritas,
    RumusNegatif,
    SkalaPredikat,
    compute_capaian,
    compute_serapan,
    format_angka,
    get_preset,
    parse_angka,
    round_half_up,
    truncate,
)

from .table import Tabel, TabelError, baca_tabel, nama_kolom

__all__ = ["DESIMAL", "Hasil", "Laporan", "Opsi", "PeriksaError", "periksa_berkas", "periksa"]

#: Decimal styles: "koma" is Indonesian (1.234,56), "titik" is machine form (1234.56).
DESIMAL = ("koma", "titik")
SKALA_BAKU = "permendagri-86-2017"
TIDAK_TERCETAK = "tidak ada angka tercetak"
#: Printed "not applicable" marks that are not numbers (a dash, as for a zero pagu).
_TANDA_KOSONG = {"-", "–", "—"}


class PeriksaError(ValueError):
    """The input or the options cannot be used; ``str(exc)`` is an Indonesian message."""


class Hasil(StrEnum):
    """Verdict on one printed figure."""

    COCOK = "cocok"
    COCOK_DIPOTONG = "cocok-dipotong"
    SELISIH = "selisih"
    TIDAK_DIHITUNG = "tidak-dihitung"


@dataclass(frozen=True)
class Opsi:
    """Options of a check; validated by :func:`periksa` (they may come from anywhere)."""

    desimal: str = "koma"
    rumus_negatif: str = RumusNegatif.DUA_T_KURANG_R.value
    skala: str = SKALA_BAKU


@dataclass
class Laporan:
    """Result of a check: the output table (input columns plus the added ones) and verdicts."""

    tabel: Tabel
    jenis: str  # "capaian" or "anggaran"
    hasil: list[Hasil] = field(default_factory=list)

    def jumlah(self) -> Counter[Hasil]:
        return Counter(self.hasil)

    def ringkasan(self) -> str:
        """One-line Indonesian summary, e.g. "2 baris diperiksa: 2 cocok, 0 …"."""
        n = self.jumlah()
        rincian = ", ".join(f"{n[h]} {h.value}" for h in Hasil)
        return f"{len(self.hasil)} baris diperiksa: {rincian}."

    @property
    def kode_keluar(self) -> int:
        """0 when no row is ``selisih``, 1 when some are."""
        return 1 if self.jumlah()[Hasil.SELISIH] else 0


@dataclass(frozen=True)
class _Kolom:
    """Where the columns a check needs sit in the table (None: optional and absent)."""

    jenis: str
    dasar: int  # target or anggaran
    realisasi: int
    tercetak: int | None  # capaian or persen
    polaritas: int | None = None


def _cari_kolom(tabel: Tabel) -> _Kolom:
    indeks = tabel.indeks()
    if "anggaran" in indeks:
        jenis, dasar, tercetak = "anggaran", "anggaran", "persen"
    elif "target" in indeks:
        jenis, dasar, tercetak = "capaian", "target", "capaian"
    else:
        raise PeriksaError(
            "Header tabel tidak berisi kolom 'target' (tabel capaian) maupun 'anggaran' "
            f"(tabel realisasi anggaran). Header yang terbaca: {', '.join(tabel.header)}."
        )
    if "realisasi" not in indeks:
        raise PeriksaError(
            f"Tabel {jenis} wajib memiliki kolom 'realisasi', tetapi kolom itu tidak ada. "
            f"Header yang terbaca: {', '.join(tabel.header)}."
        )
    polaritas = indeks.get("polaritas") if jenis == "capaian" else None
    for nama in (dasar, "realisasi", tercetak, "polaritas"):
        kembar = [h.strip() for h in tabel.header if nama_kolom(h) == nama]
        if len(kembar) > 1:
            raise PeriksaError(
                f"Kolom '{kembar[0]}' muncul {len(kembar)} kali di header; "
                "sisakan satu agar jelas angka mana yang diperiksa."
            )
    return _Kolom(jenis, indeks[dasar], indeks["realisasi"], indeks.get(tercetak), polaritas)


def _validasi(opsi: Opsi) -> tuple[RumusNegatif, SkalaPredikat]:
    if opsi.desimal not in DESIMAL:
        raise PeriksaError(f"Gaya desimal '{opsi.desimal}' tidak dikenal; pilihan: koma, titik.")
    try:
        rumus = RumusNegatif(opsi.rumus_negatif)
    except ValueError:
        pilihan = ", ".join(r.value for r in RumusNegatif)
        raise PeriksaError(
            f"Rumus polaritas negatif '{opsi.rumus_negatif}' tidak dikenal; pilihan: {pilihan}."
        ) from None
    if opsi.skala not in PRESETS:
        pilihan = ", ".join(sorted(PRESETS))
        raise PeriksaError(f"Skala predikat '{opsi.skala}' tidak dikenal; pilihan: {pilihan}.")
    return rumus, get_preset(opsi.skala)


def _bersih(teks: str) -> str:
    """Printed text without surrounding spaces (also non-breaking ones)."""
    return teks.replace("\xa0", " ").strip()


def _urai(teks: str, desimal: str) -> Decimal:
    if desimal == "titik" and teks.endswith("%"):  # the machine form has no "%"; koma strips it
        teks = teks[:-1].rstrip()
    return parse_angka(teks, desimal=desimal)


def _angka(teks: str, desimal: str, baris: int, kolom: str) -> Decimal:
    """Parse a number cell, or :class:`PeriksaError` naming the row, column and value."""
    try:
        return _urai(teks, desimal)
    except ParseError as exc:
        pesan = f"Baris {baris}, kolom {kolom}: {str(exc).rstrip('.')}."
    lain = "titik" if desimal == "koma" else "koma"
    try:
        _urai(teks, lain)
    except ParseError:
        raise PeriksaError(pesan) from None
    raise PeriksaError(f"{pesan} Coba --desimal {lain}?")


def _jumlah_desimal(teks: str, desimal: str) -> int:
    """Decimals as printed: "105,8" → 1, "100" → 0, "93,75%" → 2 (in koma style)."""
    pemisah = "," if desimal == "koma" else "."
    inti = teks.replace("%", "").replace("Rp", "").replace(" ", "").strip()
    return len(inti.rsplit(pemisah, 1)[1]) if pemisah in inti else 0


def _nilai(teks: str, desimal: str, baris: int, kolom: str) -> Decimal | None:
    """An input figure (target, realisasi, anggaran): empty means missing (None)."""
    teks = _bersih(teks)
    return _angka(teks, desimal, baris, kolom) if teks else None


def _polaritas(teks: str, baris: int, kolom: str) -> Polaritas:
    teks = _bersih(teks).casefold()
    if not teks:
        return Polaritas.POSITIF
    try:
        return Polaritas(teks)
    except ValueError:
        raise PeriksaError(
            f"Baris {baris}, kolom {kolom}: polaritas '{teks}' tidak dikenal; isi 'positif' "
            "atau 'negatif' (kosong berarti positif)."
        ) from None


def _nilai_hasil(
    capaian: Capaian, tercetak: str, desimal: str, baris: int, kolom: str
) -> tuple[Hasil, str]:
    """Compare the computed ``capaian`` with the ``tercetak`` (printed) text."""
    teks = _bersih(tercetak)
    benar = format_angka(capaian.value, 2) if capaian.applicable else None
    if not teks:
        alasan = "" if capaian.applicable else f"; {capaian.reason}"
        return Hasil.TIDAK_DIHITUNG, TIDAK_TERCETAK + alasan
    if teks.startswith("#") or teks in _TANDA_KOSONG:  # #DIV/0!, #N/A, #VALUE!, … or "–"
        if benar is None:
            return Hasil.TIDAK_DIHITUNG, f"tercetak {teks}, tidak dapat dihitung: {capaian.reason}"
        return Hasil.SELISIH, f"tercetak {teks}, seharusnya {benar}"
    angka = _angka(teks, desimal, baris, kolom)
    if not capaian.applicable:
        return (
            Hasil.TIDAK_DIHITUNG,
            f"tercetak {teks}, tetapi tidak dapat dihitung: {capaian.reason}",
        )
    tempat = _jumlah_desimal(teks, desimal)
    if round_half_up(capaian.value, tempat) == angka:
        return Hasil.COCOK, ""
    if truncate(capaian.value, tempat) == angka:
        dibulatkan = format_angka(round_half_up(capaian.value, tempat), tempat)
        return Hasil.COCOK_DIPOTONG, f"angka dipotong, bukan dibulatkan (dibulatkan: {dibulatkan})"
    return Hasil.SELISIH, f"tercetak {teks}, seharusnya {benar}"


def _tulis_angka(capaian: Capaian, desimal: str) -> str:
    if not capaian.applicable:
        return ""
    if desimal == "koma":
        return format_angka(capaian.value, 2)
    return format(round_half_up(capaian.value, 2), "f")


def periksa(tabel: Tabel, opsi: Opsi | None = None) -> Laporan:
    """Check every printed figure of ``tabel``; :class:`PeriksaError` on unusable input."""
    opsi = opsi or Opsi()
    rumus, skala = _validasi(opsi)
    kolom = _cari_kolom(tabel)
    nama = tabel.header
    tambahan = [
        "hitung",
        *(["predikat"] if kolom.jenis == "capaian" else []),
        "hasil",
        "keterangan",
    ]
    keluaran = Tabel(header=[*nama, *tambahan], pemisah=tabel.pemisah, bom=tabel.bom)
    laporan = Laporan(tabel=keluaran, jenis=kolom.jenis)
    for sel, baris in zip(tabel.baris, tabel.nomor, strict=True):
        dasar = _nilai(sel[kolom.dasar], opsi.desimal, baris, nama[kolom.dasar].strip())
        realisasi = _nilai(sel[kolom.realisasi], opsi.desimal, baris, nama[kolom.realisasi].strip())
        if kolom.jenis == "anggaran":
            capaian = compute_serapan(dasar, realisasi)
        else:
            polaritas = Polaritas.POSITIF
            if kolom.polaritas is not None:
                polaritas = _polaritas(sel[kolom.polaritas], baris, nama[kolom.polaritas].strip())
            capaian = compute_capaian(dasar, realisasi, polaritas=polaritas, rumus_negatif=rumus)
        tercetak = "" if kolom.tercetak is None else sel[kolom.tercetak]
        nama_tercetak = "" if kolom.tercetak is None else nama[kolom.tercetak].strip()
        hasil, keterangan = _nilai_hasil(capaian, tercetak, opsi.desimal, baris, nama_tercetak)
        tambah = [_tulis_angka(capaian, opsi.desimal)]
        if kolom.jenis == "capaian":
            tambah.append(skala.classify(capaian) or "")
        keluaran.baris.append([*sel, *tambah, hasil.value, keterangan])
        keluaran.nomor.append(baris)
        laporan.hasil.append(hasil)
    return laporan


def periksa_berkas(path: str | Path, opsi: Opsi | None = None) -> Laporan:
    """Read the CSV file at ``path`` and check it (see :func:`periksa`)."""
    _validasi(opsi or Opsi())  # option errors first: they do not depend on the file
    try:
        tabel = baca_tabel(path)
    except TabelError as exc:
        raise PeriksaError(str(exc)) from None
    return periksa(tabel, opsi)
