"""Narrative sentences: every case a report meets, and never a placeholder."""

import re
from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from kinerja import rules
from kinerja.reports import narrative

PLACEHOLDER = re.compile(r"\bNone\b|\bnan\b|\{|\}|  ")


def cap(value):
    return rules.Capaian(D(value))


def test_the_sample_sentence():
    text = narrative.kalimat_capaian(
        "sub kegiatan", "Penyediaan Gaji dan Tunjangan ASN", 4, D(20), D(20), "Orang", cap(100)
    )
    assert text == (
        "Target kinerja pada triwulan IV untuk sub kegiatan Penyediaan Gaji dan Tunjangan ASN "
        "adalah 20 Orang dengan realisasi 20 Orang atau capaian 100%. Target tercapai sepenuhnya."
    )


def test_shortfall_and_excess_say_by_how_much():
    short = narrative.kalimat_capaian("kegiatan", "Rapat", 2, D(4), D(3), "Dokumen", cap(75))
    assert "capaian 75%. Realisasi belum mencapai target (selisih 1 Dokumen)" in short
    more = narrative.kalimat_capaian(
        "sasaran", "IKM", 4, D("80.1"), D("84.73"), "Indeks", cap("105.78")
    )
    assert "target 80,1" not in more  # "adalah 80,1": an index carries no unit word
    assert "adalah 80,1 dengan realisasi 84,73 atau capaian 105,78%" in more
    assert "melampaui target (selisih 4,63)" in more


def test_negative_polarity_is_explained():
    text = narrative.kalimat_capaian(
        "program", "Penurunan kasus", 4, D(10), D(8), "Kasus", cap(120), "negatif"
    )
    assert "lebih rendah dari target" in text
    assert "berpolaritas negatif" in text
    assert narrative.rumus("negatif", "2T-R") == (
        "Capaian = (2 × Target − Realisasi) / Target × 100%"
    )
    assert narrative.rumus("negatif", "T/R") == "Capaian = Target / Realisasi × 100%"


def test_quarter_without_target_missing_realisasi_zero_target_and_range():
    assert narrative.kalimat_capaian(
        "sub kegiatan", "Rehab Gedung", 4, None, None, "Unit", rules.Capaian.na("tidak ada target")
    ) == (
        "Pada triwulan IV tidak terdapat target kinerja untuk sub kegiatan Rehab Gedung, "
        "sehingga capaian triwulan IV tidak dihitung."
    )
    missing = narrative.kalimat_capaian(
        "kegiatan", "Rapat", 1, D(2), None, "Kali", rules.Capaian.na("realisasi belum diisi")
    )
    assert missing.endswith("namun realisasinya belum diisi sehingga capaian belum dapat dihitung.")
    zero = narrative.kalimat_capaian(
        "kegiatan", "Rapat", 1, D(0), D(1), "Kali", rules.Capaian.na("target nol")
    )
    assert zero.endswith("capaian tidak dihitung karena target nol.")
    rentang = narrative.kalimat_capaian(
        "sasaran", "Inflasi", 4, rules.Rentang(D(2), D(4)), D(3), "%", cap(100)
    )
    assert "adalah 2–4% dengan realisasi 3%" in rentang


def test_rollup_sentences():
    rollup = rules.rollup([cap(100)] * 7 + [cap(50), rules.Capaian.na("tidak ada target")])
    text = narrative.kalimat_rollup("program", "Program Penunjang", "kegiatan", rollup)
    assert text == (
        "Capaian Program Penunjang adalah rata-rata capaian 8 (delapan) kegiatan yang dapat "
        "dihitung: 750\u00a0/\u00a08\u00a0=\u00a093,75%. Sebanyak 1 (satu) kegiatan tidak "
        "dihitung karena tidak memiliki target atau realisasi."
    )
    one = narrative.kalimat_rollup("kegiatan", "Rapat", "sub kegiatan", rules.rollup([cap(90)]))
    assert "satu-satunya sub kegiatan" in one


values = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**9, places=2))


@given(
    values,
    values,
    st.sampled_from(["Orang", "%", "Indeks", ""]),
    st.sampled_from(["positif", "negatif"]),
    st.integers(1, 4),
)
def test_every_combination_reads_as_a_finished_sentence(t, r, satuan, polaritas, tw):
    capaian = rules.compute_capaian(t, r, polaritas=polaritas)
    text = narrative.kalimat_capaian("sub kegiatan", "Uji", tw, t, r, satuan, capaian, polaritas)
    assert text.endswith(".")
    assert not PLACEHOLDER.search(text), text
    assert rules.format_triwulan(tw).split()[-1] in text


def test_two_percentages_differ_in_points_and_rupiah_stays_with_its_amount():
    text = narrative.kalimat_capaian("sasaran", "Uji", 4, D(100), D("93.75"), "%", cap("93.75"))
    assert "(selisih 6,25 poin)" in text
    assert narrative.rupiah(D("4094740600")) == "Rp\u00a04.094.740.600"
