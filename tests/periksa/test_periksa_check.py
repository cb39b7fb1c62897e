"""The pure-Python core of ``kinerja periksa``: table reading and the per-row verdicts."""

from __future__ import annotations

import csv
import io

import pytest

from kinerja.periksa.check import Hasil, Opsi, PeriksaError, _jumlah_desimal, periksa
from kinerja.periksa.table import Tabel, TabelError, baca_tabel, urai_tabel


def cek(teks: str, **opsi) -> tuple[list[dict[str, str]], list[Hasil]]:
    laporan = periksa(urai_tabel(teks), Opsi(**opsi))
    baris = list(
        csv.DictReader(io.StringIO(laporan.tabel.ke_csv()), delimiter=laporan.tabel.pemisah)
    )
    return baris, laporan.hasil


@pytest.mark.parametrize(
    ("teks", "desimal", "jumlah"),
    [
        ("105,8", "koma", 1),
        ("100", "koma", 0),
        ("88,49", "koma", 2),
        ("93,75%", "koma", 2),
        ("4.094.740.600,00", "koma", 2),
        ("1.500", "koma", 0),
        ("84.73", "titik", 2),
        ("93.75%", "titik", 2),
        ("100", "titik", 0),
    ],
)
def test_jumlah_desimal_tercetak(teks, desimal, jumlah):
    assert _jumlah_desimal(teks, desimal) == jumlah


def test_pemisah_ditentukan_oleh_header():
    assert urai_tabel('target,realisasi\n"80,1","84,73"\n').pemisah == ","
    assert urai_tabel("target;realisasi\n80,1;84,73\n").pemisah == ";"
    # a comma inside a semicolon header does not fool the sniffing
    assert urai_tabel('"no, urut";target;realisasi\n1;2;3\n').pemisah == ";"


def test_bom_dan_baris_kosong():
    tabel = urai_tabel("\ufeffTarget;Realisasi\n\n10;8\n;;\n5;5\n")
    assert tabel.bom and tabel.header == ["Target", "Realisasi"]
    assert tabel.baris == [["10", "8"], ["5", "5"]]
    assert tabel.nomor == [3, 5]  # spreadsheet row numbers: blank rows still count


def test_baris_pendek_dilengkapi_dan_kolom_lebih_ditolak():
    assert urai_tabel("target;realisasi;capaian\n10;8\n").baris == [["10", "8", ""]]
    assert urai_tabel("target;realisasi\n10;8;;\n").baris == [["10", "8"]]
    with pytest.raises(TabelError, match="Baris 2 berisi 6 kolom, sedangkan header 3"):
        urai_tabel("target,realisasi,capaian\n80,1,84,73,105,8\n")


def test_berkas_kosong_dan_bukan_utf8(tmp_path):
    with pytest.raises(TabelError, match="kosong"):
        urai_tabel("\ufeff \n\n")
    for only_separators in (";", ";;\n;\n", ","):  # found by the import fuzz test
        with pytest.raises(TabelError, match="kosong: tidak ada header"):
            urai_tabel(only_separators)
    berkas = tmp_path / "latin1.csv"
    berkas.write_bytes("target;realisasi;uraian\n1;1;Kecamatan Tówuti\n".encode("latin-1"))
    with pytest.raises(TabelError, match="bukan teks UTF-8"):
        baca_tabel(berkas)


def test_capaian_cocok_dan_predikat():
    baris, hasil = cek("target;realisasi;capaian\n80,1;84,73;105,8\n100;93,75;93,75%\n")
    assert hasil == [Hasil.COCOK, Hasil.COCOK]
    assert [b["hitung"] for b in baris] == ["105,78", "93,75"]
    assert [b["predikat"] for b in baris] == ["Sangat Tinggi", "Sangat Tinggi"]
    assert [b["keterangan"] for b in baris] == ["", ""]


def test_cocok_dipotong_dan_selisih():
    baris, hasil = cek("target;realisasi;capaian\n80,1;84,73;105,7\n100;102,22;113\n")
    assert hasil == [Hasil.COCOK_DIPOTONG, Hasil.SELISIH]
    assert "dibulatkan: 105,8" in baris[0]["keterangan"]
    assert baris[1]["keterangan"] == "tercetak 113, seharusnya 102,22"


@pytest.mark.parametrize(("rumus", "nilai"), [("2T-R", "120,00"), ("T/R", "125,00")])
def test_polaritas_negatif(rumus, nilai):
    baris, hasil = cek(
        f"target;realisasi;polaritas;capaian\n10;8;Negatif;{nilai}\n10;8;;80\n", rumus_negatif=rumus
    )
    assert hasil == [Hasil.COCOK, Hasil.COCOK]
    assert [b["hitung"] for b in baris] == [nilai, "80,00"]


def test_tidak_dihitung():
    baris, hasil = cek("target;realisasi;capaian\n;5;100\n10;8;\n0;0;#DIV/0!\n10;;#N/A\n")
    assert hasil == [Hasil.TIDAK_DIHITUNG] * 4
    assert baris[0]["keterangan"] == "tercetak 100, tetapi tidak dapat dihitung: tidak ada target"
    assert baris[1]["keterangan"] == "tidak ada angka tercetak"
    assert baris[1]["hitung"] == "80,00"
    assert baris[2]["keterangan"] == "tercetak #DIV/0!, tidak dapat dihitung: target nol"
    assert baris[3]["keterangan"] == "tercetak #N/A, tidak dapat dihitung: realisasi belum diisi"


