"""The public survey form, its abuse resistance, QR and code pages, and the dashboard panel."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.survey.kode import baca_kode, buat_kode
from kinerja.survey.models import Responden
from kinerja.web.views.survei import COOKIE, HONEYPOT
from tests.web.skm import buka_survei, iku, jawaban, layanan_survei

BATAS_HALAMAN = 100 * 1024  # bytes of HTML + CSS + JS of the public form


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the rate limit counts in Django's cache
    yield
    cache.clear()


def form_url(unit) -> str:
    return reverse("web:survei-isi", args=[unit.kode])


def test_form_shows_questionnaire_profile_and_no_script(world, client):
    buka_survei(world.a)
    response = client.get(form_url(world.a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "kesesuaian persyaratan pelayanan dengan jenis pelayanannya" in html
    for pilihan in ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"):
        assert f"<span>{pilihan}</span>" in html
    assert html.count('type="radio" name="u') == 9 * 4
    for nama in ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "jenis_layanan", "saran"):
        assert f'name="{nama}"' in html
    assert f'name="{HONEYPOT}"' in html and 'name="kode_sekali"' not in html
    assert "<script" not in html and "Triwulan IV 2024" in html
    assert COOKIE in response.cookies


def test_form_page_weight_under_100_kb(world, client):
    from django.contrib.staticfiles import finders

    buka_survei(world.a)
    html = client.get(form_url(world.a)).content
    css = open(finders.find("web/survei.css"), "rb").read()  # noqa: SIM115
    assert len(html) + len(css) <= BATAS_HALAMAN


def test_response_is_stored_and_feeds_the_iku(world, client):
    survei, indikator = buka_survei(world.a), iku(world.a)
    data = jawaban(4, jenis_kelamin="P", usia="34", pendidikan="S1", saran="Antrean rapi.")
    response = client.post(form_url(world.a), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:survei-selesai", args=[world.a.kode])
    r = Responden.objects.get(survei=survei)
    assert (r.jenis_kelamin, r.usia, r.pendidikan, r.saran) == ("P", 34, "S1", "Antrean rapi.")
    assert r.jawaban.count() == 9 and r.sumber == "daring"
    realisasi = Realisasi.objects.get(indikator=indikator, tahun=2024, triwulan=4)
    assert realisasi.nilai == Decimal("100.00")
    client.post(form_url(world.a), jawaban(1))  # no browser token yet: accepted
    realisasi.refresh_from_db()
    assert realisasi.nilai == Decimal("62.50")  # (4 + 1) / 2 × 25
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "Terima kasih" in thanks.content.decode()


def test_invalid_answers_are_shown_in_indonesian_and_kept(world, client):
    survei = buka_survei(world.a)
    data = jawaban(3, usia="dua puluh", saran="Cepat")
    data["u1"], data["u2"] = "7", ""
    response = client.post(form_url(world.a), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Jawaban &#x27;7&#x27; tidak sah; pilih 1 sampai 4." in html
    assert "Wajib dijawab." in html and "Usia harus bilangan bulat" in html
    assert 'name="u3" value="3" checked' in html and ">Cepat</textarea>" in html
    assert "Traceback" not in html and not Responden.objects.filter(survei=survei).exists()


def test_honeypot_is_thanked_and_dropped(world, client):
    survei = buka_survei(world.a)
    response = client.post(form_url(world.a), {**jawaban(4), HONEYPOT: "http://spam.example"})
    assert response.status_code == 302
    assert not Responden.objects.filter(survei=survei).exists()


def test_rate_limit_per_client(world, settings):
    settings.KINERJA_SURVEI_MAKS = 2
    survei = buka_survei(world.a)
    dari_sini, dari_sana = Client(REMOTE_ADDR="10.0.0.7"), Client(REMOTE_ADDR="10.0.0.8")
    assert dari_sini.post(form_url(world.a), jawaban(4)).status_code == 302
    assert dari_sini.post(form_url(world.a), jawaban(4)).status_code == 302
    refused = dari_sini.post(form_url(world.a), jawaban(4))
    assert refused.status_code == 429
    assert "Terlalu banyak isian" in refused.content.decode()
    assert int(refused["Retry-After"]) == settings.KINERJA_SURVEI_MENIT * 60
    assert dari_sana.post(form_url(world.a), jawaban(4)).status_code == 302  # another client
    assert Responden.objects.filter(survei=survei).count() == 3


def test_same_browser_twice_is_a_duplicate(world, client):
    survei = buka_survei(world.a)
    client.get(form_url(world.a))  # sets the browser token
    assert client.post(form_url(world.a), jawaban(4)).status_code == 302
    again = client.post(form_url(world.a), jawaban(2))
    assert again.status_code == 409
    assert "sudah mengisi survei ini" in again.content.decode()
    assert Responden.objects.filter(survei=survei).count() == 1


def test_one_time_codes(world, client):
    survei = buka_survei(world.a, wajib_kode=True)
    kode = buat_kode(survei.pk, 7)
    assert baca_kode(survei.pk, kode.lower().replace("-", " ")) == kode
    assert baca_kode(survei.pk + 1, kode) is None
    for nomor in (1, 2, 999, 65535):
        assert baca_kode(survei.pk, buat_kode(survei.pk, nomor)) == buat_kode(survei.pk, nomor)
    ubah = kode[:-1] + ("2" if kode[-1] != "2" else "3")  # one character mistyped
    assert baca_kode(survei.pk, ubah) is None and baca_kode(survei.pk, "") is None
    page = client.get(form_url(world.a) + f"?kode={kode}")
    assert f'name="kode_sekali" value="{kode}"' in page.content.decode()

    tanpa = client.post(form_url(world.a), jawaban(4))
    assert tanpa.status_code == 400 and "Kode survei wajib diisi" in tanpa.content.decode()
    salah = client.post(form_url(world.a), {**jawaban(4), "kode_sekali": "ABCD-EFGH"})
    assert salah.status_code == 400 and "Kode survei tidak dikenal" in salah.content.decode()
    data = {**jawaban(4), "kode_sekali": kode.lower()}
    assert client.post(form_url(world.a), data).status_code == 302
    assert Responden.objects.get(survei=survei).kode_sekali == kode
    lagi = client.post(form_url(world.a), data)
    assert lagi.status_code == 400 and "Kode ini sudah dipakai" in lagi.content.decode()
    # A second code works from the same browser: a shared counter tablet.
    kedua = {**jawaban(3), "kode_sekali": buat_kode(survei.pk, 8)}
    assert client.post(form_url(world.a), kedua).status_code == 302
    assert Responden.objects.filter(survei=survei).count() == 2


def test_closed_unknown_and_locked_surveys(world, client):
    assert "Survei tidak ditemukan" in client.get("/survei/tidak-ada/").content.decode()
    assert client.get("/survei/tidak-ada/").status_code == 404
    tanpa = client.get(form_url(world.a))  # the unit has no survey yet
    assert tanpa.status_code == 404 and "tidak menerima isian" in tanpa.content.decode()
    survei = buka_survei(world.a, dibuka=False)
    assert client.get(form_url(world.a)).status_code == 404
    assert client.post(form_url(world.a), jawaban(4)).status_code == 404
    survei.dibuka = True
    survei.save()
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="terkunci"
    )
    locked = client.post(form_url(world.a), jawaban(4))
    assert locked.status_code == 404 and "ditutup" in locked.content.decode()
    assert not Responden.objects.exists()


def test_service_survey_names_the_service_and_leaves_the_iku(world, client):
    survei, indikator = layanan_survei(world.a), iku(world.a)
    url = reverse("web:survei-layanan-isi", args=[world.a.kode, survei.layanan_id])
    page = client.get(url).content.decode()
    assert "Surat keterangan" in page and 'name="jenis_layanan"' not in page
    assert client.post(url, jawaban(3)).status_code == 302
    assert Responden.objects.get(survei=survei).jenis_layanan == "Surat keterangan"
    assert not Realisasi.objects.filter(indikator=indikator).exists()
    other = reverse("web:survei-layanan-isi", args=[world.b.kode, survei.layanan_id])
    assert client.get(other).status_code == 404  # a service of another unit


def test_dashboard_panel_and_skm_report(world, as_role):
    survei = buka_survei(world.a)
    iku(world.a)
    publik = Client()
    for nilai in (4, 3):
        publik.post(form_url(world.a), jawaban(nilai))
    client = as_role(world, "operator")
    html = client.get(reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])).content
    html = html.decode()
    assert "Survei Kepuasan Masyarakat TW IV 2024" in html
    assert '<b id="skm-ikm">87,50</b> · mutu B (Baik)' in html
    assert '<b id="skm-responden">2</b> dari sampel minimal 132' in html
    assert "kurang dari sampel minimal 132" in html  # Krejcie–Morgan warning
    assert "Realisasi IKU TW IV diisi dari survei ini: 87,50." in html
    assert form_url(world.a) in html
    assert reverse("web:survei-qr", args=[world.a.kode, 2024, 4]) in html
    assert reverse("web:survei-kode", args=[world.a.kode, 2024, 4]) in html
    for fmt, mime in (("docx", "wordprocessingml"), ("pdf", "application/pdf")):
        url = reverse("web:laporan-download", args=[world.a.kode, 2024, 4, "skm", fmt])
        download = client.get(url)
        assert download.status_code == 200 and mime in download["Content-Type"], fmt
    assert survei.responden.count() == 2


def test_dashboard_without_survey_says_so(world, as_role):
    client = as_role(world, "kepala")
    html = client.get(reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])).content
    assert "Belum ada survei kepuasan masyarakat" in html.decode()
    assert reverse("web:survei-kode", args=[world.a.kode, 2024, 4]) not in html.decode()


def test_qr_page_and_code_sheet(world, as_role):
    survei = buka_survei(world.a)
    layanan_survei(world.a)
    client = as_role(world, "operator")
    qr = client.get(reverse("web:survei-qr", args=[world.a.kode, 2024, 4])).content.decode()
    assert qr.count("<svg") == 2  # the whole unit and its one service
    assert f"http://testserver/survei/{world.a.kode}/" in qr
    url = reverse("web:survei-kode", args=[world.a.kode, 2024, 4])
    sheet = client.get(url, {"dari": "5", "jumlah": "3"}).content.decode()
    assert [buat_kode(survei.pk, n) in sheet for n in (4, 5, 7, 8)] == [False, True, True, False]
    assert sheet.count("<svg") == 3 and "dari=8" in sheet
    assert client.get(url, {"layanan": "999"}).status_code == 404


def test_a_locked_quarter_shows_its_survey_closed_everywhere(world, as_role):
    """The panel, the QR page and the public link agree: once the quarter is submitted or
    locked the form takes no answers, and no page says "dibuka"."""
    buka_survei(world.a)
    client = as_role(world, "operator")
    dasbor = reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])
    qr = reverse("web:survei-qr", args=[world.a.kode, 2024, 4])
    assert "<b>dibuka</b>" in client.get(dasbor).content.decode()
    assert "Saat ini membuka survei Triwulan IV 2024" in client.get(qr).content.decode()
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="terkunci"
    )
    panel = client.get(dasbor).content.decode()
    assert "<b>ditutup</b>" in panel and "Formulir survei publik</a>" not in panel
    assert "Belum ada survei yang dibuka" in client.get(qr).content.decode()
    assert Client().get(form_url(world.a)).status_code == 404


def test_the_error_count_is_the_fields_marked_red(world, client):
    buka_survei(world.a)
    html = client.post(form_url(world.a), {"usia": "30"}).content.decode()  # no answer at all
    marked = html.count('class="galat"')
    assert marked == 9  # U1–U9; the form's own "no answer at all" is not a field
    assert f"Ada {marked} isian yang perlu diperbaiki (ditandai merah)." in html
    assert "Belum ada satu pun jawaban" in html or "belum ada satu pun jawaban" in html
