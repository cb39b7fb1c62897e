"""IKM rules core: presets, exact weights, NRR with missing answers, bands, sample size."""

from __future__ import annotations

import doctest
import importlib
import itertools
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.rules.ikm import (
    KREJCIE_MORGAN,
    PRESET_IKM,
    JawabanTidakSah,
    Kuesioner,
    PitaMutu,
    Unsur,
    bulat_setengah_atas,
    hitung_dari_frekuensi,
    hitung_ikm,
    kuesioner_preset,
    minimal_sample,
    peringatan_sampel,
)

P2017 = kuesioner_preset("permenpanrb-14-2017")
P2004 = kuesioner_preset("kepmenpan-25-2004")


def test_preset_2017_unsur_bobot_dan_pita():
    assert [u.nama for u in P2017.unsur] == [
        "Persyaratan",
        "Sistem, mekanisme, dan prosedur",
        "Waktu penyelesaian",
        "Biaya/tarif",
        "Produk spesifikasi jenis pelayanan",
        "Kompetensi pelaksana",
        "Perilaku pelaksana",
        "Sarana dan prasarana",
        "Penanganan pengaduan, saran dan masukan",
    ]
    assert P2017.unsur[0].pilihan == ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
    assert P2017.unsur[3].pilihan == ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")
    assert all(u.bobot == Fraction(1, 9) for u in P2017.unsur)
    assert [(p.mutu, p.kinerja, str(p.bawah), str(p.atas)) for p in P2017.pita] == [
        ("D", "Tidak Baik", "25.00", "64.99"),
        ("C", "Kurang Baik", "65.00", "76.60"),
        ("B", "Baik", "76.61", "88.30"),
        ("A", "Sangat Baik", "88.31", "100.00"),
    ]


def test_preset_2004_empat_belas_unsur_dan_pita():
    assert len(P2004.unsur) == 14
    assert all(u.bobot == Fraction(1, 14) for u in P2004.unsur)
    assert [(p.mutu, str(p.bawah), str(p.atas)) for p in P2004.pita] == [
        ("D", "25.00", "43.75"),
        ("C", "43.76", "62.50"),
        ("B", "62.51", "81.25"),
        ("A", "81.26", "100.00"),
    ]
    assert set(PRESET_IKM) == {"permenpanrb-14-2017", "kepmenpan-25-2004"}


def test_semua_empat_seratus_a():
    h = hitung_ikm(P2017, [[4] * 9] * 7)
    assert (h.ikm, h.ikm_dibulatkan, h.mutu, h.kinerja) == (
        Decimal(100),
        Decimal("100.00"),
        "A",
        "Sangat Baik",
    )


def test_semua_satu_dua_puluh_lima_d():
    h = hitung_ikm(P2017, [[1] * 9] * 3)
    assert (h.ikm_dibulatkan, h.mutu, h.kinerja) == (Decimal("25.00"), "D", "Tidak Baik")


