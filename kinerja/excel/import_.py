"""Import of a filled workbook: :func:`dry_run` previews, :func:`apply` saves, all or nothing.

Both run the very same code inside one ``transaction.atomic``: every row is validated
(``full_clean`` of the model it changes) and written; a dry run — or any remaining error —
rolls the whole transaction back, so the preview shows exactly what applying would do and
nothing is ever half written. A locked quarter (:func:`kinerja.measurement.lock.assert_editable`)
is never changed: the row gets the lock's message instead.

The file is either the template of :mod:`kinerja.excel.template` (recognised by its sheets)
or a SIPD-style budget realisation sheet (:mod:`kinerja.excel.sipd`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kinerja.measurement.lock import TriwulanTerkunci, assert_editable
from kinerja.rules import KOSONG, format_angka, format_bilangan, ringkas

from .sheet import Baris, Buku, BukuError, Masalah

__all__ = ["BukuError", "Masalah", "Perubahan", "Pratinjau", "apply", "dry_run"]

Progress = Callable[[int, int], None]


@dataclass
class Perubahan:
    """A row that creates or changes data: each field with its old and new value."""

    lembar: str
    baris: int
    label: str
    dibuat: bool = False
    medan: list[tuple[str, object, object]] = field(default_factory=list)  # raw values

    @property
    def rincian(self) -> list[tuple[str, str, str]]:
        """Each field with its old and new value as shown (Indonesian number format)."""
        return [(m, tampil(lama), tampil(baru)) for m, lama, baru in self.medan]

    def __str__(self) -> str:
        kata = "dibuat" if self.dibuat else "diubah"
        rincian = "; ".join(f"{m}: {lama} → {baru}" for m, lama, baru in self.rincian)
        return f"{kata}  lembar {self.lembar}, baris {self.baris}: {self.label} — {rincian}"


@dataclass
class Pratinjau:
    """What an import does (or did): rows created, changed, unchanged, and every problem."""

    jenis: str = ""  # "templat" or "sipd"
    dibuat: list[Perubahan] = field(default_factory=list)
    diubah: list[Perubahan] = field(default_factory=list)
    tetap: int = 0
    galat: list[Masalah] = field(default_factory=list)
    dibaca: int = 0  # data rows read
    disimpan: bool = False

    def ringkasan(self) -> str:
        counts = (len(self.dibuat), len(self.diubah), self.tetap, len(self.galat))
        dibuat, diubah, tetap, galat = (format_bilangan(n) for n in counts)
        return f"dibuat: {dibuat}, diubah: {diubah}, tetap: {tetap}, galat: {galat}"

    @property
    def kode_keluar(self) -> int:
        return 1 if self.galat else 0


def tampil(v: object) -> str:
    if v is None or v == "":
        return KOSONG
    if isinstance(v, Decimal):
        return format_angka(v, None)
    if hasattr(v, "pk"):
        return str(v)
    return ringkas(str(v))


def sama(a: object, b: object) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, Decimal | int) and isinstance(b, Decimal | int):
        return Decimal(a) == Decimal(b)
    return a == b


class Catatan:
    """The log of one sheet row: the fields it changed, whether it created something."""

    def __init__(self, ctx: Konteks, row: Baris, label: str) -> None:
        self.ctx, self.row, self.label = ctx, row, label
        self.dibuat = False
        self.medan: list[tuple[str, object, object]] = []
        self.galat_awal = len(ctx.pratinjau.galat)
        self.cacat = False  # the row has a problem found by a check of the whole sheet

    @property
    def gagal(self) -> bool:
        return self.cacat or len(self.ctx.pratinjau.galat) > self.galat_awal

    def selesai(self) -> None:
        p = self.ctx.pratinjau
        if self.gagal:
            return
        if self.dibuat or self.medan:
            item = Perubahan(self.row.lembar, self.row.nomor, self.label, self.dibuat, self.medan)
            (p.dibuat if self.dibuat else p.diubah).append(item)
        else:
            p.tetap += 1


class Konteks:
    """What every sheet handler shares: the unit, year, preview, lock states, progress."""

    def __init__(self, buku: Buku, perangkat, tahun: int, progress: Progress | None) -> None:
        self.buku, self.perangkat, self.tahun = buku, perangkat, tahun
        self.pratinjau = Pratinjau()
        self.progress = progress
        self.total = 0
        self.selesai = 0
        self._kunci: dict[int, str | None] = {}
        self.lembar: dict[str, list[Baris]] = {}  # the template's sheets, read once
        self.plan = None  # kinerja.excel.rows.Perencanaan while importing a template
        self._tertunda: list = []

    def kunci(self, triwulan: int) -> str | None:
        """The lock message of a quarter of this unit and year, None when it is editable."""
        if triwulan not in self._kunci:
            try:
                assert_editable(self.perangkat, self.tahun, triwulan)
                self._kunci[triwulan] = None
            except TriwulanTerkunci as exc:
                self._kunci[triwulan] = exc.messages[0]
        return self._kunci[triwulan]

    def maju(self) -> None:
        self.selesai += 1
        if self.progress and (self.selesai % 50 == 0 or self.selesai == self.total):
            self.progress(self.selesai, self.total)

    def terapkan(
        self,
        log: Catatan,
        obj,
        values: dict[str, object],
        kolom: dict[str, str],
        *,
        exclude: tuple[str, ...] = (),
        label: dict[str, str] | None = None,
        tunda: bool = False,
    ) -> bool:
        """Set ``values`` on ``obj``, validate with ``full_clean`` and save when anything
        changed (or ``obj`` is new). ``kolom`` maps fields to the sheet column of errors.
        ``tunda``: a new row nothing else refers to is inserted later in bulk
        (:meth:`simpan_tertunda`), for imports of thousands of rows."""
        created = obj.pk is None
        changed = []
        for name, new in values.items():
            field = obj._meta.get_field(name)
            if field.is_relation:  # compare keys: an unsaved row has no related object yet
                old_key, new_key = getattr(obj, field.attname), new.pk if new else None
                if old_key != new_key:
                    old = getattr(obj, name) if old_key is not None else None
                    setattr(obj, name, new)
                    if not created:
                        changed.append((name, old, new))
                continue
            old = getattr(obj, name)
            if not sama(old, new):
                changed.append((name, old, new))
                setattr(obj, name, new)
        if not (created or changed):
            return False
        try:
            obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                col = kolom.get(name, next(iter(kolom.values()), ""))
                log.row.galat(col, "; ".join(messages))
            return False
        if log.gagal:
            return False
        if tunda and created:
            self._tertunda.append(obj)
        else:
            obj.save()
        names = label or {}
        for name, old, new in changed:
            if created and old in (None, ""):
                old = None
            log.medan.append((names.get(name, name.replace("_", " ")), old, new))
        return True

    def simpan_tertunda(self) -> None:
        by_model: dict[type, list] = {}
        for obj in self._tertunda:
            by_model.setdefault(type(obj), []).append(obj)
        for model, objs in by_model.items():
            model.objects.bulk_create(objs, batch_size=500)
        self._tertunda.clear()

    def hapus(self, log: Catatan, obj, label: str, old: object) -> None:
        obj.delete()
        log.medan.append((label, old, None))


def _baca(file: bytes | str | Path | BinaryIO) -> tuple[bytes, str]:
    if isinstance(file, bytes):
        return file, "berkas"
    if isinstance(file, str | Path):
        path = Path(file)
        try:
            return path.read_bytes(), path.name
        except OSError as exc:
            raise BukuError(f"Berkas '{path}' tidak dapat dibuka: {exc.strerror or exc}.") from None
    return file.read(), getattr(file, "name", "berkas")


def _jalankan(file, perangkat, tahun: int, simpan: bool, progress, triwulan: int) -> Pratinjau:
    from . import rows, rows_budget, sipd

    data, nama = _baca(file)
    buku = Buku(data, nama)
    ctx = Konteks(buku, perangkat, tahun, progress)
    try:
        with transaction.atomic():
            if rows.is_template(buku):
                ctx.pratinjau.jenis = "templat"
                rows.run(ctx)
                rows_budget.run(ctx)
            else:
                ctx.pratinjau.jenis = "sipd"
                sipd.run(ctx, triwulan)
            if simpan and not ctx.pratinjau.galat:
                ctx.pratinjau.disimpan = True
            else:
                transaction.set_rollback(True)
    except DatabaseError as exc:
        ctx.pratinjau.disimpan = False
        ctx.pratinjau.galat.append(
            Masalah("", 0, "", "", f"basis data menolak perubahan, tidak ada yang disimpan: {exc}")
        )
    return ctx.pratinjau


def dry_run(file, perangkat, tahun: int, progress: Progress | None = None, triwulan: int = 4):
    """Preview the import of ``file`` (bytes, path or binary file) for ``perangkat`` and
    ``tahun``: nothing is written. :class:`BukuError` when the file cannot be read."""
    return _jalankan(file, perangkat, tahun, False, progress, triwulan)


def apply(file, perangkat, tahun: int, progress: Progress | None = None, triwulan: int = 4):
    """Import ``file``: everything in one transaction, nothing when any error remains
    (``Pratinjau.disimpan`` says whether it was saved)."""
    return _jalankan(file, perangkat, tahun, True, progress, triwulan)
