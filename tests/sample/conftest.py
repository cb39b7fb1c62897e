"""Fixtures of the sample-file tests: the program tree and its codes."""

from __future__ import annotations

import pytest

from tests.sample.files import read


@pytest.fixture(scope="module")
def program() -> list[dict[str, str]]:
    return read("program.csv")


@pytest.fixture(scope="module")
def kodes(program) -> set[str]:
    return {p["kode"] for p in program}
