"""The planning page of one unit and year: indicators, quarterly targets, polarity, aggregation.

Rows are grouped as the scorecard groups them (sasaran, then program → kegiatan → sub
kegiatan with codes). A save writes every changed field or none: a parse error, a quarter
locked by :func:`~kinerja.measurement.lock.assert_editable`, or a field changed by someone
else since the page was loaded refuses the whole save. Optimistic concurrency compares the
value the page was loaded with (hidden ``v1``…``v4``, ``vp``) with the stored one, as the
entry page does with ``Realisasi.diubah``: the second save is refused, the current value
shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction

from kinerja import rules
from kinerja.measurement.lock import Kunci, TriwulanTerkunci, assert_editable, kunci_of
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import Indikator, Sasaran, TargetTriwulan
from kinerja.planning.tree import load_tree
from kinerja.web import access
from kinerja.web.entry import BATAS, unit_scope

TW = (1, 2, 3, 4)
FIELDS = ("id", "nama", "satuan", "polaritas", "agregasi", "mode_target", "sumber_data_id")
OWNER = ("sasaran_id", "program_id", "kegiatan_id", "sub_kegiatan_id")
Target = Decimal | rules.Rentang | None


def versi(target: Target) -> str:
    """A target as a stable text for the hidden version field ("" = no target)."""
    if target is None:
        return ""
    if isinstance(target, rules.Rentang):
        return f"{_plain(target.bawah)}~{_plain(target.atas)}"
    return _plain(target)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


def _key(target: Target) -> tuple:
    if target is None:
        return ()
    if isinstance(target, rules.Rentang):
        return (target.bawah, target.atas)
    return (target,)


def _from_versi(text: str) -> tuple:
    try:
        return tuple(Decimal(p) for p in text.split("~")) if text else ()
    except ArithmeticError:
        return ("?",)  # a tampered version never equals a stored value


def parse_target(text: str) -> Target:
    """A typed target: ``12``, ``1.500,5`` or a range ``80–90``; "" = no target."""
    text = (text or "").strip()
    if not text:
        return None
    parts = text.split("\u2013") if "\u2013" in text else text.split(" - ")
    if len(parts) > 2:
        raise forms.ValidationError("Target rentang ditulis dua angka, mis. 80–90.")
    try:
        values = [rules.parse_angka(p) for p in parts]
    except rules.ParseError as exc:
        raise forms.ValidationError(str(exc)) from None
    for value in values:
        if abs(value) >= BATAS:
            raise forms.ValidationError("Angka terlalu besar.")
        if value.as_tuple().exponent < -4:
            raise forms.ValidationError("Paling banyak 4 angka di belakang koma.")
    if len(values) == 1:
        return values[0]
    if values[1] < values[0]:
        raise forms.ValidationError("Batas atas target rentang tidak boleh lebih kecil.")
    return rules.Rentang(values[0], values[1])


def _lowest(target: Target) -> Decimal | None:
    return target.bawah if isinstance(target, rules.Rentang) else target


def _short(name: str) -> list[tuple[str, str]]:
    """The model's choices without their explanation in brackets (narrow table cells)."""
    return [(v, label.split(" (")[0]) for v, label in Indikator._meta.get_field(name).choices]


class TargetForm(forms.Form):
    """One indicator's row: four quarterly targets, polarity and aggregation."""

    polaritas = forms.ChoiceField(label="Polaritas", choices=lambda: _short("polaritas"))
    agregasi = forms.ChoiceField(
        label="Cara menjumlah triwulan", choices=lambda: _short("agregasi")
    )
    vp = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for q in TW:
            label = f"Target {rules.format_triwulan(q, short=True)}"
            self.fields[f"t{q}"] = forms.CharField(label=label, required=False, max_length=60)
            self.fields[f"t{q}"].widget.attrs.update(
                {"inputmode": "decimal", "autocomplete": "off"}
            )
            self.fields[f"v{q}"] = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        for q in TW:
            name = f"t{q}"
            if name in self.errors:
                continue
            try:
                data[name] = parse_target(self.data.get(self.add_prefix(name), ""))
            except forms.ValidationError as exc:
                self.add_error(name, exc)
                continue
            agregasi = data.get("agregasi") or rules.Agregasi.TERAKHIR  # its own error
            if negatif := rules.alasan_negatif("Target", _lowest(data[name]), agregasi):
                self.add_error(name, negatif)
        return data


