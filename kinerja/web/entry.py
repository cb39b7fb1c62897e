"""The data-entry page of one unit and quarter: rows, validation, atomic save, live capaian.

Rows follow the scorecard (sasaran → program → kegiatan → sub kegiatan); capaian and
predikat are always computed by the rules core, never typed. A save writes every changed
row or none: a parse error, a locked quarter, or a row changed by someone else since the
page was loaded (optimistic concurrency on ``Realisasi.diubah``) refuses the whole save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db import transaction
from django.db.models import Q

from kinerja import rules
from kinerja.measurement.lock import Kunci, assert_editable, kunci_of
from kinerja.measurement.models import Realisasi
from kinerja.measurement.scorecard import (
    INDIKATOR_FIELDS,
    IndicatorScore,
    Scorecard,
    _score_indicator,  # the scorecard's own per-indicator rule, reused for the live preview
    _Settings,
    build_scorecard,
)
from kinerja.planning.models import Indikator, TargetTriwulan
from kinerja.web import access
from kinerja.web.models import Bukti

TEXT_FIELDS = ("faktor_pendukung", "faktor_penghambat", "solusi")
BATAS = Decimal("1e16")  # Realisasi.nilai: max_digits=20, decimal_places=4


def unit_scope(perangkat_id: int, tahun: int) -> Q:
    """Indicators of one unit and year (the scorecard's scope), for ownership checks."""
    return (
        Q(program__perangkat_id=perangkat_id, program__tahun=tahun)
        | Q(kegiatan__program__perangkat_id=perangkat_id, kegiatan__program__tahun=tahun)
        | Q(
            sub_kegiatan__kegiatan__program__perangkat_id=perangkat_id,
            sub_kegiatan__kegiatan__program__tahun=tahun,
        )
        | Q(
            sasaran__tujuan__renstra__perangkat_id=perangkat_id,
            sasaran__tujuan__renstra__tahun_awal__lte=tahun,
            sasaran__tujuan__renstra__tahun_akhir__gte=tahun,
        )
    )


def parse_realisasi(
    text: str, score: IndicatorScore, triwulan: int, desimal: str = "koma"
) -> Decimal | None:
    """The typed realisasi as a Decimal, or a ValidationError with an Indonesian message.

    ``desimal="titik"`` reads the machine form (the API); the pages read Indonesian text.
    """
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = rules.parse_angka(text, desimal)
    except rules.ParseError as exc:
        raise forms.ValidationError(str(exc)) from None
    if negatif := rules.alasan_negatif("Realisasi", value, score.agregasi):
        raise forms.ValidationError(negatif)
    if abs(value) >= BATAS:
        raise forms.ValidationError("Angka terlalu besar.")
    if value.as_tuple().exponent < -4:
        raise forms.ValidationError("Paling banyak 4 angka di belakang koma.")
    if score.targets[triwulan - 1] is None:
        raise forms.ValidationError(
            f"{rules.format_triwulan(triwulan)} tidak memiliki target untuk indikator ini; "
            "isi target dulu di perencanaan, atau kosongkan realisasi."
        )
    return value


class RealisasiBarisForm(forms.Form):
    nilai = forms.CharField(label="Realisasi", required=False, max_length=40)
    faktor_pendukung = forms.CharField(
        label="Faktor pendukung", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    faktor_penghambat = forms.CharField(
        label="Faktor penghambat", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    solusi = forms.CharField(
        label="Solusi/tindak lanjut", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versi = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, baris: Baris, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = baris
        self.fields["nilai"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean_nilai(self) -> Decimal | None:
        return parse_realisasi(self.cleaned_data["nilai"], self.baris.score, self.baris.triwulan)


@dataclass
class Baris:
    """One indicator row of the page."""

    score: IndicatorScore
    triwulan: int
    editable: bool
    nilai: Decimal | None = None
    teks: dict[str, str] = field(default_factory=dict)
    versi: str = ""
    form: RealisasiBarisForm | None = None
    konflik: str = ""
    bukti: list = field(default_factory=list)

    @property
    def target(self):
        return self.score.targets[self.triwulan - 1]

    @property
    def prefix(self) -> str:
        return f"r{self.score.id}"

    def initial(self) -> dict:
        nilai = "" if self.nilai is None else rules.format_angka(self.nilai, None)
        return {"nilai": nilai, **self.teks, "versi": self.versi}


@dataclass
class Bagian:
    """A heading (sasaran, program, kegiatan, sub kegiatan) and the rows under it."""

    level: str
    kode: str
    nama: str
    capaian: rules.Capaian
    predikat: str | None
    baris: list[Baris]


@dataclass
class Halaman:
    card: Scorecard
    status: str
    editable: bool
    bagian: list[Bagian]
    kunci: Kunci | None = None  # which lock applies, and the input period
    pesan_kunci: str = ""

    def rows(self) -> list[Baris]:
        return [b for bag in self.bagian for b in bag.baris]


def load_halaman(perangkat, tahun: int, triwulan: int, user, data=None) -> Halaman:
    card = build_scorecard(perangkat, tahun, triwulan)
    kunci = kunci_of(perangkat, tahun, triwulan)
    status, open_ = kunci.status, kunci.editable
    scores = [i for s in card.sasaran for i in s.indikator]
    scores += [i for p in card.programs for n in p.walk() for i in n.indikator]
    ids = [s.id for s in scores]
    stored = {
        r[0]: r[1:]
        for r in Realisasi.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan=triwulan)
        .order_by()
        .values_list("indikator_id", "nilai", *TEXT_FIELDS, "diubah")
    }
    sumber = dict(Indikator.objects.filter(id__in=ids).values_list("id", "sumber_data_id"))
    evidence: dict[int, list[Bukti]] = {}
    for item in Bukti.objects.filter(indikator_id__in=ids, tahun=tahun, triwulan=triwulan):
        evidence.setdefault(item.indikator_id, []).append(item)
    made: dict[int, Baris] = {}

    def baris(score: IndicatorScore) -> Baris:
        row = stored.get(score.id)
        b = Baris(
            score,
            triwulan,
            editable=open_
            and not score.realisasi_dari_id
            and access.may_edit_indikator(user, perangkat, sumber.get(score.id)),
        )
        if row:
            b.nilai, b.versi = row[0], row[4].isoformat()
            b.teks = dict(zip(TEXT_FIELDS, row[1:4], strict=True))
        else:
            b.teks = dict.fromkeys(TEXT_FIELDS, "")
        b.bukti = evidence.get(score.id, [])
        if b.editable:
            b.form = RealisasiBarisForm(data, prefix=b.prefix, baris=b, initial=b.initial())
        made[score.id] = b
        return b

    bagian = []
    seen_programs = set()
    for s in card.sasaran:
        bagian.append(
            Bagian(
                "sasaran", s.kode, s.nama, s.capaian, s.predikat, [baris(i) for i in s.indikator]
            )
        )
        for p in s.children:
            seen_programs.add(p.id)
            bagian += _program_bagian(p, baris)
    for p in card.programs:
        if p.id not in seen_programs:
            bagian += _program_bagian(p, baris)
    pesan = kunci.pesan(perangkat, tahun, triwulan)
    return Halaman(card, status, open_, _with_rows(bagian), kunci, pesan)


DEPTH = {"sasaran": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}


def _with_rows(bagian: list[Bagian]) -> list[Bagian]:
    """Headings that have rows themselves or below them (the path to every row stays)."""
    keep, below = [], [False] * len(DEPTH)
    for bag in reversed(bagian):
        depth = DEPTH[bag.level]
        has = bool(bag.baris) or any(below[depth + 1 :])
        below[depth + 1 :] = [False] * (len(DEPTH) - depth - 1)
        below[depth] = below[depth] or has
        if has:
            keep.append(bag)
    return keep[::-1]


def _program_bagian(program, baris) -> list[Bagian]:
    return [
        Bagian(n.level, n.kode, n.nama, n.capaian, n.predikat, [baris(i) for i in n.indikator])
        for n in program.walk()
    ]


def save_halaman(halaman: Halaman, perangkat, tahun: int, triwulan: int) -> int | None:
    """Write every changed row, or none; returns the number of rows written, None on error.

    Errors are attached to the row forms (field errors, conflicts); a locked quarter raises
    :class:`~kinerja.measurement.lock.TriwulanTerkunci`.
    """
    rows = [b for b in halaman.rows() if b.form is not None]
    if not all(b.form.is_valid() for b in rows):
        return None
    with transaction.atomic():
        assert_editable(perangkat, tahun, triwulan)
        current = {
            r.indikator_id: r
            for r in Realisasi.objects.select_for_update().filter(
                indikator_id__in=[b.score.id for b in rows], tahun=tahun, triwulan=triwulan
            )
        }
        changes = []
        for b in rows:
            data = b.form.cleaned_data
            new = (data["nilai"], *(data[f].strip() for f in TEXT_FIELDS))
            cur = current.get(b.score.id)
            old = (
                (cur.nilai, *(getattr(cur, f) for f in TEXT_FIELDS)) if cur else (None, "", "", "")
            )
            if new == old:
                continue
            if data["versi"] != (cur.diubah.isoformat() if cur else ""):
                b.konflik = _conflict_message(cur)
                b.form.add_error(None, b.konflik)
                continue
            changes.append((b, cur, new))
        if any(b.konflik for b in rows):
            return None
        for b, cur, new in changes:
            values = dict(zip(("nilai", *TEXT_FIELDS), new, strict=True))
            if cur is None:
                Realisasi.objects.create(
                    indikator_id=b.score.id, tahun=tahun, triwulan=triwulan, **values
                )
            else:
                for name, value in values.items():
                    setattr(cur, name, value)
                cur.save()
    return len(changes)


def _conflict_message(cur: Realisasi | None) -> str:
    if cur is None:
        return "Data baris ini dihapus orang lain sejak halaman dibuka; muat ulang halaman."
    return (
        "Baris ini sudah diubah orang lain sejak halaman Anda dibuka; simpanan Anda ditolak. "
        f"Nilai saat ini: {rules.format_angka(cur.nilai, None)}. "
        "Muat ulang halaman, lalu isi kembali bila masih perlu."
    )


@dataclass
class Pratinjau:
    """The live figures of one row while the user types."""

    score: IndicatorScore | None
    error: str = ""


def preview(perangkat, tahun: int, triwulan: int, indikator_id: int, text: str) -> Pratinjau:
    """Capaian and predikat of one indicator with ``text`` as this quarter's realisasi."""
    row = (
        Indikator.objects.filter(unit_scope(perangkat.id, tahun), id=indikator_id)
        .values_list(*INDIKATOR_FIELDS)
        .first()
    )
    if row is None:
        return Pratinjau(None, "Indikator tidak ditemukan di unit ini.")
    data = dict(zip(INDIKATOR_FIELDS, row, strict=True))
    for name in ("sasaran_id", "program_id", "kegiatan_id", "sub_kegiatan_id"):
        data.pop(name)
    score = IndicatorScore(**data)
    targets = TargetTriwulan.objects.filter(indikator_id=indikator_id, tahun=tahun).order_by()
    for tw, nilai, atas in targets.values_list("triwulan", "nilai", "nilai_atas"):
        score.targets[tw - 1] = nilai if atas is None else rules.Rentang(nilai, atas)
    stored = Realisasi.objects.filter(indikator_id=indikator_id, tahun=tahun).order_by()
    for tw, nilai in stored.values_list("triwulan", "nilai"):
        score.realisasi[tw - 1] = nilai
    try:
        score.realisasi[triwulan - 1] = parse_realisasi(text, score, triwulan)
    except forms.ValidationError as exc:
        return Pratinjau(score, exc.messages[0])
    pemda = perangkat.pemda
    settings = _Settings(
        skala=pemda.skala_predikat.to_rules(),
        rumus_negatif=rules.RumusNegatif(pemda.rumus_negatif),
        aturan=rules.AturanRollup(pemda.aturan_rollup),
        cap=pemda.batas_capaian,
    )
    _score_indicator(score, settings, triwulan)
    return Pratinjau(score)
