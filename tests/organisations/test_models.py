from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.organisations.models import JumlahPegawai, ProfilTahunan
from kinerja.organisations.staff import staff_table
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_staff_totals_are_computed_and_blank_is_not_zero():
    unit = f.unit()
    cells = [
        ("III", "S1", "L", 1),
        ("III", "S1", "P", 16),
        ("III", "D3", "P", 1),
        ("IV", "S1", "L", 1),
        ("IV", "D3", "L", None),
    ]
    for baris, kolom, jk, n in cells:
        JumlahPegawai.objects.create(
            perangkat=unit,
            tahun=2024,
            tabel="golongan",
            baris=baris,
            kolom=kolom,
            jenis_kelamin=jk,
            jumlah=n,
        )
    table = staff_table(unit.id, 2024, "golongan")
    assert table.rows == ["III", "IV"]
    assert table.row_total("III", "P") == 17
    assert table.column_total("S1", "L") == 2
    assert table.cell("IV", "D3", "L") is None
    assert table.cell("IV", "D3", "P") is None
    assert table.total() == 19


def test_profile_total_population_is_computed_and_areas_must_add_up():
    profil = ProfilTahunan(
        perangkat=f.unit(),
        tahun=2024,
        penduduk_laki_laki=23398,
        penduduk_perempuan=20472,
        luas_wilayah_km2=Decimal("1820.48"),
        luas_daratan_km2=Decimal("1219000"),
        luas_perairan_km2=Decimal("601.48"),
    )
    assert profil.penduduk_total == 43870
    with pytest.raises(ValidationError) as err:
        profil.full_clean()
    assert "luas wilayah" in str(err.value)
    profil.luas_daratan_km2 = Decimal("1219.00")
    profil.full_clean()
