"""``kinerja periksa``: the management command, in-process and end to end."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

import kinerja

SAMPEL = Path(kinerja.__file__).resolve().parent / "sample" / "data" / "towuti2024"
AKAR = Path(kinerja.__file__).resolve().parent.parent


def jalankan(*args, **opsi) -> tuple[int, str, str]:
    """Run ``periksa`` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("periksa", *[str(a) for a in args], stdout=out, stderr=err, **opsi)
        kode = 0
    except SystemExit as exc:
        kode = exc.code
    return kode, out.getvalue(), err.getvalue()


def baris_csv(teks: str, pemisah: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(teks), delimiter=pemisah))


def tulis(tmp_path: Path, teks: str | bytes, nama: str = "tabel.csv") -> Path:
    berkas = tmp_path / nama
    if isinstance(teks, bytes):
        berkas.write_bytes(teks)
    else:
        berkas.write_text(teks, encoding="utf-8")
    return berkas


def test_tabel_3_1_sampel_cocok():
    kode, out, err = jalankan(SAMPEL / "tabel_3_1.csv")
    assert kode == 0, err
    baris = baris_csv(out)
    assert list(baris[0])[:6] == ["no", "sasaran", "indikator", "target", "realisasi", "capaian"]
    ikm = next(b for b in baris if b["realisasi"] == "84,73")
    assert (ikm["target"], ikm["capaian"], ikm["hitung"]) == ("80,1", "105,8", "105,78")
    sasaran2 = next(b for b in baris if b["target"] == "100")
    assert (sasaran2["realisasi"], sasaran2["capaian"]) == ("93,75", "93,75")
    assert {b["hasil"] for b in baris} == {"cocok"}
    assert (
        err.strip() == f"{len(baris)} baris diperiksa: {len(baris)} cocok, 0 cocok-dipotong, "
        "0 selisih, 0 tidak-dihitung."
    )


def test_tabel_iii_sampel_enam_selisih():
    kode, out, err = jalankan(SAMPEL / "tabel_iii.csv")
    assert kode == 1
    baris = baris_csv(out)
    assert len(baris) == 211
    awal = next(
        i
        for i, b in enumerate(baris)
        if b["uraian"].strip() == "Pendataan dan Pengolahan Administrasi Kepegawaian"
    )
    selisih = [b for b in baris if b["hasil"] == "selisih"]
    assert selisih == baris[awal + 1 : awal + 7]
    assert {b["level"] for b in selisih} == {"belanja"}
    tercetak = ["35,85", "25,79", "41,81", "44,70", "49,67", "48,71"]
    seharusnya = ["71,70", "51,57", "83,63", "89,39", "99,34", "97,42"]
    assert [b["keterangan"] for b in selisih] == [
        f"tercetak {t}, seharusnya {s}" for t, s in zip(tercetak, seharusnya, strict=True)
    ]
    lain = [b for b in baris if b["hasil"] != "selisih"]
    assert {b["hasil"] for b in lain} <= {"cocok", "tidak-dihitung"}
    for b in lain:
        if b["hasil"] == "tidak-dihitung":
            assert b["hitung"] == "" and "pagu anggaran nol" in b["keterangan"]
    assert any(b["persen"] == "#DIV/0!" for b in lain)
    assert err.startswith("211 baris diperiksa: ")
    assert ", 0 cocok-dipotong, 6 selisih, " in err


def test_titik_koma_bom_header_besar_dan_kolom_lain(tmp_path):
    teks = "\ufeffNo;Indikator;TARGET; Realisasi ;Polaritas;CAPAIAN;Catatan\n"
    teks += '1;IKM;80,1;84,73;;105,8;"ada ""kutip"""\n2;Kasus;10;8;NEGATIF;120;-\n'
    kode, out, err = jalankan(tulis(tmp_path, teks))
    assert kode == 0, err
    assert not out.startswith("\ufeff")
    header = out.splitlines()[0]
    assert header == "No;Indikator;TARGET; Realisasi ;Polaritas;CAPAIAN;Catatan;" + (
        "hitung;predikat;hasil;keterangan"
    )
    baris = baris_csv(out, ";")
    assert [b["Catatan"] for b in baris] == ['ada "kutip"', "-"]
    assert [b["hitung"] for b in baris] == ["105,78", "120,00"]
    assert [b["hasil"] for b in baris] == ["cocok", "cocok"]


@pytest.mark.parametrize(("rumus", "hitung"), [("2T-R", "120,00"), ("T/R", "125,00")])
def test_rumus_negatif(tmp_path, rumus, hitung):
    berkas = tulis(tmp_path, "target;realisasi;polaritas;capaian\n10;8;negatif;120\n")
    kode, out, _ = jalankan(berkas, rumus_negatif=rumus)
    (baris,) = baris_csv(out, ";")
    assert baris["hitung"] == hitung
    assert (kode, baris["hasil"]) == ((0, "cocok") if rumus == "2T-R" else (1, "selisih"))
    if rumus == "T/R":
        assert baris["keterangan"] == "tercetak 120, seharusnya 125,00"


def test_cocok_dipotong_dan_selisih(tmp_path):
    teks = "target;realisasi;capaian\n80,1;84,73;105,7\n100;102,22;113\n"
    kode, out, err = jalankan(tulis(tmp_path, teks))
    assert kode == 1
    baris = baris_csv(out, ";")
    assert [b["hasil"] for b in baris] == ["cocok-dipotong", "selisih"]
    assert baris[1]["keterangan"] == "tercetak 113, seharusnya 102,22"
    assert (
        err.strip() == "2 baris diperiksa: 0 cocok, 1 cocok-dipotong, 1 selisih, 0 tidak-dihitung."
    )


