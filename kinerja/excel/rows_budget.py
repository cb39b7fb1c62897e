"""Template import, quarterly sheets: Realisasi (per indicator and quarter) and Anggaran.

Realisasi needs a target in its quarter (after the Indikator sheet is applied). Anggaran
rows are laid out as the budget tree: program, kegiatan and sub kegiatan rows state totals
(SUM formulas in the template), belanja rows below their sub kegiatan hold the money; each
stated total is checked against the rows under it (:mod:`kinerja.excel.totals`).
"""

from __future__ import annotations

import contextlib

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.measurement.models import Realisasi
from kinerja.rules import format_triwulan, ringkas

from .import_ import Catatan, Konteks, sama
from .rows import TINGKAT, Perencanaan, _duplikat, _romawi, parse_id
from .sheet import Baris, SelError
from .template import TW
from .totals import Simpul, periksa_jumlah, susun

DEPTH = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2, "belanja": 3}
TEKS = ("faktor_pendukung", "faktor_penghambat", "solusi")


def run(ctx: Konteks) -> None:
    plan: Perencanaan = ctx.plan
    plan.realisasi = {
        (r.indikator_id, r.triwulan): r
        for r in Realisasi.objects.filter(indikator_id__in=plan.indikator, tahun=ctx.tahun)
    }
    for realisasi in plan.realisasi.values():  # its checks read the indicator as imported
        realisasi.indikator = plan.indikator[realisasi.indikator_id]
    seen: dict = {}
    for row in ctx.lembar.get("Realisasi", []):
        with contextlib.suppress(SelError):
            _realisasi(plan, row, seen)
        ctx.maju()
    if "Anggaran" in ctx.lembar:
        _anggaran(plan, ctx.lembar["Anggaran"])


def _triwulan(row: Baris) -> int:
    q = row.angka("triwulan")
    if q is None or q not in TW:
        row.galat("triwulan", "triwulan harus 1, 2, 3 atau 4")
        raise SelError("triwulan")
    return int(q)


def _realisasi(plan: Perencanaan, row: Baris, seen: dict) -> None:
    ctx = plan.ctx
    iid = parse_id(row)
    ind = plan.indikator.get(iid) if iid is not None else None
    if ind is None:
        row.galat("id", "ID indikator tidak dikenal untuk unit dan tahun ini")
        return
    q = _triwulan(row)
    if _duplikat(row, seen, (iid, q), "triwulan", "indikator dan triwulan"):
        return
    nilai = row.angka("realisasi")
    values = {"nilai": nilai, **{t: row.teks(t.replace("_", " ")) for t in TEKS}}
    current = plan.realisasi.get((iid, q))
    tw = format_triwulan(q, short=True)
    log = Catatan(ctx, row, f"realisasi {tw} '{ringkas(ind.nama)}'")
    if current is None and all(v in (None, "") for v in values.values()):
        log.selesai()
        return
    if ind.realisasi_dari_id and nilai is not None:
        row.galat("realisasi", "realisasi indikator ini dihitung dari capaian program, tidak diisi")
        return
    if current is not None and all(sama(getattr(current, k), v) for k, v in values.items()):
        log.selesai()  # unchanged rows are not judged again (the sample has such quarters)
        return
    if nilai is not None and (iid, q) not in plan.targets:
        row.galat(
            "realisasi", f"realisasi {tw} tanpa target; isi dulu target {tw} di lembar Indikator"
        )
        return
    if (msg := ctx.kunci(q)) is not None:
        row.galat("realisasi", msg)
        return
    obj = current or Realisasi(indikator=ind, tahun=ctx.tahun, triwulan=q)
    log.dibuat = current is None
    kolom = {"nilai": "realisasi", **{t: t.replace("_", " ") for t in TEKS}}
    if ctx.terapkan(log, obj, values, kolom, exclude=("indikator",), label={"nilai": "realisasi"}):
        plan.realisasi[(iid, q)] = obj
    log.selesai()


def _nyata(row: Baris, kolom: str):
    """A stated parent total: empty (or a formula without a cached value) is not stated."""
    return None if row.sel.get(kolom) is None else row.angka(kolom)


