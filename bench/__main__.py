"""``make bench``: load the sample, compute it, compute a synthetic kabupaten of 40 units.

Runs on its own throw-away SQLite database (or on DATABASE_URL's server if set) and prints
its figures; the targets from the issue are printed beside them.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

from bench.figures import angka, ms


def timed(fn, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    os.environ.setdefault("KINERJA_DATA", tempfile.mkdtemp(prefix="kinerja-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.clone import clone_unit
    from kinerja.measurement.scorecard import build_scorecard, build_scorecards
    from kinerja.organisations.models import PerangkatDaerah
    from kinerja.sample.loader import load_sample

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    load_sample()
    print(f"memuat contoh Towuti (pertama kali):        {ms(time.perf_counter() - start)}")
    print(f"memuat contoh Towuti (kedua, tanpa ubahan): {ms(timed(load_sample, 1))}")

    towuti = PerangkatDaerah.objects.select_related("pemda__skala_predikat").get(kode="towuti")
    one = timed(lambda: build_scorecard(towuti, 2024, 4), 20)
    print(f"capaian, rollup dan anggaran Towuti:        {ms(one)}   (target < 50 ms)")

    for n in range(2, 41):
        clone_unit(towuti, f"unit-{n:02d}", 2024)
    units = list(PerangkatDaerah.objects.select_related("pemda__skala_predikat"))

    def all_units():
        for unit in units:
            build_scorecard(unit, 2024, 4)

    one_by_one = timed(all_units, 5)
    print(f"kabupaten sintetis {len(units)} unit, satu per satu: {ms(one_by_one)}")
    kab = timed(lambda: build_scorecards(units, 2024, 4), 5)
    print(f"kabupaten sintetis {len(units)} unit, sekaligus:     {ms(kab)}   (target < 500 ms)")

    def raw_group_by():
        with connection.cursor() as cursor:
            cursor.execute(GROUP_BY_SQL)
            cursor.fetchall()
            cursor.execute(INDICATOR_SQL)
            cursor.fetchall()

    raw = timed(raw_group_by, 5)
    print(f"SQL GROUP BY mentah atas baris yang sama:   {ms(raw)}")
    print(f"rasio kinerja / SQL mentah:                 {angka(kab / raw, 1)}×   (target ≤ 3×)")
    bench_ikm()
    from bench.reports import bench_reports

    bench_reports(towuti)
    from bench.excel import bench_excel

    bench_excel(towuti, ms)
    from bench.web import bench_web

    bench_web(towuti, timed, ms)
    from bench.latency import bench_latency

    bench_latency(ms)
    from bench.survey_web import bench_survey_web

    bench_survey_web(towuti)
    from bench.machine import bench_machine

    bench_machine()  # last: its million objects must not count in the reports' peak memory


def bench_ikm() -> None:
    """IKM of 100 000 respondents × 9 unsur through the rules core (validation included)."""
    import random

    from kinerja.rules.ikm import hitung_ikm, kuesioner_preset

    kuesioner = kuesioner_preset("permenpanrb-14-2017")
    acak = random.Random(2024)
    jawaban = [tuple(acak.choices((1, 2, 3, 4), k=9)) for _ in range(100_000)]
    detik = timed(lambda: hitung_ikm(kuesioner, jawaban), 5)
    print(f"IKM 100.000 responden × 9 unsur:            {ms(detik)}   (target ≤ 1 s)")


GROUP_BY_SQL = """
SELECT p.perangkat_id, p.id, SUM(b.anggaran), SUM(COALESCE(r.nilai, 0))
FROM budget_belanja b
JOIN planning_subkegiatan s ON s.id = b.sub_kegiatan_id
JOIN planning_kegiatan k ON k.id = s.kegiatan_id
JOIN planning_program p ON p.id = k.program_id
LEFT JOIN budget_realisasibelanja r ON r.belanja_id = b.id AND r.triwulan = 4
WHERE p.tahun = 2024
GROUP BY p.perangkat_id, p.id
"""

INDICATOR_SQL = """
SELECT t.indikator_id, SUM(t.nilai), MAX(t.nilai), COUNT(*)
FROM planning_targettriwulan t WHERE t.tahun = 2024 GROUP BY t.indikator_id
UNION ALL
SELECT r.indikator_id, SUM(r.nilai), MAX(r.nilai), COUNT(*)
FROM measurement_realisasi r WHERE r.tahun = 2024 GROUP BY r.indikator_id
"""

if __name__ == "__main__":
    main()
