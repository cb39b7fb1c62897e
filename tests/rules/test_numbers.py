"""kinerja.rules.numbers: strict conversion and explicit rounding."""

from decimal import Decimal

import pytest

from kinerja.rules import KONTEKS, round_half_up, to_decimal, truncate


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("84.73"), Decimal("84.73")),
        (5, Decimal(5)),
        (-3, Decimal(-3)),
        ("84.73", Decimal("84.73")),
        (" -1 ", Decimal(-1)),
        ("4094740600.00", Decimal("4094740600.00")),
        (None, None),
    ],
)
def test_to_decimal_accepts(value, expected):
    result = to_decimal(value)
    assert result == expected
    if expected is not None:
        assert isinstance(result, Decimal)
        assert str(result) == str(expected)


@pytest.mark.parametrize("value", [84.73, 0.0, float("nan"), True, [1], object()])
def test_to_decimal_refuses_other_types(value):
    with pytest.raises(TypeError):
        to_decimal(value)


@pytest.mark.parametrize(
    "value", ["84,73", "1.234.567", "1e3", "", "abc", ".5", "5.", Decimal("NaN"), Decimal("Inf")]
)
def test_to_decimal_refuses_non_machine_or_non_finite(value):
    with pytest.raises(ValueError):
        to_decimal(value)


def test_to_decimal_message_is_indonesian():
    with pytest.raises(ValueError, match="bukan angka dalam format mesin"):
        to_decimal("84,73")
    with pytest.raises(TypeError, match="float tidak diterima"):
        to_decimal(1.5)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("105.7802746", 2, "105.78"),
        ("2.345", 2, "2.35"),
        ("-2.345", 2, "-2.35"),
        ("2.344999", 2, "2.34"),
        ("90.995", 2, "91.00"),
        ("0.125", 2, "0.13"),  # half-even would give 0.12
        ("105.78", 1, "105.8"),  # the sample prints 105,8
        ("1234.5", 0, "1235"),
        ("-0.001", 2, "0.00"),
    ],
)
def test_round_half_up(value, places, expected):
    result = round_half_up(Decimal(value), places)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [("105.789", 2, "105.78"), ("-1.239", 2, "-1.23"), ("99.9999", 0, "99"), ("-0.009", 2, "0.00")],
)
def test_truncate(value, places, expected):
    assert str(truncate(Decimal(value), places)) == expected


def test_rounding_does_not_overflow_on_long_values():
    big = Decimal("1" * 45 + ".555")
    assert round_half_up(big) == Decimal("1" * 45 + ".56")
    assert truncate(big) == Decimal("1" * 45 + ".55")


def test_rounding_refuses_float():
    with pytest.raises(TypeError):
        round_half_up(1.005)
    with pytest.raises(TypeError):
        truncate(1.005)


def test_context_has_enough_precision():
    assert KONTEKS.prec >= 28
