"""Serapan anggaran (budget absorption): realisasi belanja / pagu × 100."""

from __future__ import annotations

from decimal import Decimal, localcontext

from .capaian import Capaian
from .numbers import KONTEKS, to_decimal

__all__ = ["ALASAN_PAGU_NOL", "compute_serapan"]

ALASAN_PAGU_NOL = "pagu anggaran nol"


def compute_serapan(anggaran: Decimal | None, realisasi: Decimal | None) -> Capaian:
    """Absorption of ``anggaran`` (pagu) by ``realisasi``, in percent, exact.

    A missing realisasi counts as 0 (nothing spent yet). A missing or zero pagu
    gives N/A with ``ALASAN_PAGU_NOL`` (shown as "–"), never a division by zero.

    >>> s = compute_serapan(Decimal("4094740600"), Decimal("3623393162"))
    >>> s.value.quantize(Decimal("0.01"))
    Decimal('88.49')
    >>> compute_serapan(Decimal(0), None).reason
    'pagu anggaran nol'
    """
    pagu = to_decimal(anggaran)
    belanja = to_decimal(realisasi)
    if pagu is None or pagu == 0:
        return Capaian.na(ALASAN_PAGU_NOL)
    if belanja is None:
        belanja = Decimal(0)
    with localcontext(KONTEKS):
        return Capaian(belanja * 100 / pagu)
