"""Budget page: parents computed, serapan, realisasi of belanja lines saved all at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.budget.models import RealisasiBelanja
from kinerja.measurement.models import StatusTriwulan
from kinerja.organisations.models import Seksi
from kinerja.web.models import Peran
from tests import factories

TW = 4


@pytest.fixture
def lines(world):
    sub = world.a.sub_ind.sub_kegiatan
    return (
        factories.belanja(sub, 1_000_000, {2: 400_000}, uraian="Belanja Alat Tulis Kantor"),
        factories.belanja(sub, 500_000, {4: 100_000}, uraian="Belanja Makanan dan Minuman"),
    )


def url(world):
    return reverse("web:realisasi-belanja-update", args=[world.a.kode, 2024, TW])


def form_data(client, world) -> dict:
    page = client.get(url(world))
    assert page.status_code == 200
    data = {}
    for b in page.context["halaman"].lines():
        if b.form is not None:
            for name, value in b.form.initial.items():
                data[f"{b.prefix}-{name}"] = value
    return data


def figure(line, q=TW):
    row = RealisasiBelanja.objects.filter(belanja=line, triwulan=q).first()
    return None if row is None else row.nilai


def test_parents_are_computed_and_serapan_shown(world, as_role, lines):
    page = as_role(world, "evaluator").get(url(world))
    html = page.content.decode()
    # Sub kegiatan, kegiatan and program: 1.500.000 of pagu, 400.000 (carried) + 100.000 spent.
    assert html.count("1.500.000,00") >= 4  # three parents and the total row
    assert "500.000,00" in html and "33,33%" in html  # 500.000 / 1.500.000
    assert "40,00%" in html and "20,00%" in html  # each line's serapan
    assert 'class="nilai-rp"' not in html  # evaluators read only
    rows = page.context["halaman"].baris
    assert [r.level for r in rows] == ["program", "kegiatan", "sub_kegiatan", "belanja", "belanja"]


def test_operator_saves_realisasi_in_indonesian_format(world, as_role, lines):
    client = as_role(world, "operator")
    data = form_data(client, world)
    atk, mamin = lines
    assert data[f"b{atk.id}-nilai"] == "" and data[f"b{mamin.id}-nilai"] == "100.000"
    data[f"b{atk.id}-nilai"] = "Rp 650.000,50"
    data[f"b{mamin.id}-nilai"] = "250.000"
    response = client.post(url(world), data, follow=True)
    assert "2 baris belanja disimpan" in response.content.decode()
    assert figure(atk) == Decimal("650000.50") and figure(mamin) == Decimal(250000)
    assert figure(atk, 2) == Decimal(400000)  # earlier quarters untouched
    row = RealisasiBelanja.objects.get(belanja=mamin, triwulan=TW)
    assert row.history.first().history_user == world.users["operator"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1.5", "bukan angka dalam format Indonesia"),  # ambiguous: never guessed
        ("seratus", "bukan angka dalam format Indonesia"),
        ("-5.000", "tidak boleh negatif"),
        ("1.000,123", "2 angka di belakang koma"),
    ],
)
def test_bad_number_refuses_the_whole_save(world, as_role, lines, text, message):
    client = as_role(world, "operator")
    data = form_data(client, world)
    atk, mamin = lines
    data[f"b{atk.id}-nilai"] = text
    data[f"b{mamin.id}-nilai"] = "300.000"  # valid, but nothing is saved
    response = client.post(url(world), data)
    assert response.status_code == 400
    line = next(b for b in response.context["halaman"].lines() if b.line.id == atk.id)
    assert message in line.form.errors["nilai"][0]
    assert figure(atk) is None and figure(mamin) == Decimal(100000)


def test_above_pagu_saves_with_a_warning(world, as_role, lines):
    client = as_role(world, "operator")
    data = form_data(client, world)
    atk = lines[0]
    data[f"b{atk.id}-nilai"] = "1.200.000"
    response = client.post(url(world), data, follow=True)
    html = response.content.decode()
    assert figure(atk) == Decimal(1200000)
    assert "melebihi pagu Rp 1.000.000" in html
    assert 'class="warning"' in html and "ada-peringatan" in html


def test_locked_quarter_refuses_save(world, as_role, lines):
    client = as_role(world, "operator")
    data = form_data(client, world)
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=TW, status="diajukan"
    )
    data[f"b{lines[0].id}-nilai"] = "10.000"
    response = client.post(url(world), data, follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert figure(lines[0]) is None
    assert response.context["halaman"].editable is False  # no inputs any more


def test_second_save_of_same_line_is_refused_with_current_value(world, as_role, lines):
    client = as_role(world, "operator")
    mine = form_data(client, world)
    mamin = lines[1]
    theirs = dict(mine, **{f"b{mamin.id}-nilai": "175.000"})
    assert client.post(url(world), theirs).status_code == 302
    mine[f"b{mamin.id}-nilai"] = "180.000"
    response = client.post(url(world), mine)
    assert response.status_code == 400
    html = response.content.decode()
    assert "diubah orang lain" in html and "Nilai saat ini: 175.000" in html
    assert figure(mamin) == Decimal(175000)


def test_emptying_a_quarter_carries_the_earlier_figure(world, as_role, lines):
    client = as_role(world, "operator")
    data = form_data(client, world)
    data[f"b{lines[1].id}-nilai"] = ""
    assert client.post(url(world), data).status_code == 302
    assert (
        figure(lines[1]) is None and not RealisasiBelanja.objects.filter(belanja=lines[1]).exists()
    )


def test_queries_do_not_grow_with_lines(world, as_role, django_assert_num_queries):
    client = as_role(world, "operator")
    sub = world.a.sub_ind.sub_kegiatan
    factories.belanja(sub, 100, {1: 10})
    with CaptureQueriesContext(connection) as one:
        response = client.get(url(world))
    assert len(response.context["halaman"].lines()) == 1
    factories.belanja(sub, 200, {4: 20}, uraian="Belanja Jasa")
    other = factories.sub_kegiatan(sub.kegiatan, kode_suffix="0002")
    factories.belanja(other, 300, {3: 30}, uraian="Belanja Cetak")
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url(world))
    assert len(response.context["halaman"].lines()) == 3


def test_operator_limited_to_a_seksi_reads_the_budget_but_does_not_write_it(world, as_role, lines):
    seksi = Seksi.objects.create(perangkat=world.a.perangkat, nama="Seksi Pemerintahan")
    Peran.objects.filter(user=world.users["operator"]).update(seksi=seksi)
    client = as_role(world, "operator")
    page = client.get(url(world))
    html = page.content.decode()
    assert 'class="nilai-rp"' not in html and 'id="seksi-saja"' in html
    atk, _ = lines
    response = client.post(url(world), {f"b{atk.id}-nilai": "650.000"}, follow=True)
    assert "peran Anda terbatas pada satu seksi" in response.content.decode()
    assert figure(atk) is None
