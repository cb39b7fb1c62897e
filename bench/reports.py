"""Report figures for ``make bench``: build, DOCX, PDF, peak memory, build/renderer ratio."""

from __future__ import annotations

import gc
import resource
import time
from datetime import date

from bench.figures import angka, detik


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
    figures = {}
    for fmt in ("docx", "pdf"):
        charts._CACHE.clear()  # cold: every chart drawn again
        start = time.perf_counter()
        get_exporter(fmt).render(document)
        figures[fmt] = time.perf_counter() - start
    gc.collect()  # the PDF before left ~300.000 cyclic objects: not the renderer's own time
    start = time.perf_counter()
    get_exporter("pdf").render(document)  # charts already drawn: the renderer alone
    renderer = time.perf_counter() - start
    whole = built + figures["pdf"]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"memuat pustaka laporan (sekali per proses): {detik(loaded)}")
    print(f"laporan Towuti TW IV: model {detik(built)}, {len(document.charts())} grafik")
    print(
        f"laporan Towuti TW IV DOCX:                  {detik(figures['docx'])}   (target ≤ 1,5 s)"
    )
    print(f"laporan Towuti TW IV PDF:                   {detik(figures['pdf'])}   (target ≤ 3 s)")
    memory = f"proses {own:.0f} MB, pekerja grafik {workers:.0f} MB"
    print(f"memori puncak: {memory}   (target ≤ 300 MB)")
    ratio = angka(whole / renderer, 2)
    print(f"rasio seluruh pembuatan PDF / renderer saja: {ratio}×   (target ≤ 1,5×)")
