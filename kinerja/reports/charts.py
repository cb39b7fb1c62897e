"""Charts of the report model drawn with matplotlib: PDF, SVG (HTML) and PNG (DOCX).

Only the object-oriented API (:class:`matplotlib.figure.Figure`) is used, never pyplot,
so nothing touches a GUI backend or pyplot's global figure list. The rcParams that a
drawing needs (fonts, deterministic SVG ids) are set in a context held under a lock,
because rcParams are process-global. Values are :class:`~decimal.Decimal`; they become
floats only as bar heights and line points, never for text: every label and tick label
is formatted by :mod:`kinerja.rules` in Indonesian form ("80,1", "105,78%", "Rp 2 M").
"""

from __future__ import annotations

import io
import multiprocessing
import os
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from PIL import Image

from kinerja.reports.chart_text import label_formatter, pdf_fonts, tick_formatter
from kinerja.reports.document import Chart

__all__ = ["CHART_SIZE_INCHES", "PALETTE", "prerender", "render_pdf", "render_png", "render_svg"]

#: Width × height of every chart, in inches: the text width of an A4 page with
#: 3 cm + 2,5 cm margins is 15,5 cm ≈ 6,1 in, so a chart fits at (nearly) full size.
CHART_SIZE_INCHES = (6.3, 3.2)

#: Restrained series colours: slate blue (Target), teal (Realisasi), then ochre, plum, rust, grey.
PALETTE = ("#3b5b92", "#2a9d8f", "#e9a23b", "#8d6cab", "#c8553d", "#6c757d")

_INK = "#222222"
_MUTED = "#555555"
_GRID = "#dddddd"

_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": ["Liberation Sans", "DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 8.5,
    "axes.titlesize": 10,
    "axes.labelsize": 8.5,
    "axes.edgecolor": "#999999",
    "axes.labelcolor": _MUTED,
    "xtick.color": _MUTED,
    "ytick.color": _MUTED,
    "xtick.labelcolor": _INK,
    "ytick.labelcolor": _INK,
    "legend.fontsize": 8,
    "svg.hashsalt": "kinerja",  # stable element ids: same chart, same bytes
    "svg.fonttype": "none",  # text stays text: small SVG, fast to draw
    "pdf.fonttype": 3,  # where the standard fonts cannot write a text (pdf_fonts)
    "path.simplify": True,
}

_LOCK = threading.RLock()


def render_svg(chart: Chart) -> bytes:
    """The chart as an SVG document (UTF-8 bytes); identical input gives identical bytes."""
    return _cached(chart, "svg", 72)


def render_pdf(chart: Chart) -> bytes:
    """The chart as a one-page vector PDF of ``CHART_SIZE_INCHES``, its text real text
    (in Helvetica, see :func:`~kinerja.reports.chart_text.pdf_fonts`)."""
    return _cached(chart, "pdf", 72)


def render_png(chart: Chart, dpi: int = 200) -> bytes:
    """The chart as a PNG of ``CHART_SIZE_INCHES`` × ``dpi`` pixels."""
    return _cached(chart, "png", dpi)


