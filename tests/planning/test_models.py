import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.planning.models import Indikator, Kegiatan, Program, TargetTriwulan
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_codes_are_unique_per_unit_and_year_not_globally():
    unit = f.unit("kec-a")
    other = f.unit("kec-b", pemda_obj=unit.pemda)
    f.program(unit, "7.01.01")
    f.program(other, "7.01.01")  # another unit: fine
    Program.objects.create(perangkat=unit, tahun=2025, kode="7.01.01", nama="Tahun depan")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.program(unit, "7.01.01")


def test_a_child_code_extends_its_parent_code():
    program = f.program(f.unit())
    wrong = Kegiatan(program=program, kode="7.02.01.2.01", nama="Salah induk")
    with pytest.raises(ValidationError) as err:
        wrong.full_clean()
    assert "diawali kode induknya" in str(err.value)


def test_an_indicator_belongs_to_exactly_one_owner():
    unit = f.unit()
    program = f.program(unit)
    sasaran = f.sasaran(unit)
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(nama="Dua pemilik", program=program, sasaran=sasaran)
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(nama="Tanpa pemilik")


def test_a_range_target_has_its_upper_bound_above_the_lower():
    ind = f.indikator(f.program(f.unit()))
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetTriwulan.objects.create(
            indikator=ind, tahun=2024, triwulan=1, nilai=90, nilai_atas=80
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetTriwulan.objects.create(indikator=ind, tahun=2024, triwulan=5, nilai=90)
