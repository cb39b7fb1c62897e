"""``kinerja ikm JAWABAN.csv``: in-process and through the console script."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

import kinerja

SAMPEL = Path(kinerja.__file__).resolve().parent / "sample" / "data" / "ikm" / "towuti_tw4_2024.csv"
AKAR = Path(kinerja.__file__).resolve().parent.parent


def jalankan(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ikm", *[str(a) for a in args], stdout=out, stderr=err)
        kode = 0
    except SystemExit as exc:
        kode = exc.code
    return kode, out.getvalue(), err.getvalue()


def test_sampel_towuti():
    kode, out, err = jalankan(SAMPEL)
    assert kode == 0, err
    assert "Kuesioner: PermenPANRB 14/2017 (9 unsur), bobot tiap unsur 1/9" in out
    assert "Responden: 120" in out
    baris_u8 = next(b for b in out.splitlines() if b.startswith("U8"))
    assert baris_u8.split()[-4:] == ["120", "372", "3,10", "0,344"]
    assert "NRR tertimbang:          3,389" in out
    assert "IKM (× 25):              84,73" in out
    assert "Mutu pelayanan:          B" in out
    assert "Kinerja unit pelayanan:  Baik" in out
    assert "Unsur terendah:          U8 Sarana dan prasarana (NRR 3,10)" in out
    assert "U4 (119), U5 (119), U9 (118)" in out


def test_peringatan_populasi():
    kode, out, _ = jalankan(SAMPEL, "--populasi", "1000")
    assert kode == 0
    assert "Peringatan: Jumlah responden 120 kurang dari sampel minimal 278" in out


def test_preset_2004_dengan_kolom_14(tmp_path):
    berkas = tmp_path / "lama.csv"
    judul = ",".join(f"U{i}" for i in range(1, 15))
    berkas.write_text(f"{judul}\n" + ",".join(["3"] * 14) + "\n", encoding="utf-8")
    kode, out, err = jalankan(berkas, "--preset", "kepmenpan-25-2004")
    assert kode == 0, err
    assert "IKM (× 25):              75,00" in out
    assert "Kinerja unit pelayanan:  Baik" in out


def test_masukan_buruk_keluar_2(tmp_path):
    kode, out, err = jalankan(SAMPEL, "--preset", "kepmenpan-25-2004")
    assert (kode, out) == (2, "")
    assert "kolom jawaban harus tepat U1…U14" in err
    kode, _, err = jalankan(tmp_path / "tidak-ada.csv")
    assert kode == 2 and "tidak ditemukan" in err
    berkas = tmp_path / "salah.csv"
    berkas.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,0,4,4,4,4\n", encoding="utf-8")
    kode, _, err = jalankan(berkas)
    assert kode == 2
    assert "baris 2, kolom U5: nilai '0' ditolak — jawaban harus 1, 2, 3 atau 4" in err
    assert "Traceback" not in err


def test_konsol_argumen_salah():
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli", "ikm", str(SAMPEL), "--populasi", "banyak"],
        capture_output=True,
        text=True,
        cwd=AKAR,
    )
    assert hasil.returncode == 2
    assert "opsi --populasi: 'banyak' bukan bilangan bulat positif" in hasil.stderr
