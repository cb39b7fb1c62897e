"""``kinerja impor`` and ``kinerja ekspor``: output, exit codes, files."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from kinerja.excel.template import template_xlsx

from .helpers import TABEL_III, edit, find_row, sipd_xlsx


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_impor_dry_run_of_the_unchanged_template(towuti, tmp_path):
    path = tmp_path / "towuti.xlsx"
    path.write_bytes(template_xlsx(towuti, 2024))
    code, out, _ = run("impor", str(path), "--unit", "towuti", "--coba")
    assert code == 0
    last = out.strip().splitlines()[-1]
    assert last.startswith("dibuat: 0, diubah: 0, tetap: ") and last.endswith(", galat: 0")


def test_impor_reports_errors_and_exits_1(towuti, tmp_path):
    data = template_xlsx(towuti, 2024)
    r = find_row(data, "Realisasi", Pemilik="7.01.01.2.01.0001", Triwulan=4)
    path = tmp_path / "salah.xlsx"
    path.write_bytes(edit(data, "Realisasi", {(r, "Realisasi"): "x"}))
    code, out, _ = run("impor", str(path), "--unit", "towuti", "--tahun", "2024")
    assert code == 1
    assert f"galat   lembar Realisasi, baris {r}, kolom F (Realisasi)" in out
    assert "tidak ada yang disimpan" in out
    assert out.strip().splitlines()[-1] == "dibuat: 0, diubah: 0, tetap: 485, galat: 1"


def test_impor_sipd_csv_and_xlsx_report_the_six_percentages(towuti, tmp_path):
    path = tmp_path / "tabel_iii.xlsx"
    path.write_bytes(sipd_xlsx())
    for source in (path, TABEL_III):
        code, out, _ = run("impor", str(source), "--unit", "towuti", "--coba")
        assert code == 1
        assert out.count("persen salah") == 6
        assert out.strip().splitlines()[-1] == "dibuat: 0, diubah: 0, tetap: 205, galat: 6"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"PK\x03\x04rusak", "tidak dapat dibaca sebagai buku kerja Excel"),
        (b"kode;uraian\n\xff\xfe\n", "bukan teks UTF-8"),
        (b"judul\nisi\n", "tidak memuat lembar templat Kinerja"),
    ],
)
def test_impor_unreadable_file_exits_2(towuti, tmp_path, content, message):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(content)
    code, out, err = run("impor", str(path), "--unit", "towuti", "--tahun", "2024")
    assert code == 2 and message in err and "Traceback" not in err + out


def test_impor_unknown_unit_and_missing_file(towuti, tmp_path):
    assert run("impor", str(tmp_path / "x.xlsx"), "--unit", "towuti")[0] == 2
    assert run("impor", str(TABEL_III), "--unit", "tidak-ada")[0] == 2


def test_ekspor_xlsx_csv_and_template(towuti, tmp_path):
    code, out, _ = run(
        "ekspor", "--unit", "towuti", "--tahun", "2024", "--keluaran", str(tmp_path), "--templat"
    )
    assert code == 0 and "towuti-2024.xlsx" in out
    wb = load_workbook(tmp_path / "towuti-2024.xlsx")
    assert wb.sheetnames == ["Capaian", "Anggaran", "Tindak lanjut", "IKM", "Rekap pemda"]
    assert (tmp_path / "towuti-2024-templat.xlsx").exists()
    run(
        "ekspor",
        "--unit",
        "towuti",
        "--tahun",
        "2024",
        "--keluaran",
        str(tmp_path),
        "--format",
        "csv",
        "--pemisah",
        ";",
    )
    raw = (tmp_path / "towuti-2024-anggaran.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfKode;Uraian;")
    assert ";Jumlah;;4094740600,00;3623393162,00;88,49\r\n" in raw.decode("utf-8-sig")
