from decimal import Decimal

import pytest

from kinerja.budget.tree import budget_tree
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_parents_are_the_sum_of_their_belanja_lines_with_cumulative_realisasi():
    unit = f.unit()
    program = f.program(unit)
    keg = f.kegiatan(program)
    a, b = f.sub_kegiatan(keg, "0001"), f.sub_kegiatan(keg, "0002")
    f.belanja(a, "1000000.00", {1: "100000.00", 3: "600000.00"})
    f.belanja(a, "500000.00", {4: "500000.00"})
    f.belanja(b, "0.00")
    tree = budget_tree(unit.id, 2024, 3)
    node = tree.tree.by_kode(keg.kode)
    assert tree.of(node).anggaran == Decimal("1500000.00")
    # s.d. TW III: the first line's latest figure is TW III's; the second has spent nothing yet.
    assert tree.of(node).realisasi == Decimal("600000.00")
    assert tree.of(node).serapan.value == Decimal(40)
    assert tree.total.anggaran == Decimal("1500000.00")
    zero = tree.tree.by_kode(b.kode)
    assert tree.of(zero).serapan.reason == "pagu anggaran nol"
    assert budget_tree(unit.id, 2024, 4).total.realisasi == Decimal("1100000.00")


def test_units_and_years_do_not_mix():
    mine = f.unit("kec-a")
    other = f.unit("kec-b", pemda_obj=mine.pemda)
    sub = f.sub_kegiatan(f.kegiatan(f.program(mine)))
    f.belanja(sub, 100, {4: 50})
    f.belanja(f.sub_kegiatan(f.kegiatan(f.program(other))), 999)
    assert budget_tree(mine.id, 2023, 4).total.anggaran == 0
    assert budget_tree(mine.id, 2024, 4).total.anggaran == 100
