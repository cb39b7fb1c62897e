"""Load a sample unit (the Towuti 2024 report) from its data folder into the database.

The folder format is documented in ``data/towuti2024/README.md``: one ``unit.toml`` and
CSV tables in machine form. Loading is atomic and idempotent: every row is matched by its
natural key, so a second run changes nothing (the counts say so).
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from kinerja.sample import parts
from kinerja.sample.upsert import Upserter

SAMPLE_DIR = Path(__file__).resolve().parent / "data" / "towuti2024"


@dataclass
class Source:
    """The files of one sample folder."""

    folder: Path

    def toml(self) -> dict:
        with open(self.folder / "unit.toml", "rb") as f:
            return tomllib.load(f, parse_float=Decimal)

    def rows(self, name: str) -> list[dict[str, str]]:
        with open(self.folder / name, encoding="utf-8-sig", newline="") as f:
            return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def load_sample(folder: Path = SAMPLE_DIR) -> Upserter:
    """Load (or re-load) the sample in one transaction; returns the counts."""
    source = Source(folder)
    upsert = Upserter()
    with transaction.atomic():
        unit = source.toml()
        perangkat = parts.load_unit(upsert, unit)
        tahun = int(unit["profil"]["tahun"])
        parts.load_profile(upsert, perangkat, unit, source.rows("pegawai.csv"))
        sasaran = parts.load_strategy(upsert, perangkat, unit, source.rows("renstra.csv"))
        tree = parts.load_program_tree(
            upsert, perangkat, tahun, source.rows("program.csv"), sasaran
        )
        parts.load_indicators(upsert, tahun, source.rows("indikator.csv"), tree, sasaran)
        parts.load_perjanjian(upsert, perangkat, source.rows("perjanjian_kinerja.csv"), sasaran)
        parts.load_budget(upsert, source.rows("belanja.csv"), tree)
        parts.load_tindak_lanjut(upsert, perangkat, source.rows("tindak_lanjut.csv"))
    return upsert
