"""Report figures for ``make bench``: build, DOCX, PDF, peak memory, build/renderer ratio.

Each export is timed three times from cold charts (drawn again each time), after the
previous export's garbage is collected; the median is the figure, with the range beside
it: on a shared machine one run can take half again as long as the next.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import time
from collections.abc import Callable
from datetime import date

from bench.figures import angka, detik

RUNS = 3


def bench_reports(towuti) -> None:
    start = time.perf_counter()
    from kinerja.reports import charts
    from kinerja.reports.builders import build_report
    from kinerja.reports.exporters import formats, get_exporter

    formats()  # python-docx, WeasyPrint, matplotlib: loaded once per process, not per report
    loaded = time.perf_counter() - start

    def build():
        return build_report("triwulan", towuti, 2024, 4, date(2025, 1, 20))

    start = time.perf_counter()
    document = build()
    built = time.perf_counter() - start

    def cold(fmt: str) -> Callable[[], object]:
        def render():
            charts._CACHE.clear()  # every chart drawn again
            return get_exporter(fmt).render(document)

        return render

    figures = {fmt: _runs(cold(fmt)) for fmt in ("docx", "pdf")}
    renderer = _runs(lambda: get_exporter("pdf").render(document))  # charts drawn: renderer
    whole = built + statistics.median(figures["pdf"])
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"memuat pustaka laporan (sekali per proses): {detik(loaded)}")
    print(f"laporan Towuti TW IV: model {detik(built)}, {len(document.charts())} grafik")
    docx, pdf = _figure(figures["docx"]), _figure(figures["pdf"])
    print(f"laporan Towuti TW IV DOCX:                  {docx}   (target ≤ 1,5 s)")
    print(f"laporan Towuti TW IV PDF:                   {pdf}   (target ≤ 3 s)")
    memory = f"proses {own:.0f} MB, pekerja grafik {workers:.0f} MB"
    print(f"memori puncak: {memory}   (target ≤ 300 MB)")
    ratio = angka(whole / statistics.median(renderer), 2)
    print(f"rasio seluruh pembuatan PDF / renderer saja: {ratio}×   (target ≤ 1,5×)")
    for fmt, label in (("docx", "penyusunan"), ("pdf", "tata letak dan penulisan")):
        _cpu_work(document, fmt, label)


def _cpu_work(document, fmt: str, label: str) -> None:
    """The processor time an export needs, the exporter's own (its charts already drawn)
    and its charts' (drawn here one after another), and so the least wall time it can take
    on this machine's cores, were the work shared among them perfectly: a floor under which
    no ordering of the work goes. Processor time varies less than wall time here."""
    from kinerja.reports import charts
    from kinerja.reports.docx_export import CHART_DPI
    from kinerja.reports.exporters import get_exporter

    exporter, placed = get_exporter(fmt), document.charts()
    draw = (lambda c: charts.render_png(c, CHART_DPI)) if fmt == "docx" else charts.render_pdf
    charts._CACHE.clear()
    start = time.process_time()
    for chart in placed:
        draw(chart)
    drawn = time.process_time() - start
    own = statistics.median(_runs(lambda: exporter.render(document), clock=time.process_time))
    total, cores = own + drawn, os.cpu_count() or 1
    print(
        f"kerja prosesor {fmt.upper()}: {label} {detik(own)} + {len(placed)} grafik "
        f"{detik(drawn)} = {detik(total)}; pada {cores} inti paling cepat {detik(total / cores)}"
    )


def _runs(render: Callable[[], object], clock: Callable[[], float] = time.perf_counter):
    times = []
    for _ in range(RUNS):
        gc.collect()  # the previous export's cyclic garbage: not this one's time
        start = clock()
        render()
        times.append(clock() - start)
    return times


def _figure(times: list[float]) -> str:
    """``1,62 s (1,55–1,80, median of 3)``."""
    low, high = angka(min(times), 2), angka(max(times), 2)
    return f"{detik(statistics.median(times))} ({low}–{high}, median {len(times)} kali)"