def _anggaran(plan: Perencanaan, rows: list[Baris]) -> None:
    ctx = plan.ctx
    belanja = {
        b.id: b
        for b in Belanja.objects.filter(
            sub_kegiatan__kegiatan__program__perangkat=ctx.perangkat,
            sub_kegiatan__kegiatan__program__tahun=ctx.tahun,
        )
    }
    spent = {
        (r.belanja_id, r.triwulan): r
        for r in RealisasiBelanja.objects.filter(belanja_id__in=belanja)
    }
    kolom = ["anggaran", *(f"realisasi s.d. tw {_romawi(q)}" for q in TW)]
    simpul: list[Simpul] = []
    parents: list[Catatan] = []
    sub = None
    urutan = 0
    seen: dict = {}
    for row in rows:
        ctx.maju()
        text = row.teks("tingkat").casefold()
        level = "belanja" if text == "belanja" else TINGKAT.get(text)
        if level is None:
            row.galat("tingkat", "tingkat harus program, kegiatan, sub kegiatan atau belanja")
            continue
        try:
            if level != "belanja":
                kode = row.teks("kode")
                node = plan.nodes.get(kode)
                if node is None or plan.levels[kode] != level:
                    row.galat(
                        "kode",
                        f"kode {level.replace('_', ' ')} tidak dikenal; tambahkan "
                        "di lembar Program",
                    )
                    sub = None
                    continue
                if level == "sub_kegiatan":
                    sub, urutan = node, 0
                simpul.append(Simpul(DEPTH[level], row.nomor, [_nyata(row, k) for k in kolom]))
                parents.append(Catatan(ctx, row, kode))  # counted after the totals check
                continue
            urutan += 1
            line = _belanja(plan, row, sub, belanja, spent, kolom, urutan, seen)
            if line is not None:
                simpul.append(Simpul(DEPTH["belanja"], row.nomor, line))
        except SelError:
            continue
    ctx.simpan_tertunda()
    columns = [rows[0].letak(k) for k in kolom] if rows else kolom
    totals = periksa_jumlah(susun(simpul), "Anggaran", columns)
    wrong = {m.baris for m in totals}
    for log in parents:  # a parent row has no cell problem of its own (it would be skipped)
        log.cacat = log.row.nomor in wrong
        log.galat_awal = len(ctx.pratinjau.galat)
        log.selesai()
    ctx.pratinjau.galat.extend(totals)


def _belanja(plan, row: Baris, sub, belanja: dict, spent: dict, kolom, urutan: int, seen: dict):
    ctx = plan.ctx
    if sub is None:
        row.galat("tingkat", "baris belanja harus berada di bawah baris sub kegiatan yang dikenal")
        return None
    bid = parse_id(row)
    if bid is not None:
        if _duplikat(row, seen, bid, "id", "ID belanja"):
            return None
        if bid not in belanja:
            row.galat("id", "ID belanja tidak dikenal untuk unit dan tahun ini")
            return None
    amounts = [row.angka(k) for k in kolom]
    if amounts[0] is None:
        row.galat("anggaran", "anggaran belanja wajib diisi (0 bila tidak ada pagu)")
        return None
    obj = belanja.get(bid) if bid is not None else Belanja(urutan=urutan)
    log = Catatan(ctx, row, f"belanja '{ringkas(row.teks('uraian'))}'")
    log.dibuat = obj.pk is None
    values = {
        "sub_kegiatan": sub,
        "uraian": row.teks("uraian"),
        "kode_rekening": row.teks("kode rekening"),
        "anggaran": amounts[0],
    }
    names = {"uraian": "uraian", "kode_rekening": "kode rekening", "anggaran": "anggaran"}
    ctx.terapkan(
        log,
        obj,
        values,
        names,
        exclude=("sub_kegiatan",),
        label={"sub_kegiatan": "sub kegiatan"},
        tunda=True,
    )
    if log.gagal:
        return None
    for q, nilai in zip(TW, amounts[1:], strict=True):
        current = spent.get((obj.id, q))
        old = current.nilai if current else None
        if sama(old, nilai):
            continue
        label = f"realisasi s.d. {format_triwulan(q, short=True)}"
        if (msg := ctx.kunci(q)) is not None:
            row.galat(kolom[q], msg)
            continue
        if nilai is None:
            ctx.hapus(log, current, label, old)
            continue
        target = current or RealisasiBelanja(belanja=obj, triwulan=q)
        ctx.terapkan(
            log,
            target,
            {"nilai": nilai},
            {"nilai": kolom[q]},
            exclude=("belanja",),
            label={"nilai": label},
            tunda=True,
        )
    log.selesai()
    return amounts
