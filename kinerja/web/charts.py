"""Chart data for the dashboards (TW I–IV per indicator), as JSON-ready strings.

Numbers leave as decimal strings ("84.73"), never floats; Chart.js reads them as numbers.
"""

from __future__ import annotations

from kinerja import rules
from kinerja.measurement.scorecard import Scorecard

LABELS = [rules.format_triwulan(q, short=True) for q in (1, 2, 3, 4)]


def _value(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, rules.Rentang):
        v = v.atas
    return str(v)


def indicator_series(card: Scorecard) -> list[dict]:
    """Target and realisasi per quarter of the sasaran and program indicators."""
    scores = [i for s in card.sasaran for i in s.indikator]
    scores += [i for p in card.programs for i in p.indikator]
    return [
        {
            "id": f"grafik-{i.id}",
            "judul": i.nama,
            "satuan": i.satuan,
            "labels": LABELS,
            "target": [_value(t) for t in i.targets],
            "realisasi": [_value(r) for r in i.realisasi],
        }
        for i in scores
    ]
