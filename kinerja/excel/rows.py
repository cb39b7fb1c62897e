"""Template import, planning sheets: Program, Indikator, Renstra and PK.

Each handler reads its rows (:func:`kinerja.excel.sheet.baca_lembar`), resolves codes and
IDs against the unit's data, and writes through :meth:`Konteks.terapkan` (``full_clean``,
then save). Every problem names sheet, row, column, value and reason.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal

from kinerja import rules
from kinerja.planning.models import (
    Indikator,
    Kegiatan,
    Program,
    Sasaran,
    SubKegiatan,
    TargetTriwulan,
)
from kinerja.rules import ParseError, format_triwulan, parse_angka, ringkas

from .import_ import Catatan, Konteks, sama
from .sheet import Baris, SelError, baca_lembar, nama_kolom
from .template import TINGKAT, TW, load_indicators, pemilik_of, renstra_of

LEMBAR = ("Program", "Indikator", "Realisasi", "Anggaran", "Renstra", "PK")
WAJIB = {
    "Program": ("tingkat", "kode", "nama"),
    "Indikator": ("id", "pemilik", "indikator"),
    "Realisasi": ("id", "triwulan", "realisasi"),
    "Anggaran": ("tingkat", "kode", "uraian", "id", "anggaran"),
    "Renstra": ("id", "indikator"),
    "PK": ("id", "target pk"),
}
MODELS = {"program": Program, "kegiatan": Kegiatan, "sub_kegiatan": SubKegiatan}
PARENT = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
_RENTANG = re.compile(r"^(.+?)\s*(?:–|—|\s-\s)\s*(.+)$")


def is_template(buku) -> bool:
    """The template: its Petunjuk or planning sheets, or an Anggaran sheet not SIPD-shaped."""
    from .sipd import cari_lembar

    names = set(buku.lembar)
    if "Petunjuk" in names or names & {"Program", "Indikator", "Realisasi", "Renstra", "PK"}:
        return True
    return "Anggaran" in names and cari_lembar(buku) is None


def parse_id(row: Baris, kolom: str = "id") -> int | None:
    """The ID cell: empty → None; a whole number → int; otherwise an error (SelError)."""
    text = row.teks(kolom)
    if not text:
        return None
    if not text.isdigit():
        row.galat(kolom, "ID harus berupa bilangan bulat dari templat; kosongkan untuk baris baru")
        raise SelError("id")
    return int(text)


def _meta(ctx: Konteks) -> None:
    """Unit and year written on the Petunjuk sheet must be the ones imported into."""
    if "Petunjuk" not in ctx.buku.lembar:
        return
    ws = ctx.buku.nilai["Petunjuk"]
    for r, (label, value) in enumerate(ws.iter_rows(max_row=10, max_col=2, values_only=True), 1):
        label, value = nama_kolom(label), str(value or "").strip()
        expected = {"unit": ctx.perangkat.kode, "tahun": str(ctx.tahun)}.get(label)
        if expected is not None and value and value != expected:
            row = Baris("Petunjuk", r, {"b": value}, {"b": 2}, {"b": label.title()}, [])
            row.masalah = ctx.pratinjau.galat
            row.galat("b", f"templat ini untuk {label} '{value}', bukan '{expected}'")


class Perencanaan:
    """State shared by the template's sheets while importing."""

    def __init__(self, ctx: Konteks) -> None:
        self.ctx = ctx
        self.nodes: dict[str, object] = {}  # kode → Program/Kegiatan/SubKegiatan
        self.levels: dict[str, str] = {}
        for level, model in MODELS.items():
            qs = model.objects.filter(**_scope(level, ctx))
            for obj in qs:
                self.nodes[obj.kode], self.levels[obj.kode] = obj, level
        renstra = renstra_of(ctx.perangkat, ctx.tahun)
        self.sasaran = (
            {s.nomor: s for s in Sasaran.objects.filter(tujuan__renstra=renstra)} if renstra else {}
        )
        self.indikator = {i.id: i for i in load_indicators(ctx.perangkat, ctx.tahun)}
        self.targets: dict[tuple[int, int], TargetTriwulan] = {
            (t.indikator_id, t.triwulan): t
            for t in TargetTriwulan.objects.filter(indikator_id__in=self.indikator, tahun=ctx.tahun)
        }
        for target in self.targets.values():  # its checks read the indicator as this import has it
            target.indikator = self.indikator[target.indikator_id]


