"""Quarterly figures (triwulan I–IV): aggregation and capaian per quarter.

The Rencana Aksi splits a year's target into four quarters. A quarter may have
no target or no realisasi (``None``): that is *not* zero, it is left out of
every aggregate. How quarters add up depends on the indicator (a setting on
the indicator, :class:`Agregasi`), and targets may be stated per quarter or
already cumulative "up to this quarter" (:class:`ModeTarget`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from enum import StrEnum

from .capaian import Capaian, Polaritas, Rentang, RumusNegatif, compute_capaian
from .numbers import KONTEKS, to_decimal

__all__ = [
    "Agregasi",
    "ModeTarget",
    "aggregate",
    "alasan_negatif",
    "capaian_sd_triwulan",
    "capaian_triwulan",
    "year_to_date",
]

Nilai = Decimal | Rentang | None


class Agregasi(StrEnum):
    """How the quarters of an indicator add up to a year-to-date figure."""

    JUMLAH = "jumlah"
    """Sum: a count that accumulates (documents issued, people trained)."""
    TERAKHIR = "terakhir"
    """The last stated value: a level (an index, a percentage)."""
    RATA_RATA = "rata-rata"
    """Mean of the stated values."""
    MAKSIMUM = "maksimum"
    """Highest stated value."""


class ModeTarget(StrEnum):
    """How quarterly targets are stated in the Rencana Aksi."""

    PER_TRIWULAN = "per-triwulan"
    """Each quarter's own target; year-to-date target = aggregate of quarters."""
    KUMULATIF = "kumulatif"
    """Each target already means "up to this quarter"; the latest one counts."""


def alasan_negatif(apa: str, nilai: Decimal | None, rule: Agregasi | str) -> str | None:
    """Why ``nilai`` cannot be the ``apa`` ("Realisasi", "Target") of an indicator whose
    quarters add up with ``rule``: a negative count; else None. Under the other rules a
    value may fall below zero (a growth rate, a balance).

    >>> alasan_negatif("Realisasi", Decimal("-3"), Agregasi.JUMLAH)[:30]
    'Realisasi tidak boleh negatif:'
    >>> alasan_negatif("Target", Decimal("-3"), Agregasi.TERAKHIR) is None
    True
    """
    if nilai is None or nilai >= 0 or Agregasi(rule) is not Agregasi.JUMLAH:
        return None
    return (
        f"{apa} tidak boleh negatif: indikator ini dijumlahkan per triwulan "
        "(banyaknya dokumen, orang, kegiatan, …)."
    )


def _aggregate_decimals(values: list[Decimal], rule: Agregasi) -> Decimal:
    with localcontext(KONTEKS):
        if rule is Agregasi.JUMLAH:
            return sum(values, Decimal(0))
        if rule is Agregasi.TERAKHIR:
            return values[-1]
        if rule is Agregasi.RATA_RATA:
            return sum(values, Decimal(0)) / len(values)
        return max(values)


def aggregate(values: Sequence[Nilai], rule: Agregasi | str) -> Nilai:
    """Aggregate stated values with ``rule``; ``None`` entries are skipped.

    All ``None`` (or an empty sequence) gives ``None``. Range targets are
    aggregated bound by bound; when ranges and numbers are mixed, a number ``d``
    counts as ``Rentang(d, d)`` and the result is a :class:`Rentang`.

    >>> aggregate([None, Decimal("3"), Decimal("1")], Agregasi.JUMLAH)
    Decimal('4')
    >>> aggregate([None, None], Agregasi.JUMLAH) is None
    True
    >>> aggregate([Rentang(Decimal(1), Decimal(2)), Decimal(3)], Agregasi.JUMLAH)
    Rentang(bawah=Decimal('4'), atas=Decimal('5'))
    """
    rule = Agregasi(rule)
    stated: list[Decimal | Rentang] = [
        v if isinstance(v, Rentang) else to_decimal(v) for v in values if v is not None
    ]
    if not stated:
        return None
    if not any(isinstance(v, Rentang) for v in stated):
        return _aggregate_decimals(stated, rule)  # type: ignore[arg-type]
    ranges = [v if isinstance(v, Rentang) else Rentang(v, v) for v in stated]
    return Rentang(
        _aggregate_decimals([r.bawah for r in ranges], rule),
        _aggregate_decimals([r.atas for r in ranges], rule),
    )


