"""Property tests of the rules core (hypothesis, Decimal strategies only)."""

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kinerja.rules import (
    PRESETS,
    Capaian,
    Polaritas,
    RumusNegatif,
    compute_capaian,
    format_angka,
    format_persen,
    format_rupiah,
    parse_angka,
    rollup,
    round_half_up,
)

D = Decimal


def decimals(places=4, limit="1e9"):
    return st.decimals(
        min_value=-D(limit),
        max_value=D(limit),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


nonzero = decimals().filter(lambda d: d != 0)
capaian_values = st.builds(Capaian, decimals(places=2, limit="1000"))
na_children = st.sampled_from(["tidak ada target", "target nol"]).map(Capaian.na)
children = st.lists(st.one_of(capaian_values, na_children), max_size=12)


@given(nonzero)
def test_realisasi_equal_target_is_exactly_100(t):
    assert compute_capaian(t, t).value == 100
    for rumus in RumusNegatif:
        assert compute_capaian(t, t, polaritas=Polaritas.NEGATIF, rumus_negatif=rumus).value == 100


@given(nonzero, decimals())
def test_negative_mirrors_positive_around_100(t, r):
    pos = compute_capaian(t, r).value
    neg = compute_capaian(t, r, polaritas=Polaritas.NEGATIF).value
    # Mathematically pos + neg = 200 exactly; each side is rounded once to the
    # context's 40 digits, so compare well below any displayed precision.
    assert round_half_up(pos + neg, 20) == 200


@given(decimals(places=2).filter(lambda d: d > 0), decimals(), decimals(places=2, limit="500"))
def test_cap_is_never_exceeded(t, r, cap):
    uncapped = compute_capaian(t, r).value
    assert compute_capaian(t, r, cap=cap).value == min(uncapped, cap)


@given(decimals(places=2).filter(lambda d: d > 0), decimals(), decimals())
def test_positive_capaian_grows_with_realisasi(t, r1, r2):
    lo, hi = sorted((r1, r2))
    assert compute_capaian(t, lo).value <= compute_capaian(t, hi).value


@given(children, st.lists(na_children, max_size=5), st.randoms(use_true_random=False))
def test_rollup_ignores_na(kids, extra_na, rnd):
    before = rollup(kids)
    mixed = list(kids) + list(extra_na)
    rnd.shuffle(mixed)
    after = rollup(mixed)
    assert after.capaian == before.capaian
    assert (after.total, after.count) == (before.total, before.count)
    assert after.excluded == before.excluded + len(extra_na)


@given(children)
def test_rollup_mean_lies_between_min_and_max(kids):
    values = [k.value for k in kids if k.applicable]
    r = rollup(kids)
    assert r.count == len(values)
    assert r.excluded == len(kids) - len(values)
    if values:
        assert min(values) <= r.capaian.value <= max(values)
    else:
        assert not r.capaian.applicable


@given(st.lists(st.tuples(capaian_values, decimals(places=0, limit="1e12")), min_size=1))
def test_budget_rollup_lies_between_min_and_max(pairs):
    kids = [k for k, _ in pairs]
    weights = [abs(w) for _, w in pairs]
    assume(sum(weights) > 0)
    r = rollup(kids, "bobot-anggaran", weights)
    values = [k.value for k in kids]
    assert min(values) <= r.capaian.value <= max(values)


@settings(deadline=None)
@given(decimals(places=2, limit="1e15"))
def test_format_parse_round_trip(value):
    assert parse_angka(format_angka(value)) == value
    assert parse_angka(format_angka(value, 2)) == value
    assert parse_angka(format_angka(value, None)) == value
    assert parse_angka(format_rupiah(value, places=2)) == value
    assert parse_angka(format_persen(value)) == value
    assert parse_angka(str(value), desimal="titik") == value


@settings(deadline=None)
@given(decimals(places=6, limit="1e12"), st.integers(min_value=0, max_value=4))
def test_format_shows_the_half_up_rounded_value(value, places):
    assert parse_angka(format_angka(value, places)) == round_half_up(value, places)


@given(st.text(max_size=20))
def test_parse_never_fails_otherwise(text):
    for desimal in ("koma", "titik"):
        try:
            result = parse_angka(text, desimal=desimal)
        except ValueError:
            continue
        assert isinstance(result, Decimal) and result.is_finite()


@given(decimals(places=4, limit="200"), decimals(places=4, limit="200"))
def test_classify_is_monotone(a, b):
    lo, hi = sorted((a, b))
    for skala in PRESETS.values():
        index = {id(p): i for i, p in enumerate(skala.bands)}
        assert index[id(skala.band(hi))] <= index[id(skala.band(lo))]
        assert skala.classify(lo) is not None
