"""Capaian (achievement %) of one indicator: realisasi against target.

The rules follow the PermenPANRB 6/2022 annex and common regional practice:

* positive polarity (higher is better): ``R / T × 100``;
* negative polarity (lower is better): ``(2T − R) / T × 100`` by default, or
  ``T / R × 100`` where a region uses that formula (a setting, see
  :class:`RumusNegatif`);
* a range target (*rentang*, e.g. 80–90 %): 100 inside the range, otherwise the
  polarity formula against the bound that was missed.

A figure that cannot be computed is *not applicable* (:meth:`Capaian.na`) with
an Indonesian reason for the reader; the functions never raise for missing data
and never divide by zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from .numbers import KONTEKS, to_decimal

__all__ = [
    "ALASAN_REALISASI_NOL",
    "ALASAN_TANPA_REALISASI",
    "ALASAN_TANPA_TARGET",
    "ALASAN_TARGET_NOL",
    "Capaian",
    "Polaritas",
    "Rentang",
    "RumusNegatif",
    "compute_capaian",
]

ALASAN_TANPA_TARGET = "tidak ada target"
ALASAN_TARGET_NOL = "target nol"
ALASAN_TANPA_REALISASI = "realisasi belum diisi"
ALASAN_REALISASI_NOL = "realisasi nol, rumus T/R tidak dapat dihitung"

_SERATUS = Decimal(100)


class Polaritas(StrEnum):
    """Direction of an indicator: is a higher realisasi better or worse?"""

    POSITIF = "positif"
    """Higher is better (documents issued, IKM)."""
    NEGATIF = "negatif"
    """Lower is better (poverty rate, number of cases)."""


class RumusNegatif(StrEnum):
    """Formula for negative-polarity indicators (a regional setting)."""

    DUA_T_KURANG_R = "2T-R"
    """``(2T − R) / T × 100`` — PermenPANRB 6/2022 annex; the default."""
    T_BAGI_R = "T/R"
    """``T / R × 100`` — used by some regions; not applicable when R = 0."""


@dataclass(frozen=True)
class Rentang:
    """A range target, e.g. ``Rentang(Decimal("80"), Decimal("90"))`` for 80–90 %.

    ``bawah`` (lower bound) must not exceed ``atas`` (upper bound); ``int`` and
    machine-form ``str`` bounds are converted to ``Decimal``, floats are refused.
    """

    bawah: Decimal
    atas: Decimal

    def __post_init__(self) -> None:
        bawah = to_decimal(self.bawah)
        atas = to_decimal(self.atas)
        if bawah is None or atas is None:
            raise ValueError("batas bawah dan batas atas rentang target wajib diisi")
        if bawah > atas:
            raise ValueError(f"batas bawah rentang ({bawah}) lebih besar dari batas atas ({atas})")
        object.__setattr__(self, "bawah", bawah)
        object.__setattr__(self, "atas", atas)


@dataclass(frozen=True)
class Capaian:
    """An achievement percentage, or the reason why there is none.

    Exactly one of ``value`` and ``reason`` is set. ``value`` is exact (not
    rounded); round it only to show it (see :func:`kinerja.rules.format_persen`).

    >>> Capaian(Decimal("93.75")).applicable
    True
    >>> Capaian.na("target nol").reason
    'target nol'
    """

    value: Decimal | None
    reason: str | None = None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.reason is None):
            raise ValueError("Capaian harus berisi tepat satu dari nilai (value) atau alasan")
        if self.value is not None:
            object.__setattr__(self, "value", to_decimal(self.value))
        elif not isinstance(self.reason, str) or not self.reason.strip():
            raise ValueError("alasan capaian tidak dapat dihitung harus berupa teks yang berisi")

    @property
    def applicable(self) -> bool:
        """``True`` when there is a value; ``False`` when not applicable (N/A)."""
        return self.value is not None

    @classmethod
    def na(cls, reason: str) -> Capaian:
        """A not-applicable capaian with an Indonesian ``reason`` for the reader."""
        return cls(value=None, reason=reason)


def _formula(r: Decimal, t: Decimal, polaritas: Polaritas, rumus: RumusNegatif) -> Capaian:
    """Apply the polarity formula to a single target ``t`` (not zero)."""
    with localcontext(KONTEKS):
        # Multiply before dividing: a single rounding step, and R = T gives 100 exactly.
        if polaritas is Polaritas.POSITIF:
            return Capaian(r * _SERATUS / t)
        if rumus is RumusNegatif.DUA_T_KURANG_R:
            return Capaian((2 * t - r) * _SERATUS / t)
        if r == 0:
            return Capaian.na(ALASAN_REALISASI_NOL)
        return Capaian(t * _SERATUS / r)


def compute_capaian(
    target: Decimal | Rentang | None,
    realisasi: Decimal | None,
    *,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    rumus_negatif: RumusNegatif | str = RumusNegatif.DUA_T_KURANG_R,
    cap: Decimal | None = None,
) -> Capaian:
    """Capaian of ``realisasi`` (R) against ``target`` (T), in percent, exact.

    Not applicable, checked in this order: no target (``ALASAN_TANPA_TARGET``);
    a zero target or a 0–0 range (``ALASAN_TARGET_NOL``); no realisasi
    (``ALASAN_TANPA_REALISASI``); R outside a range whose missed bound is zero
    (``ALASAN_TARGET_NOL``); R = 0 with the ``T/R`` formula
    (``ALASAN_REALISASI_NOL``). Negative targets are computed as they are.

    ``cap``: when set, a value above it is lowered to it (no cap by default).
    ``polaritas`` and ``rumus_negatif`` also accept their string values.
    ``int`` and machine-form ``str`` inputs are converted; floats raise
    ``TypeError``.

    >>> compute_capaian(Decimal("80.1"), Decimal("84.73")).value.quantize(Decimal("0.01"))
    Decimal('105.78')
    >>> compute_capaian(Decimal("10"), Decimal("8"), polaritas=Polaritas.NEGATIF).value
    Decimal('120')
    >>> compute_capaian(Rentang(Decimal("80"), Decimal("90")), Decimal("85")).value
    Decimal('100')
    >>> compute_capaian(None, Decimal("5")).reason
    'tidak ada target'
    """
    polaritas = Polaritas(polaritas)
    rumus_negatif = RumusNegatif(rumus_negatif)
    if not isinstance(target, Rentang):
        target = to_decimal(target)
    r = to_decimal(realisasi)
    batas = to_decimal(cap)

    if target is None:
        return Capaian.na(ALASAN_TANPA_TARGET)
    if isinstance(target, Rentang):
        if target.bawah == 0 and target.atas == 0:
            return Capaian.na(ALASAN_TARGET_NOL)
    elif target == 0:
        return Capaian.na(ALASAN_TARGET_NOL)
    if r is None:
        return Capaian.na(ALASAN_TANPA_REALISASI)

    if isinstance(target, Rentang):
        if target.bawah <= r <= target.atas:
            hasil = Capaian(_SERATUS)
        else:
            t = target.atas if r > target.atas else target.bawah
            if t == 0:
                return Capaian.na(ALASAN_TARGET_NOL)
            hasil = _formula(r, t, polaritas, rumus_negatif)
    else:
        hasil = _formula(r, target, polaritas, rumus_negatif)

    if batas is not None and hasil.value is not None and hasil.value > batas:
        return Capaian(batas)
    return hasil