def test_desimal_titik_dan_skala(tmp_path):
    teks = "target,realisasi,capaian\n80.1,84.73,105.8\n100,50,50.00%\n"
    kode, out, _ = jalankan(tulis(tmp_path, teks), desimal="titik", skala="towuti-2024")
    assert kode == 0
    baris = baris_csv(out)
    assert [b["hitung"] for b in baris] == ["105.78", "50.00"]
    assert [b["predikat"] for b in baris] == ["Sangat Memuaskan", "Cukup Memuaskan"]


def test_keluaran_ke_berkas(tmp_path):
    berkas = tulis(tmp_path, "\ufeffanggaran;realisasi;persen\n1.000;500;50\n")
    hasil = tmp_path / "hasil.csv"
    kode, out, err = jalankan(berkas, keluaran=hasil)
    assert (kode, out) == (0, "")
    assert (
        err.strip() == "1 baris diperiksa: 1 cocok, 0 cocok-dipotong, 0 selisih, 0 tidak-dihitung."
    )
    teks = hasil.read_text(encoding="utf-8")
    assert teks.startswith("\ufeff")  # the input's BOM is kept for Excel
    assert (
        teks[1:] == "anggaran;realisasi;persen;hitung;hasil;keterangan\n1.000;500;50;50,00;cocok;\n"
    )


def test_keluaran_tidak_dapat_ditulis(tmp_path):
    berkas = tulis(tmp_path, "target;realisasi\n1;1\n")
    kode, _, err = jalankan(berkas, keluaran=tmp_path / "tidak-ada" / "hasil.csv")
    assert kode == 2 and "tidak dapat ditulis" in err


@pytest.mark.parametrize(
    ("isi", "opsi", "pesan"),
    [
        (b"", {}, "kosong"),
        (b"\xef\xbb\xbf\n \n", {}, "kosong"),
        (b"target;capaian\n1;100\n", {}, "kolom 'realisasi'"),
        (b"no;uraian\n1;a\n", {}, "'target'"),
        (
            b"target;realisasi\n80,1;84,73\n100;84.73\n",
            {},
            "Baris 3, kolom realisasi: '84.73' bukan angka dalam format Indonesia "
            "(contoh: 1.234,56). Coba --desimal titik?",
        ),
        (
            b"target;realisasi;polaritas\n1;1;turun\n",
            {},
            "Baris 2, kolom polaritas: polaritas 'turun'",
        ),
        (b"target;realisasi\n1;1\n", {"skala": "sni"}, "Skala predikat 'sni' tidak dikenal"),
        (b"target;realisasi;uraian\n1;1;T\xf3wuti\n", {}, "bukan teks UTF-8"),
    ],
)
def test_masukan_tidak_dapat_dipakai(tmp_path, isi, opsi, pesan):
    kode, out, err = jalankan(tulis(tmp_path, isi), **opsi)
    assert (kode, out) == (2, "")
    assert pesan in err
    assert "Traceback" not in err


def test_berkas_tidak_ada(tmp_path):
    kode, _, err = jalankan(tmp_path / "tidak-ada.csv")
    assert kode == 2
    assert "tidak ditemukan" in err and "Traceback" not in err


def test_kesalahan_tak_terduga_tanpa_traceback(tmp_path, monkeypatch):
    from kinerja.periksa.management.commands import periksa as perintah

    def rusak(*args, **kwargs):
        raise RuntimeError("disk rusak")

    monkeypatch.setattr(perintah, "periksa_berkas", rusak)
    kode, _, err = jalankan(tulis(tmp_path, "target;realisasi\n1;1\n"))
    assert kode == 2
    assert "kesalahan tak terduga" in err and "disk rusak" in err and "Traceback" not in err


def proses(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "periksa", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=AKAR,
        timeout=120,
    )


def test_ujung_ke_ujung_tabel_3_1():
    hasil = proses(str(SAMPEL / "tabel_3_1.csv"))
    assert hasil.returncode == 0, hasil.stderr
    assert "105,78" in hasil.stdout
    assert "0 selisih" in hasil.stderr


def test_ujung_ke_ujung_selisih_dan_galat(tmp_path):
    berkas = tulis(tmp_path, "target;realisasi;capaian\n100;102,22;113\n")
    hasil = proses(str(berkas))
    assert hasil.returncode == 1
    assert "selisih;tercetak 113, seharusnya 102,22" in hasil.stdout
    assert hasil.stderr.strip().endswith("1 selisih, 0 tidak-dihitung.")

    rusak = tulis(tmp_path, "target;realisasi\n1;84.73\n", "rusak.csv")
    hasil = proses(str(rusak))
    assert hasil.returncode == 2 and hasil.stdout == ""
    assert hasil.stderr.strip() == (
        "Baris 2, kolom realisasi: '84.73' bukan angka dalam format Indonesia "
        "(contoh: 1.234,56). Coba --desimal titik?"
    )

    for args in (["--desimal", "spasi", str(berkas)], [str(tmp_path / "tidak-ada.csv")], []):
        hasil = proses(*args)
        assert hasil.returncode == 2, args
        assert "Traceback" not in hasil.stderr and "error:" not in hasil.stderr
    assert "tidak ditemukan" in proses(str(tmp_path / "x.csv")).stderr
    assert "bukan pilihan yang sah" in proses("--desimal", "spasi", str(berkas)).stderr
