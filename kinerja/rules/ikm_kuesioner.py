"""IKM questionnaires as data: unsur with exact weights, and the mutu bands.

Part of :mod:`kinerja.rules.ikm` (import from there). Weights are
:class:`~fractions.Fraction` (1/9 exactly); bands are Decimal bounds on the IKM scale
(25–100), classified after rounding half-up to 2 decimals.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, localcontext
from fractions import Fraction

from .numbers import KONTEKS, to_decimal

__all__ = [
    "KONVERSI",
    "SKOR",
    "JawabanTidakSah",
    "Kuesioner",
    "PitaMutu",
    "Unsur",
    "bulat_setengah_atas",
    "ke_decimal",
]

#: The answer scores (nilai persepsi) and the factor that turns NRR into IKM (4 × 25 = 100).
SKOR = (1, 2, 3, 4)
KONVERSI = 25
_SEPERSERATUS = Decimal("0.01")


class JawabanTidakSah(ValueError):
    """An answer outside 1–4 (or a row of the wrong length); the message is Indonesian."""


def ke_decimal(nilai: Fraction) -> Decimal:
    """An exact fraction as a Decimal of 40 significant digits (for display and storage)."""
    with localcontext(KONTEKS):
        return Decimal(nilai.numerator) / Decimal(nilai.denominator)


def bulat_setengah_atas(nilai: Fraction, places: int = 2) -> Decimal:
    """Round an exact fraction half-up (away from zero) to ``places`` decimals.

    >>> bulat_setengah_atas(Fraction(176543, 2000)), bulat_setengah_atas(Fraction(-1, 200))
    (Decimal('88.27'), Decimal('-0.01'))
    """
    skala = 10**places
    besar = abs(nilai) * skala
    n = int(besar + Fraction(1, 2))  # floor for non-negative values
    hasil = Decimal(-n if nilai < 0 else n).scaleb(-places)
    return hasil.copy_abs() if n == 0 else hasil


def _pecahan(nilai) -> Fraction:
    if isinstance(nilai, Fraction):
        return nilai
    if isinstance(nilai, float | bool):
        raise TypeError(f"bobot {nilai!r} harus Fraction, Decimal, int atau teks seperti '1/9'")
    if isinstance(nilai, Decimal | int):
        return Fraction(nilai)
    if isinstance(nilai, str):
        try:
            return Fraction(nilai.strip())
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"bobot '{nilai}' bukan pecahan (contoh: 1/9 atau 0.25)") from None
    raise TypeError(f"bobot bertipe {type(nilai).__name__} tidak dikenal")


@dataclass(frozen=True)
class Unsur:
    """One unsur: ``kode`` (U1…), name, the question and the four answers (score 1…4).

    ``bobot`` ``None`` means the equal weight 1/N, filled in by :class:`Kuesioner`.
    """

    kode: str
    nama: str
    pertanyaan: str = ""
    pilihan: tuple[str, str, str, str] = ("Tidak baik", "Kurang baik", "Baik", "Sangat baik")
    bobot: Fraction | None = None

    def __post_init__(self) -> None:
        if not self.kode.strip() or not self.nama.strip():
            raise ValueError("kode dan nama unsur wajib diisi")
        if len(tuple(self.pilihan)) != len(SKOR):
            raise ValueError(f"unsur {self.kode}: pilihan jawaban harus tepat 4")
        object.__setattr__(self, "pilihan", tuple(self.pilihan))
        if self.bobot is not None:
            object.__setattr__(self, "bobot", _pecahan(self.bobot))


@dataclass(frozen=True)
class PitaMutu:
    """A band of the IKM scale: ``bawah``–``atas`` (IKM, 25–100), mutu letter and label.

    ``interval_bawah``/``interval_atas`` are the same band on the 1–4 scale, for display.
    """

    mutu: str
    kinerja: str
    bawah: Decimal
    atas: Decimal
    interval_bawah: Decimal | None = None
    interval_atas: Decimal | None = None

    def __post_init__(self) -> None:
        for name in ("bawah", "atas", "interval_bawah", "interval_atas"):
            object.__setattr__(self, name, to_decimal(getattr(self, name)))
        if self.bawah is None or self.atas is None or self.atas < self.bawah:
            raise ValueError(f"pita mutu {self.mutu}: batas bawah/atas tidak sah")


@dataclass(frozen=True)
class Kuesioner:
    """A questionnaire: unsur (with exact weights summing to 1) and the mutu bands.

    Bands are given lowest first and must cover 25,00–100,00 without gap or overlap at
    0,01 resolution, so that every rounded IKM has exactly one band.
    """

    key: str
    nama: str
    unsur: tuple[Unsur, ...]
    pita: tuple[PitaMutu, ...]
    sumber: str = ""

    def __post_init__(self) -> None:
        unsur = tuple(self.unsur)
        if not unsur:
            raise ValueError(f"kuesioner '{self.key}' tidak memiliki unsur")
        kode = [u.kode for u in unsur]
        if len(set(kode)) != len(kode):
            raise ValueError(f"kuesioner '{self.key}': kode unsur ganda")
        sama = Fraction(1, len(unsur))
        unsur = tuple(u if u.bobot is not None else replace(u, bobot=sama) for u in unsur)
        if any(u.bobot <= 0 for u in unsur):
            raise ValueError(f"kuesioner '{self.key}': bobot unsur harus lebih dari nol")
        total = sum((u.bobot for u in unsur), Fraction(0))
        if total != 1:
            raise ValueError(
                f"kuesioner '{self.key}': jumlah bobot unsur harus tepat 1, bukan {total}"
            )
        object.__setattr__(self, "unsur", unsur)
        pita = tuple(self.pita)
        object.__setattr__(self, "pita", pita)
        if not pita or pita[0].bawah != 25 or pita[-1].atas != 100:
            raise ValueError(f"kuesioner '{self.key}': pita mutu harus mencakup 25,00–100,00")
        for lo, hi in zip(pita, pita[1:], strict=False):
            if hi.bawah != lo.atas + _SEPERSERATUS:
                raise ValueError(
                    f"kuesioner '{self.key}': pita {hi.mutu} harus mulai tepat 0,01 di atas "
                    f"pita {lo.mutu} (tanpa celah atau tumpang tindih)"
                )

    def klasifikasi(self, ikm: Decimal | Fraction) -> PitaMutu:
        """The band of ``ikm`` after rounding half-up to 2 decimals."""
        nilai = bulat_setengah_atas(Fraction(ikm))
        for pita in self.pita:
            if pita.bawah <= nilai <= pita.atas:
                return pita
        raise ValueError(f"IKM {nilai} di luar rentang 25,00–100,00")

    def ke_data(self) -> dict:
        """A JSON-ready snapshot (weights as exact fractions in text, bounds as text)."""
        return {
            "key": self.key,
            "nama": self.nama,
            "sumber": self.sumber,
            "unsur": [
                {
                    "kode": u.kode,
                    "nama": u.nama,
                    "pertanyaan": u.pertanyaan,
                    "pilihan": list(u.pilihan),
                    "bobot": str(u.bobot),
                }
                for u in self.unsur
            ],
            "pita": [
                {
                    "mutu": p.mutu,
                    "kinerja": p.kinerja,
                    "bawah": str(p.bawah),
                    "atas": str(p.atas),
                    "interval_bawah": None if p.interval_bawah is None else str(p.interval_bawah),
                    "interval_atas": None if p.interval_atas is None else str(p.interval_atas),
                }
                for p in self.pita
            ],
        }

    @classmethod
    def dari_data(cls, data: dict) -> Kuesioner:
        """The inverse of :meth:`ke_data`."""
        return cls(
            key=data["key"],
            nama=data["nama"],
            sumber=data.get("sumber", ""),
            unsur=tuple(
                Unsur(
                    u["kode"], u["nama"], u.get("pertanyaan", ""), tuple(u["pilihan"]), u["bobot"]
                )
                for u in data["unsur"]
            ),
            pita=tuple(PitaMutu(**p) for p in data["pita"]),
        )
