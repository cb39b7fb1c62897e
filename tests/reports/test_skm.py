"""The SKM report: outline, numbers equal to the survey result, DOCX and PDF that open."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

import kinerja
from kinerja.reports.builders.skm import build_skm
from kinerja.reports.builders.skm_tindak_lanjut import rencana_tindak_lanjut
from kinerja.reports.document import BulletList, Chart, Heading, Paragraph
from kinerja.reports.exporters import get_exporter
from kinerja.rules import round_half_up
from kinerja.survey.domain import buat_survei, import_jawaban, submit_response
from kinerja.survey.hasil import hasil
from tests import factories

pytestmark = pytest.mark.django_db

SAMPEL = Path(kinerja.__file__).resolve().parent / "sample" / "data" / "ikm" / "towuti_tw4_2024.csv"
TANGGAL = date(2025, 1, 20)


@pytest.fixture
def laporan():
    unit = factories.unit(kepala_jabatan="Camat Contoh", kepala_nama="Andi", tempat_laporan="Ujung")
    factories.indikator(
        factories.sasaran(unit), targets=[80.1] * 4, nama="Indeks Kepuasan Masyarakat", iku=True
    )
    tw1 = buat_survei(unit, 2024, 1)
    for _ in range(3):
        submit_response(tw1, [3] * 9)
    survei = buat_survei(unit, 2024, 4, populasi=150)
    import_jawaban(SAMPEL, survei)
    return survei, build_skm(survei, TANGGAL)


def teks_blok(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading | Paragraph)]


def test_kerangka_laporan(laporan):
    _, doc = laporan
    judul = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert judul[:1] == ["BAB I PENDAHULUAN"]
    for bab in ("BAB II METODE SURVEI", "BAB III HASIL SURVEI", "BAB V PENUTUP"):
        assert bab in judul
    for bagian in (
        "A. Profil Responden",
        "B. Nilai Rata-rata per Unsur",
        "D. Tren IKM per Triwulan",
    ):
        assert bagian in judul
    assert [t.caption for t in doc.tables()][:2] == [
        "Tabel 2.1 Unsur Survei Kepuasan Masyarakat",
        "Tabel 2.2 Nilai Persepsi, Interval dan Mutu Pelayanan",
    ]
    assert [c.kind for c in doc.charts()] == ["barh", "line"]


def test_angka_sama_dengan_hasil(laporan):
    survei, doc = laporan
    h = hasil(survei).ikm
    nrr = next(t for t in doc.tables() if "Nilai Rata-rata per Unsur" in t.caption)
    u8 = nrr.rows[7].cells
    assert [c.text for c in u8] == ["U8", "Sarana dan prasarana", "120", "372", "3,10", "0,344"]
    assert u8[4].value == h.unsur[7].nrr
    assert nrr.rows[-1].cells[-1].text == "3,389"
    ikm = next(t for t in doc.tables() if t.caption.endswith("Indeks Kepuasan Masyarakat"))
    assert [r.cells[1].text for r in ikm.rows] == ["120", "3,389", "84,73", "B", "Baik"]
    barh = doc.charts()[0]
    assert barh.series[0].values == tuple(round_half_up(u.nrr, 2) for u in h.unsur)
    tren = doc.charts()[1]
    assert [s.name for s in tren.series] == ["Target", "IKM"]
    assert tren.series[1].values == (Decimal("75.00"), None, None, Decimal("84.73"))
    assert tren.categories == ("TW I 2024", "TW II 2024", "TW III 2024", "TW IV 2024")
    assert "IKM Triwulan IV Tahun 2024 adalah 84,73, mutu pelayanan B (Baik)" in " ".join(
        teks_blok(doc)
    )


def test_profil_saran_dan_tindak_lanjut(laporan):
    _, doc = laporan
    jk = next(t for t in doc.tables() if "jenis kelamin" in t.caption)
    assert jk.rows[-1].cells[2].text == "120" and jk.rows[-1].cells[3].text == "100,00%"
    saran = next(b for b in doc.blocks if isinstance(b, BulletList) and len(b.items) == 10)
    assert "Tempat parkir sempit." in saran.items
    rtl = doc.tables()[-1]
    assert rtl.caption == "Tabel 4.1 Rencana Tindak Lanjut Unsur Terendah"
    assert [c.text for c in rtl.rows[0].cells] == [
        "1",
        "Sarana dan prasarana",
        "3,10",
        rencana_tindak_lanjut("Sarana dan prasarana"),
        "Triwulan I 2025",
        "Camat Contoh",
    ]


def test_docx_dan_pdf_terbuka(laporan):
    _, doc = laporan
    data = get_exporter("docx").render(doc)
    word = docx.Document(io.BytesIO(data))
    isi = "\n".join(p.text for p in word.paragraphs)
    sel = {c.text for t in word.tables for r in t.rows for c in r.cells}
    assert "BAB III HASIL SURVEI" in isi
    assert {"84,73", "3,389", "Sarana dan prasarana"} <= sel
    pdf = PdfReader(io.BytesIO(get_exporter("pdf").render(doc)))
    teks = "\n".join(page.extract_text() for page in pdf.pages)
    assert "84,73" in teks and "Sangat Baik" in teks and "Rencana Tindak Lanjut" in teks


def test_laporan_tanpa_jawaban():
    unit = factories.unit()
    survei = buat_survei(unit, 2024, 2)
    doc = build_skm(survei, TANGGAL)
    teks = " ".join(teks_blok(doc))
    assert "IKM belum dapat dihitung: belum ada jawaban" in teks
    assert "Tidak ada saran tertulis dari responden." in teks
    assert isinstance(doc.charts()[0], Chart)
    get_exporter("docx").render(doc)


def test_ikm_dibandingkan_dengan_target(laporan):
    """84,73 against the IKU's TW IV target 80,1: capaian 105,78 %, in Bab III and Bab V."""
    _, doc = laporan
    teks = " ".join(teks_blok(doc))
    kalimat = "Target IKM Triwulan IV adalah 80,1, sehingga capaian 105,78%."
    assert teks.count(kalimat) == 2
    assert "populasi tidak dicatat" not in teks and "dihitung tepat" not in teks


def test_tren_memakai_realisasi_tercatat_bila_triwulan_tanpa_survei():
    """A quarter with no survey here shows the IKM recorded as the IKU's realisasi (as the
    performance reports print it), so noted; a quarter with neither stays "–"."""
    unit = factories.unit()
    factories.indikator(
        factories.sasaran(unit),
        targets=[80.1] * 4,
        realisasi=[81.74, None, 82.31, 84.73],
        nama="Indeks Kepuasan Masyarakat",
        iku=True,
    )
    survei = buat_survei(unit, 2024, 4)
    import_jawaban(SAMPEL, survei)
    doc = build_skm(survei, TANGGAL)
    tren = doc.charts()[1]
    assert tren.series[1].values == (Decimal("81.74"), None, Decimal("82.31"), Decimal("84.73"))
    tabel = next(t for t in doc.tables() if t.caption.endswith("IKM per Triwulan Tahun 2024"))
    assert tabel.notes == (
        "IKM TW I dan TW III: realisasi indikator IKM yang tercatat, tanpa data responden survei.",
        "– : tidak ada survei atau target pada triwulan itu.",
    )
