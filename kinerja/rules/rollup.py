"""Rolling capaian up the tree: kegiatan → program → sasaran → unit.

The sample report's rule is the plain mean of the children that have a capaian
("jumlah capaian kinerja kegiatan / jumlah kegiatan"), with not-applicable
children left out of both the sum and the count: 750 / 8 = 93,75, not 750 / 9
and not the 850 / 8 the report printed. Other regions weight each child by its
budget (*bobot anggaran*). The rule is a setting (:class:`AturanRollup`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from enum import StrEnum

from .capaian import Capaian
from .numbers import KONTEKS, to_decimal

__all__ = [
    "ALASAN_BOBOT_NOL",
    "ALASAN_ROLLUP_KOSONG",
    "AturanRollup",
    "Rollup",
    "rollup",
]

ALASAN_ROLLUP_KOSONG = "tidak ada capaian yang dapat dihitung"
ALASAN_BOBOT_NOL = "anggaran nol, bobot tidak dapat dihitung"


class AturanRollup(StrEnum):
    """How a parent's capaian follows from its children's."""

    RATA_RATA = "rata-rata"
    """Mean of the applicable children (the sample report's rule)."""
    BOBOT_ANGGARAN = "bobot-anggaran"
    """Mean weighted by each child's budget: ``Σ(capaian × anggaran) / Σ anggaran``."""


@dataclass(frozen=True)
class Rollup:
    """Result of :func:`rollup`, with the figures a report prints beside it.

    * ``capaian``: the parent's capaian (exact), or N/A with a reason;
    * ``total``: sum of the counted children's values (mean rule) or of their
      weighted values ``capaian × bobot`` (budget rule);
    * ``count``: number of children counted;
    * ``excluded``: number of children left out (N/A, or without a weight).
    """

    capaian: Capaian
    total: Decimal
    count: int
    excluded: int


def _check_children(children: Sequence[Capaian]) -> None:
    for child in children:
        if not isinstance(child, Capaian):
            raise TypeError(f"anak rollup harus berupa Capaian, bukan {type(child).__name__}")


def rollup(
    children: Sequence[Capaian],
    rule: AturanRollup | str = AturanRollup.RATA_RATA,
    weights: Sequence[Decimal | None] | None = None,
) -> Rollup:
    """Combine the children's capaian into the parent's.

    ``RATA_RATA``: mean of the applicable children; N/A children are left out.
    ``BOBOT_ANGGARAN``: ``Σ(c·w) / Σw`` over applicable children whose weight
    ``w`` is not ``None``; ``weights`` is required, one per child (``ValueError``
    otherwise), and must not be negative. Nothing to count gives N/A with
    ``ALASAN_ROLLUP_KOSONG``; weights summing to zero give N/A with
    ``ALASAN_BOBOT_NOL``.

    >>> kids = [Capaian(Decimal(100))] * 6 + [Capaian.na("tidak ada target")]
    >>> kids += [Capaian(Decimal(50)), Capaian(Decimal(100))]
    >>> r = rollup(kids)
    >>> r.capaian.value, r.total, r.count, r.excluded
    (Decimal('93.75'), Decimal('750'), 8, 1)
    >>> rollup([Capaian(Decimal(100)), Capaian(Decimal(50))], "bobot-anggaran",
    ...        [Decimal(300), Decimal(100)]).capaian.value
    Decimal('87.5')
    """
    rule = AturanRollup(rule)
    _check_children(children)

    if rule is AturanRollup.RATA_RATA:
        values = [c.value for c in children if c.value is not None]
        with localcontext(KONTEKS):
            total = sum(values, Decimal(0))
            if not values:
                capaian = Capaian.na(ALASAN_ROLLUP_KOSONG)
            else:
                capaian = Capaian(total / len(values))
        return Rollup(capaian, total, len(values), len(children) - len(values))

    if weights is None:
        raise ValueError("aturan bobot anggaran memerlukan bobot (anggaran) untuk setiap anak")
    if len(weights) != len(children):
        raise ValueError(
            f"jumlah bobot ({len(weights)}) tidak sama dengan jumlah anak ({len(children)})"
        )
    pairs: list[tuple[Decimal, Decimal]] = []
    for child, weight in zip(children, weights, strict=True):
        w = to_decimal(weight)
        if w is not None and w < 0:
            raise ValueError(f"bobot anggaran tidak boleh negatif ({w})")
        if child.value is not None and w is not None:
            pairs.append((child.value, w))

    with localcontext(KONTEKS):
        total = sum((c * w for c, w in pairs), Decimal(0))
        sum_w = sum((w for _, w in pairs), Decimal(0))
        if not pairs:
            capaian = Capaian.na(ALASAN_ROLLUP_KOSONG)
        elif sum_w == 0:
            capaian = Capaian.na(ALASAN_BOBOT_NOL)
        else:
            capaian = Capaian(total / sum_w)
    return Rollup(capaian, total, len(pairs), len(children) - len(pairs))
