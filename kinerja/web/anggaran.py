"""The budget page of one unit, year and quarter: anggaran and cumulative realisasi per belanja.

Only belanja lines hold money; every parent (sub kegiatan, kegiatan, program, unit) is the
sum computed by :mod:`kinerja.budget.tree`, and serapan comes from the rules core. Realisasi
is cumulative: a line without an entry this quarter carries the figure of an earlier one.
A save writes every changed line or none (parse error, locked quarter, or a line changed by
someone else since the page was loaded: the version is the stored figure of the quarter).
Realisasi above the pagu is a warning, never a block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction

from kinerja import rules
from kinerja.budget.models import RealisasiBelanja
from kinerja.budget.tree import BudgetTree, Line, Totals, budget_tree
from kinerja.measurement.lock import Kunci, assert_editable, kunci_of
from kinerja.web import access

BATAS = Decimal("1e16")  # RealisasiBelanja.nilai: max_digits=18, decimal_places=2


def parse_rupiah(text: str) -> Decimal | None:
    """Typed realisasi in Indonesian form (``1.250.000``, ``Rp 1.250.000,50``); "" = none."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = rules.parse_angka(text)
    except rules.ParseError as exc:
        raise forms.ValidationError(str(exc)) from None
    if value < 0:
        raise forms.ValidationError("Realisasi anggaran tidak boleh negatif.")
    if value >= BATAS:
        raise forms.ValidationError("Angka terlalu besar.")
    if value.as_tuple().exponent < -2:
        raise forms.ValidationError("Paling banyak 2 angka di belakang koma (sen).")
    return value