@dataclass
class BarisTarget:
    """One indicator of the page."""

    id: int
    nama: str
    satuan: str
    polaritas: str
    agregasi: str
    mode_target: str
    sumber_data_id: int | None
    targets: list[Target] = field(default_factory=lambda: [None] * 4)
    ada_realisasi: set[int] = field(default_factory=set)  # quarters with a stored realisasi
    editable: bool = False
    form: TargetForm | None = None
    terbuka: frozenset[int] = frozenset()  # quarters whose target may still change

    @property
    def prefix(self) -> str:
        return f"t{self.id}"

    @property
    def label_polaritas(self) -> str:
        return dict(Indikator._meta.get_field("polaritas").choices).get(self.polaritas, "")

    @property
    def label_agregasi(self) -> str:
        return dict(Indikator._meta.get_field("agregasi").choices).get(self.agregasi, "")

    def initial(self) -> dict:
        data = {"polaritas": self.polaritas, "agregasi": self.agregasi}
        data["vp"] = f"{self.polaritas}|{self.agregasi}"
        for q, target in zip(TW, self.targets, strict=True):
            data[f"t{q}"] = _shown(target)
            data[f"v{q}"] = versi(target)
        return data

    def cells(self):
        """(quarter, target, bound field, version field) for the template."""
        for q in TW:
            f = self.form
            if f is None or q not in self.terbuka:
                yield q, self.targets[q - 1], None, None  # a locked quarter is shown, not sent
            else:
                yield q, self.targets[q - 1], f[f"t{q}"], f[f"v{q}"]


@dataclass
class Bagian:
    level: str
    kode: str
    nama: str
    baris: list[BarisTarget]


@dataclass
class HalamanRencana:
    tahun: int
    bagian: list[Bagian]
    kunci: dict[int, Kunci]
    pesan: dict[int, str]

    def rows(self) -> list[BarisTarget]:
        return [b for bag in self.bagian for b in bag.baris]

    @property
    def editable(self) -> bool:
        return any(b.form is not None for b in self.rows())

    def terkunci(self) -> list[tuple[int, str]]:
        return [(q, self.pesan[q]) for q in TW if self.pesan[q]]


def load_halaman(perangkat, tahun: int, user, data=None) -> HalamanRencana:
    """Every indicator of the unit and year with its targets (a fixed number of queries)."""
    tree = load_tree(perangkat.id, tahun)
    sasaran = Sasaran.objects.filter(
        tujuan__renstra__perangkat_id=perangkat.id,
        tujuan__renstra__tahun_awal__lte=tahun,
        tujuan__renstra__tahun_akhir__gte=tahun,
    ).order_by("nomor")
    rows = Indikator.objects.filter(unit_scope(perangkat.id, tahun)).order_by("urutan", "id")
    by_owner: dict[tuple[str, int], list[BarisTarget]] = {}
    made: dict[int, BarisTarget] = {}
    for values in rows.values_list(*FIELDS, *OWNER):
        b = BarisTarget(*values[: len(FIELDS)])
        owner = next((n[:-3], v) for n, v in zip(OWNER, values[len(FIELDS) :], strict=True) if v)
        by_owner.setdefault(owner, []).append(b)
        made[b.id] = b
    targets = TargetTriwulan.objects.filter(indikator_id__in=list(made), tahun=tahun).order_by()
    for iid, q, nilai, atas in targets.values_list(
        "indikator_id", "triwulan", "nilai", "nilai_atas"
    ):
        made[iid].targets[q - 1] = nilai if atas is None else rules.Rentang(nilai, atas)
    done = Realisasi.objects.filter(
        indikator_id__in=list(made), tahun=tahun, nilai__isnull=False
    ).order_by()
    for iid, q in done.values_list("indikator_id", "triwulan"):
        made[iid].ada_realisasi.add(q)

    kunci = {q: kunci_of(perangkat, tahun, q) for q in TW}
    pesan = {q: kunci[q].pesan(perangkat, tahun, q) for q in TW}
    terbuka = frozenset(q for q in TW if kunci[q].editable)
    any_open = bool(terbuka)
    for b in made.values():
        b.editable = any_open and access.may_edit_indikator(user, perangkat, b.sumber_data_id)
        b.terbuka = terbuka
        if b.editable:
            b.form = TargetForm(data, prefix=b.prefix, initial=b.initial())

    bagian = []
    for sid, nomor, teks in sasaran.values_list("id", "nomor", "teks"):
        bagian.append(
            Bagian("sasaran", f"Sasaran {nomor}", teks, by_owner.get(("sasaran", sid), []))
        )
    for node in tree.walk():
        bagian.append(
            Bagian(node.level, node.kode, node.nama, by_owner.get((node.level, node.id), []))
        )
    return HalamanRencana(tahun, bagian, kunci, pesan)


