"""The charts of the evaluation chapter: TW I–IV target against realisasi per indicator,
and the IKM trend over the years on record."""

from __future__ import annotations

from kinerja import rules
from kinerja.measurement.scorecard import IndicatorScore
from kinerja.reports.document import Chart, Series

from .cells import Counter
from .context import ReportContext


def indicator_chart(ind: IndicatorScore, counter: Counter) -> Chart:
    satuan = f" ({ind.satuan})" if ind.satuan else ""
    return Chart(
        kind="bar",
        title=f"{ind.nama}{satuan}",
        categories=tuple(rules.format_triwulan(q, short=True) for q in range(1, 5)),
        series=(
            Series("Target", tuple(_plain(t) for t in ind.targets)),
            Series("Realisasi", tuple(ind.realisasi)),
        ),
        x_label="Triwulan",
        y_label=ind.satuan or "Nilai",
        caption=counter.chart(f"Target dan Realisasi TW I–IV: {ind.nama}{satuan}"),
    )


def ikm_trend_chart(ctx: ReportContext, counter: Counter) -> Chart:
    first, last = ctx.ikm_trend[0][0], ctx.ikm_trend[-1][0]
    years = f"{first}–{last}" if first != last else str(first)
    return Chart(
        kind="line",
        title=f"Tren Indeks Kepuasan Masyarakat {years}",
        categories=tuple(
            f"{rules.format_triwulan(q, short=True)} {t}" for t, q, _ in ctx.ikm_trend
        ),
        series=(Series("IKM", tuple(v for _, _, v in ctx.ikm_trend)),),
        x_label="Triwulan",
        y_label="IKM",
        caption=counter.chart(f"Tren Indeks Kepuasan Masyarakat {years}"),
    )


def _plain(t):
    return t.atas if isinstance(t, rules.Rentang) else t
