"""JSON API under /api/ (django-ninja): units, a unit's scorecard, realisasi of an indicator.

Signed in with the site's session (CSRF checked on writes, as django-ninja's SessionAuth
does); every route asks :func:`kinerja.web.access.can`, the same gate as the pages. Numbers
travel as strings in machine form (``"105.78"``), never floats. A write goes through
:func:`~kinerja.measurement.lock.assert_editable` (409 when locked) and optimistic
concurrency on ``Realisasi.diubah`` (``versi``; 409 with the current value when stale).
Every route has a ``url_name`` and a row in tests/web/test_access_matrix.py.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SchemaError
from ninja.security import django_auth

from kinerja import rules
from kinerja.measurement.lock import TriwulanTerkunci, assert_editable, status_of
from kinerja.measurement.models import Realisasi
from kinerja.measurement.scorecard import INDIKATOR_FIELDS, IndicatorScore, build_scorecard
from kinerja.organisations.models import PerangkatDaerah
from kinerja.planning.models import Indikator, TargetTriwulan
from kinerja.web import access, entry

api = NinjaAPI(
    title="Kinerja API",
    version="1",
    urls_namespace="api",
    auth=django_auth,
    docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays
)


class Pesan(Schema):
    detail: str


class Konflik(Schema):
    detail: str
    nilai_saat_ini: str | None = None  # a stale write: the value stored now
    versi: str = ""


class UnitOut(Schema):
    kode: str
    nama: str
    jenis: str
    pemda: str


class IndikatorOut(Schema):
    id: int
    nama: str
    satuan: str
    polaritas: str
    target: str | None
    target_atas: str | None
    realisasi: str | None
    capaian: str | None
    alasan: str
    predikat: str | None


class BagianOut(Schema):
    level: str
    kode: str
    nama: str
    capaian: str | None
    predikat: str | None
    indikator: list[IndikatorOut]


class CapaianOut(Schema):
    kode: str
    nama: str
    tahun: int
    triwulan: int
    status: str
    capaian: str | None
    predikat: str | None
    sasaran: list[BagianOut]
    program: list[BagianOut]


class RealisasiIn(Schema):
    nilai: str | None = None  # machine form "12.5"; null or "" empties the realisasi
    versi: str = ""  # "versi" of the last GET; "" when there was no realisasi yet


class RealisasiOut(Schema):
    indikator: int
    tahun: int
    triwulan: int
    satuan: str
    target: str | None
    nilai: str | None
    versi: str


def angka(value: Decimal | None) -> str | None:
    """A Decimal as exact machine text, trailing zeros dropped ("10", "84.73")."""
    if value is None:
        return None
    return format(value.normalize(), "f") if value else "0"


def persen(c: rules.Capaian) -> str | None:
    return None if c.value is None else format(rules.round_half_up(c.value, 2), "f")


@api.exception_handler(SchemaError)
def schema_error(request, exc):
    fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors})
    detail = "Isian tidak sesuai bentuk yang diminta: " + (", ".join(fields) or "badan permintaan")
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(AuthenticationError)
def not_signed_in(request, exc):
    return api.create_response(request, {"detail": "Silakan masuk terlebih dahulu."}, status=401)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Tidak ditemukan."}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc):
    detail = str(exc)
    if exc.status_code == 403 and "CSRF" in detail:
        detail = "Pemeriksaan CSRF gagal: kirim token CSRF dari halaman situs."
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


def unit_of(request, kode: str, aksi: str, tahun: int = 2000, triwulan: int = 1):
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise HttpError(404, "Triwulan atau tahun tidak dikenal.")
    perangkat = get_object_or_404(
        PerangkatDaerah.objects.select_related("pemda__skala_predikat"), kode=kode
    )
    if not access.can(request.auth, aksi, perangkat):
        raise HttpError(403, "Anda tidak berwenang untuk unit ini.")
    return perangkat


@api.get("/unit/", response=list[UnitOut], url_name="unit-list")
def unit_list(request):
    """The units the signed-in user may see."""
    units = access.units_visible(request.auth, PerangkatDaerah.objects.select_related("pemda"))
    return [
        UnitOut(kode=u.kode, nama=u.nama, jenis=u.jenis, pemda=u.pemda.nama)
        for u in units.order_by("nama")
    ]


def indikator_out(i: IndicatorScore, triwulan: int) -> IndikatorOut:
    target = i.targets[triwulan - 1]
    rentang = isinstance(target, rules.Rentang)
    return IndikatorOut(
        id=i.id,
        nama=i.nama,
        satuan=i.satuan,
        polaritas=i.polaritas,
        target=angka(target.bawah if rentang else target),
        target_atas=angka(target.atas) if rentang else None,
        realisasi=angka(i.realisasi[triwulan - 1]),
        capaian=persen(i.capaian),
        alasan=i.capaian.reason or "",
        predikat=i.predikat,
    )


def bagian_out(node, triwulan: int) -> BagianOut:
    return BagianOut(
        level=node.level,
        kode=node.kode,
        nama=node.nama,
        capaian=persen(node.capaian),
        predikat=node.predikat,
        indikator=[indikator_out(i, triwulan) for i in node.indikator],
    )


@api.get(
    "/unit/{kode}/{tahun}/{triwulan}/capaian/",
    response={200: CapaianOut, 403: Pesan, 404: Pesan},
    url_name="capaian-detail",
)
def capaian_detail(request, kode: str, tahun: int, triwulan: int):
    """Capaian s.d. the quarter per sasaran, program tree node and indicator (percent)."""
    perangkat = unit_of(request, kode, access.LIHAT, tahun, triwulan)
    card = build_scorecard(perangkat, tahun, triwulan)
    return CapaianOut(
        kode=perangkat.kode,
        nama=perangkat.nama,
        tahun=tahun,
        triwulan=triwulan,
        status=status_of(perangkat, tahun, triwulan),
        capaian=persen(card.unit.capaian),
        predikat=card.skala.classify(card.unit.capaian),
        sasaran=[bagian_out(s, triwulan) for s in card.sasaran],
        program=[bagian_out(n, triwulan) for p in card.programs for n in p.walk()],
    )


def load_score(perangkat, tahun: int, indikator: int) -> tuple[IndicatorScore, int | None]:
    """The indicator (of this unit and year) with its targets, and its sumber data seksi."""
    fields = (*INDIKATOR_FIELDS, "sumber_data_id")
    row = (
        Indikator.objects.filter(entry.unit_scope(perangkat.id, tahun), id=indikator)
        .values_list(*fields)
        .first()
    )
    if row is None:
        raise HttpError(404, "Indikator tidak ditemukan di unit ini.")
    data = dict(zip(fields, row, strict=True))
    for name in ("sasaran_id", "program_id", "kegiatan_id", "sub_kegiatan_id"):
        data.pop(name)
    seksi = data.pop("sumber_data_id")
    score = IndicatorScore(**data)
    targets = TargetTriwulan.objects.filter(indikator_id=indikator, tahun=tahun).order_by()
    for tw, nilai, atas in targets.values_list("triwulan", "nilai", "nilai_atas"):
        score.targets[tw - 1] = nilai if atas is None else rules.Rentang(nilai, atas)
    return score, seksi


def realisasi_out(score: IndicatorScore, tahun, triwulan, row: Realisasi | None) -> RealisasiOut:
    target = score.targets[triwulan - 1]
    if isinstance(target, rules.Rentang):
        target = target.bawah
    return RealisasiOut(
        indikator=score.id,
        tahun=tahun,
        triwulan=triwulan,
        satuan=score.satuan,
        target=angka(target),
        nilai=angka(row.nilai) if row else None,
        versi=row.diubah.isoformat() if row else "",
    )


REALISASI = "/unit/{kode}/{tahun}/{triwulan}/realisasi/{indikator}/"


@api.get(
    REALISASI, response={200: RealisasiOut, 403: Pesan, 404: Pesan}, url_name="realisasi-detail"
)
def realisasi_detail(request, kode: str, tahun: int, triwulan: int, indikator: int):
    perangkat = unit_of(request, kode, access.LIHAT, tahun, triwulan)
    score, _ = load_score(perangkat, tahun, indikator)
    row = Realisasi.objects.filter(indikator_id=indikator, tahun=tahun, triwulan=triwulan).first()
    return realisasi_out(score, tahun, triwulan, row)


@api.put(
    REALISASI,
    response={200: RealisasiOut, 403: Pesan, 404: Pesan, 409: Konflik, 422: Pesan},
    url_name="realisasi-update",
)
def realisasi_update(
    request, kode: str, tahun: int, triwulan: int, indikator: int, payload: RealisasiIn
):
    """Write this quarter's realisasi: 403 without ISI, 409 locked or stale, 422 invalid."""
    perangkat = unit_of(request, kode, access.ISI, tahun, triwulan)
    score, seksi = load_score(perangkat, tahun, indikator)
    if not access.may_edit_indikator(request.auth, perangkat, seksi):
        raise HttpError(403, "Indikator ini milik seksi lain.")
    if score.realisasi_dari_id:
        return Status(422, {"detail": "Realisasi indikator ini diambil dari capaian program."})
    try:
        nilai = entry.parse_realisasi(payload.nilai or "", score, triwulan, desimal="titik")
    except forms.ValidationError as exc:
        return Status(422, {"detail": f"nilai: {exc.messages[0]}"})
    with transaction.atomic():
        try:
            assert_editable(perangkat, tahun, triwulan)
        except TriwulanTerkunci as exc:
            return Status(409, {"detail": exc.messages[0]})
        row = (
            Realisasi.objects.select_for_update()
            .filter(indikator_id=indikator, tahun=tahun, triwulan=triwulan)
            .first()
        )
        current = row.diubah.isoformat() if row else ""
        if (row.nilai if row else None) != nilai:
            if payload.versi != current:
                return Status(
                    409,
                    Konflik(
                        detail="Realisasi ini sudah diubah orang lain sejak Anda membacanya; "
                        "simpanan ditolak. Baca ulang, lalu kirim kembali dengan versi terbaru.",
                        nilai_saat_ini=angka(row.nilai) if row else None,
                        versi=current,
                    ),
                )
            if row is None:
                row = Realisasi.objects.create(
                    indikator_id=indikator, tahun=tahun, triwulan=triwulan, nilai=nilai
                )
            else:
                row.nilai = nilai
                row.save()
    return realisasi_out(score, tahun, triwulan, row)