@pytest.mark.parametrize(
    ("nilai", "mutu"),
    [
        ("64.99", "D"),
        ("64.994", "D"),
        ("64.995", "C"),  # rounds to 65,00 before classifying
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.604999", "C"),
        ("76.605", "B"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.3049", "B"),
        ("88.305", "A"),
        ("88.31", "A"),
    ],
)
def test_batas_pita_2017(nilai, mutu):
    assert P2017.klasifikasi(Decimal(nilai)).mutu == mutu


@pytest.mark.parametrize(
    ("nilai", "mutu"),
    [
        ("43.75", "D"),
        ("43.76", "C"),
        ("62.50", "C"),
        ("62.51", "B"),
        ("81.25", "B"),
        ("81.26", "A"),
    ],
)
def test_batas_pita_2004(nilai, mutu):
    assert P2004.klasifikasi(Decimal(nilai)).mutu == mutu


def test_jawaban_sama_label_menurut_preset():
    # 40 % answer 4 everywhere, 60 % answer 3: NRR 3,4 → IKM 85 under both presets.
    h17 = hitung_ikm(P2017, [[4] * 9] * 2 + [[3] * 9] * 3)
    h04 = hitung_ikm(P2004, [[4] * 14] * 2 + [[3] * 14] * 3)
    assert h17.ikm == h04.ikm == Decimal(85)
    assert (h17.mutu, h17.kinerja) == ("B", "Baik")
    assert (h04.mutu, h04.kinerja) == ("A", "Sangat Baik")


def test_bobot_tepat_tanpa_pembulatan_0_111():
    # One respondent, U1 = 4, the rest 3: exact IKM = 25 × (3 + 1/9) = 77,777…
    h = hitung_ikm(P2017, [[4] + [3] * 8])
    assert h.ikm_tepat == Fraction(700, 9)
    assert h.ikm_dibulatkan == Decimal("77.78")
    assert str(h.nrr_tertimbang).startswith("3.11111111111111111")
    # A rounded weight of 0,111 would give 28 × 0,111 × 25 = 77,70.
    assert h.ikm_dibulatkan != Decimal(28) * Decimal("0.111") * 25


def test_jawaban_kosong_hanya_mengurangi_unsur_itu():
    rows = [[4, 4, 4, 4, 4, 4, 4, 4, 4], [2, None, 2, 2, 2, 2, 2, 2, None]]
    h = hitung_ikm(P2017, rows)
    assert h.responden == 2
    assert [u.responden for u in h.unsur] == [2, 1, 2, 2, 2, 2, 2, 2, 1]
    assert h.unsur[0].nrr == Decimal(3)
    assert h.unsur[1].nrr == Decimal(4)
    assert h.unsur[1].frekuensi == (0, 0, 0, 1)
    # Σ NRR = 7 × 3 + 4 + 4 = 29 → IKM = 29 / 9 × 25
    assert h.ikm_tepat == Fraction(29 * 25, 9)


def test_unsur_tanpa_jawaban_ikm_tidak_dihitung():
    h = hitung_ikm(P2017, [[4, None, 4, 4, 4, 4, 4, 4, 4]])
    assert h.ikm_tepat is None and h.mutu is None and h.ikm is None
    assert h.alasan == "unsur U2 belum memiliki jawaban"
    kosong = hitung_ikm(P2017, [])
    assert (kosong.responden, kosong.alasan, kosong.terlemah) == (0, "belum ada jawaban", ())


@pytest.mark.parametrize("salah", [0, 5, -1, "3", 3.0, True, Decimal(3)])
def test_jawaban_di_luar_1_4_ditolak(salah):
    rows = [[4] * 9, [4, 4, salah, 4, 4, 4, 4, 4, 4]]
    with pytest.raises(JawabanTidakSah, match=r"Responden ke-2, U3 \(Waktu penyelesaian\)"):
        hitung_ikm(P2017, rows)


def test_panjang_baris_salah_ditolak():
    with pytest.raises(JawabanTidakSah, match="8 jawaban, padahal kuesioner memiliki 9 unsur"):
        hitung_ikm(P2017, [[4] * 8])


def test_terlemah():
    rows = [[4, 4, 2, 4, 4, 4, 4, 2, 4]]
    assert [u.unsur.kode for u in hitung_ikm(P2017, rows).terlemah] == ["U3", "U8"]


def test_kuesioner_khusus_bobot_dan_pita():
    k = Kuesioner(
        key="khusus",
        nama="Tiga unsur",
        unsur=(
            Unsur("U1", "Kecepatan", bobot="1/2"),
            Unsur("U2", "Keramahan", bobot=Decimal("0.25")),
            Unsur("U3", "Kebersihan", bobot=Fraction(1, 4)),
        ),
        pita=(
            PitaMutu("C", "Kurang", "25", "59.99"),
            PitaMutu("B", "Cukup", "60", "79.99"),
            PitaMutu("A", "Baik", "80", "100"),
        ),
    )
    h = hitung_ikm(k, [[4, 2, 2]])  # 4/2 + 2/4 + 2/4 = 3 → 75
    assert (h.ikm, h.mutu) == (Decimal(75), "B")
    assert Kuesioner.dari_data(k.ke_data()) == k


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"unsur": (Unsur("U1", "A", bobot="1/2"), Unsur("U2", "B", bobot="1/3"))}, "tepat 1"),
        ({"pita": (PitaMutu("B", "x", "25", "60"), PitaMutu("A", "y", "60.02", "100"))}, "0,01"),
        ({"pita": (PitaMutu("A", "y", "30", "100"),)}, "25,00–100,00"),
        ({"unsur": (Unsur("U1", "A"), Unsur("U1", "B"))}, "ganda"),
        ({"unsur": ()}, "tidak memiliki unsur"),
    ],
)
def test_kuesioner_tidak_sah(ubah, pesan):
    data = {"key": "x", "nama": "x", "unsur": (Unsur("U1", "A"),), "pita": P2017.pita} | ubah
    with pytest.raises(ValueError, match=pesan):
        Kuesioner(**data)


