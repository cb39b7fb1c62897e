import pytest

from kinerja.measurement.lock import TriwulanTerkunci, assert_editable, is_editable
from kinerja.measurement.models import StatusTriwulan
from tests import factories

pytestmark = pytest.mark.django_db


def test_no_row_is_draf_and_editable():
    unit = factories.unit()
    assert is_editable(unit, 2024, 4)
    assert_editable(unit, 2024, 4)


@pytest.mark.parametrize("status", ["diajukan", "diverifikasi", "terkunci"])
def test_submitted_quarter_is_locked_with_indonesian_message(status):
    unit = factories.unit()
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=4, status=status)
    with pytest.raises(TriwulanTerkunci) as info:
        assert_editable(unit, 2024, 4)
    assert "Triwulan IV 2024" in info.value.message
    assert "tidak dapat diubah" in info.value.message
    assert is_editable(unit, 2024, 3)


def test_returned_quarter_is_editable_again():
    unit = factories.unit()
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=2, status="dikembalikan")
    assert is_editable(unit, 2024, 2)
