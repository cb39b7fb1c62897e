"""Rules core of Kinerja: SAKIP figures computed exactly, in pure Python.

Capaian (achievement), quarterly aggregation, roll-up, predikat scales, budget
absorption (serapan), Indonesian formats, clean text and syllables. No Django, no database: every
function takes and returns :class:`~decimal.Decimal` values (floats are refused)
and small frozen dataclasses. See ``README.md`` in this package for examples.
"""

from .capaian import (
    ALASAN_REALISASI_NOL,
    ALASAN_TANPA_REALISASI,
    ALASAN_TANPA_TARGET,
    ALASAN_TARGET_NOL,
    Capaian,
    Polaritas,
    Rentang,
    RumusNegatif,
    compute_capaian,
)
from .formats import (
    KOSONG,
    ParseError,
    format_angka,
    format_bilangan,
    format_capaian,
    format_persen,
    format_rupiah,
    format_tanggal,
    format_triwulan,
    format_waktu,
    parse_angka,
)
from .numbers import KONTEKS, round_half_up, to_decimal, truncate
from .predikat import PRESETS, Pita, SkalaPredikat, get_preset
from .quarters import (
    Agregasi,
    ModeTarget,
    aggregate,
    alasan_negatif,
    capaian_sd_triwulan,
    capaian_triwulan,
    year_to_date,
)
from .rollup import ALASAN_BOBOT_NOL, ALASAN_ROLLUP_KOSONG, AturanRollup, Rollup, rollup
from .serapan import ALASAN_PAGU_NOL, compute_serapan
from .suku_kata import pisah, sela
from .text import clean_text, ringkas

__all__ = [
    "ALASAN_BOBOT_NOL",
    "ALASAN_PAGU_NOL",
    "ALASAN_REALISASI_NOL",
    "ALASAN_ROLLUP_KOSONG",
    "ALASAN_TANPA_REALISASI",
    "ALASAN_TANPA_TARGET",
    "ALASAN_TARGET_NOL",
    "KONTEKS",
    "KOSONG",
    "PRESETS",
    "Agregasi",
    "AturanRollup",
    "Capaian",
    "ModeTarget",
    "ParseError",
    "Pita",
    "Polaritas",
    "Rentang",
    "Rollup",
    "RumusNegatif",
    "SkalaPredikat",
    "aggregate",
    "alasan_negatif",
    "capaian_sd_triwulan",
    "clean_text",
    "capaian_triwulan",
    "compute_capaian",
    "compute_serapan",
    "format_angka",
    "format_bilangan",
    "format_capaian",
    "format_persen",
    "format_rupiah",
    "format_tanggal",
    "format_triwulan",
    "format_waktu",
    "get_preset",
    "parse_angka",
    "pisah",
    "ringkas",
    "rollup",
    "round_half_up",
    "sela",
    "to_decimal",
    "truncate",
    "year_to_date",
]
