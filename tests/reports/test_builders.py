"""The Towuti reports built from the sample: the figures the issue names, in the model."""

import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from kinerja.reports.builders import LaporanError, build_report
from kinerja.reports.charts import render_png
from kinerja.reports.document import (
    BulletList,
    Chart,
    Cover,
    Document,
    Heading,
    Paragraph,
    Signature,
    SignaturePair,
    Table,
    TableOfContents,
)
from tests import factories

from .conftest import TANGGAL

FORBIDDEN = re.compile(r"\bNone\b|\bnan\b|#DIV/0!|\{\{|\}\}|\bNaN\b")


@pytest.fixture(scope="module")
def triwulan(towuti, django_db_blocker):
    with django_db_blocker.unblock():
        return build_report("triwulan", towuti, 2024, 4, TANGGAL)


@pytest.fixture(scope="module")
def lkjip(towuti, django_db_blocker):
    with django_db_blocker.unblock():
        return build_report("lkjip", towuti, 2024, None, TANGGAL)


@pytest.fixture(scope="module")
def pk(towuti, django_db_blocker):
    with django_db_blocker.unblock():
        return build_report("pk", towuti, 2024, None, TANGGAL)


def table(doc, caption_start: str) -> Table:
    return next(t for t in doc.tables() if t.caption.startswith(caption_start))


def texts(doc):
    """Every piece of text a reader sees, block by block."""
    for block in doc.blocks:
        if isinstance(block, Paragraph | Heading):
            yield block.text
        elif isinstance(block, BulletList):
            yield from block.items
        elif isinstance(block, Table):
            yield block.caption
            yield from block.notes
            for row in (*block.header, *(r.cells for r in block.rows)):
                yield from (c.text for c in row)
        elif isinstance(block, Chart):
            yield block.title
            yield block.caption
            yield from block.categories
        elif isinstance(block, Signature):
            yield block.place_date


def test_tabel_3_1_has_the_sample_figures(triwulan):
    tabel = table(triwulan, "Tabel 3.1 ")
    assert tabel.caption == "Tabel 3.1 Pengukuran Capaian Perjanjian Kinerja"
    rows = [[c.text for c in r.cells] for r in tabel.rows]
    assert rows[0][3:6] == ["80,1", "84,73", "105,78"]
    assert rows[1][3:6] == ["100", "93,75", "93,75"]
    assert rows[0][6] == "Sangat Memuaskan"


def test_budget_table_has_211_rows_and_the_total(triwulan):
    budget = next(t for t in triwulan.tables() if "Realisasi Anggaran" in t.caption)
    assert len(budget.rows) == 211
    total = [c.text for c in budget.rows[-1].cells]
    assert total == ["JUMLAH", "4.094.740.600,00", "3.623.393.162,00", "88,49"]
    program = budget.rows[0]
    assert program.bold and program.level == 0
    assert [r.level for r in budget.rows[:4]] == [0, 1, 2, 3]
    assert not budget.rows[3].bold  # a belanja line
    assert any(c.text == "–" for r in budget.rows for c in r.cells)  # zero pagu: serapan "–"
    assert "– : pagu anggaran nol" in budget.notes


def test_every_indicator_has_a_tw_chart_and_budget_has_one(triwulan):
    charts = triwulan.charts()
    indicator_charts = [c for c in charts if c.kind == "bar"]
    assert len(indicator_charts) == 44  # every indicator of indikator.csv
    for chart in indicator_charts:
        assert chart.categories == ("TW I", "TW II", "TW III", "TW IV")
        assert [s.name for s in chart.series] == ["Target", "Realisasi"]
    ikm = next(c for c in charts if c.title.startswith("Indeks Kepuasan Masyarakat"))
    assert ikm.series[1].values == tuple(Decimal(v) for v in ("81.74", "80.04", "82.31", "84.73"))
    assert any(c.kind == "barh" and "Serapan" in c.title for c in charts)


def test_outline_follows_the_sample(triwulan):
    headings = [b.text for b in triwulan.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "KATA PENGANTAR",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
    ]
    assert isinstance(triwulan.blocks[0], Cover)
    assert any(isinstance(b, TableOfContents) for b in triwulan.blocks)
    captions = [t.caption for t in triwulan.tables()]
    assert any(c.startswith("Tabel 1.") and "Golongan" in c for c in captions)
    assert any("Matriks Rencana Aksi Tindak Lanjut" in c for c in captions)


def test_narrative_speaks_like_the_sample(triwulan):
    body = "\n".join(texts(triwulan))
    assert (
        "Target kinerja pada triwulan IV untuk sub kegiatan Penyediaan Gaji dan Tunjangan ASN "
        "adalah 20 Orang dengan realisasi 20 Orang atau capaian 100%." in body
    )
    assert "750\u00a0/\u00a08\u00a0=\u00a093,75%" in body  # on one line
    assert "1 (satu) kegiatan tidak dihitung" in body
    assert "Faktor pendukung: Pelayanan seluruh ASN Kantor Camat" in body


