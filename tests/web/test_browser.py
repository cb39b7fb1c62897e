"""In a real browser: operator enters a realisasi, sees capaian live, saves; kepala submits.

Drives Debian's Chromium (``scripts/chromium.sh``, run by ``make test``) through Playwright;
never ``playwright install``. Screenshots go to /tmp/kinerja-layar/ for a human to look at.
"""

from __future__ import annotations

import os

import pytest
from django.db import connections

from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.web import versi_push
from tests.web.browser import BROWSER, SHOTS, sign_in

pytestmark = BROWSER


@pytest.mark.usefixtures("versi_pushed")
def test_operator_enters_realisasi_and_kepala_submits(world, live_server, browser):
    base, ind = live_server.url, world.a.sub_ind
    unit_url = f"{base}/unit/{world.a.kode}/2024/tw4/"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")

    sign_in(page, base, "operator-a")
    page.goto(unit_url + "isi/")
    field = page.locator(f"#id_r{ind.id}-nilai")
    field.fill("5")
    hasil = page.locator(f"#hasil-{ind.id}")
    hasil.get_by_text("125,00%").wait_for()  # TW IV: 5 of 4, computed while typing
    assert "31,25%" in hasil.inner_text()  # s.d. TW IV: 5 of 16
    field.fill("lima")
    hasil.get_by_text("bukan angka").wait_for()
    field.fill("5")
    hasil.get_by_text("125,00%").wait_for()
    page.screenshot(path=SHOTS / "isian-desktop.png", full_page=True)
    page.click("#simpan")
    page.get_by_text("1 baris disimpan.").wait_for()
    assert Realisasi.objects.get(indikator=ind, triwulan=4).nilai == 5
    page.reload()  # the saved value, never the page cached before the save
    assert page.locator(f"#id_r{ind.id}-nilai").input_value() == "5"

    phone = browser.new_page(viewport={"width": 375, "height": 812}, is_mobile=True)
    phone.context.add_cookies(page.context.cookies())
    phone.goto(unit_url + "isi/")
    phone.screenshot(path=SHOTS / "isian-ponsel.png", full_page=True)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "halaman isian lebih lebar dari layar ponsel"
    phone.close()

    page.click("text=Keluar")
    page.wait_for_url(f"{base}/")
    sign_in(page, base, "kepala-a")
    page.goto(unit_url)
    page.click("button[value=ajukan]")
    page.get_by_text("kini berstatus Diajukan").wait_for()
    page.screenshot(path=SHOTS / "dasbor-diajukan.png", full_page=True)
    assert StatusTriwulan.objects.get(perangkat=world.a.perangkat).status == "diajukan"
    page.goto(unit_url + "isi/")
    assert page.locator("#simpan").count() == 0  # locked: no save button any more
    assert os.path.exists(SHOTS / "dasbor-diajukan.png")
    if connections["default"].vendor == "postgresql":  # the pages were served by the push
        assert versi_push.known() is not None
