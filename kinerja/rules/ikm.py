"""IKM / SKM: the public satisfaction index (PermenPANRB 14/2017), computed exactly.

Respondents score every *unsur* from 1 to 4. Per unsur, NRR (nilai rata-rata) = the
mean score of the respondents who answered it (a missing answer leaves that respondent
out of that unsur only). NRR tertimbang = Σ NRR × bobot; IKM = NRR tertimbang × 25.
Weights are exact fractions (1/9, never 0,111), everything is computed with
:class:`~fractions.Fraction` and shown as :class:`~decimal.Decimal`; the IKM is rounded
half-up to 2 decimals *before* it is classified (mutu A–D, kinerja label).

A questionnaire (unsur, weights, bands) is data: :class:`Kuesioner`
(``ikm_kuesioner.py``); the presets ``permenpanrb-14-2017`` and ``kepmenpan-25-2004`` and
the Krejcie–Morgan sample table are in ``ikm_preset.py``. Import everything from here.

>>> k = kuesioner_preset("permenpanrb-14-2017")
>>> h = hitung_ikm(k, [[4] * 9, [3] * 9])
>>> h.ikm, h.ikm_dibulatkan, h.mutu, h.kinerja
(Decimal('87.5'), Decimal('87.50'), 'B', 'Baik')
>>> [str(u.nrr) for u in h.unsur][:2], h.unsur[0].responden
(['3.5', '3.5'], 2)
>>> hitung_ikm(k, [[5] + [4] * 8])
Traceback (most recent call last):
...
kinerja.rules.ikm_kuesioner.JawabanTidakSah: Responden ke-1, U1 (Persyaratan): jawaban 5 ...
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .ikm_kuesioner import (
    KONVERSI,
    SKOR,
    JawabanTidakSah,
    Kuesioner,
    PitaMutu,
    Unsur,
    bulat_setengah_atas,
    ke_decimal,
)
from .ikm_preset import (
    KREJCIE_MORGAN,
    PRESET_IKM,
    kuesioner_preset,
    minimal_sample,
    peringatan_sampel,
)

__all__ = [
    "KONVERSI",
    "KREJCIE_MORGAN",
    "PRESET_IKM",
    "SKOR",
    "HasilIkm",
    "HasilUnsur",
    "JawabanTidakSah",
    "Kuesioner",
    "PitaMutu",
    "Unsur",
    "bulat_setengah_atas",
    "hitung_dari_frekuensi",
    "hitung_ikm",
    "ke_decimal",
    "kuesioner_preset",
    "minimal_sample",
    "peringatan_sampel",
]


@dataclass(frozen=True)
class HasilUnsur:
    """One unsur's result: ``frekuensi`` = how many answered 1, 2, 3 and 4."""

    unsur: Unsur
    frekuensi: tuple[int, int, int, int]

    @property
    def responden(self) -> int:
        return sum(self.frekuensi)

    @property
    def jumlah_nilai(self) -> int:
        return sum(s * f for s, f in zip(SKOR, self.frekuensi, strict=True))

    @property
    def nrr_tepat(self) -> Fraction | None:
        return Fraction(self.jumlah_nilai, self.responden) if self.responden else None

    @property
    def nrr(self) -> Decimal | None:
        return None if self.nrr_tepat is None else ke_decimal(self.nrr_tepat)

    @property
    def nrr_tertimbang(self) -> Decimal | None:
        return None if self.nrr_tepat is None else ke_decimal(self.nrr_tepat * self.unsur.bobot)


