"""kinerja.rules.quarters: quarterly aggregation and capaian per triwulan."""

from decimal import Decimal, localcontext

import pytest

from kinerja.rules import (
    ALASAN_TANPA_REALISASI,
    ALASAN_TANPA_TARGET,
    ALASAN_TARGET_NOL,
    KONTEKS,
    Agregasi,
    ModeTarget,
    Polaritas,
    Rentang,
    aggregate,
    alasan_negatif,
    capaian_sd_triwulan,
    capaian_triwulan,
    year_to_date,
)

D = Decimal
J, T, RR, M = Agregasi.JUMLAH, Agregasi.TERAKHIR, Agregasi.RATA_RATA, Agregasi.MAKSIMUM


def dec(*values):
    return [None if v is None else D(v) for v in values]


# --- aggregate ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "expected"), [(J, D(9)), (T, D(2)), (RR, D(3)), (M, D(5)), ("rata-rata", D(3))]
)
def test_aggregate_rules(rule, expected):
    assert aggregate(dec(2, None, 5, 2), rule) == expected


def test_aggregate_skips_none_and_all_none_is_none():
    assert aggregate(dec(None, None, None, None), J) is None
    assert aggregate([], RR) is None
    # None is not zero: the mean of (None, 4) is 4, not 2.
    assert aggregate(dec(None, 4), RR) == D(4)


def test_aggregate_mean_is_exact():
    with localcontext(KONTEKS):
        assert aggregate(dec(1, 1, 2), RR) == D(4) / D(3)
    assert str(aggregate(dec(1, 1, 2), RR)).startswith("1.3333333333333333333333")


def test_aggregate_ranges_component_wise():
    r = [Rentang(D(1), D(2)), None, Rentang(D(3), D(6))]
    assert aggregate(r, J) == Rentang(D(4), D(8))
    assert aggregate(r, T) == Rentang(D(3), D(6))
    assert aggregate(r, RR) == Rentang(D(2), D(4))
    assert aggregate(r, M) == Rentang(D(3), D(6))


def test_aggregate_mixed_range_and_number_gives_range():
    assert aggregate([D(3), Rentang(D(1), D(2))], J) == Rentang(D(4), D(5))
    assert aggregate([Rentang(D(1), D(2)), D(7)], T) == Rentang(D(7), D(7))


def test_aggregate_refuses_float_and_unknown_rule():
    with pytest.raises(TypeError):
        aggregate([1.5], J)
    with pytest.raises(ValueError):
        aggregate(dec(1), "median")


# --- year to date -----------------------------------------------------------------


def test_sum_with_quarters_without_target():
    # A sub kegiatan running only in TW III: target (–,–,1,0), realisasi (–,–,0,0).
    targets, real = dec(None, None, 1, 0), dec(None, None, 0, 0)
    assert year_to_date(targets, real, 4, J) == (D(1), D(0))
    assert capaian_sd_triwulan(targets, real, 4, J).value == D(0)
    # Before TW III nothing is due yet.
    assert capaian_sd_triwulan(targets, real, 2, J).reason == ALASAN_TANPA_TARGET


def test_quarter_alone_vs_year_to_date():
    targets, real = dec(None, 3, 1, 0), dec(None, 3, 1, 0)
    assert capaian_triwulan(targets, real, 4).reason == ALASAN_TARGET_NOL
    assert capaian_sd_triwulan(targets, real, 4, J).value == D(100)
    assert capaian_triwulan(targets, real, 2).value == D(100)
    assert capaian_triwulan(targets, real, 1).reason == ALASAN_TANPA_TARGET


def test_terakhir_uses_last_stated_value():
    targets, real = dec(None, None, None, 20), dec(20, 20, 20, 20)
    assert year_to_date(targets, real, 4, T) == (D(20), D(20))
    assert capaian_sd_triwulan(targets, real, 4, T).value == D(100)
    assert capaian_sd_triwulan(targets, real, 3, T).reason == ALASAN_TANPA_TARGET


