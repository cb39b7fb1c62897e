"""Decimal helpers: strict input conversion and explicit rounding.

Every figure in the rules core is a :class:`~decimal.Decimal`. Floats are refused
(``TypeError``) because a float such as ``84.73`` is already inexact before any
computation starts. Arithmetic runs in :data:`KONTEKS` (40 significant digits);
rounding to two decimals happens only when a figure is shown or classified.
"""

from __future__ import annotations

import re
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)

__all__ = ["KONTEKS", "to_decimal", "round_half_up", "truncate"]

#: Arithmetic context of the rules core: 40 significant digits, and invalid
#: operations, division by zero and overflow raise instead of producing NaN/Inf.
#: Use it through :func:`decimal.localcontext`, which works on a copy.
KONTEKS = Context(
    prec=40,
    rounding=ROUND_HALF_EVEN,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)

# Plain machine form: optional sign, digits, optional "." and digits. No exponent,
# no thousands separators, no leading or trailing point.
_MACHINE_FORM = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def to_decimal(value: Decimal | int | str | None) -> Decimal | None:
    """Convert ``value`` to a finite :class:`~decimal.Decimal`, or ``None``.

    Accepted: ``Decimal`` (finite), ``int``, ``str`` in plain machine form
    (``"84.73"``, ``"-1"``, surrounding whitespace ignored) and ``None`` (returned
    as ``None``: a missing figure is not zero).

    Raises ``TypeError`` for ``float``, ``bool`` and any other type, and
    ``ValueError`` for NaN/infinity or a string that is not in machine form (use
    :func:`kinerja.rules.parse_angka` for Indonesian text such as ``"84,73"``).

    >>> to_decimal("84.73")
    Decimal('84.73')
    >>> to_decimal(None) is None
    True
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("nilai boolean bukan angka")
    if isinstance(value, float):
        raise TypeError(
            f"float tidak diterima ({value!r}): gunakan Decimal, int, atau str, "
            "karena float tidak tepat untuk angka desimal"
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value!r} bukan angka berhingga")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if not _MACHINE_FORM.fullmatch(text):
            raise ValueError(f"'{value}' bukan angka dalam format mesin (contoh: 1234.56)")
        return Decimal(text)
    raise TypeError(f"tipe {type(value).__name__} tidak dapat diubah menjadi Decimal")


def _require_decimal(value: Decimal | int) -> Decimal:
    result = to_decimal(value)
    if result is None:
        raise TypeError("nilai None tidak dapat dibulatkan")
    return result


def _quantize(value: Decimal | int, places: int, rounding: str) -> Decimal:
    value = _require_decimal(value)
    if isinstance(places, bool) or not isinstance(places, int):
        raise TypeError("jumlah desimal (places) harus berupa int")
    exponent = Decimal(1).scaleb(-places)
    with localcontext(KONTEKS) as ctx:
        # Enough digits for the integer part plus the requested decimals.
        ctx.prec = max(KONTEKS.prec, value.adjusted() + places + 2)
        result = value.quantize(exponent, rounding=rounding)
    # No "-0.00": a value that rounds to zero is plain zero.
    return result.copy_abs() if result.is_zero() else result


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (``ROUND_HALF_UP``).

    This is the rounding people do by hand and Excel's ``ROUND``: 2.345 → 2.35,
    -2.345 → -2.35. Zero results are returned without a minus sign.

    >>> round_half_up(Decimal("105.7802"), 2)
    Decimal('105.78')
    >>> round_half_up(Decimal("90.995"))
    Decimal('91.00')
    """
    return _quantize(value, places, ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 2) -> Decimal:
    """Cut to ``places`` decimals toward zero (Excel's ``TRUNC``/``ROUNDDOWN``).

    Some regions print capaian truncated instead of rounded; that is a display
    setting.

    >>> truncate(Decimal("105.789"))
    Decimal('105.78')
    >>> truncate(Decimal("-1.239"))
    Decimal('-1.23')
    """
    return _quantize(value, places, ROUND_DOWN)
