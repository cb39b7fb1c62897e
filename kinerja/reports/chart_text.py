"""The text of a chart, in Indonesian form: the label over a bar or point (the exact
Decimal, formatted as in the tables) and the tick labels of the value axis; and the font
it is written in a PDF."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from matplotlib.figure import Figure
from matplotlib.text import Text

from kinerja.reports.document import Chart
from kinerja.rules import KOSONG, format_angka, format_persen, format_rupiah

__all__ = ["label_formatter", "pdf_fonts", "rupiah_short", "tick_formatter"]


def label_formatter(chart: Chart) -> Callable[[Decimal | None], str]:
    """The label over a bar or point: the exact Decimal, formatted once, as in the tables.

    Plain numbers of one chart share their decimals (``3,60`` beside ``3,43``, not ``3,6``):
    as many as the most precise value needs, at most two.
    """
    if chart.value_format == "persen":
        return format_persen
    if chart.value_format == "rupiah":
        return format_rupiah
    places = max((_places(v) for s in chart.series for v in s.values if v is not None), default=0)
    places = min(places, 2)
    return lambda value: format_angka(value, places) if value is not None else KOSONG


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def tick_formatter(kind: str) -> Callable[[float, int], str]:
    def tick(x: float, _pos: int) -> str:
        value = _tick_decimal(x)
        if kind == "persen":
            return f"{format_angka(value, None)}%"
        if kind == "rupiah":
            return rupiah_short(value)
        return format_angka(value, None)

    return tick


def _tick_decimal(x: float) -> Decimal:
    # Tick positions are floats by nature (0.30000000000000004): 12 significant digits
    # remove the binary noise; the Decimal then goes through the rules' formatters.
    value = Decimal(f"{x:.12g}")
    return Decimal(0) if value == 0 else value


_SKALA = (
    (Decimal("1e12"), "T"),
    (Decimal("1e9"), "M"),
    (Decimal("1e6"), "jt"),
    (Decimal("1e3"), "rb"),
)


def rupiah_short(value: Decimal) -> str:
    """A compact rupiah tick: ``Rp 2,5 M`` (miliar), ``Rp 750 jt`` (juta), ``Rp 0``."""
    for unit, suffix in _SKALA:
        if abs(value) >= unit:
            sign = "-" if value < 0 else ""
            scaled = (abs(value) / unit).quantize(Decimal("0.01"))
            return f"{sign}Rp {format_angka(scaled, None)} {suffix}"
    return format_rupiah(value)


def pdf_fonts(fig: Figure) -> dict:
    """The font of a chart's text in PDF: Helvetica, one of the standard fonts every PDF
    reader has, metric for metric the Liberation Sans that measured the text; nothing is
    embedded, and readers draw it hinted and evenly spaced (matplotlib's embedded Type 3
    glyphs looked unevenly spaced on screen). A text that Helvetica's encoding (WinAnsi)
    cannot write, e.g. "≥", makes the chart embed the glyphs it uses instead."""
    try:
        for text in fig.findobj(Text):
            text.get_text().encode("cp1252")
    except UnicodeEncodeError:
        return {"pdf.fonttype": 3}
    return {"pdf.use14corefonts": True}


class _HelveticaIsMedium(logging.Filter):
    """matplotlib's Helvetica metrics say "Medium": every chart in standard fonts would warn
    "Failed to find font weight normal for Helvetica, now using medium" on the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            isinstance(record.msg, str)
            and record.msg.startswith("findfont: Failed to find font weight")
            and "Helvetica" in (record.args or ())
        )


logging.getLogger("matplotlib.font_manager").addFilter(_HelveticaIsMedium())
