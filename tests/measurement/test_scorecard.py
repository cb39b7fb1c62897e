"""Capaian from the database through the rules core, on small hand-checked units."""

from decimal import Decimal

import pytest

from kinerja.measurement.scorecard import build_scorecard, build_scorecards
from kinerja.organisations.models import PerangkatDaerah
from tests import factories as f

pytestmark = pytest.mark.django_db


def _unit_with_program(**pemda_settings):
    pemda = f.pemda(**pemda_settings)
    unit = f.unit(pemda_obj=pemda)
    sasaran = f.sasaran(unit)
    program = f.program(unit, sasaran_obj=sasaran)
    return unit, sasaran, program


def test_sub_kegiatan_capaian_follows_the_indicator_rule_and_rolls_up():
    unit, _, program = _unit_with_program()
    keg = f.kegiatan(program)
    # Counts that accumulate: 1 + 1 targets, 1 + 0 done → 50 %.
    f.indikator(
        f.sub_kegiatan(keg, "0001"),
        targets=[None, None, 1, 1],
        realisasi=[None, None, 1, 0],
        agregasi="jumlah",
    )
    # A level: the last stated value counts → 20 / 20.
    f.indikator(
        f.sub_kegiatan(keg, "0002"),
        targets=[None, None, None, 20],
        realisasi=[20, 20, 20, 20],
        agregasi="terakhir",
    )
    card = build_scorecard(unit, 2024, 4)
    kegiatan = card.node(keg.kode)
    assert [c.capaian.value for c in kegiatan.children] == [Decimal(50), Decimal(100)]
    assert kegiatan.capaian.value == Decimal(75)
    assert card.node(program.kode).capaian.value == Decimal(75)
    assert card.node(program.kode).predikat == "Sedang"


def test_kegiatan_without_any_indicator_is_left_out_of_the_program_mean():
    unit, _, program = _unit_with_program()
    full = f.kegiatan(program, "2.01")
    f.indikator(f.sub_kegiatan(full), targets=[1, 1, 1, 1], realisasi=[1, 1, 1, 1])
    empty = f.kegiatan(program, "2.02")
    f.sub_kegiatan(empty)
    card = build_scorecard(unit, 2024, 4)
    node = card.node(program.kode)
    assert node.rollup.count == 1 and node.rollup.excluded == 1
    assert node.capaian.value == Decimal(100)
    assert not card.node(empty.kode).capaian.applicable


def test_quarter_without_target_is_not_applicable_not_zero():
    unit, _, program = _unit_with_program()
    keg = f.kegiatan(program)
    ind = f.indikator(f.sub_kegiatan(keg), targets=[18, 0, 0, 18], realisasi=[18, 0, 0, 18])
    card = build_scorecard(unit, 2024, 2)
    score = next(i for i in card.node(keg.kode).children[0].indikator if i.id == ind.id)
    assert score.capaian_triwulan.reason == "target nol"
    assert score.capaian.value == Decimal(100)  # s.d. TW II: 18 of 18


def test_budget_weighted_rollup_is_a_pemda_setting():
    unit, _, program = _unit_with_program(aturan_rollup="bobot-anggaran")
    big, small = f.kegiatan(program, "2.01"), f.kegiatan(program, "2.02")
    big_sub, small_sub = f.sub_kegiatan(big), f.sub_kegiatan(small)
    f.indikator(big_sub, targets=[None, None, None, 10], realisasi=[None, None, None, 10])
    f.indikator(small_sub, targets=[None, None, None, 10], realisasi=[None, None, None, 5])
    f.belanja(big_sub, 300)
    f.belanja(small_sub, 100)
    card = build_scorecard(unit, 2024, 4)
    assert card.node(program.kode).capaian.value == Decimal("87.5")


@pytest.mark.parametrize(("rumus", "expected"), [("2T-R", 120), ("T/R", 125)])
def test_negative_polarity_uses_the_pemda_formula(rumus, expected):
    unit, _, program = _unit_with_program(rumus_negatif=rumus)
    sub = f.sub_kegiatan(f.kegiatan(program))
    f.indikator(
        sub, targets=[None, None, None, 10], realisasi=[None, None, None, 8], polaritas="negatif"
    )
    card = build_scorecard(unit, 2024, 4)
    assert card.node(sub.kode).capaian.value == Decimal(expected)


def test_sasaran_indicator_takes_its_realisasi_from_the_program_rollup():
    unit, sasaran, program = _unit_with_program()
    for suffix, done in (("2.01", 1), ("2.02", 0)):
        sub = f.sub_kegiatan(f.kegiatan(program, suffix))
        f.indikator(sub, targets=[None, None, None, 1], realisasi=[None, None, None, done])
    f.indikator(
        sasaran,
        targets=[None, None, None, 100],
        nama="Persentase capaian program",
        agregasi="terakhir",
        realisasi_dari=program,
    )
    card = build_scorecard(unit, 2024, 4)
    ind = card.sasaran[0].indikator[0]
    assert ind.realisasi_sd == Decimal(50)
    assert ind.capaian.value == Decimal(50)
    assert card.unit.capaian.value == Decimal(50)


@pytest.mark.parametrize("programs", [1, 3])
def test_scorecard_queries_do_not_grow_with_the_tree(programs, django_assert_num_queries):
    pemda = f.pemda()
    unit = f.unit(pemda_obj=pemda)
    sasaran = f.sasaran(unit)
    f.indikator(sasaran, targets=[80, 80, 80, 80], realisasi=[81, 82, 83, 84], agregasi="terakhir")
    for n in range(1, programs + 1):
        p = f.program(unit, kode=f"7.01.0{n}", sasaran_obj=sasaran)
        sub = f.sub_kegiatan(f.kegiatan(p))
        f.indikator(sub, targets=[1, 1, 1, 1], realisasi=[1, 1, 1, 1])
        f.belanja(sub, 1000, {4: 500})
    with django_assert_num_queries(10):
        build_scorecard(unit, 2024, 4)


@pytest.mark.parametrize("units", [1, 3])
def test_a_kabupaten_costs_the_queries_of_one_unit(units, django_assert_num_queries):
    pemda = f.pemda()
    made = []
    for n in range(units):
        unit = f.unit(kode=f"kec-{n}", pemda_obj=pemda)
        sasaran = f.sasaran(unit)
        f.indikator(sasaran, targets=[80] * 4, realisasi=[81, 82, 83, 90 + n], agregasi="terakhir")
        sub = f.sub_kegiatan(f.kegiatan(f.program(unit, sasaran_obj=sasaran)))
        f.indikator(sub, targets=[1] * 4, realisasi=[1] * 4)
        f.belanja(sub, 1000, {4: 250 * (n + 1)})
        made.append(unit)
    units_with_pemda = list(PerangkatDaerah.objects.select_related("pemda__skala_predikat"))
    with django_assert_num_queries(10):
        cards = build_scorecards(units_with_pemda, 2024, 4)
    for n, unit in enumerate(made):
        card = cards[unit.id]
        assert card.sasaran[0].indikator[0].realisasi_sd == 90 + n  # each unit its own figures
        assert card.budget.total.realisasi == 250 * (n + 1)
        assert card.unit == build_scorecard(unit, 2024, 4).unit
