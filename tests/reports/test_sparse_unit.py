"""A unit with gaps everywhere still gets complete reports: no crash, no placeholder."""

import pytest

from kinerja.reports.builders import build_report
from kinerja.reports.html_render import render_html
from tests import factories as f

from .test_builders import FORBIDDEN, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def sparse_unit():
    unit = f.unit(pemda_obj=f.pemda(rumus_negatif="T/R", aturan_rollup="bobot-anggaran"))
    s1 = f.sasaran(unit)
    f.indikator(
        s1,
        targets=[None, None, None, 10],
        realisasi=[None, None, None, None],
        nama="Angka kemiskinan",
        polaritas="negatif",
        agregasi="terakhir",
    )
    f.sasaran(unit, nomor=2, teks="Sasaran tanpa indikator")
    program = f.program(unit, sasaran_obj=s1)
    kosong = f.kegiatan(program, "2.01", "Kegiatan tanpa sub kegiatan")  # noqa: F841
    sub = f.sub_kegiatan(f.kegiatan(program, "2.02", "Kegiatan berisi"))
    f.indikator(sub, targets=[0, 2, None, 4], realisasi=[1, None, 3, 0])
    f.belanja(sub, 0)
    f.belanja(sub, 1000, {2: 300})
    f.program(unit, kode="7.01.09", nama="Program tanpa sasaran")
    return unit


@pytest.mark.parametrize(("jenis", "triwulan"), [("triwulan", 1), ("triwulan", 4), ("lkjip", None)])
def test_gaps_read_as_sentences(sparse_unit, jenis, triwulan):
    doc = build_report(jenis, sparse_unit, 2024, triwulan)
    for piece in texts(doc):
        assert not FORBIDDEN.search(piece), piece
    html = render_html(doc, for_print=False)
    assert "None" not in html and "nan" not in html.split()
    body = "\n".join(texts(doc))
    assert "tidak memiliki indikator kinerja" in body or "Belum ada indikator sasaran" in body
    if triwulan == 1:
        assert "Pada triwulan I tidak terdapat target kinerja untuk sasaran" in body
