"""Bench of Excel in and out: a 5 000-row workbook validated and imported, the Towuti export."""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from kinerja.excel import import_
from kinerja.excel.export import tulis_ekspor
from kinerja.excel.template import ANGGARAN
from kinerja.planning.tree import load_tree

ROWS = 5_000


def workbook_5000(perangkat, tahun: int) -> bytes:
    """An Anggaran sheet of ``ROWS`` new belanja lines spread over the unit's sub kegiatan."""
    subs = [n for n in load_tree(perangkat.id, tahun).walk() if n.level == "sub_kegiatan"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggaran"
    ws.append([k.judul for k in ANGGARAN])
    per_sub = -(-ROWS // len(subs))
    written = 0
    for sub in subs:
        ws.append(["sub kegiatan", sub.kode, sub.nama])
        for i in range(min(per_sub, ROWS - written)):
            ws.append(
                [
                    "belanja",
                    None,
                    f"Belanja uji {i + 1}",
                    None,
                    None,
                    1_000_000 + i,
                    250_000,
                    500_000,
                    750_000,
                    1_000_000,
                ]
            )
            written += 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def bench_excel(perangkat, ms) -> None:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        tulis_ekspor(perangkat, 2024, Path(folder))
        ekspor = time.perf_counter() - start
    print(f"ekspor XLSX Towuti 2024 (4 tabel):          {ms(ekspor)}   (target ≤ 1 s)")
    data = workbook_5000(perangkat, 2024)
    start = time.perf_counter()
    preview = import_.dry_run(data, perangkat, 2024)
    coba = time.perf_counter() - start
    start = time.perf_counter()
    result = import_.apply(data, perangkat, 2024)
    impor = time.perf_counter() - start
    assert result.disimpan and len(result.dibuat) == ROWS, result.ringkasan()
    print(f"impor 5.000 baris, pratinjau (--coba):      {ms(coba)}   ({preview.ringkasan()})")
    print(f"impor 5.000 baris, divalidasi dan disimpan: {ms(impor)}   (target ≤ 10 s)")
