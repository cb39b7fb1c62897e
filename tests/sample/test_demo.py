"""The Towuti 2024 sample through loader, scorecard and the ``demo`` command."""

import re
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from kinerja.measurement.scorecard import build_scorecard
from kinerja.organisations.models import PerangkatDaerah
from kinerja.organisations.staff import staff_table
from kinerja.rules import round_half_up
from kinerja.sample.loader import load_sample

pytestmark = pytest.mark.django_db

PENUNJANG = "7.01.01"


@pytest.fixture
def towuti():
    load_sample()
    return PerangkatDaerah.objects.get(kode="towuti")


def test_loading_twice_changes_nothing(towuti):
    again = load_sample()
    assert again.counts["dibuat"] == 0
    assert again.counts["diubah"] == 0
    assert again.counts["tetap"] > 900


def test_tabel_3_1_figures(towuti):
    card = build_scorecard(towuti, 2024, 4)
    ikm, penunjang = (s.indikator[0] for s in card.sasaran)
    assert (ikm.target_sd, ikm.realisasi_sd) == (Decimal("80.1"), Decimal("84.73"))
    assert round_half_up(ikm.capaian.value) == Decimal("105.78")
    assert penunjang.target_sd == 100
    assert penunjang.realisasi_sd == Decimal("93.75")
    assert penunjang.capaian.value == Decimal("93.75")


def test_program_penunjang_is_750_over_8(towuti):
    card = build_scorecard(towuti, 2024, 4)
    program = card.node(PENUNJANG)
    values = [k.capaian.value for k in program.children]
    assert values == [100, 100, 100, None, 100, 100, 50, 100, 100]
    assert (program.rollup.total, program.rollup.count) == (Decimal(750), 8)
    assert program.capaian.value == Decimal("93.75")
    assert [k.predikat for k in program.children][6] == "Cukup Memuaskan"
    assert len(card.programs) == 6
    assert all(p.capaian.value == 100 for p in card.programs if p.kode != PENUNJANG)


def test_budget_totals_come_from_the_156_lines(towuti):
    budget = build_scorecard(towuti, 2024, 4).budget
    assert sum(len(lines) for lines in budget.lines.values()) == 156
    assert budget.total.anggaran == Decimal("4094740600.00")
    assert budget.total.realisasi == Decimal("3623393162.00")
    assert round_half_up(budget.total.serapan.value) == Decimal("88.49")
    counts = {level: 0 for level in ("program", "kegiatan", "sub_kegiatan")}
    for node in budget.tree.walk():
        counts[node.level] += 1
    assert counts == {"program": 6, "kegiatan": 15, "sub_kegiatan": 33}


def test_staff_tables_keep_printed_totals_apart(towuti):
    golongan = staff_table(towuti.id, 2024, "golongan")
    # Tabel 1.1: 10 men + 22 women = 20 ASN + 12 upah jasa (the printed JUMLAH row says so).
    assert (golongan.total("L"), golongan.total("P")) == (10, 22)


def test_demo_prints_the_figures_and_writes_the_reports(tmp_path):
    out = StringIO()
    call_command("demo", "--tanpa-server", "--keluaran", str(tmp_path), stdout=out)
    text = out.getvalue()
    names = {
        "towuti-laporan-triwulan-2024-tw4",
        "towuti-lkjip-2024",
        "towuti-perjanjian-kinerja-2024",
        "towuti-skm-2024-tw4",
    }
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{n}.{ext}" for n in names for ext in ("docx", "pdf"))
    for name in written:
        assert str(tmp_path / name) in text
    for expected in (
        "80,1",
        "84,73",
        "105,78",
        "93,75",
        "750 / 8 = 93,75",
        "Rp 4.094.740.600,00",
        "Rp 3.623.393.162,00",
        "88,49%",
        "Cukup Memuaskan",
    ):
        assert expected in text
    assert not re.search(r"\b(None|nan|NaN)\b", text)
    notes = text.split("Data contoh yang belum lengkap (tampak di laporan):\n")[1]
    assert notes.count("Nama dan NIP kepala Kecamatan Towuti belum diisi") == 1  # once
