"""The bench's figures in Indonesian form (``1.234,5 ms``), through the rules' formatter."""

from __future__ import annotations

from decimal import Decimal

from kinerja.rules import format_angka

__all__ = ["angka", "detik", "ms"]


def angka(value: float, places: int) -> str:
    """A measured figure rounded to ``places`` decimals: ``1.853``, ``2,5``, ``65,4``."""
    return format_angka(Decimal(repr(value)), places)


def ms(seconds: float) -> str:
    return f"{angka(seconds * 1000, 1)} ms"


def detik(seconds: float) -> str:
    return f"{angka(seconds, 2)} s"