def _conflict(label: str, current: str) -> str:
    return (
        f"{label} sudah diubah orang lain sejak halaman Anda dibuka; simpanan Anda ditolak. "
        f"Nilai saat ini: {current or 'kosong'}. Muat ulang halaman, lalu isi kembali bila "
        "masih perlu."
    )


def save_halaman(halaman: HalamanRencana, perangkat, tahun: int) -> int | None:
    """Write every changed target, polarity and aggregation, or none.

    Returns the number of fields written, or None when a field error, a lock or a
    conflict (each attached to its field) refused the save.
    """
    rows = [b for b in halaman.rows() if b.form is not None]
    if not all(b.form.is_valid() for b in rows):
        return None
    ids = [b.id for b in rows]
    with transaction.atomic():
        current_ind = {
            i.id: i for i in Indikator.objects.select_for_update().filter(id__in=ids).order_by()
        }
        current_tgt = {
            (t.indikator_id, t.triwulan): t
            for t in TargetTriwulan.objects.select_for_update()
            .filter(indikator_id__in=ids, tahun=tahun)
            .order_by()
        }
        locks: dict[int, str] = {}

        def locked(q: int) -> str:
            if q not in locks:
                try:
                    assert_editable(perangkat, tahun, q)
                    locks[q] = ""
                except TriwulanTerkunci as exc:
                    locks[q] = exc.messages[0]
            return locks[q]

        writes, failed = [], False
        for b in rows:
            form, data = b.form, b.form.cleaned_data
            ind = current_ind.get(b.id)
            if ind is None:
                form.add_error(None, "Indikator ini dihapus orang lain; muat ulang halaman.")
                failed = True
                continue
            new_pa = f"{data['polaritas']}|{data['agregasi']}"
            cur_pa = f"{ind.polaritas}|{ind.agregasi}"
            if new_pa != data["vp"] and new_pa != cur_pa:
                if data["vp"] != cur_pa:
                    form.add_error("polaritas", _conflict("Polaritas/cara menjumlah", cur_pa))
                    failed = True
                elif msg := next((locked(q) for q in TW if locked(q)), ""):
                    msg = f"Polaritas dan cara menjumlah berlaku untuk semua triwulan. {msg}"
                    form.add_error("agregasi", msg)
                    failed = True
                else:
                    writes.append((ind, data["polaritas"], data["agregasi"]))
            for q in TW:
                new, loaded = data[f"t{q}"], _from_versi(data[f"v{q}"])
                row = current_tgt.get((b.id, q))
                cur = row.value if row else None
                if _key(new) == loaded or _key(new) == _key(cur):
                    continue
                if _key(cur) != loaded:
                    form.add_error(f"t{q}", _conflict("Target ini", _shown(cur)))
                elif msg := locked(q):
                    form.add_error(f"t{q}", msg)
                elif new is None and q in b.ada_realisasi:
                    form.add_error(
                        f"t{q}",
                        "Triwulan ini sudah memiliki realisasi; target tidak dapat dikosongkan.",
                    )
                else:
                    writes.append((b.id, q, row, new))
                    continue
                failed = True
        if failed:
            return None
        for write in writes:
            _apply(write, tahun)
    return len(writes)


def _shown(target: Target) -> str:
    if isinstance(target, rules.Rentang):
        return "\u2013".join(rules.format_angka(v, None) for v in (target.bawah, target.atas))
    return "" if target is None else rules.format_angka(target, None)


def _apply(write: tuple, tahun: int) -> None:
    if len(write) == 3:
        ind, ind.polaritas, ind.agregasi = write
        ind.save(update_fields=["polaritas", "agregasi"])
        return
    iid, q, row, new = write
    if new is None:
        row.delete()  # through the model: the history keeps the old value
        return
    nilai, atas = (new.bawah, new.atas) if isinstance(new, rules.Rentang) else (new, None)
    if row is None:
        TargetTriwulan.objects.create(
            indikator_id=iid, tahun=tahun, triwulan=q, nilai=nilai, nilai_atas=atas
        )
    else:
        row.nilai, row.nilai_atas = nilai, atas
        row.save()