def _check(targets: Sequence[Nilai], realisasi: Sequence[Decimal | None], triwulan: int) -> None:
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
        raise ValueError(f"triwulan harus 1 sampai 4, bukan {triwulan!r}")
    if len(targets) != 4:
        raise ValueError(f"target harus berisi 4 triwulan (TW I–IV), bukan {len(targets)}")
    if len(realisasi) != 4:
        raise ValueError(f"realisasi harus berisi 4 triwulan (TW I–IV), bukan {len(realisasi)}")


def year_to_date(
    targets: Sequence[Nilai],
    realisasi: Sequence[Decimal | None],
    triwulan: int,
    rule: Agregasi | str,
    target_mode: ModeTarget | str = ModeTarget.PER_TRIWULAN,
) -> tuple[Nilai, Decimal | None]:
    """Target and realisasi *s.d.* (up to and including) quarter ``triwulan``.

    ``targets`` and ``realisasi`` hold exactly four entries, TW I..IV.
    Target: with ``PER_TRIWULAN`` the aggregate of quarters 1..``triwulan``;
    with ``KUMULATIF`` the latest stated target at or before ``triwulan``.
    Realisasi: always the aggregate of quarters 1..``triwulan`` with ``rule``.

    >>> year_to_date([None, 3, 1, 0], [None, 3, 1, 0], 4, Agregasi.JUMLAH)
    (Decimal('4'), Decimal('4'))
    """
    _check(targets, realisasi, triwulan)
    target_mode = ModeTarget(target_mode)
    if target_mode is ModeTarget.PER_TRIWULAN:
        target = aggregate(targets[:triwulan], rule)
    else:
        stated = [t for t in targets[:triwulan] if t is not None]
        target = stated[-1] if stated else None
        if target is not None and not isinstance(target, Rentang):
            target = to_decimal(target)
    real = aggregate(realisasi[:triwulan], rule)
    if isinstance(real, Rentang):
        raise TypeError("realisasi tidak boleh berupa rentang")
    return target, real


def capaian_sd_triwulan(
    targets: Sequence[Nilai],
    realisasi: Sequence[Decimal | None],
    triwulan: int,
    rule: Agregasi | str,
    target_mode: ModeTarget | str = ModeTarget.PER_TRIWULAN,
    *,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    rumus_negatif: RumusNegatif | str = RumusNegatif.DUA_T_KURANG_R,
    cap: Decimal | None = None,
) -> Capaian:
    """Capaian *s.d. triwulan* (year to date): :func:`compute_capaian` applied
    to :func:`year_to_date`.

    >>> capaian_sd_triwulan([None, 3, 1, 0], [None, 3, 1, 0], 4, Agregasi.JUMLAH).value
    Decimal('100')
    """
    target, real = year_to_date(targets, realisasi, triwulan, rule, target_mode)
    return compute_capaian(target, real, polaritas=polaritas, rumus_negatif=rumus_negatif, cap=cap)


def capaian_triwulan(
    targets: Sequence[Nilai],
    realisasi: Sequence[Decimal | None],
    triwulan: int,
    *,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    rumus_negatif: RumusNegatif | str = RumusNegatif.DUA_T_KURANG_R,
    cap: Decimal | None = None,
) -> Capaian:
    """Capaian of quarter ``triwulan`` on its own: its target vs its realisasi.

    >>> capaian_triwulan([None, 3, 1, 0], [None, 3, 1, 0], 4).reason
    'target nol'
    """
    _check(targets, realisasi, triwulan)
    return compute_capaian(
        targets[triwulan - 1],
        realisasi[triwulan - 1],
        polaritas=polaritas,
        rumus_negatif=rumus_negatif,
        cap=cap,
    )