def prerender(charts: list[Chart], fmt: str, dpi: int = 72, *, beside: bool = False) -> None:
    """Start drawing many charts at once, on every core, and return: the ``render_*`` calls
    that follow take each chart as soon as it is drawn, so the exporter lays out the text
    of the report while the charts are being drawn. A report has one chart per indicator
    (45 for Towuti): drawing is most of an export's time. ``beside``: the caller has more
    work of its own meanwhile than the charts are (the PDF's layout), so one core is left
    to it. Where ``fork`` is missing the charts are drawn here, one after the other.
    """
    known = _CACHE.keys() | _PENDING.keys()
    todo = list(dict.fromkeys(c for c in charts if (c, fmt, dpi) not in known))
    cores = (os.cpu_count() or 1) - (1 if beside else 0)
    workers = min(cores, len(todo) // _MIN_PER_WORKER)
    # One worker beside a busy caller is worth its fork; one worker for an idle caller is not.
    fewest = 1 if beside else 2
    if workers < fewest or "fork" not in multiprocessing.get_all_start_methods():
        for chart in todo:
            _cached(chart, fmt, dpi)
        return
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    # Submitted outside the lock: the workers are forked here, and a child must not
    # inherit a lock held by this thread.
    futures = {(chart, fmt, dpi): pool.submit(_draw_job, (chart, fmt, dpi)) for chart in todo}
    pool.shutdown(wait=False)  # the workers finish the queue, then exit
    with _LOCK:
        _PENDING.update(futures)


_MIN_PER_WORKER = 6
_CACHE: OrderedDict[tuple[Chart, str, int], bytes] = OrderedDict()
_CACHE_SIZE = 512  # about 20 MB of PNG at 200 dpi; a kabupaten's reports in one process
_PENDING: dict[tuple[Chart, str, int], Future] = {}  # being drawn by prerender's workers


def _cached(chart: Chart, fmt: str, dpi: int) -> bytes:
    key = (chart, fmt, dpi)
    data = _CACHE.get(key)
    if data is None:
        with _LOCK:
            future = _PENDING.pop(key, None)
        data = future.result() if future is not None else _draw_job(key)
        _remember(key, data)
    return data


def _remember(key: tuple[Chart, str, int], data: bytes) -> None:
    with _LOCK:
        _CACHE[key] = data
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


#: savefig's options for the vector formats: no dates or tool names, so that the same chart
#: gives the same bytes. PNG is written by :func:`_png`.
_SAVE_OPTIONS = {
    "svg": {"metadata": {"Date": None, "Creator": None}},
    "pdf": {"metadata": {"CreationDate": None, "Creator": None, "Producer": None}},
}


def _draw_job(job: tuple[Chart, str, int]) -> bytes:
    chart, fmt, dpi = job
    with _LOCK, matplotlib.rc_context(_RC):
        fig = _figure(chart, fmt, dpi)
        if fmt == "png":
            return _png(fig, dpi)
        buffer = io.BytesIO()
        with matplotlib.rc_context(pdf_fonts(fig) if fmt == "pdf" else {}):
            fig.savefig(buffer, format=fmt, dpi=dpi, facecolor="white", **_SAVE_OPTIONS[fmt])
    return buffer.getvalue()


def _png(fig: Figure, dpi: int) -> bytes:
    """The figure as an RGB PNG. A chart is opaque (white ground): matplotlib's PNG is RGBA,
    a quarter more bytes to filter and zip for an alpha channel that is 255 everywhere (the
    same pixels, 14 % smaller, 5 % less of a chart's time). zlib level 1: a third of the
    default's time, the file ~20 % larger. Drawn on the canvas :func:`_fit` measured on,
    whose renderer keeps the sizes of the texts."""
    canvas = fig.canvas
    canvas.draw()
    size = canvas.get_width_height()
    rgba = Image.frombuffer("RGBA", size, canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", compress_level=1, dpi=(dpi, dpi))
    return buffer.getvalue()


_KEPT: OrderedDict[tuple, Figure] = OrderedDict()  # the last bar charts' figures, by shape
_KEPT_SIZE = 2


def _figure(chart: Chart, fmt: str, dpi: int) -> Figure:
    """A figure with ``chart`` drawn on it.

    A vertical bar chart of a shape drawn before in this process (same categories, series
    and axis labels: the TW I–IV chart of every indicator) is drawn on that chart's figure:
    only the bars, their labels, the value axis and the placement change, about a quarter
    less work than a new figure, and the bytes written are the same as a new figure's.
    """
    if chart.kind != "bar":
        return _new_figure(chart, dpi)
    names = tuple(s.name for s in chart.series)
    shape = (fmt, dpi, chart.categories, names, chart.x_label, bool(chart.y_label))
    fig = _KEPT.pop(shape, None)
    if fig is None:
        fig = _new_figure(chart, dpi)
    else:
        _redraw_bars(fig, chart)
    _KEPT[shape] = fig
    while len(_KEPT) > _KEPT_SIZE:
        _KEPT.popitem(last=False)
    return fig


def _new_figure(chart: Chart, dpi: int) -> Figure:
    fig = Figure(figsize=CHART_SIZE_INCHES, dpi=dpi)
    _draw(fig, chart)
    return fig


# --- drawing -------------------------------------------------------------------------


def _draw(fig: Figure, chart: Chart) -> None:
    """The axes, bars or line, labels and legend. The chart's title is not drawn: the
    report shows it as the caption under the chart, as searchable text."""
    ax = fig.add_subplot()
    horizontal = chart.kind == "barh"
    if chart.kind == "line":
        _draw_line(ax, chart)
    else:
        _draw_bars(ax, chart, horizontal)

    _value_ticks(ax.xaxis if horizontal else ax.yaxis, chart)
    ax.grid(True, axis="x" if horizontal else "y", color=_GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0 if horizontal else 3, pad=3)
    if chart.x_label:
        ax.set_xlabel(chart.x_label)
    if chart.y_label:
        ax.set_ylabel(chart.y_label)
    legend = None
    if len(chart.series) > 1 or (chart.series and chart.series[0].name):
        legend = fig.legend(
            loc="lower center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=min(len(chart.series), 4),
            frameon=False,
            handlelength=1.2,
            columnspacing=1.6,
        )
    _fit(fig, ax, legend)


def _value_ticks(axis, chart: Chart) -> None:
    """Ticks on 1/2/2,5/5 steps, labelled in Indonesian form, computed once and fixed:
    matplotlib asks a locator and a formatter again at every measurement and every draw.
    """
    counts = all(
        v == v.to_integral_value() for s in chart.series for v in s.values if v is not None
    )
    # Whole quantities (documents, people) get whole ticks: no "2,4 Dokumen", and for a
    # count of 1 the ticks 0 and 1 rather than 0; 0,2; 0,4 … (matplotlib leaves whole
    # ticks when fewer than min_n_ticks of them fit).
    locator = MaxNLocator(
        nbins=6, steps=[1, 2, 2.5, 5, 10], min_n_ticks=2 if counts else 3, integer=counts
    )
    low, high = sorted(axis.get_view_interval())
    room = (high - low) * 1e-9
    values = [v for v in locator.tick_values(low, high) if low - room <= v <= high + room]
    tick = tick_formatter(chart.value_format)
    axis.set_ticks(values, [tick(v, i) for i, v in enumerate(values)])


_PAD_POINTS = 5


def _fit(fig: Figure, ax, legend) -> None:
    """Place the axes so that its tick labels, axis labels and the legend fit the figure.

    One measurement of the labels around the axes (their size does not depend on where
    the axes sits) instead of matplotlib's constrained layout, which lays every text out
    several times and cost a third of a chart's drawing time.
    """
    renderer = FigureCanvasAgg(fig).get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    pad = _PAD_POINTS * fig.dpi / 72
    box = ax.get_window_extent(renderer)
    around = ax.get_tightbbox(renderer)
    below = legend.get_window_extent(renderer).height if legend is not None else 0.0
    left = (box.x0 - around.x0 + pad) / width
    right = 1 - (around.x1 - box.x1 + pad) / width
    bottom = (box.y0 - around.y0 + below + pad) / height
    top = 1 - (around.y1 - box.y1 + pad) / height
    if left < right and bottom < top:  # a degenerate chart keeps matplotlib's default
        ax.set_position((left, bottom, right - left, top - bottom))


def _draw_bars(ax, chart: Chart, horizontal: bool) -> None:
    n_series = max(len(chart.series), 1)
    slot = 0.8 / n_series  # the group takes 80% of a category's width
    positions = range(len(chart.categories))
    label = label_formatter(chart)
    heights = []
    for i, series in enumerate(chart.series):
        offset = (i - (n_series - 1) / 2) * slot
        where = [p + offset for p in positions]
        values, sizes = _bar_values(chart, series)
        heights.extend(sizes)
        draw = ax.barh if horizontal else ax.bar
        bars = draw(where, sizes, slot * 0.92, label=series.name, color=_colour(i), zorder=2)
        _label_bars(ax, bars, values, label)
    categories = [_wrap(c, 34 if horizontal else 16) for c in chart.categories]
    if horizontal:
        ax.set_yticks(list(positions), categories)
        ax.invert_yaxis()  # first category on top, as it reads in a table
        ax.set_xlim(*_limits(heights, room=0.30 if chart.value_format == "rupiah" else 0.18))
    else:
        ax.set_xticks(list(positions), categories)
        ax.set_ylim(*_limits(heights, room=0.14))


def _redraw_bars(fig: Figure, chart: Chart) -> None:
    """A kept vertical bar chart's figure given ``chart``'s values: bars, labels, value
    axis, axis label and placement, each set as :func:`_draw` sets them."""
    ax = fig.axes[0]
    for text in list(ax.texts):  # the value labels over the bars
        text.remove()
    label = label_formatter(chart)
    heights = []
    for bars, series in zip(ax.containers, chart.series, strict=True):
        values, sizes = _bar_values(chart, series)
        heights.extend(sizes)
        for bar, size in zip(bars.patches, sizes, strict=True):
            bar.set_height(size)
        bars.datavalues = sizes  # bar_label writes under a bar whose value is negative
        _label_bars(ax, bars, values, label)
    ax.set_ylim(*_limits(heights, room=0.14))
    _value_ticks(ax.yaxis, chart)
    if chart.y_label:
        ax.set_ylabel(chart.y_label)
    # Placed again from where a new figure's axes start: the same coordinates to the bit.
    ax.set_subplotspec(ax.get_subplotspec())
    _fit(fig, ax, fig.legends[0] if fig.legends else None)


def _label_bars(ax, bars, values: list, label: Callable[[Decimal | None], str]) -> None:
    ax.bar_label(bars, labels=[label(v) for v in values], padding=2, fontsize=7, color=_INK)


def _bar_values(chart: Chart, series) -> tuple[list, list[float]]:
    """A series' values, one per category, and its bar sizes (None: no bar, "–" label)."""
    values = _padded(series.values, len(chart.categories))
    return values, [0.0 if v is None else float(v) for v in values]


def _draw_line(ax, chart: Chart) -> None:
    positions = list(range(len(chart.categories)))
    label = label_formatter(chart)
    heights = []
    for i, series in enumerate(chart.series):
        values = _padded(series.values, len(chart.categories))
        points = [float("nan") if v is None else float(v) for v in values]  # None: a gap
        heights.extend(p for p in points if p == p)
        ax.plot(
            positions,
            points,
            marker="o",
            markersize=4,
            linewidth=1.8,
            color=_colour(i),
            label=series.name,
            zorder=3,
        )
        for x, value, y in zip(positions, values, points, strict=True):
            if value is not None:
                ax.annotate(
                    label(value),
                    (x, y),
                    xytext=(0, 5),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                    color=_INK,
                )
    ax.set_xticks(positions, [_wrap(c, 16) for c in chart.categories])
    if positions:
        ax.set_xlim(-0.4, len(positions) - 0.6)
    if heights:  # a trend: the axis follows the data (not from zero), with room for labels
        low, high = min(heights), max(heights)
        span = (high - low) or abs(high) or 1.0
        ax.set_ylim(low - span * 0.25, high + span * 0.3)


def _limits(values: list[float], room: float) -> tuple[float, float]:
    """Axis limits from zero (bars start there) with head room for the value labels."""
    low, high = min([0.0, *values]), max([0.0, *values])
    if low == high:
        high = 1.0
    span = high - low
    return (low - span * room if low < 0 else 0.0), high + span * room


def _padded(values: tuple, n: int) -> list:
    return list(values[:n]) + [None] * (n - len(values))


def _colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width, break_long_words=False) if text else ""
