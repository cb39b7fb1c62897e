"""kinerja.rules.rollup: parent capaian from children, N/A left out."""

from decimal import Decimal, localcontext

import pytest

from kinerja.rules import (
    ALASAN_BOBOT_NOL,
    ALASAN_ROLLUP_KOSONG,
    ALASAN_TANPA_TARGET,
    KONTEKS,
    AturanRollup,
    Capaian,
    Rollup,
    compute_capaian,
    rollup,
)

D = Decimal
NA = Capaian.na(ALASAN_TANPA_TARGET)


def c(v):
    return Capaian(D(v))


def test_sample_sasaran_ii_750_over_8():
    # Sasaran II: 9 kegiatan, one without budget and target → 750 / 8 = 93,75.
    children = [c(100), c(100), c(100), NA, c(100), c(100), c(50), c(100), c(100)]
    r = rollup(children)
    assert r == Rollup(Capaian(D("93.75")), D(750), 8, 1)
    assert r.capaian.value == D("93.75")
    assert r.total == D(750) and r.count == 8 and r.excluded == 1


def test_mean_is_exact():
    r = rollup([c(100), c(100), c(50)])
    assert str(r.capaian.value).startswith("83.33333333333333333333")


def test_mean_nothing_applicable():
    for children in ([], [NA, NA]):
        r = rollup(children)
        assert r.capaian.reason == ALASAN_ROLLUP_KOSONG
        assert r.total == 0 and r.count == 0 and r.excluded == len(children)


def test_mean_from_computed_children():
    children = [
        compute_capaian(D("80.1"), D("84.73")),
        compute_capaian(D(0), D(3)),
        compute_capaian(D(10), D(5)),
    ]
    r = rollup(children, "rata-rata")
    assert (r.count, r.excluded) == (2, 1)
    with localcontext(KONTEKS):
        assert r.capaian.value == (children[0].value + D(50)) / 2


def test_budget_weighted():
    children = [c(100), c(50), NA, c(80)]
    weights = [D(300), D(100), D(999), None]
    r = rollup(children, AturanRollup.BOBOT_ANGGARAN, weights)
    # (100·300 + 50·100) / 400 = 87,5; the N/A child and the unweighted child are out.
    assert r.capaian.value == D("87.5")
    assert r.total == D(35000)
    assert (r.count, r.excluded) == (2, 2)


def test_budget_weighted_equal_weights_is_the_mean():
    children = [c(100), c(50), c(90)]
    weighted = rollup(children, "bobot-anggaran", [D(7), D(7), D(7)])
    assert weighted.capaian == rollup(children).capaian


def test_budget_weighted_zero_budget():
    r = rollup([c(100), c(50)], AturanRollup.BOBOT_ANGGARAN, [D(0), D(0)])
    assert r.capaian.reason == ALASAN_BOBOT_NOL
    assert (r.count, r.excluded) == (2, 0)


def test_budget_weighted_nothing_applicable():
    r = rollup([NA, c(50)], AturanRollup.BOBOT_ANGGARAN, [D(5), None])
    assert r.capaian.reason == ALASAN_ROLLUP_KOSONG
    assert (r.count, r.excluded) == (0, 2)


def test_budget_weights_required_and_aligned():
    with pytest.raises(ValueError, match="bobot"):
        rollup([c(1)], AturanRollup.BOBOT_ANGGARAN)
    with pytest.raises(ValueError, match="jumlah bobot"):
        rollup([c(1), c(2)], AturanRollup.BOBOT_ANGGARAN, [D(1)])
    with pytest.raises(ValueError, match="negatif"):
        rollup([c(1)], AturanRollup.BOBOT_ANGGARAN, [D(-1)])
    with pytest.raises(TypeError):
        rollup([c(1)], AturanRollup.BOBOT_ANGGARAN, [1.0])


def test_children_must_be_capaian():
    with pytest.raises(TypeError):
        rollup([D(100)])
    with pytest.raises(ValueError):
        rollup([c(1)], "median")
