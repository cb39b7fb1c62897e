"""Reading the Towuti 2024 sample data files as they lie in the source tree."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "kinerja/sample/data/towuti2024"

MACHINE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
INDONESIAN = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?")


def read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def header(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def dec(value: str) -> Decimal | None:
    """Machine-form cell to Decimal; empty cell means no value (not zero)."""
    if value == "":
        return None
    assert MACHINE.fullmatch(value), f"not in machine form: {value!r}"
    return Decimal(value)
