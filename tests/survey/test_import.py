"""Paper questionnaires from CSV and XLSX: atomic, every row error in Indonesian."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

import kinerja
from kinerja.measurement.lock import TriwulanTerkunci
from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.organisations.models import PerangkatDaerah
from kinerja.sample.loader import load_sample
from kinerja.survey.berkas import BerkasTidakSah, baca_berkas
from kinerja.survey.domain import buat_survei, feed_iku, import_jawaban
from kinerja.survey.hasil import hasil
from kinerja.survey.models import Jawaban, Responden

pytestmark = pytest.mark.django_db

SAMPEL = Path(kinerja.__file__).resolve().parent / "sample" / "data" / "ikm" / "towuti_tw4_2024.csv"
JUDUL = "no,jenis_kelamin,usia,pendidikan,pekerjaan,U1,U2,U3,U4,U5,U6,U7,U8,U9,saran\n"


def csv(tmp_path: Path, teks: str, nama: str = "jawaban.csv", encoding="utf-8") -> Path:
    berkas = tmp_path / nama
    berkas.write_text(teks, encoding=encoding)
    return berkas


def xlsx(rows, judul_lembar="Jawaban") -> SimpleUploadedFile:
    buku = Workbook()
    lembar = buku.active
    lembar.title = judul_lembar
    for row in rows:
        lembar.append(row)
    data = io.BytesIO()
    buku.save(data)
    return SimpleUploadedFile("kuesioner.xlsx", data.getvalue())


def test_impor_sampel_towuti(survei):
    responden = import_jawaban(SAMPEL, survei)
    assert len(responden) == 120
    assert {r.sumber for r in responden} == {Responden.Sumber.KERTAS}
    h = hasil(survei)
    assert (h.ikm.ikm_dibulatkan, h.ikm.mutu, h.ikm.kinerja) == (Decimal("84.73"), "B", "Baik")
    assert [u.responden for u in h.ikm.unsur] == [120, 120, 120, 119, 119, 120, 120, 120, 118]
    assert len(h.saran) == 10


def test_impor_xlsx_dengan_angka_dan_teks(survei):
    berkas = xlsx(
        [
            ["No", "Jenis Kelamin", "Usia", *[f"U{i}" for i in range(1, 10)], "Saran"],
            [1, "L", 40, 4, 4, 4, 4, 4, 4, 4, 4, 4.0, "Bagus"],
            [2, "Perempuan", None, "3", 3, 3, 3, 3, 3, 3, 3, None, None],
            [None] * 13,  # empty rows are skipped
        ]
    )
    responden = import_jawaban(berkas, survei)
    assert [r.jenis_kelamin for r in responden] == ["L", "P"]
    assert responden[0].usia == 40 and responden[1].usia is None
    assert Jawaban.objects.filter(responden=responden[1]).count() == 8


def test_galat_baris_dalam_bahasa_indonesia_dan_tidak_ada_yang_tersimpan(tmp_path, survei):
    berkas = csv(
        tmp_path,
        JUDUL
        + "1,L,30,SMA,PNS,4,4,4,4,4,4,4,4,4,\n"
        + "2,X,30,SMA,PNS,4,4,5,4,4,4,4,4,4,\n"
        + "3,P,200,TK,PNS,4,4,4,4,4,4,4,4,a,\n"
        + "4,P,30,SMA,PNS,,,,,,,,,,\n",
    )
    with pytest.raises(BerkasTidakSah) as info:
        import_jawaban(berkas, survei)
    pesan = str(info.value)
    assert pesan.startswith("Berkas tidak dapat dipakai (6 kesalahan):")
    assert (
        "Berkas 'jawaban.csv', baris 3, kolom U3: nilai '5' ditolak — jawaban harus 1, 2, 3 "
        "atau 4 (kosongkan bila tidak dijawab)" in pesan
    )
    assert "baris 3, kolom jenis_kelamin: nilai 'X' ditolak — jenis kelamin harus L" in pesan
    assert "baris 4, kolom U9: nilai 'a' ditolak" in pesan
    assert "baris 4, kolom usia: nilai '200' ditolak" in pesan
    assert "baris 4, kolom pendidikan: nilai 'TK' ditolak" in pesan
    assert "baris 5 — tidak ada satu pun jawaban" in pesan
    assert [(g.baris, g.kolom) for g in info.value.galat][0] == (3, "U3")
    assert Responden.objects.count() == 0


def test_kolom_salah(tmp_path, survei):
    berkas = csv(tmp_path, "U1,U2,U3,Nama\n4,4,4,Budi\n")
    with pytest.raises(BerkasTidakSah) as info:
        import_jawaban(berkas, survei)
    pesan = str(info.value)
    assert "kolom Nama — kolom tidak dikenal" in pesan
    assert "kolom jawaban harus tepat U1…U9 (kuesioner 9 unsur); yang ada: U1…U3" in pesan


def test_csv_titik_koma_dan_cp1252(tmp_path, survei):
    teks = "U1;U2;U3;U4;U5;U6;U7;U8;U9;saran\n4;4;4;4;4;4;4;4;4;Pelayanan café ramah\n"
    berkas = csv(tmp_path, teks, encoding="cp1252")
    [r] = import_jawaban(berkas, survei)
    assert r.saran == "Pelayanan café ramah"


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (b"", "berkas kosong"),
        (b"U1,U2\n", "kolom jawaban harus tepat"),
        (JUDUL.encode(), "tidak ada baris jawaban"),
        (b"PK\x03\x04rusak", "XLSX tidak dapat dibuka"),
    ],
)
def test_berkas_rusak(isi, pesan):
    with pytest.raises(BerkasTidakSah, match=pesan):
        baca_berkas(SimpleUploadedFile("x.csv", isi), jumlah_unsur=9)


def test_impor_ditolak_saat_triwulan_terkunci(unit, survei):
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=4, status="terkunci")
    with pytest.raises(TriwulanTerkunci):
        import_jawaban(SAMPEL, survei)


def test_towuti_ikm_menjadi_realisasi_iku():
    load_sample()
    towuti = PerangkatDaerah.objects.get(kode="towuti")
    survei = buat_survei(towuti, 2024, 4, populasi=150)
    import_jawaban(SAMPEL, survei)
    realisasi = feed_iku(survei)
    assert realisasi.indikator.nama == "Indeks Kepuasan Masyarakat"
    assert realisasi.nilai == Decimal("84.73")  # the printed TW IV realisasi
    assert Realisasi.objects.filter(indikator=realisasi.indikator, tahun=2024).count() == 4
    assert hasil(survei).peringatan is None  # 120 ≥ 108 for a population of 150
