"""Every page of a unit carries the same tabs, the page's own marked as current."""

from __future__ import annotations

import re

import pytest

TABS = {"": "Dasbor", "isi/": None, "rencana/": "Perencanaan", "anggaran/": "Anggaran"}


def tabs(html: str) -> list[tuple[str, str, bool]]:
    """(href, text, current) of each link in the page's ``<nav class="tab">``."""
    nav = re.search(r'<nav class="tab">(.*?)</nav>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', nav)
    return [(href, text, "aria-current" in attrs) for href, attrs, text in links]


@pytest.mark.parametrize(
    ("role", "isian"), [("operator", "Isi realisasi"), ("evaluator", "Lihat isian")]
)
def test_every_unit_page_has_the_four_tabs_with_its_own_current(world, as_role, role, isian):
    client = as_role(world, role)
    base = f"/unit/{world.a.kode}/2024/tw4/"
    expected = [(base + path, text or isian) for path, text in TABS.items()]
    for path in TABS:
        found = tabs(client.get(base + path).content.decode())
        assert [(href, text) for href, text, _ in found] == expected, path
        assert [href for href, _, current in found if current] == [base + path]


def test_the_import_pages_add_their_own_tab(world, as_role):
    html = as_role(world, "operator").get(f"/unit/{world.a.kode}/2024/tw4/excel/impor/")
    found = tabs(html.content.decode())
    assert [text for _, text, _ in found] == [
        "Dasbor",
        "Isi realisasi",
        "Perencanaan",
        "Anggaran",
        "Impor Excel",
    ]
    assert [text for _, text, current in found if current] == ["Impor Excel"]