@dataclass(frozen=True)
class HasilIkm:
    """The survey result. ``ikm_tepat`` is ``None`` (with ``alasan``) when not computable."""

    kuesioner: Kuesioner
    unsur: tuple[HasilUnsur, ...]
    responden: int
    ikm_tepat: Fraction | None
    alasan: str = ""

    @property
    def nrr_tertimbang(self) -> Decimal | None:
        return None if self.ikm_tepat is None else ke_decimal(self.ikm_tepat / KONVERSI)

    @property
    def ikm(self) -> Decimal | None:
        return None if self.ikm_tepat is None else ke_decimal(self.ikm_tepat)

    @property
    def ikm_dibulatkan(self) -> Decimal | None:
        """The IKM as published and classified: rounded half-up to 2 decimals."""
        return None if self.ikm_tepat is None else bulat_setengah_atas(self.ikm_tepat)

    @property
    def pita(self) -> PitaMutu | None:
        return None if self.ikm_tepat is None else self.kuesioner.klasifikasi(self.ikm_tepat)

    @property
    def mutu(self) -> str | None:
        return None if self.pita is None else self.pita.mutu

    @property
    def kinerja(self) -> str | None:
        return None if self.pita is None else self.pita.kinerja

    @property
    def terlemah(self) -> tuple[HasilUnsur, ...]:
        """The unsur with the lowest NRR (all of them on a tie); empty without answers."""
        ada = [h for h in self.unsur if h.nrr_tepat is not None]
        if not ada:
            return ()
        rendah = min(h.nrr_tepat for h in ada)
        return tuple(h for h in ada if h.nrr_tepat == rendah)


def hitung_dari_frekuensi(
    kuesioner: Kuesioner, frekuensi, responden: int | None = None
) -> HasilIkm:
    """The result from counts: ``frekuensi[j]`` = (count of 1, 2, 3, 4) for unsur ``j``.

    This is the fast path (100 000 respondents are 36 counts). ``responden`` is the number
    of questionnaires; by default the largest per-unsur count.
    """
    frekuensi = [tuple(int(f) for f in baris) for baris in frekuensi]
    if len(frekuensi) != len(kuesioner.unsur) or any(len(b) != len(SKOR) for b in frekuensi):
        raise ValueError(
            f"frekuensi harus {len(kuesioner.unsur)} baris × 4 kolom (jawaban 1, 2, 3, 4)"
        )
    if any(f < 0 for b in frekuensi for f in b):
        raise ValueError("frekuensi jawaban tidak boleh negatif")
    hasil = tuple(HasilUnsur(u, b) for u, b in zip(kuesioner.unsur, frekuensi, strict=True))
    if responden is None:
        responden = max((h.responden for h in hasil), default=0)
    kosong = [h.unsur.kode for h in hasil if not h.responden]
    if kosong:
        alasan = (
            "belum ada jawaban"
            if len(kosong) == len(hasil)
            else f"unsur {', '.join(kosong)} belum memiliki jawaban"
        )
        return HasilIkm(kuesioner, hasil, responden, None, alasan)
    tertimbang = sum((h.nrr_tepat * h.unsur.bobot for h in hasil), Fraction(0))
    return HasilIkm(kuesioner, hasil, responden, tertimbang * KONVERSI)


_SAH = frozenset(SKOR) | {None}
_TIPE_SAH = frozenset({int, type(None)})


def _tolak(kuesioner: Kuesioner, baris: list, j: int) -> None:
    unsur = kuesioner.unsur[j]
    for i, row in enumerate(baris, start=1):
        nilai = row[j]
        if type(nilai) not in _TIPE_SAH or nilai not in _SAH:
            raise JawabanTidakSah(
                f"Responden ke-{i}, {unsur.kode} ({unsur.nama}): jawaban {nilai!r} tidak sah; "
                "jawaban harus bilangan bulat 1 sampai 4, atau kosong bila tidak dijawab."
            )


def hitung_ikm(kuesioner: Kuesioner, jawaban) -> HasilIkm:
    """The result from answers: one row per respondent, one value (1–4 or ``None``) per unsur.

    Anything else (0, 5, "3", 3.0, True) raises :class:`JawabanTidakSah`, naming the
    respondent and the unsur.
    """
    baris = jawaban if isinstance(jawaban, list) else list(jawaban)
    n = len(kuesioner.unsur)
    for i, row in enumerate(baris, start=1):
        if len(row) != n:
            raise JawabanTidakSah(
                f"Responden ke-{i}: {len(row)} jawaban, padahal kuesioner memiliki {n} unsur."
            )
    kolom = zip(*baris, strict=True) if baris else [()] * n
    frekuensi = []
    for j, nilai in enumerate(kolom):
        hitung = Counter(nilai)
        if not set(map(type, nilai)) <= _TIPE_SAH or not set(hitung) <= _SAH:
            _tolak(kuesioner, baris, j)
        frekuensi.append(tuple(hitung.get(s, 0) for s in SKOR))
    return hitung_dari_frekuensi(kuesioner, frekuensi, responden=len(baris))