def test_bobot_float_ditolak():
    with pytest.raises(TypeError):
        Unsur("U1", "A", bobot=0.5)


def test_preset_tidak_dikenal():
    with pytest.raises(ValueError, match="pilihan: kepmenpan-25-2004, permenpanrb-14-2017"):
        kuesioner_preset("permenpan-16-2014")


def test_snapshot_preset_pulang_pergi():
    for k in PRESET_IKM.values():
        assert Kuesioner.dari_data(k.ke_data()) == k


def test_sampel_minimal_krejcie_morgan():
    assert minimal_sample(100) == 80
    assert minimal_sample(1000) == 278
    assert minimal_sample(101) == 86  # between rows: the larger population's row
    assert minimal_sample(9) == 9
    assert minimal_sample(2_000_000) == 384
    assert all(a[0] < b[0] and a[1] <= b[1] for a, b in itertools.pairwise(KREJCIE_MORGAN))
    with pytest.raises(ValueError):
        minimal_sample(0)


def test_peringatan_sampel():
    assert peringatan_sampel(1000, 278) is None
    assert peringatan_sampel(None, 3) is None
    assert peringatan_sampel(1000, 120) == (
        "Jumlah responden 120 kurang dari sampel minimal 278 untuk populasi 1.000 (tabel "
        "Krejcie–Morgan, PermenPANRB 14/2017); hasil belum mewakili."
    )


def test_bulat_setengah_atas():
    assert bulat_setengah_atas(Fraction(88305, 1000)) == Decimal("88.31")
    assert bulat_setengah_atas(Fraction(88304999, 1000000)) == Decimal("88.30")
    assert bulat_setengah_atas(Fraction(0)) == Decimal("0.00")


# --- properties --------------------------------------------------------------------

jawaban = st.one_of(st.none(), st.integers(1, 4))
baris_2017 = st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1)


def referensi(kuesioner, rows) -> Fraction:
    """Straight from the definition, respondent by respondent."""
    total = Fraction(0)
    for j, unsur in enumerate(kuesioner.unsur):
        nilai = [r[j] for r in rows if r[j] is not None]
        total += Fraction(sum(nilai), len(nilai)) * unsur.bobot
    return total * 25


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(jawaban, min_size=9, max_size=9), min_size=1, max_size=40))
def test_sama_dengan_definisi_dan_pita_konsisten(rows):
    h = hitung_ikm(P2017, rows)
    if any(all(r[j] is None for r in rows) for j in range(9)):
        assert h.ikm_tepat is None
        return
    assert h.ikm_tepat == referensi(P2017, rows)
    assert Decimal(25) <= h.ikm <= Decimal(100)
    assert h.pita.bawah <= h.ikm_dibulatkan <= h.pita.atas


@settings(max_examples=100, deadline=None)
@given(baris_2017, st.randoms(use_true_random=False))
def test_urutan_responden_tidak_berpengaruh_dan_jalur_cepat_sama(rows, rnd):
    acak = list(rows)
    rnd.shuffle(acak)
    h = hitung_ikm(P2017, rows)
    assert hitung_ikm(P2017, acak).ikm_tepat == h.ikm_tepat
    frek = [tuple(sum(1 for r in rows if r[j] == s) for s in (1, 2, 3, 4)) for j in range(9)]
    assert hitung_dari_frekuensi(P2017, frek).ikm_tepat == h.ikm_tepat


@settings(max_examples=100, deadline=None)
@given(baris_2017, st.integers(0, 8), st.data())
def test_menaikkan_jawaban_tidak_menurunkan_ikm(rows, j, data):
    i = data.draw(st.integers(0, len(rows) - 1))
    if rows[i][j] == 4:
        return
    naik = [list(r) for r in rows]
    naik[i][j] += 1
    assert hitung_ikm(P2017, naik).ikm_tepat > hitung_ikm(P2017, rows).ikm_tepat


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 4), st.integers(1, 30))
def test_jawaban_seragam_memberi_25_kali_skor(skor, n):
    for k in (P2017, P2004):
        h = hitung_ikm(k, [[skor] * len(k.unsur)] * n)
        assert h.ikm == Decimal(25 * skor)


@pytest.mark.parametrize("module", ["ikm", "ikm_kuesioner", "ikm_preset"])
def test_contoh_docstring(module):
    mod = importlib.import_module(f"kinerja.rules.{module}")
    assert doctest.testmod(mod, optionflags=doctest.ELLIPSIS).failed == 0
