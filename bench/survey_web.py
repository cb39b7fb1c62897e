"""Bench of the public survey form: its page weight (HTML + CSS + JS) against 100 KB."""

from __future__ import annotations

import re
from decimal import Decimal

from django.contrib.staticfiles import finders
from django.test import Client

from kinerja.rules import format_angka
from kinerja.survey.domain import buat_survei
from kinerja.survey.models import Survei

ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="/static/([^"]+)"')


def page_weight(html: bytes) -> tuple[int, int]:
    """(bytes of the HTML, bytes of the stylesheets and scripts it loads)."""
    assets = 0
    for path in ASSET.findall(html.decode("utf-8")):
        with open(finders.find(path), "rb") as f:
            assets += len(f.read())
    return len(html), assets


def bench_survey_web(towuti) -> None:
    if not Survei.objects.filter(perangkat=towuti, tahun=2025, triwulan=1).exists():
        buat_survei(towuti, 2025, 1)  # the newest open survey: what the public link opens
    response = Client(SERVER_NAME="localhost").get(f"/survei/{towuti.kode}/")
    assert response.status_code == 200, response.status_code
    html, assets = page_weight(response.content)
    kb = format_angka(Decimal(html + assets) / 1024, 1)
    print(
        f"web: formulir survei publik, bobot halaman: {kb} KB (HTML {_n(html)} + CSS/JS "
        f"{_n(assets)} bita; target ≤ 100 KB)"
    )


def _n(value: int) -> str:
    return format_angka(Decimal(value), 0)
