"""Every URL of the site, as every role, on its own unit and on another unit.

A named URL pattern without an entry in ``MATRIX`` fails ``test_every_url_has_an_entry``:
a new page cannot ship without saying who may open it. Expected codes: 200 shown,
302 redirected (to the sign-in page for anonymous visitors, or after a POST),
403 refused, 404 hidden (not published / not of this unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kinerja.measurement.models import PengecualianTenggat
from tests.web.conftest import ROLES, make_bukti
from tests.web.skm import buka_survei, layanan_survei

TAHUN, TW = 2024, 4


@dataclass(frozen=True)
class Case:
    expected: dict  # role → (status on own unit, status on the other unit)
    method: str = "get"
    kwargs: tuple = ()  # names of URL kwargs to fill: kode, tahun, triwulan, indikator, ...
    data: dict = field(default_factory=dict)
    content_type: str = ""  # "application/json" for API writes


def same(**codes) -> dict:
    return {role: (codes[role], codes[role]) for role in ROLES}


LIHAT = {
    "admin": (200, 200),
    "evaluator": (200, 200),
    "operator": (200, 403),
    "kepala": (200, 403),
    "anon": (302, 302),
}
ISI = {
    "admin": (200, 200),
    "evaluator": (403, 403),
    "operator": (200, 403),
    "kepala": (403, 403),
    "anon": (302, 302),
}
UNIT = ("kode", "tahun", "triwulan")
PUBLIK = same(admin=200, evaluator=200, operator=200, kepala=200, anon=200)

MATRIX: dict[str, Case] = {
    "web:beranda": Case(same(admin=200, evaluator=200, operator=200, kepala=200, anon=200)),
    "web:masuk": Case(same(admin=302, evaluator=302, operator=302, kepala=302, anon=200)),
    "web:sehat": Case(same(admin=200, evaluator=200, operator=200, kepala=200, anon=200)),
    "web:keluar": Case(
        same(admin=302, evaluator=302, operator=302, kepala=302, anon=302), method="post"
    ),
    "web:perangkat-detail": Case(LIHAT, kwargs=UNIT),
    "web:realisasi-update": Case(LIHAT, kwargs=UNIT),
    "web:realisasi-update POST": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)}, method="post", kwargs=UNIT
    ),
    "web:realisasi-preview": Case(ISI, kwargs=(*UNIT, "indikator")),
    "web:realisasi-history": Case(LIHAT, kwargs=(*UNIT, "indikator")),
    "web:bukti-create": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)},
        method="post",
        kwargs=(*UNIT, "indikator"),
    ),
    "web:bukti-download": Case(LIHAT, kwargs=(*UNIT, "pk")),
    "web:bukti-delete": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)},
        method="post",
        kwargs=(*UNIT, "pk"),
    ),
    "web:status-update": Case(
        {
            "admin": (302, 302),
            "evaluator": (403, 403),
            "operator": (403, 403),
            "kepala": (302, 403),
            "anon": (302, 302),
        },
        method="post",
        kwargs=UNIT,
        data={"langkah": "ajukan"},
    ),
    # An unknown format: allowed roles reach the view (404), the others are stopped before.
    "web:laporan-download": Case(
        {
            "admin": (404, 404),
            "evaluator": (404, 404),
            "operator": (404, 403),
            "kepala": (404, 403),
            "anon": (302, 302),
        },
        kwargs=(*UNIT, "jenis", "format"),
    ),
    "web:pemda": Case(
        same(admin=200, evaluator=200, operator=403, kepala=403, anon=302),
        kwargs=("tahun", "triwulan"),
    ),
    "web:tunggakan-list": Case(
        same(admin=200, evaluator=200, operator=403, kepala=403, anon=302),
        kwargs=("tahun", "triwulan"),
    ),
    # Deadlines and exceptions are the admin's settings. POST without a pemda: 404 for the
    # admin (nothing to change), 403 for everyone else.
    "web:periode-update": Case(
        same(admin=200, evaluator=403, operator=403, kepala=403, anon=302),
        kwargs=("tahun", "triwulan"),
    ),
    "web:periode-update POST": Case(
        same(admin=404, evaluator=403, operator=403, kepala=403, anon=302),
        method="post",
        kwargs=("tahun", "triwulan"),
    ),
    "web:pengecualian-create": Case(
        same(admin=404, evaluator=403, operator=403, kepala=403, anon=302),
        method="post",
        kwargs=("tahun", "triwulan"),
    ),
    "web:pengecualian-delete": Case(  # an active exception: ended, back to the page
        same(admin=302, evaluator=403, operator=403, kepala=403, anon=302),
        method="post",
        kwargs=("tahun", "triwulan", "pk"),
    ),
    "web:publikasi-list": Case(same(admin=200, evaluator=200, operator=200, kepala=200, anon=200)),
    # Draf quarters are never public, whoever asks (published: tests/web/test_dashboards.py).
    "web:publikasi-detail": Case(
        same(admin=404, evaluator=404, operator=404, kepala=404, anon=404), kwargs=UNIT
    ),
    # The public survey form needs no sign-in (an open survey exists: see url_of).
    "web:survei-isi": Case(PUBLIK, kwargs=("kode",)),
    "web:survei-isi POST": Case(  # nothing answered: the form comes back with its errors
        same(admin=400, evaluator=400, operator=400, kepala=400, anon=400),
        method="post",
        kwargs=("kode",),
    ),
    "web:survei-layanan-isi": Case(PUBLIK, kwargs=("kode", "layanan")),
    "web:survei-selesai": Case(PUBLIK, kwargs=("kode",)),
    "web:survei-qr": Case(LIHAT, kwargs=UNIT),
    "web:survei-kode": Case(ISI, kwargs=UNIT),
    "web:jawaban-import": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)}, method="post", kwargs=UNIT
    ),  # one-time codes: printed by who serves
    # Planning and budget pages: everyone who may see the unit reads them, ISI writes.
    "web:target-update": Case(LIHAT, kwargs=UNIT),
    "web:target-update POST": Case(  # nothing sent: the form comes back with its errors
        {**ISI, "admin": (400, 400), "operator": (400, 403)}, method="post", kwargs=UNIT
    ),
    "web:realisasi-belanja-update": Case(LIHAT, kwargs=UNIT),
    "web:realisasi-belanja-update POST": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)}, method="post", kwargs=UNIT
    ),
    # The JSON API (kinerja/web/api.py): same can() checks, 401 instead of the sign-in page.
    "api:api-root": Case(same(admin=404, evaluator=404, operator=404, kepala=404, anon=404)),
    "api:openapi-json": Case(same(admin=200, evaluator=200, operator=200, kepala=200, anon=200)),
    "api:unit-list": Case(same(admin=200, evaluator=200, operator=200, kepala=200, anon=401)),
    "api:capaian-detail": Case({**LIHAT, "anon": (401, 401)}, kwargs=UNIT),
    "api:realisasi-detail": Case({**LIHAT, "anon": (401, 401)}, kwargs=(*UNIT, "indikator")),
    "api:realisasi-update": Case(
        {**ISI, "anon": (401, 401)},
        method="put",
        kwargs=(*UNIT, "indikator"),
        data={"nilai": "3", "versi": ""},
        content_type="application/json",
    ),
    # Excel in and out (kinerja/web/views/excel.py). An unknown import token: allowed roles
    # reach the view and are sent back to the upload page (302), the others get 403.
    "web:templat-download": Case(LIHAT, kwargs=UNIT),
    "web:ekspor-download": Case(LIHAT, kwargs=(*UNIT, "tabel", "ekstensi")),
    "web:rekap-pemda-download": Case(
        same(admin=200, evaluator=200, operator=403, kepala=403, anon=302),
        kwargs=("tahun", "triwulan", "ekstensi"),
    ),
    "web:impor-create": Case(ISI, kwargs=UNIT),
    "web:impor-create POST": Case(ISI, method="post", kwargs=UNIT),  # no file: form again
    "web:impor-detail": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)}, kwargs=(*UNIT, "token")
    ),
    "web:impor-apply": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)},
        method="post",
        kwargs=(*UNIT, "token"),
    ),
    "web:impor-delete": Case(
        {**ISI, "admin": (302, 302), "operator": (302, 403)},
        method="post",
        kwargs=(*UNIT, "token"),
    ),
    # Django's admin guards itself (staff only); no persona here is staff.
    "admin:*": Case(same(admin=302, evaluator=302, operator=302, kepala=302, anon=302)),
}


def make_pengecualian(unit):
    return PengecualianTenggat.objects.create(
        perangkat=unit.perangkat,
        tahun=TAHUN,
        triwulan=TW,
        alasan="Uji",
        berlaku_sampai=timezone.now() + timedelta(days=2),
    )


def named_patterns(patterns=None, prefix="") -> set[str]:
    names = set()
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            names |= named_patterns(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.add(prefix + p.name)
    return names


def test_every_url_has_an_entry():
    missing = sorted(n for n in named_patterns() if n not in MATRIX and not n.startswith("admin:"))
    assert not missing, f"URL tanpa baris di MATRIX: {missing}"
    stale = sorted(k for k in MATRIX if k.split()[0] not in named_patterns() and k != "admin:*")
    assert not stale, f"baris MATRIX tanpa URL: {stale}"


def url_of(name: str, case: Case, unit) -> str:
    if name == "admin:*":
        return reverse("admin:index")
    values = {
        "kode": unit.kode,
        "tahun": TAHUN,
        "triwulan": TW,
        "indikator": unit.sub_ind.id,
        "jenis": "triwulan",
        "format": "xyz",
        "tabel": "capaian",
        "ekstensi": "xlsx",
        "token": "x" * 32,
    }
    if name == "web:pengecualian-delete":
        values["pk"] = make_pengecualian(unit).pk
    elif "pk" in case.kwargs:
        values["pk"] = make_bukti(unit).pk
    if name.startswith("web:survei"):
        buka_survei(unit)
        values["layanan"] = layanan_survei(unit).layanan_id
    return reverse(name.split()[0], kwargs={k: values[k] for k in case.kwargs})


@pytest.mark.parametrize("which", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(world, as_role, name, role, which):
    case = MATRIX[name]
    unit = world.a if which == "own" else world.b
    client = as_role(world, role)
    extra = {"content_type": case.content_type} if case.content_type else {}
    response = getattr(client, case.method)(url_of(name, case, unit), case.data, **extra)
    expected = case.expected[role][0 if which == "own" else 1]
    assert response.status_code == expected, (name, role, which)
    if role == "anon" and expected == 302 and name.startswith("web:") and case.method == "get":
        assert response["Location"].startswith(reverse("web:masuk"))


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("web:realisasi-preview", "get"),
        ("web:realisasi-history", "get"),
        ("web:bukti-create", "post"),
        ("web:bukti-download", "get"),
    ],
)
def test_row_of_another_unit_through_own_url_is_hidden(world, as_role, name, method):
    client = as_role(world, "operator")
    other = make_bukti(world.b).pk if name == "web:bukti-download" else world.b.sub_ind.id
    url = reverse(name, args=[world.a.kode, TAHUN, TW, other])
    assert getattr(client, method)(url).status_code == 404


def test_superuser_is_admin_pemda(world, client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "", "x-sandi-panjang-9")
    client.force_login(root)
    assert client.get(reverse("web:pemda", args=[TAHUN, TW])).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200
