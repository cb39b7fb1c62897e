"""Quarter deadlines in the one lock: input period per pemda, exceptions per unit."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError
from django.utils import timezone

from kinerja.measurement.lock import (
    TriwulanTerkunci,
    assert_editable,
    is_editable,
    kunci_of,
)
from kinerja.measurement.models import PengecualianTenggat, PeriodeInput, StatusTriwulan
from tests import factories

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def periode(unit, ditutup, dibuka=None, tw=4):
    return PeriodeInput.objects.create(
        pemda=unit.pemda,
        tahun=2024,
        triwulan=tw,
        dibuka=dibuka or ditutup - timedelta(days=30),
        ditutup=ditutup,
    )


def pengecualian(unit, sampai, tw=4):
    return PengecualianTenggat.objects.create(
        perangkat=unit, tahun=2024, triwulan=tw, alasan="Operator sakit", berlaku_sampai=sampai
    )


def test_no_period_means_no_deadline():
    unit = factories.unit()
    kunci = kunci_of(unit, 2024, 4)
    assert kunci.editable and kunci.periode is None and kunci.jenis is None
    assert_editable(unit, 2024, 4)


def test_open_before_the_deadline_and_before_the_period_opens():
    unit = factories.unit()
    now = timezone.now()
    periode(unit, now + timedelta(days=1))
    assert is_editable(unit, 2024, 4)
    periode(unit, now + timedelta(days=60), dibuka=now + timedelta(days=30), tw=3)
    kunci = kunci_of(unit, 2024, 3)
    assert kunci.editable and kunci.belum_dibuka


def test_closed_after_the_deadline_with_the_date_in_local_time():
    settings_tz = timezone.get_current_timezone_name()
    assert settings_tz == "Asia/Makassar"
    unit = factories.unit()
    # 15 January 2025, 23.59 WITA is 15.59 UTC: the message says the local time.
    periode(unit, datetime(2025, 1, 15, 23, 59, tzinfo=WITA))
    assert not is_editable(unit, 2024, 4)
    with pytest.raises(TriwulanTerkunci) as info:
        assert_editable(unit, 2024, 4)
    message = info.value.message
    assert (
        "Tenggat pengisian Triwulan IV 2024 telah lewat pada 15 Januari 2025 pukul 23.59 WITA"
        in (message)
    )
    assert "tidak ada pengecualian" in message
    assert kunci_of(unit, 2024, 4).jenis == "tenggat"
    # Another quarter, without a period, stays open.
    assert is_editable(unit, 2024, 3)


def test_deadline_is_exact_to_the_minute():
    unit = factories.unit()
    ditutup = datetime(2025, 1, 15, 23, 59, tzinfo=WITA)
    periode(unit, ditutup)
    assert kunci_of(unit, 2024, 4, now=ditutup - timedelta(seconds=1)).editable
    assert not kunci_of(unit, 2024, 4, now=ditutup).editable


def test_an_active_exception_reopens_entry_until_it_expires():
    unit = factories.unit()
    now = timezone.now()
    periode(unit, now - timedelta(days=1))
    item = pengecualian(unit, now + timedelta(hours=2))
    assert is_editable(unit, 2024, 4)
    kunci = kunci_of(unit, 2024, 4)
    assert kunci.tenggat_lewat and kunci.pengecualian_aktif
    # Two hours later the exception has expired: closed again, and the message says so.
    later = kunci_of(unit, 2024, 4, now=now + timedelta(hours=3))
    assert not later.editable and later.pengecualian == item
    assert "pengecualian untuk unit ini berakhir pada" in later.pesan(unit, 2024, 4)


def test_exception_of_another_unit_or_quarter_does_not_count():
    pemda = factories.pemda()
    a, b = factories.unit("kec-a", pemda), factories.unit("kec-b", pemda)
    now = timezone.now()
    periode(a, now - timedelta(days=1))
    pengecualian(b, now + timedelta(days=1))
    pengecualian(a, now + timedelta(days=1), tw=3)
    assert not is_editable(a, 2024, 4)
    assert is_editable(b, 2024, 4)


def test_period_of_another_pemda_does_not_apply():
    a = factories.unit("kec-a", factories.pemda("satu"))
    b = factories.unit("kec-b", factories.pemda("dua"))
    periode(a, timezone.now() - timedelta(days=1))
    assert not is_editable(a, 2024, 4)
    assert is_editable(b, 2024, 4)
    assert not is_editable(a.pk, 2024, 4)  # a unit id works as well


def test_status_lock_comes_first_even_with_an_exception():
    unit = factories.unit()
    now = timezone.now()
    periode(unit, now - timedelta(days=1))
    pengecualian(unit, now + timedelta(days=1))
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=4, status="diajukan")
    kunci = kunci_of(unit, 2024, 4)
    assert kunci.jenis == "status"
    with pytest.raises(TriwulanTerkunci) as info:
        assert_editable(unit, 2024, 4)
    assert "berstatus Diajukan" in info.value.message


def test_period_must_close_after_it_opens():
    unit = factories.unit()
    now = timezone.now()
    with pytest.raises(IntegrityError):
        periode(unit, now, dibuka=now + timedelta(days=1))


def test_the_lock_says_when_the_clock_alone_changes_it():
    """Pages showing a lock are kept until that moment (``Kunci.berubah_pada``)."""
    unit = factories.unit()
    now = timezone.now()
    assert kunci_of(unit, 2024, 4).berubah_pada is None  # no period: only data change it
    dibuka, ditutup = now + timedelta(days=1), now + timedelta(days=30)
    periode(unit, ditutup, dibuka=dibuka)
    assert kunci_of(unit, 2024, 4, now=now).berubah_pada == dibuka
    assert kunci_of(unit, 2024, 4, now=dibuka).berubah_pada == ditutup
    sampai = ditutup + timedelta(days=3)
    pengecualian(unit, sampai)
    after = ditutup + timedelta(hours=1)
    assert kunci_of(unit, 2024, 4, now=after).berubah_pada == sampai
    assert kunci_of(unit, 2024, 4, now=sampai).berubah_pada is None
