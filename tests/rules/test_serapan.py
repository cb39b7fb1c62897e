"""kinerja.rules.serapan: budget absorption."""

from decimal import Decimal

import pytest

from kinerja.rules import ALASAN_PAGU_NOL, compute_serapan, format_persen, round_half_up

D = Decimal


def test_sample_budget_absorption():
    # Sample grand total: pagu 4.094.740.600, realisasi 3.623.393.162 → 88,49%.
    s = compute_serapan(D("4094740600"), D("3623393162"))
    assert round_half_up(s.value) == D("88.49")
    assert format_persen(s) == "88,49%"


def test_nothing_spent_yet_is_zero():
    assert compute_serapan(D(1000), None).value == D(0)
    assert compute_serapan(D(1000), D(0)).value == D(0)


def test_full_and_over_absorption():
    assert compute_serapan(D(1000), D(1000)).value == D(100)
    assert compute_serapan(D(1000), D(1500)).value == D(150)


@pytest.mark.parametrize("pagu", [None, D(0), D("0.00")])
def test_zero_or_missing_pagu(pagu):
    s = compute_serapan(pagu, D(10))
    assert s.reason == ALASAN_PAGU_NOL == "pagu anggaran nol"
    assert format_persen(s) == "\u2013"


def test_refuses_float():
    with pytest.raises(TypeError):
        compute_serapan(1000.0, D(1))
