"""In a real browser: operator uploads a filled template, reads the preview, applies it.

Chromium and its helpers as for every browser test (tests/web/browser.py); screenshots go to
/tmp/kinerja-layar/ for a human to look at.
"""

from __future__ import annotations

from kinerja.measurement.models import Realisasi
from tests.excel.helpers import edit, find_row
from tests.web.browser import BROWSER, SHOTS, sign_in
from tests.web.test_excel import filled

pytestmark = BROWSER


def test_upload_preview_apply(world, live_server, browser, tmp_path):
    base = live_server.url
    impor_url = f"{base}/unit/{world.a.kode}/2024/tw4/excel/impor/"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    sign_in(page, base, "operator-a")

    (tmp_path / "rusak.xlsx").write_bytes(b"PK\x03\x04 bukan buku kerja")
    page.goto(impor_url)
    page.set_input_files("#berkas", str(tmp_path / "rusak.xlsx"))
    page.click("#unggah")  # htmx swaps in the form again with the message
    page.locator("#galat-impor").get_by_text("tidak dapat dibaca").wait_for()
    page.screenshot(path=str(SHOTS / "impor-rusak.png"), full_page=True)

    salah = filled(world.a, realisasi="dua")
    row = find_row(salah, "Indikator", Indikator="Indeks kepuasan")
    salah = edit(salah, "Indikator", {(row, "Target TW II"): "sepuluh"})
    (tmp_path / "salah.xlsx").write_bytes(salah)
    page.goto(impor_url)
    page.set_input_files("#berkas", str(tmp_path / "salah.xlsx"))
    page.click("#unggah")
    page.locator("#tabel-galat").wait_for()
    assert page.locator("#terapkan").count() == 0
    page.screenshot(path=str(SHOTS / "impor-galat.png"), full_page=True)

    (tmp_path / "isian.xlsx").write_bytes(filled(world.a))
    page.goto(impor_url)
    page.set_input_files("#berkas", str(tmp_path / "isian.xlsx"))
    page.click("#unggah")
    page.locator("#tabel-perubahan").wait_for()
    assert page.locator("#n-dibuat").inner_text() == "1"
    assert "/excel/impor/" in page.url and page.url != impor_url  # the preview has its own URL
    page.screenshot(path=str(SHOTS / "impor-pratinjau.png"), full_page=True)
    assert not Realisasi.objects.filter(indikator=world.a.sub_ind, triwulan=4).exists()

    page.click("#terapkan")
    page.wait_for_url(f"{base}/unit/{world.a.kode}/2024/tw4/")
    page.get_by_text("tersimpan").first.wait_for()
    assert Realisasi.objects.get(indikator=world.a.sub_ind, triwulan=4).nilai == 3
    page.locator("#ekspor").screenshot(path=str(SHOTS / "dasbor-ekspor.png"))