@pytest.mark.parametrize("name", ["triwulan", "lkjip", "pk"])
def test_no_placeholder_reaches_a_report(name, request):
    doc = request.getfixturevalue(name)
    for piece in texts(doc):
        assert not FORBIDDEN.search(piece), piece


@pytest.mark.parametrize("name", ["triwulan", "lkjip", "pk"])
def test_no_level_word_is_said_twice(name, request):
    """A program named "Program Penunjang …" is not "program Program Penunjang …"."""
    doc = request.getfixturevalue(name)
    doubled = re.compile(r"\b(program|kegiatan|sasaran) \1\b", re.IGNORECASE)
    for piece in texts(doc):
        assert not doubled.search(piece), piece


def test_program_tables_name_the_program_once(triwulan):
    captions = [t.caption for t in triwulan.tables()]
    program = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
    assert any(c.endswith(f"Capaian {program}") for c in captions)
    assert any(c.endswith(f"Capaian Kegiatan pada {program}") for c in captions)


def test_lkjip_has_ikhtisar_and_the_comparisons(lkjip):
    headings = [b.text for b in lkjip.blocks if isinstance(b, Heading)]
    assert "IKHTISAR EKSEKUTIF" in headings
    efisiensi = next(t for t in lkjip.tables() if t.caption.endswith("per Program"))
    assert len(efisiensi.rows) == 6
    penunjang = [c.text for c in efisiensi.rows[0].cells]
    assert penunjang[1:4] == ["93,75", "88,66", "5,09"]
    assert penunjang[4] == "Efisien"
    renstra = next(t for t in lkjip.tables() if t.caption.endswith("terhadap Target Renstra"))
    ikm = [c.text for c in renstra.rows[0].cells]
    # kondisi awal, target 2024, realisasi 2024, target akhir 2026, capaian against it
    assert ikm[2:] == ["75,97", "80,1", "84,73", "84,1", "100,75"]
    assert len(renstra.rows) == 2
    body = "\n".join(texts(lkjip))
    assert "Tahun 2022 dan 2023 belum tersedia dalam data pengukuran kinerja" in body
    assert "aplikasi" not in body  # an official text does not speak of the software
    assert "1 (satu) dari 2 (dua) indikator sasaran telah mencapai targetnya" in body
    assert "Seluruh 6 (enam) program dinilai efisien" in body
    assert "Sebanyak 2 (dua) indikator belum mencapai target" in body


def test_lkjip_bab_iii_follows_permenpanrb_53_2014(lkjip):
    """A. Capaian Kinerja Organisasi with its numbered parts, then B. Realisasi Anggaran;
    sasaran and programs one level under the analysis, and listed in the contents."""
    headings = [(b.level, b.text) for b in lkjip.blocks if isinstance(b, Heading)]
    start = headings.index((1, "BAB III AKUNTABILITAS KINERJA"))
    end = headings.index((1, "BAB IV PENUTUP"))
    outline = [h for h in headings[start:end] if h[0] <= 3]
    assert outline == [
        (1, "BAB III AKUNTABILITAS KINERJA"),
        (2, "A. Capaian Kinerja Organisasi"),
        (3, "1. Pengukuran Capaian Kinerja"),
        (3, "2. Perbandingan dengan Tahun Sebelumnya"),
        (3, "3. Perbandingan dengan Target Jangka Menengah"),
        (3, "4. Efisiensi Penggunaan Sumber Daya"),
        (3, "5. Analisis Capaian Kinerja"),
        (2, "B. Realisasi Anggaran"),
    ]
    levels = {text.split(":")[0]: level for level, text in headings[start:end]}
    assert levels["Sasaran 1"] == 4
    assert levels["7.01.01 Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"] == 4
    assert levels[next(t for t in levels if t.startswith("7.01.01.2.01 "))] == 5
    toc = next(b for b in lkjip.blocks if isinstance(b, TableOfContents))
    assert toc.depth == 4


def test_lkjip_speaks_of_the_year_not_the_quarter(lkjip, triwulan):
    """The annual report's figures are the year's, in columns and sentences of the year."""
    lampiran = next(i for i, b in enumerate(lkjip.blocks) if b == Heading("LAMPIRAN", 1))
    words = [b for b in lkjip.blocks[:lampiran] if not isinstance(b, Chart)]  # axes: TW I–IV
    before = Document(lkjip.title, lkjip.kind, lkjip.unit, words)
    quarters = re.compile(r"triwulan IV|TW IV", re.IGNORECASE)
    for piece in texts(before):
        assert not quarters.search(piece), piece
    body = "\n".join(texts(lkjip))
    tabel_31 = table(lkjip, "Tabel 3.1 ")
    assert [c.text for c in tabel_31.header[0]][3:5] == ["Target 2024", "Realisasi 2024"]
    assert "Target kinerja pada tahun 2024 untuk sasaran Meningkatnya kemampuan" in body
    assert "Pada Tahun Anggaran 2024, pagu anggaran Kecamatan Towuti" in body
    quarterly = "\n".join(texts(triwulan))
    assert "Target kinerja pada triwulan IV untuk sasaran Meningkatnya kemampuan" in quarterly
    assert "Sampai dengan Triwulan IV Tahun 2024, pagu anggaran" in quarterly


