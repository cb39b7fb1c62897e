"""Fuzzing the import with damaged workbooks and files: never a traceback, never a partial
write (row counts before and after), every problem an Indonesian message."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.excel import import_
from kinerja.excel.sheet import BukuError
from kinerja.excel.template import template_xlsx
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import (
    Indikator,
    Kegiatan,
    PerjanjianKinerjaIndikator,
    Program,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
)

from .helpers import TABEL_III, sipd_xlsx

MODELS = (
    Program,
    Kegiatan,
    SubKegiatan,
    Indikator,
    TargetTriwulan,
    TargetTahunan,
    Realisasi,
    Belanja,
    RealisasiBelanja,
    PerjanjianKinerjaIndikator,
)
SHEETS = ("Petunjuk", "Program", "Indikator", "Realisasi", "Anggaran", "Renstra", "PK")
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
values = st.one_of(
    st.none(),
    text,
    st.sampled_from(
        [
            "1.234,56",
            "84.73",
            "-",
            "#DIV/0!",
            "80 – 90",
            "sasaran 9",
            "5",
            "0",
            "=1/0",
            "=SUM(F2:F4)",
            "7.01.01",
            "belanja",
            "program",
            "x" * 500,
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)
set_cell = st.tuples(
    st.just("set"), st.sampled_from(SHEETS), st.integers(1, 60), st.integers(1, 12), values
)
drop_sheet = st.tuples(st.just("drop"), st.sampled_from(SHEETS))
merge = st.tuples(st.just("merge"), st.sampled_from(SHEETS), st.integers(1, 50), st.integers(1, 8))
blank_rows = st.tuples(
    st.just("rows"), st.sampled_from(SHEETS), st.integers(1, 50), st.integers(1, 5)
)
mutations = st.lists(st.one_of(set_cell, drop_sheet, merge, blank_rows), min_size=1, max_size=6)


def counts() -> list[int]:
    return [m.objects.count() for m in MODELS]


def mutate(data: bytes, ops) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    for op in ops:
        if op[1] not in wb.sheetnames:
            continue
        ws = wb[op[1]]
        if op[0] == "set":
            ws.cell(row=op[2], column=op[3]).value = op[4]
        elif op[0] == "drop" and len(wb.sheetnames) > 1:
            wb.remove(ws)
        elif op[0] == "merge":
            ws.merge_cells(
                start_row=op[2], start_column=op[3], end_row=op[2] + 1, end_column=op[3] + 1
            )
        elif op[0] == "rows":
            ws.insert_rows(op[2], op[3])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def check(data: bytes, perangkat) -> None:
    """Apply (the dry run is the same code, rolled back): a message or a full result."""
    before = counts()
    try:
        result = import_.apply(data, perangkat, 2024)
    except BukuError as exc:
        assert str(exc) and counts() == before
        return
    if result.galat:
        assert not result.disimpan and counts() == before
    for problem in result.galat:
        assert problem.alasan and "Traceback" not in problem.alasan


class Template:
    """The template's bytes, with a short repr for Hypothesis' reports."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __repr__(self) -> str:
        return "<templat Towuti 2024>"


@pytest.fixture
def template(towuti):
    return Template(template_xlsx(towuti, 2024))


@FUZZ
@given(ops=mutations)
def test_damaged_templates(towuti, template, ops):
    check(mutate(template.data, ops), towuti)


@FUZZ
@given(
    ops=st.lists(
        st.tuples(
            st.just("set"),
            st.just("Realisasi Anggaran"),
            st.integers(3, 60),
            st.integers(1, 6),
            values,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_damaged_sipd_sheets(towuti, ops):
    data = sipd_xlsx()
    wb = load_workbook(io.BytesIO(data))
    for _, _, row, col, value in ops:
        wb["Realisasi Anggaran"].cell(row=row, column=col).value = value
    out = io.BytesIO()
    wb.save(out)
    check(out.getvalue(), towuti)


@FUZZ
@given(
    raw=st.one_of(
        st.binary(max_size=200),
        st.sampled_from(["utf-16", "latin-1", "cp1252", "utf-8-sig", "utf-8"]).map(
            lambda enc: (
                TABEL_III.read_text(encoding="utf-8")
                .replace("Belanja", "Belanjá")
                .encode(enc, errors="replace")
            )
        ),
        st.binary(max_size=100).map(lambda b: b"PK\x03\x04" + b),
    )
)
def test_any_bytes_give_a_message_not_a_traceback(towuti, raw):
    check(raw, towuti)