def _scope(level: str, ctx: Konteks) -> dict:
    prefix = {"program": "", "kegiatan": "program__", "sub_kegiatan": "kegiatan__program__"}[level]
    return {f"{prefix}perangkat": ctx.perangkat, f"{prefix}tahun": ctx.tahun}


def run(ctx: Konteks) -> None:
    from . import rows_strategi

    _meta(ctx)
    sheets = {}
    for name in LEMBAR:
        if name in ctx.buku.lembar:
            rows = baca_lembar(ctx.buku, name, WAJIB[name], ctx.pratinjau.galat)
            if rows is not None:
                sheets[name] = rows
    ctx.lembar = sheets
    ctx.total = sum(len(r) for r in sheets.values())
    ctx.pratinjau.dibaca = ctx.total
    plan = Perencanaan(ctx)
    ctx.plan = plan
    for name, handler in (
        ("Program", _program),
        ("Indikator", _indikator),
        ("Renstra", rows_strategi.renstra),
        ("PK", rows_strategi.pk),
    ):
        seen: dict[object, int] = {}
        for row in sheets.get(name, []):
            with contextlib.suppress(SelError):  # the problem is already recorded
                handler(plan, row, seen)
            ctx.maju()


def _duplikat(row: Baris, seen: dict, key, kolom: str, apa: str) -> bool:
    if key in seen:
        row.galat(kolom, f"{apa} ganda: sudah ada di baris {seen[key]}")
        return True
    seen[key] = row.nomor
    return False


def _program(plan: Perencanaan, row: Baris, seen: dict) -> None:
    ctx = plan.ctx
    kode = row.teks("kode")
    tingkat = TINGKAT.get(row.teks("tingkat").casefold())
    if tingkat is None:
        row.galat("tingkat", "tingkat harus program, kegiatan atau sub kegiatan")
        return
    if not kode:
        row.galat("kode", "kode wajib diisi")
        return
    if _duplikat(row, seen, kode, "kode", "kode"):
        return
    log = Catatan(ctx, row, f"{tingkat.replace('_', ' ')} {kode}")
    obj = plan.nodes.get(kode)
    if obj is not None and plan.levels[kode] != tingkat:
        row.galat("tingkat", f"kode ini sudah terdaftar sebagai {plan.levels[kode]}")
        return
    values: dict[str, object] = {"nama": row.teks("nama")}
    exclude: tuple[str, ...] = ("perangkat", "program", "kegiatan", "sasaran")
    if obj is None:
        obj = MODELS[tingkat](kode=kode)
        log.dibuat = True
        if tingkat == "program":
            obj.perangkat, obj.tahun = ctx.perangkat, ctx.tahun
        else:
            parent = _induk(plan, kode, PARENT[tingkat])
            if parent is None:
                row.galat("kode", f"{PARENT[tingkat]} induk kode ini tidak ditemukan")
                return
            setattr(obj, PARENT[tingkat], parent)
    if tingkat == "program":
        nomor = row.angka("sasaran")
        sasaran = None
        if nomor is not None:
            sasaran = plan.sasaran.get(int(nomor)) if nomor == int(nomor) else None
            if sasaran is None:
                row.galat("sasaran", "nomor sasaran tidak ada di Renstra unit ini")
                return
        values["sasaran"] = sasaran
    if ctx.terapkan(log, obj, values, {"kode": "kode", "nama": "nama"}, exclude=exclude):
        plan.nodes[kode], plan.levels[kode] = obj, tingkat
    log.selesai()


def _induk(plan: Perencanaan, kode: str, level: str):
    best = None
    for other, lvl in plan.levels.items():
        if (
            lvl == level
            and kode.startswith(other + ".")
            and (best is None or len(other) > len(best))
        ):
            best = other
    return plan.nodes[best] if best else None


def _pemilik(plan: Perencanaan, row: Baris) -> dict | None:
    text = row.teks("pemilik")
    match = re.fullmatch(r"sasaran\s*:?\s*(\d+)", text, re.IGNORECASE)
    if match:
        sasaran = plan.sasaran.get(int(match[1]))
        if sasaran is None:
            row.galat("pemilik", "nomor sasaran tidak ada di Renstra unit ini")
            return None
        return {"sasaran": sasaran}
    if text not in plan.nodes:
        row.galat(
            "pemilik", "kode tidak dikenal: bukan program, kegiatan atau sub kegiatan unit ini"
        )
        return None
    return {plan.levels[text]: plan.nodes[text]}


