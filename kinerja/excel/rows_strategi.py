"""Template import, strategic sheets: Renstra (yearly targets, kondisi awal/akhir of tujuan
and sasaran indicators) and PK (Perjanjian Kinerja targets of the year)."""

from __future__ import annotations

import re

from kinerja.planning.models import (
    PerjanjianKinerja,
    PerjanjianKinerjaIndikator,
    TargetTahunan,
)
from kinerja.rules import ringkas

from .import_ import Catatan
from .rows import Perencanaan, _duplikat, parse_id
from .sheet import Baris


def renstra(plan: Perencanaan, row: Baris, seen: dict) -> None:
    ctx = plan.ctx
    iid = parse_id(row)
    if (
        iid is None
        or (ind := plan.indikator.get(iid)) is None
        or not (ind.tujuan_id or ind.sasaran_id)
    ):
        row.galat(
            "id",
            "ID indikator tujuan/sasaran tidak dikenal (baris baru tidak didukung di lembar ini)",
        )
        return
    if _duplikat(row, seen, iid, "id", "ID indikator"):
        return
    log = Catatan(ctx, row, f"Renstra '{ringkas(ind.nama)}'")
    values = {
        "kondisi_awal": row.angka("kondisi awal"),
        "kondisi_akhir": row.angka("kondisi akhir"),
    }
    ctx.terapkan(
        log,
        ind,
        values,
        {"kondisi_awal": "kondisi awal", "kondisi_akhir": "kondisi akhir"},
        exclude=(
            "tujuan",
            "sasaran",
            "program",
            "kegiatan",
            "sub_kegiatan",
            "sumber_data",
            "realisasi_dari",
        ),
    )
    current = {t.tahun: t for t in TargetTahunan.objects.filter(indikator=ind)}
    for kolom in row.kolom:
        m = re.fullmatch(r"target (\d{4})", kolom)
        if not m:
            continue
        tahun, nilai = int(m[1]), row.angka(kolom)
        t = current.get(tahun)
        if t is None and nilai is None:
            continue
        if nilai is None:
            ctx.hapus(log, t, f"target {tahun}", t.nilai)
            continue
        t = t or TargetTahunan(indikator=ind, tahun=tahun)
        ctx.terapkan(
            log,
            t,
            {"nilai": nilai},
            {"nilai": kolom},
            exclude=("indikator",),
            label={"nilai": f"target {tahun}"},
        )
    log.selesai()


def pk(plan: Perencanaan, row: Baris, seen: dict) -> None:
    ctx = plan.ctx
    iid = parse_id(row)
    ind = plan.indikator.get(iid) if iid is not None else None
    if ind is None:
        row.galat("id", "ID indikator tidak dikenal untuk unit dan tahun ini")
        return
    if _duplikat(row, seen, iid, "id", "ID indikator"):
        return
    log = Catatan(ctx, row, f"PK '{ringkas(ind.nama)}'")
    target = row.angka("target pk")
    pk = PerjanjianKinerja.objects.filter(perangkat=ctx.perangkat, tahun=ctx.tahun).first()
    current = (
        PerjanjianKinerjaIndikator.objects.filter(perjanjian=pk, indikator=ind).first()
        if pk
        else None
    )
    if target is None:
        if current is not None:
            ctx.hapus(log, current, "target PK", current.target)
        log.selesai()
        return
    if pk is None:
        pk = PerjanjianKinerja.objects.create(perangkat=ctx.perangkat, tahun=ctx.tahun)
    obj = current or PerjanjianKinerjaIndikator(perjanjian=pk, indikator=ind, urutan=row.nomor)
    log.dibuat = obj.pk is None
    ctx.terapkan(
        log,
        obj,
        {"target": target},
        {"target": "target pk"},
        exclude=("perjanjian", "indikator"),
        label={"target": "target PK"},
    )
    log.selesai()
