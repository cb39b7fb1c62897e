"""Copy a unit's year (plan, targets, realisasi, budget) to a new unit with bulk inserts."""

from __future__ import annotations

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.measurement.models import Realisasi
from kinerja.organisations.models import PerangkatDaerah
from kinerja.planning.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    SubKegiatan,
    TargetTriwulan,
)


def _copy(obj, **changes):
    obj.pk = None
    obj.id = None
    for name, value in changes.items():
        setattr(obj, name, value)
    return obj


def clone_unit(source: PerangkatDaerah, kode: str, tahun: int) -> PerangkatDaerah:
    unit = _copy(PerangkatDaerah.objects.get(pk=source.pk), kode=kode, nama=f"Unit {kode}")
    unit.save()
    maps: dict[str, dict[int, object]] = {"sasaran": {}, "program": {}, "kegiatan": {}}
    for renstra in Renstra.objects.filter(perangkat=source):
        tujuan_list = list(renstra.tujuan.all())
        new_renstra = _copy(renstra, perangkat=unit)
        new_renstra.save()
        for tujuan in tujuan_list:
            sasaran_list = list(tujuan.sasaran.all())
            new_tujuan = _copy(tujuan, renstra=new_renstra)
            new_tujuan.save()
            for s in sasaran_list:
                old = s.id
                maps["sasaran"][old] = _copy(s, tujuan=new_tujuan)
                maps["sasaran"][old].save()
    programs = list(Program.objects.filter(perangkat=source, tahun=tahun))
    for p in programs:
        old = p.id
        maps["program"][old] = _copy(p, perangkat=unit, sasaran=maps["sasaran"].get(p.sasaran_id))
    Program.objects.bulk_create(maps["program"].values())
    kegiatan = list(Kegiatan.objects.filter(program__in=programs))
    for k in kegiatan:
        old = k.id
        maps["kegiatan"][old] = _copy(k, program=maps["program"][k.program_id])
    Kegiatan.objects.bulk_create(maps["kegiatan"].values())
    subs = list(SubKegiatan.objects.filter(kegiatan__in=kegiatan))
    sub_map = {s.id: _copy(s, kegiatan=maps["kegiatan"][s.kegiatan_id]) for s in subs}
    SubKegiatan.objects.bulk_create(sub_map.values())
    maps["sub_kegiatan"] = sub_map

    indicators = list(
        Indikator.objects.filter(sasaran_id__in=maps["sasaran"])
        | Indikator.objects.filter(program__in=programs)
        | Indikator.objects.filter(kegiatan__in=kegiatan)
        | Indikator.objects.filter(sub_kegiatan__in=subs)
    )
    ind_map = {}
    for ind in indicators:
        old = ind.id
        changes = {
            level: maps[level].get(getattr(ind, f"{level}_id"))
            for level in ("sasaran", "program", "kegiatan", "sub_kegiatan")
        }
        changes["realisasi_dari"] = maps["program"].get(ind.realisasi_dari_id)
        changes["sumber_data"] = None
        ind_map[old] = _copy(ind, tujuan=None, **changes)
    Indikator.objects.bulk_create(ind_map.values())
    for model in (TargetTriwulan, Realisasi):
        rows = model.objects.filter(indikator_id__in=ind_map, tahun=tahun)
        model.objects.bulk_create(_copy(r, indikator=ind_map[r.indikator_id]) for r in rows)
    lines = list(Belanja.objects.filter(sub_kegiatan__in=subs))
    line_map = {b.id: _copy(b, sub_kegiatan=sub_map[b.sub_kegiatan_id]) for b in lines}
    Belanja.objects.bulk_create(line_map.values())
    spent = RealisasiBelanja.objects.filter(belanja_id__in=line_map)
    RealisasiBelanja.objects.bulk_create(_copy(r, belanja=line_map[r.belanja_id]) for r in spent)
    return unit
