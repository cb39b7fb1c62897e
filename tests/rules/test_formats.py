"""kinerja.rules.formats: Indonesian display and strict parsing."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from kinerja.rules import (
    Capaian,
    ParseError,
    compute_capaian,
    format_angka,
    format_capaian,
    format_persen,
    format_rupiah,
    format_tanggal,
    format_triwulan,
    parse_angka,
)

D = Decimal
DASH = "\u2013"


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("4094740600", 2, "4.094.740.600,00"),
        ("4094740600.005", 2, "4.094.740.600,01"),  # half-up, not half-even
        ("0.125", 2, "0,13"),
        ("-1234.5", 0, "-1.235"),
        ("-0.001", 2, "0,00"),
        ("999.999", 2, "1.000,00"),
        ("105.78", 1, "105,8"),
        ("80.10", None, "80,1"),
        ("100.00", None, "100"),
        ("84.73", None, "84,73"),
        ("1500", None, "1.500"),
        ("0.000", None, "0"),
        ("-3.50", None, "-3,5"),
    ],
)
def test_format_angka(value, places, expected):
    assert format_angka(D(value), places) == expected


def test_format_angka_none_and_long_values():
    assert format_angka(None) == DASH == "–"
    long = D("12345678901234567890123456789012345.678")
    assert format_angka(long, None) == "12.345.678.901.234.567.890.123.456.789.012.345,678"
    assert format_angka(long) == "12.345.678.901.234.567.890.123.456.789.012.345,68"
    with pytest.raises(TypeError):
        format_angka(1.5)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("4094740600", 0, "Rp 4.094.740.600"),
        ("4094740600", 2, "Rp 4.094.740.600,00"),
        ("-5000", 0, "-Rp 5.000"),
        ("3623393162.5", 0, "Rp 3.623.393.163"),
        ("-0.4", 0, "Rp 0"),
        ("0", 0, "Rp 0"),
    ],
)
def test_format_rupiah(value, places, expected):
    result = format_rupiah(D(value), places)
    assert result == expected
    assert "\xa0" not in result


def test_format_rupiah_none():
    assert format_rupiah(None) == DASH


def test_format_persen_and_capaian():
    ikm = compute_capaian(D("80.1"), D("84.73"))
    assert format_persen(ikm) == "105,78%"
    assert format_capaian(ikm) == "105,78%"
    assert format_persen(ikm, 1) == "105,8%"
    assert format_persen(D("93.75")) == "93,75%"
    assert format_persen(D(100), 0) == "100%"
    assert format_persen(None) == DASH
    assert format_persen(Capaian.na("target nol")) == DASH
    assert format_capaian(Capaian.na("target nol")) == DASH


def test_format_triwulan():
    assert [format_triwulan(q) for q in range(1, 5)] == [
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV",
    ]
    assert format_triwulan(4, short=True) == "TW IV"
    for bad in (0, 5, True):
        with pytest.raises(ValueError, match="triwulan"):
            format_triwulan(bad)


def test_format_tanggal():
    assert format_tanggal(date(2025, 1, 20)) == "20 Januari 2025"
    assert format_tanggal(date(2023, 12, 31)) == "31 Desember 2023"
    assert format_tanggal(datetime(2024, 8, 17, 10, 0)) == "17 Agustus 2024"
    with pytest.raises(TypeError):
        format_tanggal("2025-01-20")


# --- parsing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("84,73", "84.73"),
        ("4.094.740.600,00", "4094740600.00"),
        ("100", "100"),
        ("1.500", "1500"),
        ("-3,5", "-3.5"),
        ("+7", "7"),
        ("0", "0"),
        ("-0", "0"),
        ("0,5", "0.5"),
        ("  84,73\xa0", "84.73"),
        ("Rp 4.094.740.600", "4094740600"),
        ("Rp. 5.000,50", "5000.50"),
        ("Rp5.000", "5000"),
        ("-Rp 5.000", "-5000"),
        ("Rp -5.000", "-5000"),
        ("105,78%", "105.78"),
        ("105,78 %", "105.78"),
        ("\u22123,5", "-3.5"),
    ],
)
def test_parse_indonesian(text, expected):
    result = parse_angka(text)
    assert isinstance(result, Decimal)
    assert str(result) == expected


@pytest.mark.parametrize(
    "text",
    [
        "84.73",
        "1,500.00",
        "1.5",
        "12.34.567",
        "",
        "   ",
        "abc",
        "1,2,3",
        "#DIV/0!",
        "0.500",
        "1.5000",
        ",5",
        "5,",
        "1 000",
        "--5",
        "-Rp -5",
        "Rp 5%",
        "%",
        "1e3",
        "١٢",  # non-ASCII digits
    ],
)
def test_parse_indonesian_refuses(text):
    with pytest.raises(ParseError) as info:
        parse_angka(text)
    assert f"'{text}'" in str(info.value)
    assert "bukan angka dalam format Indonesia" in str(info.value)
    assert info.value.text == text


def test_parse_error_message_example():
    with pytest.raises(ParseError) as info:
        parse_angka("84.73")
    assert str(info.value) == "'84.73' bukan angka dalam format Indonesia (contoh: 1.234,56)"
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("84.73", "84.73"), ("4094740600.00", "4094740600.00"), ("-1", "-1"), (" 7 ", "7")],
)
def test_parse_machine_form(text, expected):
    assert str(parse_angka(text, desimal="titik")) == expected


@pytest.mark.parametrize(
    "text", ["1,5", "1.234.567", "4,094,740,600.00", "Rp 5", "5%", "", ".5", "1e3"]
)
def test_parse_machine_form_refuses(text):
    with pytest.raises(ParseError, match="format mesin"):
        parse_angka(text, desimal="titik")


def test_parse_bad_arguments():
    with pytest.raises(ValueError, match="desimal harus"):
        parse_angka("1", desimal="dot")
    with pytest.raises(TypeError):
        parse_angka(5)