def test_realisasi_missing_so_far():
    targets, real = dec(1, 1, 1, 1), dec(None, None, None, None)
    assert capaian_sd_triwulan(targets, real, 2, J).reason == ALASAN_TANPA_REALISASI


def test_kumulatif_target_mode():
    # Targets already "up to this quarter": 25, 50, 75, 100 %; realisasi is a level.
    targets, real = dec(25, 50, None, 100), dec(20, 40, 70, 100)
    kum = ModeTarget.KUMULATIF
    assert year_to_date(targets, real, 2, T, kum) == (D(50), D(40))
    assert capaian_sd_triwulan(targets, real, 2, T, kum).value == D(80)
    # TW III has no stated target: the latest one (TW II) stands.
    assert year_to_date(targets, real, 3, T, kum) == (D(50), D(70))
    assert capaian_sd_triwulan(targets, real, 3, T, kum).value == D(140)
    assert capaian_sd_triwulan(targets, real, 4, T, "kumulatif").value == D(100)
    # The same targets read per quarter would add up to 175.
    assert year_to_date(targets, real, 4, J)[0] == D(175)


def test_kumulatif_with_nothing_stated_yet():
    assert year_to_date(dec(None, None, 5, 5), dec(1, 1, 1, 1), 2, J, "kumulatif")[0] is None


def test_settings_pass_through():
    targets, real = dec(10, 10, 10, 10), dec(8, 8, 8, 8)
    neg = capaian_sd_triwulan(targets, real, 4, J, polaritas=Polaritas.NEGATIF)
    assert neg.value == D(120)
    assert capaian_sd_triwulan(
        targets, real, 4, J, polaritas="negatif", rumus_negatif="T/R"
    ).value == D(125)
    assert capaian_triwulan(targets, real, 1, polaritas="negatif", cap=D(110)).value == D(110)
    assert capaian_sd_triwulan(dec(4, 4, 4, 4), dec(8, 8, 8, 8), 1, J, cap=D(150)).value == D(150)


def test_range_targets_by_quarter():
    targets = [Rentang(D(10), D(20)), None, Rentang(D(10), D(20)), D(5)]
    real = dec(15, 5, 10, 5)
    assert year_to_date(targets, real, 4, J) == (Rentang(D(25), D(45)), D(35))
    assert capaian_sd_triwulan(targets, real, 4, J).value == D(100)


@pytest.mark.parametrize("triwulan", [0, 5, -1, True, "4", 2.0])
def test_invalid_quarter(triwulan):
    with pytest.raises(ValueError, match="triwulan harus 1 sampai 4"):
        year_to_date(dec(1, 1, 1, 1), dec(1, 1, 1, 1), triwulan, J)
    with pytest.raises(ValueError, match="triwulan harus 1 sampai 4"):
        capaian_triwulan(dec(1, 1, 1, 1), dec(1, 1, 1, 1), triwulan)


def test_four_quarters_required():
    with pytest.raises(ValueError, match="4 triwulan"):
        year_to_date(dec(1, 1, 1), dec(1, 1, 1, 1), 1, J)
    with pytest.raises(ValueError, match="4 triwulan"):
        capaian_triwulan(dec(1, 1, 1, 1), dec(1, 1, 1, 1, 1), 1)


@pytest.mark.parametrize("rule", list(Agregasi))
@pytest.mark.parametrize("nilai", [None, D(0), D("0.0001"), D(5), D("-0.0001"), D(-3)])
def test_only_a_summed_indicator_refuses_negatives(rule, nilai):
    why = alasan_negatif("Realisasi", nilai, rule)
    refused = rule is Agregasi.JUMLAH and nilai is not None and nilai < 0
    assert (why is not None) == refused
    if refused:
        assert why.startswith("Realisasi tidak boleh negatif: indikator ini dijumlahkan")
    assert alasan_negatif("Target", nilai, rule.value) == (
        why and why.replace("Realisasi", "Target", 1)
    )
