"""Cells and captions shared by every builder: one way to show a figure in a table.

Numbers are right-aligned, formatted once in Indonesian form, and keep their exact value
for exporters that write real numbers. A *not applicable* capaian shows "–" and its
reason goes to the table's notes through a :class:`Notes` collector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja import rules
from kinerja.reports.document import Cell
from kinerja.reports.narrative import angka

KOSONG = rules.KOSONG


def text(value: str, **kw) -> Cell:
    return Cell(value or KOSONG, **kw)


def center(value: str, **kw) -> Cell:
    return Cell(value, align="center", **kw)


def head(value: str, **kw) -> Cell:
    return Cell(value, align="center", bold=True, **kw)


def judul(*teks: str) -> tuple[tuple[Cell, ...], ...]:
    """A table's header of one row, a heading per column."""
    return (tuple(head(t) for t in teks),)


def number(value: Decimal | int | None, places: int | None = None, **kw) -> Cell:
    """A figure: ``places=None`` shows at most two decimals, trailing zeros dropped."""
    if value is None:
        return Cell(KOSONG, None, "center", **kw)
    shown = angka(Decimal(value)) if places is None else rules.format_angka(value, places)
    return Cell(shown, value, "right", **kw)


def rupiah(value: Decimal | None, **kw) -> Cell:
    """An amount in a column headed "(Rp)": ``4.094.740.600,00``."""
    return number(value, 2, **kw)


def target(value: Decimal | rules.Rentang | None, **kw) -> Cell:
    if isinstance(value, rules.Rentang):
        return Cell(f"{angka(value.bawah)}–{angka(value.atas)}", None, "right", **kw)
    return number(value, **kw)


@dataclass
class Notes:
    """Collects the reasons behind every "–" of a table, in order of appearance."""

    reasons: list[str] = field(default_factory=list)

    def capaian(self, c: rules.Capaian, **kw) -> Cell:
        if c.applicable:
            return number(c.value, 2, **kw)
        if c.reason not in self.reasons:
            self.reasons.append(c.reason)
        return Cell(KOSONG, None, "center", **kw)

    def predikat(self, label: str | None, **kw) -> Cell:
        return Cell(label or KOSONG, align="center", **kw)

    def lines(self) -> tuple[str, ...]:
        return tuple(f"– : {reason}" for reason in self.reasons)


@dataclass
class Counter:
    """Numbers tables and charts of one chapter: ``Tabel 3.1``, ``Grafik 3.4``."""

    chapter: str
    tables: int = 0
    charts: int = 0

    def table(self, title: str) -> str:
        self.tables += 1
        return f"Tabel {self.chapter}.{self.tables} {title}"

    def chart(self, title: str) -> str:
        self.charts += 1
        return f"Grafik {self.chapter}.{self.charts} {title}"