def versi(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f") if value else "0"


class BelanjaForm(forms.Form):
    nilai = forms.CharField(label="Realisasi kumulatif", required=False, max_length=40)
    versi = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nilai"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean_nilai(self) -> Decimal | None:
        return parse_rupiah(self.cleaned_data["nilai"])

    def clean_versi(self) -> Decimal | None:
        text = self.cleaned_data["versi"]
        try:
            return Decimal(text) if text else None
        except ArithmeticError:
            raise forms.ValidationError("Versi baris tidak dikenal; muat ulang halaman.") from None


@dataclass
class BarisAnggaran:
    """One row of the table: a parent (computed) or a belanja line (maybe editable)."""

    level: str  # program, kegiatan, sub_kegiatan, belanja
    kode: str
    uraian: str
    totals: Totals
    line: Line | None = None
    sendiri: Decimal | None = None  # the line's own figure of this quarter
    sebelumnya: Decimal | None = None  # cumulative figure up to the previous quarter
    form: BelanjaForm | None = None
    peringatan: list[str] = field(default_factory=list)

    @property
    def prefix(self) -> str:
        return f"b{self.line.id}" if self.line else ""

    @property
    def induk(self) -> bool:
        return self.line is None


@dataclass
class HalamanAnggaran:
    budget: BudgetTree
    baris: list[BarisAnggaran]
    kunci: Kunci
    pesan_kunci: str
    editable: bool

    def lines(self) -> list[BarisAnggaran]:
        return [b for b in self.baris if b.line is not None]

    @property
    def total(self) -> Totals:
        return self.budget.total


def warnings_of(anggaran: Decimal, nilai: Decimal | None, sebelumnya: Decimal | None, tw: int):
    """Why a line's realisasi looks wrong (shown, never blocking)."""
    out = []
    if nilai is not None and nilai > anggaran:
        out.append(
            f"Realisasi {rules.format_rupiah(nilai)} melebihi pagu {rules.format_rupiah(anggaran)}."
        )
    if nilai is not None and sebelumnya is not None and nilai < sebelumnya and tw > 1:
        out.append(
            "Realisasi kumulatif lebih kecil dari s.d. "
            f"{rules.format_triwulan(tw - 1, short=True)} ({rules.format_rupiah(sebelumnya)})."
        )
    return out


def load_halaman(perangkat, tahun: int, triwulan: int, user, data=None) -> HalamanAnggaran:
    """The whole budget tree with each line's figures (a fixed number of queries)."""
    budget = budget_tree(perangkat.id, tahun, triwulan)
    ids = [line.id for lines in budget.lines.values() for line in lines]
    own: dict[int, Decimal] = {}
    before: dict[int, tuple[int, Decimal]] = {}
    rows = RealisasiBelanja.objects.filter(belanja_id__in=ids, triwulan__lte=triwulan).order_by()
    for bid, q, nilai in rows.values_list("belanja_id", "triwulan", "nilai"):
        if q == triwulan:
            own[bid] = nilai
        elif bid not in before or before[bid][0] < q:
            before[bid] = (q, nilai)
    kunci = kunci_of(perangkat, tahun, triwulan)
    editable = kunci.editable and access.may_edit_anggaran(user, perangkat)
    baris = []
    for node in budget.tree.walk():
        baris.append(BarisAnggaran(node.level, node.kode, node.nama, budget.of(node)))
        for line in budget.lines.get(node.id, []) if node.level == "sub_kegiatan" else []:
            b = BarisAnggaran(
                "belanja",
                line.kode_rekening,
                line.uraian,
                Totals(line.anggaran, line.realisasi or Decimal(0)),
                line,
                own.get(line.id),
                before[line.id][1] if line.id in before else None,
            )
            b.peringatan = warnings_of(line.anggaran, line.realisasi, b.sebelumnya, triwulan)
            if editable:
                initial = {
                    "nilai": "" if b.sendiri is None else rules.format_angka(b.sendiri, None),
                    "versi": versi(b.sendiri),
                }
                b.form = BelanjaForm(data, prefix=b.prefix, initial=initial)
            baris.append(b)
    pesan = kunci.pesan(perangkat, tahun, triwulan)
    return HalamanAnggaran(budget, baris, kunci, pesan, editable)


@dataclass
class Hasil:
    saved: int
    peringatan: list[str]


def save_halaman(halaman: HalamanAnggaran, perangkat, tahun: int, triwulan: int) -> Hasil | None:
    """Write every changed line of the quarter, or none; None when a field or a conflict
    refused the save (errors attached to the rows). A locked quarter raises
    :class:`~kinerja.measurement.lock.TriwulanTerkunci`."""
    rows = [b for b in halaman.lines() if b.form is not None]
    if not all(b.form.is_valid() for b in rows):
        return None
    with transaction.atomic():
        assert_editable(perangkat, tahun, triwulan)
        current = {
            r.belanja_id: r
            for r in RealisasiBelanja.objects.select_for_update()
            .filter(belanja_id__in=[b.line.id for b in rows], triwulan=triwulan)
            .order_by()
        }
        changes, conflict = [], False
        for b in rows:
            new, loaded = b.form.cleaned_data["nilai"], b.form.cleaned_data["versi"]
            row = current.get(b.line.id)
            cur = row.nilai if row else None
            if new in (loaded, cur):
                continue
            if cur != loaded:
                shown = "kosong" if cur is None else rules.format_angka(cur, None)
                b.form.add_error(
                    "nilai",
                    "Baris ini sudah diubah orang lain sejak halaman Anda dibuka; simpanan Anda "
                    f"ditolak. Nilai saat ini: {shown}. Muat ulang halaman, lalu isi kembali "
                    "bila masih perlu.",
                )
                conflict = True
                continue
            changes.append((b, row, new))
        if conflict:
            return None
        peringatan = []
        for b, row, new in changes:
            if new is None:
                row.delete()  # through the model: the history keeps the old figure
            elif row is None:
                RealisasiBelanja.objects.create(belanja_id=b.line.id, triwulan=triwulan, nilai=new)
            else:
                row.nilai = new
                row.save()
            effective = new if new is not None else b.sebelumnya
            for text in warnings_of(b.line.anggaran, effective, b.sebelumnya, triwulan):
                peringatan.append(f"{b.uraian}: {text}")
    return Hasil(len(changes), peringatan)
