"""In a real browser: a respondent fills the public survey form on a phone; the unit's
dashboard shows the new IKM and the IKU realisasi changed.

Chromium and its helpers as for every browser test (``tests/web/browser.py``); screenshots go to
/tmp/kinerja-layar/ for a human to look at.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.cache import cache

from kinerja.measurement.models import Realisasi
from kinerja.survey.domain import feed_iku, submit_response
from tests.web.browser import BROWSER, SHOTS, sign_in
from tests.web.skm import buka_survei, iku

pytestmark = BROWSER

PONSEL = {"width": 390, "height": 844}


def test_respondent_fills_the_form_on_a_phone(world, live_server, browser):
    cache.clear()
    base = live_server.url
    survei, indikator = buka_survei(world.a), iku(world.a)
    submit_response(survei, [2] * 9)  # an earlier respondent: IKM 50,00
    feed_iku(survei)
    sebelum = Realisasi.objects.get(indikator=indikator, tahun=2024, triwulan=4).nilai
    assert sebelum == Decimal("50.00")

    context = browser.new_context(viewport=PONSEL, is_mobile=True, locale="id-ID")
    phone = context.new_page()
    phone.goto(f"{base}/survei/{world.a.kode}/")
    phone.get_by_text("kesesuaian persyaratan pelayanan").wait_for()
    phone.screenshot(path=SHOTS / "survei-ponsel.png", full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PONSEL["width"]
    for i in range(1, 9):  # U9 left out on purpose
        phone.locator(f"#unsur-{i} label.pilih").nth(3).click()
    phone.locator("label.pilih", has_text="Perempuan").click()
    phone.fill("#id_usia", "34")
    phone.select_option("#id_pendidikan", "S1")
    phone.select_option("#id_pekerjaan", "SWASTA")
    phone.fill("#id_saran", "Ruang tunggu sudah nyaman.")
    phone.click("button.kirim")
    phone.get_by_text("Ada 1 isian yang perlu diperbaiki").wait_for()
    assert "Wajib dijawab." in phone.locator("#unsur-9").inner_text()
    assert phone.locator("#unsur-1 input[value='4']").is_checked()  # answers kept
    phone.locator("#unsur-9").scroll_into_view_if_needed()
    phone.screenshot(path=SHOTS / "survei-ponsel-galat.png")
    phone.locator("#unsur-9 label.pilih").nth(3).click()
    phone.click("button.kirim")
    phone.get_by_text("Isian Anda sudah kami terima").wait_for()
    phone.screenshot(path=SHOTS / "survei-ponsel-terima-kasih.png", full_page=True)
    context.close()

    sesudah = Realisasi.objects.get(indikator=indikator, tahun=2024, triwulan=4).nilai
    assert sesudah == Decimal("75.00") != sebelum  # (2 + 4) / 2 × 25

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    sign_in(page, base, "operator-a")
    page.goto(f"{base}/unit/{world.a.kode}/2024/tw4/")
    assert page.locator("#skm-ikm").inner_text() == "75,00"
    assert page.locator("#skm-responden").inner_text() == "2"
    page.locator("#skm").screenshot(path=SHOTS / "survei-panel-dasbor.png")
    page.click("text=Kode QR untuk dicetak")
    page.wait_for_url(f"{base}/unit/{world.a.kode}/2024/tw4/survei/qr/")
    assert page.locator(".qr svg").count() == 1
    page.screenshot(path=SHOTS / "survei-qr.png", full_page=True)
    page.goto(f"{base}/unit/{world.a.kode}/2024/tw4/survei/kode/?jumlah=12")
    assert page.locator(".slip").count() == 12
    page.screenshot(path=SHOTS / "survei-kode.png", full_page=True)
    page.close()