def test_anggaran():
    teks = (
        "level;uraian;anggaran;realisasi;persen\n"
        "belanja;ATK;4.094.740.600,00;3.623.393.162,00;88,49\n"
        "belanja;Makan minum;0,00;;#DIV/0!\n"
        "belanja;Cetak;1.000;123,40;#DIV/0!\n"
        "belanja;Komputer;1.000;;–\n"
        "belanja;Tanpa pagu;;;\n"
    )
    baris, hasil = cek(teks)
    assert "predikat" not in baris[0]
    assert [b["hitung"] for b in baris] == ["88,49", "", "12,34", "0,00", ""]
    tidak, selisih = Hasil.TIDAK_DIHITUNG, Hasil.SELISIH
    assert hasil == [Hasil.COCOK, tidak, selisih, selisih, tidak]
    assert baris[1]["keterangan"] == "tercetak #DIV/0!, tidak dapat dihitung: pagu anggaran nol"
    assert baris[2]["keterangan"] == "tercetak #DIV/0!, seharusnya 12,34"
    assert baris[3]["keterangan"] == "tercetak –, seharusnya 0,00"
    assert baris[4]["keterangan"] == "tidak ada angka tercetak; pagu anggaran nol"


def test_anggaran_menang_atas_target():
    laporan = periksa(urai_tabel("target;anggaran;realisasi;persen\n1;200;100;50\n"))
    assert laporan.jenis == "anggaran" and laporan.hasil == [Hasil.COCOK]


def test_desimal_titik():
    baris, hasil = cek("target,realisasi,capaian\n80.1,84.73,105.8%\n", desimal="titik")
    assert hasil == [Hasil.COCOK]
    assert baris[0]["hitung"] == "105.78"


def test_ringkasan_dan_kode_keluar():
    laporan = periksa(urai_tabel("target;realisasi;capaian\n10;5;50\n10;5;51\n10;5;\n"))
    assert laporan.ringkasan() == (
        "3 baris diperiksa: 1 cocok, 0 cocok-dipotong, 1 selisih, 1 tidak-dihitung."
    )
    assert laporan.kode_keluar == 1
    assert periksa(urai_tabel("target;realisasi\n10;5\n")).kode_keluar == 0


@pytest.mark.parametrize(
    ("teks", "opsi", "pesan"),
    [
        ("no;uraian\n1;a\n", {}, "tidak berisi kolom 'target'"),
        ("target;capaian\n1;100\n", {}, "wajib memiliki kolom 'realisasi'"),
        ("target;Realisasi;realisasi \n1;1;2\n", {}, "Kolom 'Realisasi' muncul 2 kali"),
        ("target;realisasi\n80,1;84.73\n", {}, "Baris 2, kolom realisasi: '84.73' bukan angka"),
        ("Target;Realisasi\n1;1\n2;abc\n", {}, "Baris 3, kolom Realisasi: 'abc'"),
        ("target;realisasi;capaian\n1;1;seratus\n", {}, "kolom capaian: 'seratus'"),
        ("target;realisasi;polaritas\n1;1;naik\n", {}, "polaritas 'naik' tidak dikenal"),
        ("target;realisasi\n1;1\n", {"skala": "bintang-lima"}, "Skala predikat 'bintang-lima'"),
        ("target;realisasi\n1;1\n", {"rumus_negatif": "R/T"}, "Rumus polaritas negatif 'R/T'"),
        ("target;realisasi\n1;1\n", {"desimal": "spasi"}, "Gaya desimal 'spasi'"),
    ],
)
def test_masukan_tidak_dapat_dipakai(teks, opsi, pesan):
    with pytest.raises(PeriksaError, match=pesan.replace("(", r"\(").replace(".", r"\.")):
        periksa(urai_tabel(teks), Opsi(**opsi))


def test_saran_gaya_desimal():
    with pytest.raises(PeriksaError) as koma:
        periksa(urai_tabel("target;realisasi\n80,1;84.73\n"))
    assert str(koma.value).endswith("Coba --desimal titik?")
    with pytest.raises(PeriksaError) as titik:
        periksa(urai_tabel("target;realisasi\n80,1;84,73\n"), Opsi(desimal="titik"))
    assert str(titik.value).endswith("Coba --desimal koma?")
    with pytest.raises(PeriksaError) as tanpa:
        periksa(urai_tabel("target;realisasi\n80,1;abc\n"))
    assert "Coba" not in str(tanpa.value)


def test_kolom_lain_tidak_diubah():
    tabel = Tabel(header=[" No ", "TARGET", "Realisasi", "catatan"], pemisah=";")
    tabel.baris, tabel.nomor = [["7", "10", "5", ' "kutip"; titik koma ']], [2]
    keluaran = periksa(tabel).tabel
    assert keluaran.header[:4] == [" No ", "TARGET", "Realisasi", "catatan"]
    assert keluaran.baris[0][:4] == ["7", "10", "5", ' "kutip"; titik koma ']
