"""Indonesian display formats and strict parsing of Indonesian number text.

Formatting uses Babel with locale ``id_ID`` (CLDR data): ``4.094.740.600,00``,
``Rp 4.094.740.600``, ``105,78%``, ``20 Januari 2025``, ``Triwulan IV``.
Values are rounded half-up here (Babel itself would round half-even); a
missing or not-applicable figure is shown as an en dash "–".

Parsing never guesses: "1.500" is one thousand five hundred in Indonesian and
one and a half in English, so :func:`parse_angka` reads text only in the form
that was asked for and refuses anything else with :class:`ParseError`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Context, Decimal, localcontext
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from .capaian import Capaian
from .numbers import KONTEKS, round_half_up, to_decimal

__all__ = [
    "KOSONG",
    "ParseError",
    "format_angka",
    "format_capaian",
    "format_persen",
    "format_rupiah",
    "format_tanggal",
    "format_triwulan",
    "format_waktu",
    "parse_angka",
]

LOCALE = "id_ID"

#: What a missing or not-applicable figure looks like: an en dash (U+2013).
KOSONG = "\u2013"

_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


_LOCALE = Locale.parse(LOCALE)


@lru_cache(maxsize=32)
def _pattern(pattern: str) -> NumberPattern:
    # What babel.numbers.format_decimal does on every call, done once per pattern: a
    # dashboard formats hundreds of numbers and parsing the pattern was half the cost.
    return parse_pattern(pattern)


def _babel(value: Decimal, pattern: str, quantize: bool) -> str:
    # Babel computes in the current context; give it room so that long values
    # are neither rounded silently nor rejected.
    with localcontext(KONTEKS) as ctx:
        ctx.prec = max(KONTEKS.prec, len(value.as_tuple().digits) + abs(value.adjusted()) + 4)
        return _pattern(pattern).apply(value, _LOCALE, decimal_quantization=quantize)


def format_angka(value: Decimal | None, places: int | None = 2) -> str:
    """A number in Indonesian form, rounded half-up to ``places`` decimals.

    ``places=None`` shows the decimals the value has, trailing zeros dropped.
    ``None`` gives "–".

    >>> format_angka(Decimal("4094740600"))
    '4.094.740.600,00'
    >>> format_angka(Decimal("80.10"), None), format_angka(Decimal("100.00"), None)
    ('80,1', '100')
    """
    number = to_decimal(value)
    if number is None:
        return KOSONG
    if places is None:
        # Drop trailing zeros without rounding: precision = the value's own digits.
        digits = len(number.as_tuple().digits)
        number = number.normalize(Context(prec=digits)) if number else Decimal(0)
        return _babel(number, "#,##0", quantize=False)
    number = round_half_up(number, places)
    pattern = "#,##0." + "0" * places if places > 0 else "#,##0"
    return _babel(number, pattern, quantize=True)


def format_bilangan(n: int) -> str:
    """A count in Indonesian form: responden, baris, unit.

    >>> format_bilangan(5000), format_bilangan(0)
    ('5.000', '0')
    """
    return format_angka(Decimal(n), places=0)


def format_rupiah(value: Decimal | None, places: int = 0) -> str:
    """An amount in rupiah: ``Rp 4.094.740.600``; negative ``-Rp 5.000``; ``None`` → "–".

    >>> format_rupiah(Decimal("4094740600")), format_rupiah(Decimal("-5000"))
    ('Rp 4.094.740.600', '-Rp 5.000')
    >>> format_rupiah(Decimal("4094740600"), places=2)
    'Rp 4.094.740.600,00'
    """
    number = to_decimal(value)
    if number is None:
        return KOSONG
    number = round_half_up(number, places)
    sign = "-" if number < 0 else ""
    return f"{sign}Rp {format_angka(abs(number), places)}"


def format_persen(value: Decimal | Capaian | None, places: int = 2) -> str:
    """A percentage: ``105,78%`` (no space); ``None`` or N/A → "–".

    >>> format_persen(Decimal("105.7802"))
    '105,78%'
    >>> format_persen(Capaian.na("target nol"))
    '–'
    """
    if isinstance(value, Capaian):
        value = value.value
    if value is None:
        return KOSONG
    return f"{format_angka(value, places)}%"


def format_capaian(c: Capaian, places: int = 2) -> str:
    """A :class:`Capaian` as a percentage (same as :func:`format_persen`)."""
    return format_persen(c, places)


def format_triwulan(triwulan: int, short: bool = False) -> str:
    """``Triwulan IV``, or ``TW IV`` with ``short=True``.

    >>> format_triwulan(4), format_triwulan(1, short=True)
    ('Triwulan IV', 'TW I')
    """
    if isinstance(triwulan, bool) or triwulan not in _ROMAWI:
        raise ValueError(f"triwulan harus 1 sampai 4, bukan {triwulan!r}")
    return f"{'TW' if short else 'Triwulan'} {_ROMAWI[triwulan]}"


def format_tanggal(d: date) -> str:
    """A date in Indonesian: ``20 Januari 2025``.

    >>> format_tanggal(date(2025, 1, 20))
    '20 Januari 2025'
    """
    if not isinstance(d, date):
        raise TypeError(f"format_tanggal memerlukan date, bukan {type(d).__name__}")
    return format_date(d, "d MMMM y", locale=LOCALE)


def format_waktu(dt: datetime) -> str:
    """A moment in Indonesian, in the time zone ``dt`` carries: ``15 Januari 2025 pukul
    23.59 WITA`` (no zone name for a naive value). Convert to local time first.

    >>> from zoneinfo import ZoneInfo
    >>> format_waktu(datetime(2025, 1, 15, 23, 59, tzinfo=ZoneInfo("Asia/Makassar")))
    '15 Januari 2025 pukul 23.59 WITA'
    """
    if not isinstance(dt, datetime):
        raise TypeError(f"format_waktu memerlukan datetime, bukan {type(dt).__name__}")
    zona = dt.tzname()
    return f"{format_tanggal(dt.date())} pukul {dt:%H.%M}" + (f" {zona}" if zona else "")


class ParseError(ValueError):
    """Text that is not a number in the expected form; the message is Indonesian.

    ``text`` holds the refused input.
    """

    def __init__(self, message: str, text: str = "") -> None:
        super().__init__(message)
        self.text = text


# Indonesian form: digits grouped by "." in threes (first group 1-3 digits, no
# leading zero) or not grouped at all, then an optional "," decimal part.
_KOMA = re.compile(r"(?P<int>[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[0-9]+)(?:,(?P<frac>[0-9]+))?")
_TITIK = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_RP = re.compile(r"rp\.?", re.IGNORECASE)
_MINUS = ("-", "\u2212")


def _strip_sign(text: str) -> tuple[str, str]:
    if text[:1] in _MINUS:
        return "-", text[1:].lstrip()
    if text[:1] == "+":
        return "", text[1:].lstrip()
    return "", text


def _parse_koma(text: str) -> Decimal | None:
    body = text.strip()
    sign, body = _strip_sign(body)
    rp = _RP.match(body)
    if rp:
        body = body[rp.end() :].lstrip()
        if not sign:
            sign, body = _strip_sign(body)
    if body.endswith("%"):
        if rp:
            return None  # "Rp ... %" is not a number either way
        body = body[:-1].rstrip()
    match = _KOMA.fullmatch(body)
    if match is None:
        return None
    digits = match["int"].replace(".", "")
    if match["frac"]:
        digits += "." + match["frac"]
    result = Decimal(sign + digits)
    return result.copy_abs() if result.is_zero() else result


def parse_angka(text: str, desimal: str = "koma") -> Decimal:
    """Read a number typed as text, refusing anything ambiguous.

    ``desimal="koma"`` (Indonesian form): optional sign, digits grouped by "."
    in threes (or not grouped), optional "," decimals; surrounding whitespace
    (also NBSP), a leading "Rp"/"Rp." and a trailing "%" are tolerated.
    ``desimal="titik"`` (machine form): ``84.73``, ``-1``; no grouping.

    >>> parse_angka("4.094.740.600,00"), parse_angka("1.500"), parse_angka("Rp 5.000")
    (Decimal('4094740600.00'), Decimal('1500'), Decimal('5000'))
    >>> parse_angka("84.73", desimal="titik")
    Decimal('84.73')
    >>> parse_angka("84.73")
    Traceback (most recent call last):
    ...
    kinerja.rules.formats.ParseError: '84.73' bukan angka dalam format Indonesia (contoh: 1.234,56)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_angka memerlukan teks (str), bukan {type(text).__name__}")
    if desimal == "koma":
        result = _parse_koma(text)
        if result is None:
            raise ParseError(
                f"'{text}' bukan angka dalam format Indonesia (contoh: 1.234,56)", text
            )
        return result
    if desimal == "titik":
        body = text.strip()
        if not _TITIK.fullmatch(body):
            raise ParseError(
                f"'{text}' bukan angka dalam format mesin (contoh: 1234.56, tanpa pemisah ribuan)",
                text,
            )
        result = Decimal(body)
        return result.copy_abs() if result.is_zero() else result
    raise ValueError(f"desimal harus 'koma' atau 'titik', bukan {desimal!r}")
