"""The admin's deadline page: the quarter's input period and the exceptions, on the site."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from kinerja.measurement.models import PengecualianTenggat, PeriodeInput
from tests.web.test_entry import entry_url

WITA = ZoneInfo("Asia/Makassar")
PAGE = reverse("web:periode-update", args=[2024, 4])
GRANT = reverse("web:pengecualian-create", args=[2024, 4])


def _local(moment: datetime) -> str:
    return moment.astimezone(WITA).strftime("%Y-%m-%dT%H:%M")


def _period(world, dibuka="2024-10-01T08:00", ditutup="2025-01-15T23:59"):
    pemda = world.a.perangkat.pemda
    return {"pemda": pemda.id, f"p{pemda.id}-dibuka": dibuka, f"p{pemda.id}-ditutup": ditutup}


def _exception(world, sampai: datetime, alasan="Jaringan terputus sepekan", unit=None):
    pemda = world.a.perangkat.pemda
    return {
        "pemda": pemda.id,
        f"e{pemda.id}-perangkat": (unit or world.a).perangkat.id,
        f"e{pemda.id}-berlaku_sampai": _local(sampai),
        f"e{pemda.id}-alasan": alasan,
    }


def test_admin_sets_the_deadline_and_entry_closes(world, as_role):
    admin = as_role(world, "admin")
    response = admin.post(PAGE, _period(world), follow=True)
    assert "Periode input Triwulan IV 2024 untuk" in response.content.decode()
    periode = PeriodeInput.objects.get()
    assert periode.ditutup == datetime(2025, 1, 15, 23, 59, tzinfo=WITA)
    html = admin.get(PAGE).content.decode()
    assert "tenggat <b>15 Januari 2025 pukul 23.59 WITA</b> (<b>telah lewat</b>)" in html

    operator = as_role(world, "operator")
    page = operator.get(entry_url(world))
    assert page.context["halaman"].kunci.jenis == "tenggat"
    assert "Terkunci karena tenggat." in page.content.decode()


def test_saving_again_changes_the_one_period(world, as_role):
    admin = as_role(world, "admin")
    admin.post(PAGE, _period(world))
    later = _local(timezone.now() + timedelta(days=7))
    admin.post(PAGE, _period(world, ditutup=later))
    assert PeriodeInput.objects.count() == 1
    operator = as_role(world, "operator")
    assert operator.get(entry_url(world)).context["halaman"].kunci.jenis is None


def test_deadline_before_opening_is_refused_in_indonesian(world, as_role):
    response = as_role(world, "admin").post(
        PAGE, _period(world, dibuka="2025-01-15T08:00", ditutup="2025-01-01T08:00")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tenggat harus sesudah waktu dibuka." in html
    assert "Tidak ada yang disimpan" in html
    assert not PeriodeInput.objects.exists()


def test_text_in_a_date_field_is_refused(world, as_role):
    response = as_role(world, "admin").post(PAGE, _period(world, dibuka="besok pagi"))
    assert response.status_code == 400
    assert "Tanggal dan jam tidak dikenal" in response.content.decode()


def test_exception_reopens_one_unit_until_ended(world, as_role):
    admin = as_role(world, "admin")
    admin.post(PAGE, _period(world))
    response = admin.post(GRANT, _exception(world, timezone.now() + timedelta(days=2)))
    assert response.status_code == 302
    item = PengecualianTenggat.objects.get()
    assert (item.oleh, item.perangkat) == (world.users["admin"], world.a.perangkat)
    operator = as_role(world, "operator")
    assert operator.get(entry_url(world)).context["halaman"].kunci.jenis is None

    admin = as_role(world, "admin")
    html = admin.get(PAGE).content.decode()
    assert "Jaringan terputus sepekan" in html and "Akhiri sekarang" in html
    admin.post(reverse("web:pengecualian-delete", args=[2024, 4, item.pk]))
    item.refresh_from_db()
    assert item.berlaku_sampai <= timezone.now()  # kept as the record, expired
    html = admin.get(PAGE).content.decode()
    assert "berakhir" in html and "Akhiri sekarang" not in html
    operator = as_role(world, "operator")
    assert operator.get(entry_url(world)).context["halaman"].kunci.jenis == "tenggat"


def test_exception_must_end_in_the_future_and_give_a_reason(world, as_role):
    data = _exception(world, timezone.now() - timedelta(hours=1), alasan="")
    response = as_role(world, "admin").post(GRANT, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Batas pengecualian harus di masa depan." in html
    assert "Tuliskan alasan pengecualian." in html
    assert not PengecualianTenggat.objects.exists()


def test_only_the_admin_sees_the_deadline_tab(world, as_role):
    tunggakan = reverse("web:tunggakan-list", args=[2024, 4])
    assert PAGE in as_role(world, "admin").get(tunggakan).content.decode()
    assert PAGE not in as_role(world, "evaluator").get(tunggakan).content.decode()
