"""kinerja.rules.capaian: capaian of one indicator, with the sample's figures."""

from decimal import Decimal, localcontext

import pytest

from kinerja.rules import (
    ALASAN_REALISASI_NOL,
    ALASAN_TANPA_REALISASI,
    ALASAN_TANPA_TARGET,
    ALASAN_TARGET_NOL,
    KONTEKS,
    Capaian,
    Polaritas,
    Rentang,
    RumusNegatif,
    compute_capaian,
    round_half_up,
)

D = Decimal
NEG = Polaritas.NEGATIF


def test_ikm_sample_figure():
    # IKU "Indeks Kepuasan Masyarakat": target 80,1, realisasi 84,73 → 105,78.
    c = compute_capaian(D("80.1"), D("84.73"))
    assert c.applicable
    assert round_half_up(c.value, 2) == D("105.78")
    assert round_half_up(c.value, 1) == D("105.8")
    # Exact to the context's precision (40 digits), not rounded early.
    with localcontext(KONTEKS):
        assert c.value == D("84.73") * 100 / D("80.1")
    assert str(c.value).startswith("105.78027465667915106117353308")
    assert len(c.value.as_tuple().digits) == KONTEKS.prec


def test_positive_simple():
    assert compute_capaian(D(4), D(3)).value == D(75)
    assert compute_capaian(D(12), D(12)).value == D(100)


def test_negative_hand_checked():
    # T=10, R=8: (2·10 − 8)/10 × 100 = 120; 10/8 × 100 = 125.
    assert compute_capaian(D(10), D(8), polaritas=NEG).value == D(120)
    t_bagi_r = compute_capaian(D(10), D(8), polaritas=NEG, rumus_negatif=RumusNegatif.T_BAGI_R)
    assert t_bagi_r.value == D(125)


def test_negative_worse_than_target():
    assert compute_capaian(D(10), D(12), polaritas=NEG).value == D(80)
    assert compute_capaian(D(10), D(25), polaritas=NEG).value == D(-50)


def test_string_settings_are_accepted():
    c = compute_capaian(D(10), D(8), polaritas="negatif", rumus_negatif="T/R")
    assert c.value == D(125)
    with pytest.raises(ValueError):
        compute_capaian(D(10), D(8), polaritas="naik")


def test_int_inputs_are_converted_and_floats_refused():
    assert compute_capaian(4, 3).value == D(75)
    with pytest.raises(TypeError):
        compute_capaian(80.1, D("84.73"))
    with pytest.raises(TypeError):
        compute_capaian(D("80.1"), 84.73)


# --- not applicable: never a crash, never #DIV/0! --------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "kwargs", "reason"),
    [
        (None, D(5), {}, ALASAN_TANPA_TARGET),
        (None, None, {}, ALASAN_TANPA_TARGET),
        (D(0), D(5), {}, ALASAN_TARGET_NOL),
        (D("0.00"), D(0), {}, ALASAN_TARGET_NOL),
        (D(0), None, {}, ALASAN_TARGET_NOL),
        (D(0), D(5), {"polaritas": NEG}, ALASAN_TARGET_NOL),
        (D(5), None, {}, ALASAN_TANPA_REALISASI),
        (D(5), None, {"polaritas": NEG}, ALASAN_TANPA_REALISASI),
        (D(5), D(0), {"polaritas": NEG, "rumus_negatif": "T/R"}, ALASAN_REALISASI_NOL),
        (Rentang(D(0), D(0)), D(3), {}, ALASAN_TARGET_NOL),
        (Rentang(D(0), D(10)), D(-1), {}, ALASAN_TARGET_NOL),
        (Rentang(D(80), D(90)), None, {}, ALASAN_TANPA_REALISASI),
    ],
)
def test_not_applicable(target, realisasi, kwargs, reason):
    c = compute_capaian(target, realisasi, **kwargs)
    assert not c.applicable
    assert c.value is None
    assert c.reason == reason


def test_reason_texts_are_indonesian_constants():
    assert ALASAN_TANPA_TARGET == "tidak ada target"
    assert ALASAN_TARGET_NOL == "target nol"
    assert ALASAN_TANPA_REALISASI == "realisasi belum diisi"
    assert ALASAN_REALISASI_NOL == "realisasi nol, rumus T/R tidak dapat dihitung"


def test_zero_realisasi_is_a_result_not_na():
    assert compute_capaian(D(1), D(0)).value == D(0)
    assert compute_capaian(D(5), D(0), polaritas=NEG).value == D(200)


def test_negative_target_is_computed():
    assert compute_capaian(D(-4), D(-2)).value == D(50)


# --- range targets -----------------------------------------------------------

R8090 = Rentang(D(80), D(90))


@pytest.mark.parametrize("r", ["80", "85", "90", "80.00"])
def test_range_inside_is_100(r):
    assert compute_capaian(R8090, D(r)).value == D(100)
    assert compute_capaian(R8090, D(r), polaritas=NEG).value == D(100)


def test_range_above_upper_uses_upper():
    assert compute_capaian(R8090, D(99)).value == D(110)
    assert compute_capaian(R8090, D(99), polaritas=NEG).value == D(90)
    t_bagi_r = compute_capaian(R8090, D(99), polaritas=NEG, rumus_negatif="T/R")
    assert round_half_up(t_bagi_r.value) == D("90.91")


def test_range_below_lower_uses_lower():
    assert compute_capaian(R8090, D(60)).value == D(75)
    assert compute_capaian(R8090, D(60), polaritas=NEG).value == D(125)


def test_rentang_validation():
    assert Rentang(D(5), D(5)).bawah == D(5)
    assert Rentang(1, 2) == Rentang(D(1), D(2))
    with pytest.raises(ValueError):
        Rentang(D(90), D(80))
    with pytest.raises(ValueError):
        Rentang(None, D(1))
    with pytest.raises(TypeError):
        Rentang(1.0, 2.0)


# --- cap -----------------------------------------------------------------------


def test_cap():
    assert compute_capaian(D(80), D(100), cap=D(100)).value == D(100)
    assert compute_capaian(D(80), D(60), cap=D(100)).value == D(75)
    assert compute_capaian(D(80), D(100)).value == D(125)  # no cap by default
    assert compute_capaian(D(10), D(2), polaritas=NEG, cap=D(120)).value == D(120)
    assert compute_capaian(R8090, D(85), cap=D(95)).value == D(95)
    assert compute_capaian(D(0), D(1), cap=D(100)).reason == ALASAN_TARGET_NOL


# --- the Capaian value object --------------------------------------------------


def test_capaian_value_object():
    c = Capaian(D("93.75"))
    assert c.applicable and c.reason is None
    na = Capaian.na("target nol")
    assert not na.applicable and na.value is None and na.reason == "target nol"
    assert Capaian(D(100)) == Capaian(D("100.0"))
    with pytest.raises(AttributeError):
        c.value = D(1)


@pytest.mark.parametrize(
    ("value", "reason"), [(None, None), (D(1), "target nol"), (None, ""), (None, "  ")]
)
def test_capaian_exactly_one_of_value_and_reason(value, reason):
    with pytest.raises(ValueError):
        Capaian(value, reason)


def test_capaian_refuses_float():
    with pytest.raises(TypeError):
        Capaian(93.75)