def test_pk_has_kop_table_and_both_signatures(pk):
    assert pk.kop[:2] == ("PEMERINTAH KABUPATEN LUWU TIMUR", "KECAMATAN TOWUTI")
    pairs = [b for b in pk.blocks if isinstance(b, SignaturePair)]
    assert len(pairs) == 2
    assert pairs[0].left.jabatan == "Bupati Luwu Timur"
    assert pairs[0].right.jabatan == "Camat Towuti"
    rows = [[c.text for c in r.cells] for r in pk.tables()[0].rows]
    assert [r[3] for r in rows] == ["80,1", "100"]
    # no signing date recorded: the PK of 2024 is not dated on the report's day in 2025
    assert pairs[0].right.place_date == "Towuti, 2024"


@pytest.mark.django_db
def test_unknown_kind_and_empty_unit_are_refused_in_indonesian():
    unit = factories.unit()
    with pytest.raises(LaporanError, match="tidak dikenal"):
        build_report("bulanan", unit, 2024, 4)
    with pytest.raises(LaporanError, match="belum memiliki sasaran maupun program"):
        build_report("triwulan", unit, 2024, 4)
    with pytest.raises(LaporanError, match="triwulan 1 sampai 4"):
        build_report("triwulan", unit, 2024, 5)


def test_ikm_trend_is_a_line_over_the_quarters(triwulan):
    trend = next(c for c in triwulan.charts() if c.kind == "line")
    assert trend.title == "Tren Indeks Kepuasan Masyarakat 2024"
    assert trend.categories == ("TW I 2024", "TW II 2024", "TW III 2024", "TW IV 2024")


@pytest.mark.django_db
def test_the_regions_logo_reaches_cover_and_kop(towuti, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    png = render_png(Chart("bar", "", (), ()), dpi=20)
    towuti.pemda.logo.save("luwu-timur.png", ContentFile(png))
    assert build_report("pk", towuti, 2024).logo == png
    assert build_report("triwulan", towuti, 2024, 4).logo == png


@pytest.mark.django_db
def test_skm_needs_the_quarters_survey(towuti):
    with pytest.raises(LaporanError, match="Belum ada survei kepuasan masyarakat"):
        build_report("skm", towuti, 2024, 4)


def test_a_shortfall_is_traced_and_its_obstacle_named_in_bab_iv(triwulan):
    """Below 100 %: the rollup names the children that held it down; Bab IV lists each
    indicator below target with the obstacle and step its unit recorded."""
    body = "\n".join(texts(triwulan))
    assert (
        "Capaian di bawah 100% berasal dari kegiatan Pengadaan Barang Milik Daerah Penunjang "
        "Urusan Pemerintah Daerah (50%)." in body
    )
    bab_iv = [b for b in triwulan.blocks if isinstance(b, BulletList)][-1].items
    assert len(bab_iv) == 1
    assert bab_iv[0].startswith(
        "Jumlah Pengadaan sarana dan prasarana Pendukung Gedung atau bangunan Lainnya (sub "
        "kegiatan Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya, "
        "capaian 0%) — penghambat: Kontrak dengan konsultan perencana diputus sepihak"
    )


def test_renstra_sasaran_numbered_within_their_tujuan(triwulan):
    tabel = table(triwulan, "Tabel 2.1 ")
    assert [r.cells[0].text for r in tabel.rows] == ["1", "1.1", "2", "2.1"]


def test_the_gaps_a_reader_would_see_are_named_beside_the_report(triwulan, lkjip, pk):
    """Not printed in the report: said beside its files, for the unit to fill in."""
    assert triwulan.peringatan == (
        "Nama dan NIP kepala Kecamatan Towuti belum diisi (admin, Perangkat daerah): tanda "
        "tangan laporan tanpa nama dan NIP.",
        "Definisi/formulasi IKU belum diisi: Indeks Kepuasan Masyarakat.",
        "Realisasi belum diisi pada triwulan yang bertarget, 1 (satu) indikator: Jumlah "
        "dokumen evaluasi kinerja pelayanan perangkat daerah… (TW III).",
        "Indikator di bawah target tanpa faktor penghambat maupun solusi: Persentase Capaian "
        "Kinerja Program Penunjang Urusan….",
    )
    assert lkjip.peringatan == triwulan.peringatan
    assert "Tanggal penandatanganan Perjanjian Kinerja 2024 belum diisi" in pk.peringatan[1]
    body = "\n".join(texts(triwulan))
    assert "belum diisi (admin" not in body
