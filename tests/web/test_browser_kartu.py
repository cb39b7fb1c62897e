"""In a real browser: the dashboard's summary cards hold their text at every width.

Chromium and its helpers as for every browser test (tests/web/browser.py); a screenshot of
the cards goes to /tmp/kinerja-layar/.
"""

from __future__ import annotations

from kinerja.measurement.models import Realisasi
from kinerja.organisations.models import SkalaPredikat
from tests.web.browser import BROWSER, SHOTS, sign_in

pytestmark = BROWSER

#: The texts of the summary cards that reach past their card's right edge.
SPILLS = """[...document.querySelectorAll('.angka-besar')].flatMap(card =>
  [...card.children].filter(child => child.getBoundingClientRect().right
    > card.getBoundingClientRect().right + 0.5).map(child => child.textContent))"""


def test_a_long_predikat_wraps_inside_its_card(world, live_server, browser):
    """A predikat of Towuti's scale, "100,00% · Sangat Memuaskan", is wider than a summary
    card at its narrowest (four cards on a laptop): it wraps inside the card."""
    pemda = world.a.perangkat.pemda
    pemda.skala_predikat = SkalaPredikat.objects.get(kode="towuti-2024")
    pemda.save()
    for ind, target in ((world.a.sasaran_ind, 10), (world.a.sub_ind, 4)):  # capaian 100 %
        Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=4, nilai=target)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    sign_in(page, live_server.url, "kepala-a")
    page.goto(f"{live_server.url}/unit/{world.a.kode}/2024/tw4/")
    assert "100,00% · Sangat Memuaskan" in " ".join(page.text_content(".ringkas").split())
    page.locator(".ringkas").screenshot(path=SHOTS / "kartu-ringkas.png")
    for width in (1280, 1000, 860, 700, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(SPILLS) == [], f"teks kartu melewati tepi kartu ({width} px)"