def _pilihan(row: Baris, kolom: str, enum, default: str) -> str:
    text = row.teks(kolom).casefold() or default
    values = [e.value for e in enum]
    if text not in values:
        row.galat(kolom, f"pilih salah satu: {', '.join(values)}")
        raise SelError(kolom)
    return text


def target_sel(row: Baris, kolom: str) -> tuple[Decimal | None, Decimal | None]:
    """A target cell: a number, empty, or a range ``80 – 90`` (text)."""
    v = row.sel.get(kolom)
    if isinstance(v, str) and (m := _RENTANG.match(v.strip())):
        try:
            return parse_angka(m[1]), parse_angka(m[2])
        except ParseError as exc:
            row.galat(kolom, f"target rentang tidak terbaca: {str(exc).rstrip('.')}")
            raise SelError(kolom) from None
    return row.angka(kolom), None


def _indikator(plan: Perencanaan, row: Baris, seen: dict) -> None:
    ctx = plan.ctx
    iid = parse_id(row)
    owner = _pemilik(plan, row)
    if owner is None:
        return
    nama = row.teks("indikator")
    if iid is not None:
        if _duplikat(row, seen, iid, "id", "ID indikator"):
            return
        ind = plan.indikator.get(iid)
        if ind is None:
            row.galat("id", "ID indikator tidak dikenal untuk unit dan tahun ini")
            return
        if pemilik_of(ind).casefold() != _owner_text(owner).casefold():
            row.galat(
                "pemilik", f"pemilik indikator tidak dapat diubah lewat impor ({pemilik_of(ind)})"
            )
            return
    else:
        ind = Indikator(**owner)
    values = {
        "nama": nama,
        "satuan": row.teks("satuan"),
        "polaritas": _pilihan(row, "polaritas", rules.Polaritas, "positif"),
        "agregasi": _pilihan(row, "agregasi", rules.Agregasi, "jumlah"),
        "mode_target": _pilihan(row, "mode target", rules.ModeTarget, "per-triwulan"),
    }
    targets = {q: target_sel(row, f"target tw {_romawi(q)}") for q in TW}
    log = Catatan(ctx, row, f"indikator '{ringkas(nama)}'")
    log.dibuat = ind.pk is None
    kolom = {"nama": "indikator", "satuan": "satuan", "polaritas": "polaritas"}
    exclude = (
        "tujuan",
        "sasaran",
        "program",
        "kegiatan",
        "sub_kegiatan",
        "sumber_data",
        "realisasi_dari",
    )
    ctx.terapkan(log, ind, values, kolom, exclude=exclude)
    if log.gagal:
        return
    plan.indikator[ind.id] = ind
    for q, (nilai, atas) in targets.items():
        kolom_q = f"target tw {_romawi(q)}"
        current = plan.targets.get((ind.id, q))
        label = f"target {format_triwulan(q, short=True)}"
        old = (current.nilai, current.nilai_atas) if current else (None, None)
        if sama(old[0], nilai) and sama(old[1], atas):
            continue
        if (msg := ctx.kunci(q)) is not None:
            row.galat(kolom_q, msg)
            continue
        if nilai is None:
            ctx.hapus(log, current, label, current.nilai)
            del plan.targets[(ind.id, q)]
            continue
        target = current or TargetTriwulan(indikator=ind, tahun=ctx.tahun, triwulan=q)
        names = {"nilai": label, "nilai_atas": f"batas atas {format_triwulan(q, short=True)}"}
        if ctx.terapkan(
            log,
            target,
            {"nilai": nilai, "nilai_atas": atas},
            {"nilai": kolom_q, "nilai_atas": kolom_q},
            exclude=("indikator",),
            label=names,
        ):
            plan.targets[(ind.id, q)] = target
    log.selesai()


def _romawi(q: int) -> str:
    return format_triwulan(q, short=True).split()[1].casefold()


def _owner_text(owner: dict) -> str:
    ((level, obj),) = owner.items()
    return f"sasaran {obj.nomor}" if level == "sasaran" else obj.kode
