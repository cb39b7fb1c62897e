"""SIPD-style budget realisation sheets: kode, uraian, anggaran, realisasi, persen.

The hierarchy (total → program → kegiatan → sub kegiatan → belanja) comes from a ``level``
or ``tingkat`` column when there is one, otherwise from the shape of full Kepmendagri codes
(``7.01.01`` program, ``7.01.01.2.01`` kegiatan, ``7.01.01.2.01.0001`` sub kegiatan, a
six-part rekening ``5.1.02.01.01.0024`` belanja, ``5``/``5.2`` total), otherwise from the
layout: the indentation of the uraian cell, and a row without a code is a belanja line.

Checks: every parent is computed from the rows under it and each stated total that differs
is reported (:mod:`kinerja.excel.totals`); each stated percentage is checked by the
Inspektorat's reviu (:func:`kinerja.periksa.check.periksa`, the code behind
``kinerja periksa``), so both commands judge a printed percentage the same way.
Import: sub kegiatan are matched to the unit's tree by code (full, or the last part as
printed) or name; belanja lines by kode rekening or uraian; anggaran and the cumulative
realisasi of the quarter are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.periksa.check import Hasil, Opsi, periksa
from kinerja.periksa.table import Tabel
from kinerja.planning.tree import Node, load_tree
from kinerja.rules import format_angka, format_triwulan, ringkas

from .import_ import Catatan, Konteks, sama
from .sheet import Baris, Buku, BukuError, Masalah, SelError, baca_lembar, nama_kolom, sel_angka
from .totals import Simpul, periksa_jumlah, susun

LEVELS = ("total", "program", "kegiatan", "sub_kegiatan", "belanja")
WAJIB = ("kode", "uraian", "anggaran", "realisasi")
_LEVEL_TEKS = {"sub kegiatan": "sub_kegiatan", "subkegiatan": "sub_kegiatan", "rincian": "belanja"}
_SHAPES = (
    (re.compile(r"\d(\.\d+)?"), "total"),
    (re.compile(r"\d+\.\d{2}\.\d{2}"), "program"),
    (re.compile(r"\d+\.\d{2}\.\d{2}\.\d\.\d{2}"), "kegiatan"),
    (re.compile(r"\d+\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}"), "sub_kegiatan"),
    (re.compile(r"5(\.\d+){5}"), "belanja"),
)


@dataclass
class BarisSipd:
    baris: Baris
    level: str
    kode: str
    uraian: str
    anggaran: Decimal | None
    realisasi: Decimal | None
    persen: str  # as stated, Indonesian form, for the reviu

    @property
    def nomor(self) -> int:
        return self.baris.nomor


@dataclass
class LembarSipd:
    nama: str
    baris: list[BarisSipd] = field(default_factory=list)


def cari_lembar(buku: Buku) -> str | None:
    """The first sheet whose header (first 10 rows) has kode, uraian, anggaran, realisasi."""
    for name in buku.lembar:
        for values in buku.nilai[name].iter_rows(max_row=10, values_only=True):
            names = {nama_kolom(v) for v in values}
            if all(w in names for w in WAJIB):
                return name
    return None


def _shape(kode: str) -> str | None:
    for pattern, level in reversed(_SHAPES):
        if pattern.fullmatch(kode):
            return level
    return None


def _places(cell) -> int | None:
    """Decimals shown by the cell's number format; None for General (use the value's own)."""
    fmt = getattr(cell, "number_format", "") or ""
    if fmt == "General" or not re.search(r"[0#]", fmt):
        return None
    if "." in fmt:
        return len(re.match(r"0*", fmt.split(".", 1)[1]).group())
    return 0


def _persen(row: Baris, cell) -> str:
    """The stated percentage as Indonesian text with its printed decimals, or as written."""
    v = row.sel.get("persen")
    if isinstance(v, str):
        text = v.replace("\xa0", " ").strip()
        if not text or text.startswith("#") or text in {"-", "–", "—"}:
            return text
    try:
        number = sel_angka(v)
    except SelError as exc:
        row.galat("persen", str(exc))
        return ""
    if number is None:
        return ""
    if isinstance(v, str):
        return v.strip()
    places = _places(cell)
    if "%" in (getattr(cell, "number_format", "") or ""):  # 0,7911 shown as 79,11%
        number *= 100
    if places is None:
        places = max(-number.as_tuple().exponent, 0)
    return format_angka(number, places)


def baca_sipd(buku: Buku, masalah: list[Masalah]) -> LembarSipd:
    """Read the SIPD sheet of ``buku``: rows with their level; :class:`BukuError` if none."""
    name = cari_lembar(buku)
    if name is None:
        raise BukuError(
            f"Berkas '{buku.nama}' tidak memuat lembar templat Kinerja (Petunjuk, Program, "
            "Indikator, …) maupun lembar realisasi anggaran bergaya SIPD (kolom kode, uraian, "
            "anggaran, realisasi, persen)."
        )
    rows = baca_lembar(buku, name, WAJIB, masalah) or []
    ws = buku.nilai[name]
    level_col = next((k for k in ("level", "tingkat") if rows and k in rows[0].kolom), None)
    indents = {}
    for row in rows:
        cell = ws.cell(row=row.nomor, column=row.kolom["uraian"])
        indents[row.nomor] = int(getattr(cell.alignment, "indent", 0) or 0)
    ranks = sorted(set(indents.values()))
    by_indent = LEVELS if len(ranks) == 5 else LEVELS[1:] if len(ranks) == 4 else None
    sheet = LembarSipd(name)
    for row in rows:
        kode = row.teks("kode")
        level = None
        if level_col:
            text = row.teks(level_col).casefold()
            level = _LEVEL_TEKS.get(text, text) if _LEVEL_TEKS.get(text, text) in LEVELS else None
        level = level or _shape(kode)
        if level is None and by_indent and max(ranks) > 0:
            level = by_indent[ranks.index(indents[row.nomor])]
        if level is None and not kode:
            level = "belanja"
        if level is None:
            row.galat("kode", "tingkat baris tidak dapat ditentukan dari kode maupun tata letak")
            continue
        amounts = []
        for k in ("anggaran", "realisasi"):
            try:
                amounts.append(row.angka(k))
            except SelError:
                amounts.append(None)
        cell = ws.cell(row=row.nomor, column=row.kolom["persen"]) if "persen" in row.kolom else None
        persen = _persen(row, cell) if cell is not None else ""
        sheet.baris.append(BarisSipd(row, level, kode, row.teks("uraian"), *amounts, persen))
    return sheet


def periksa_sipd(sheet: LembarSipd) -> list[Masalah]:
    """Every stated total that is not the sum of its rows, every wrong stated percentage."""
    if not sheet.baris:
        return []
    first = sheet.baris[0].baris
    simpul = [
        Simpul(LEVELS.index(b.level), b.nomor, [b.anggaran, b.realisasi]) for b in sheet.baris
    ]
    masalah = periksa_jumlah(
        susun(simpul), sheet.nama, [first.letak("anggaran"), first.letak("realisasi")]
    )
    tabel = Tabel(header=["anggaran", "realisasi", "persen"])
    for b in sheet.baris:
        tabel.baris.append(
            [format_angka(v, None) if v is not None else "" for v in (b.anggaran, b.realisasi)]
            + [b.persen]
        )
        tabel.nomor.append(b.nomor)
    laporan = periksa(tabel, Opsi(desimal="koma"))
    for b, hasil, out in zip(sheet.baris, laporan.hasil, laporan.tabel.baris, strict=True):
        if hasil == Hasil.SELISIH:
            masalah.append(
                Masalah(
                    sheet.nama, b.nomor, first.letak("persen"), b.persen, f"persen salah: {out[-1]}"
                )
            )
    return sorted(masalah, key=lambda m: m.baris)


def _kunci_nama(text: str) -> str:
    return " ".join(re.split(r"[\W_]+", text.casefold())).strip()


def _cocok(children: list[Node], kode: str, uraian: str) -> Node | None:
    for node in children:
        if node.kode == kode:
            return node
    last = kode.rsplit(".", 1)[-1]
    by_code = [
        n
        for n in children
        if last.isdigit()
        and n.kode.rsplit(".", 1)[-1].isdigit()
        and int(n.kode.rsplit(".", 1)[-1]) == int(last)
    ]
    by_name = [n for n in children if _kunci_nama(n.nama) == _kunci_nama(uraian)]
    both = [n for n in by_code if n in by_name]
    for candidates in (both, by_code if len(by_code) == 1 else [], by_name):
        if len(candidates) == 1:
            return candidates[0]
    return None


def run(ctx: Konteks, triwulan: int) -> None:
    sheet = baca_sipd(ctx.buku, ctx.pratinjau.galat)
    ctx.total = ctx.pratinjau.dibaca = len(sheet.baris)
    checks = periksa_sipd(sheet)
    bad = {m.baris for m in checks}
    tree = load_tree(ctx.perangkat.id, ctx.tahun)
    lines: dict[int, list[Belanja]] = {}
    for b in Belanja.objects.filter(sub_kegiatan_id__in=tree.sub_kegiatan_ids()).order_by(
        "urutan", "id"
    ):
        lines.setdefault(b.sub_kegiatan_id, []).append(b)
    spent = {
        r.belanja_id: r
        for r in RealisasiBelanja.objects.filter(
            belanja__sub_kegiatan_id__in=tree.sub_kegiatan_ids(), triwulan=triwulan
        )
    }
    path: dict[str, Node | None] = {}
    used: set[int] = set()
    for b in sheet.baris:
        ctx.maju()
        log = Catatan(ctx, b.baris, ringkas(b.uraian))
        log.cacat = b.nomor in bad
        if b.level in ("program", "kegiatan", "sub_kegiatan"):
            index = LEVELS.index(b.level)
            parent = path.get(LEVELS[index - 1]) if b.level != "program" else None
            children = (
                tree.programs if b.level == "program" else (parent.children if parent else [])
            )
            node = _cocok(children, b.kode, b.uraian) if (parent or b.level == "program") else None
            for deeper in LEVELS[index:]:
                path[deeper] = None
            path[b.level] = node
            if node is None and (parent or b.level == "program"):
                b.baris.galat(
                    "uraian",
                    f"{b.level.replace('_', ' ')} tidak dikenal di pohon "
                    f"program unit ini (kode '{b.kode}')",
                    b.uraian,
                )
        elif b.level == "belanja":
            sub = path.get("sub_kegiatan")
            if sub is not None:
                _belanja(ctx, log, b, sub, lines.setdefault(sub.id, []), spent, used, triwulan)
        log.selesai()
    ctx.simpan_tertunda()
    ctx.pratinjau.galat.extend(checks)


def _belanja(ctx, log, b: BarisSipd, sub: Node, existing, spent, used, triwulan: int) -> None:
    match = next(
        (x for x in existing if x.id not in used and b.kode and x.kode_rekening == b.kode), None
    )
    match = match or next(
        (
            x
            for x in existing
            if x.id not in used and _kunci_nama(x.uraian) == _kunci_nama(b.uraian)
        ),
        None,
    )
    if b.anggaran is None:
        b.baris.galat("anggaran", "anggaran belanja wajib diisi (0 bila tidak ada pagu)")
        return
    obj = match or Belanja(sub_kegiatan_id=sub.id, uraian=b.uraian, urutan=len(existing) + 1)
    log.dibuat = match is None
    values = {"anggaran": b.anggaran}
    if _shape(b.kode) == "belanja":
        values["kode_rekening"] = b.kode
    if (
        not ctx.terapkan(
            log,
            obj,
            values,
            {"anggaran": "anggaran", "kode_rekening": "kode"},
            exclude=("sub_kegiatan",),
        )
        and log.gagal
    ):
        return
    if match is None:
        existing.append(obj)
    used.add(obj.id)
    current = spent.get(obj.id)
    old = current.nilai if current else None
    if sama(old, b.realisasi):
        return
    if (msg := ctx.kunci(triwulan)) is not None:
        b.baris.galat("realisasi", msg)
        return
    label = f"realisasi s.d. {format_triwulan(triwulan, short=True)}"
    if b.realisasi is None:
        ctx.hapus(log, current, label, old)
        return
    target = current or RealisasiBelanja(belanja=obj, triwulan=triwulan)
    ctx.terapkan(
        log,
        target,
        {"nilai": b.realisasi},
        {"nilai": "realisasi"},
        exclude=("belanja",),
        label={"nilai": label},
        tunda=True,
    )
