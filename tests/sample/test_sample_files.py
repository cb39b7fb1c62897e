"""Shape and arithmetic checks of the Towuti 2024 sample data files.

Plain pytest: no database, no Django. The files are read from the source tree, so these
tests also guard the sample against accidental edits. The indicators have their own file
(test_sample_indikator.py).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from decimal import Decimal

import pytest

from tests.sample.files import DATA, INDONESIAN, dec, header, read

# ----------------------------------------------------------------------------- headers

EXPECTED_HEADERS = {
    "renstra.csv": [
        "jenis",
        "nomor",
        "tujuan_nomor",
        "teks",
        "indikator",
        "satuan",
        "polaritas",
        "iku",
        "kondisi_awal",
        "target_2022",
        "target_2023",
        "target_2024",
        "target_2025",
        "target_2026",
        "kondisi_akhir",
        "catatan",
    ],
    "perjanjian_kinerja.csv": ["tahun", "sasaran_nomor", "indikator", "target"],
    "program.csv": [
        "level",
        "kode",
        "induk",
        "nama",
        "nama_kinerja",
        "sasaran_nomor",
        "catatan",
    ],
    "indikator.csv": [
        "pemilik",
        "nama",
        "satuan",
        "polaritas",
        "agregasi",
        "mode_target",
        "sumber_data",
        "realisasi_dari",
        "target_tw1",
        "target_tw2",
        "target_tw3",
        "target_tw4",
        "realisasi_tw1",
        "realisasi_tw2",
        "realisasi_tw3",
        "realisasi_tw4",
        "faktor_pendukung",
        "faktor_penghambat",
        "solusi",
        "catatan",
    ],
    "belanja.csv": [
        "sub_kegiatan",
        "urutan",
        "kode_rekening",
        "uraian",
        "anggaran",
        "realisasi",
        "catatan",
    ],
    "tabel_iii.csv": ["level", "kode", "uraian", "anggaran", "realisasi", "persen"],
    "tabel_3_1.csv": ["no", "sasaran", "indikator", "target", "realisasi", "capaian"],
    "pegawai.csv": ["tabel", "baris", "kolom", "jenis_kelamin", "jumlah"],
    "pegawai_tercetak.csv": ["tabel", "baris", "kolom", "jenis_kelamin", "jumlah"],
    "tindak_lanjut.csv": [
        "nomor",
        "rekomendasi",
        "rencana_aksi",
        "status",
        "progres",
        "tahun",
        "triwulan",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_HEADERS))
def test_csv_header(name):
    assert header(name) == EXPECTED_HEADERS[name]


def test_readme_and_inconsistencies_present():
    assert (DATA / "README.md").read_text(encoding="utf-8").strip()
    text = (DATA / "inconsistencies.md").read_text(encoding="utf-8")
    for n in range(1, 55):
        assert re.search(rf"^{n}\. ", text, re.MULTILINE), f"item {n} missing"


# ----------------------------------------------------------------------------- unit.toml


def test_unit_toml():
    with open(DATA / "unit.toml", "rb") as f:
        unit = tomllib.load(f)
    assert unit["pemda"]["kode"] == "luwu-timur"
    assert unit["unit"]["kode"] == "towuti"
    assert str(unit["unit"]["tanggal_laporan"]) == "2025-01-20"
    assert unit["unit"]["kepala_jabatan"] == "Camat Towuti"
    assert len(unit["seksi"]) == 5
    assert [m["nomor"] for m in unit["rpjmd"]["misi"]] == [1, 2, 3, 4, 5, 6]
    assert (unit["renstra"]["tahun_awal"], unit["renstra"]["tahun_akhir"]) == (2022, 2026)
    profil = unit["profil"]
    assert len(profil["daftar_desa"]) == profil["jumlah_desa"] == 18
    assert unit["unit"]["ibu_kota"] in profil["daftar_desa"]
    # corrected figures [#40, #41]
    assert profil["penduduk_laki_laki"] + profil["penduduk_perempuan"] == 43870
    land = Decimal(str(profil["luas_daratan_km2"])) + Decimal(str(profil["luas_danau_km2"]))
    assert land == Decimal(str(profil["luas_wilayah_km2"]))
    assert len(profil["fasilitas"]) == 10
    assert {f["kategori"] for f in profil["fasilitas"]} == {"pendidikan", "kesehatan"}
    assert unit["isu_strategis"] and all(i["teks"] for i in unit["isu_strategis"])


# ----------------------------------------------------------------------------- program tree


def test_program_tree_counts_and_unique_kode(program, kodes):
    assert Counter(p["level"] for p in program) == {
        "program": 6,
        "kegiatan": 15,
        "sub_kegiatan": 33,
    }
    assert len(kodes) == len(program) == 54


def test_program_tree_parents_and_code_shape(program, kodes):
    level_of = {p["kode"]: p["level"] for p in program}
    shape = {
        "program": re.compile(r"7\.01\.\d{2}"),
        "kegiatan": re.compile(r"7\.01\.\d{2}\.2\.\d{2}"),
        "sub_kegiatan": re.compile(r"7\.01\.\d{2}\.2\.\d{2}\.\d{4}"),
    }
    parent_level = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
    for p in program:
        assert shape[p["level"]].fullmatch(p["kode"]), p["kode"]
        assert p["nama"] and p["nama"] == " ".join(p["nama"].split())
        if p["level"] == "program":
            assert p["induk"] == ""
            assert p["sasaran_nomor"] in {"1", "2"}
        else:
            assert p["induk"] in kodes, p["kode"]
            assert level_of[p["induk"]] == parent_level[p["level"]]
            assert p["kode"].startswith(p["induk"] + ".")
            assert p["sasaran_nomor"] == ""
    sasaran = {p["kode"]: p["sasaran_nomor"] for p in program if p["level"] == "program"}
    assert sasaran.pop("7.01.01") == "2"
    assert set(sasaran.values()) == {"1"}


# ----------------------------------------------------------------------------- budget


def test_belanja_rows_and_totals(kodes):
    rows = read("belanja.csv")
    assert len(rows) == 156
    assert sum(dec(r["anggaran"]) for r in rows) == Decimal("4094740600.00")
    assert sum(dec(r["realisasi"]) or Decimal(0) for r in rows) == Decimal("3623393162.00")
    for r in rows:
        assert r["sub_kegiatan"] in kodes
        assert r["kode_rekening"] == ""
    # urutan numbers 1..n within each sub kegiatan
    seen: dict[str, list[int]] = {}
    for r in rows:
        seen.setdefault(r["sub_kegiatan"], []).append(int(r["urutan"]))
    for sub, nums in seen.items():
        assert nums == list(range(1, len(nums) + 1)), sub
    # every sub kegiatan of the tree has at least one belanja line
    subs = {k for k in kodes if k.count(".") == 5}
    assert set(seen) == subs
    # 9 empty realisasi cells, empty is not zero [#7]
    assert sum(r["realisasi"] == "" for r in rows) == 9


def _id_to_decimal(text: str) -> Decimal:
    assert INDONESIAN.fullmatch(text), text
    return Decimal(text.replace(".", "").replace(",", "."))


def test_tabel_iii_as_printed():
    rows = read("tabel_iii.csv")
    assert len(rows) == 211
    assert Counter(r["level"] for r in rows) == {
        "total": 1,
        "program": 6,
        "kegiatan": 15,
        "sub_kegiatan": 33,
        "belanja": 156,
    }
    total = rows[0]
    assert (total["kode"], total["anggaran"], total["realisasi"], total["persen"]) == (
        "5,2",
        "4.094.740.600,00",
        "3.623.393.162,00",
        "88,49",
    )
    for r in rows:
        for col in ("anggaran", "realisasi", "persen"):
            v = r[col]
            if v == "" or v == "#DIV/0!":
                continue
            _id_to_decimal(v)
    # the sums hold in the printed table [#1]
    belanja = [r for r in rows if r["level"] == "belanja"]
    assert sum(_id_to_decimal(r["anggaran"]) for r in belanja) == Decimal("4094740600.00")
    printed_pct = [r["persen"] for r in rows]
    assert printed_pct.count("#DIV/0!") == 9


def test_tabel_iii_matches_belanja():
    printed = [r for r in read("tabel_iii.csv") if r["level"] == "belanja"]
    machine = read("belanja.csv")
    for p, m in zip(printed, machine, strict=True):
        assert " ".join(p["uraian"].split()) == m["uraian"]
        assert _id_to_decimal(p["anggaran"]) == dec(m["anggaran"])
        if m["realisasi"] == "":
            assert p["realisasi"] == ""
        else:
            assert _id_to_decimal(p["realisasi"]) == dec(m["realisasi"])


# ----------------------------------------------------------------------------- planning


def test_renstra_and_pk():
    ren = read("renstra.csv")
    assert [(r["jenis"], r["nomor"]) for r in ren] == [
        ("tujuan", "1"),
        ("sasaran", "1"),
        ("tujuan", "2"),
        ("sasaran", "2"),
    ]
    assert [r["iku"] for r in ren] == ["tidak", "ya", "tidak", "tidak"]
    for r in ren:
        for col in (
            "kondisi_awal",
            "target_2022",
            "target_2023",
            "target_2024",
            "target_2025",
            "target_2026",
            "kondisi_akhir",
        ):
            assert dec(r[col]) is not None
    pk = read("perjanjian_kinerja.csv")
    assert [(p["sasaran_nomor"], p["target"]) for p in pk] == [("1", "80.1"), ("2", "100")]
    sasaran = [r for r in ren if r["jenis"] == "sasaran"]
    assert [p["indikator"] for p in pk] == [r["indikator"] for r in sasaran]
    t31 = read("tabel_3_1.csv")
    assert [(t["target"], t["realisasi"], t["capaian"]) for t in t31] == [
        ("80,1", "84,73", "105,8"),
        ("100", "93,75", "93,75"),
    ]


# ----------------------------------------------------------------------------- staff


def test_pegawai_computed_vs_printed_totals():
    cells = read("pegawai.csv")
    printed = read("pegawai_tercetak.csv")
    assert {c["tabel"] for c in cells} == {"golongan", "eselon", "diklat"}
    assert all(c["baris"] != "JUMLAH" and c["kolom"].upper() != "TOTAL" for c in cells)
    assert all(c["jenis_kelamin"] in {"L", "P"} for c in cells)
    total_col = {"golongan": "TOTAL", "eselon": "TOTAL", "diklat": "Total"}

    def computed(tabel: str, baris: str, kolom: str, jk: str) -> int:
        return sum(
            int(c["jumlah"] or 0)
            for c in cells
            if c["tabel"] == tabel
            and c["jenis_kelamin"] == jk
            and (baris == "JUMLAH" or c["baris"] == baris)
            and (kolom == total_col[tabel] or c["kolom"] == kolom)
        )

    mismatches = set()
    for p in printed:
        assert p["baris"] == "JUMLAH" or p["kolom"] == total_col[p["tabel"]]
        if p["jumlah"] == "":
            continue
        got = computed(p["tabel"], p["baris"], p["kolom"], p["jenis_kelamin"])
        if got != int(p["jumlah"]):
            mismatches.add(
                (p["tabel"], p["baris"], p["kolom"], p["jenis_kelamin"], int(p["jumlah"]), got)
            )
    assert mismatches == {
        ("golongan", "JUMLAH", "SLTA/ SEDERAJAT", "L", 1, 3),  # [#42]
        ("diklat", "JUMLAH", "Diklatpim IV", "P", 3, 4),  # [#43]
    }
    assert computed("golongan", "JUMLAH", "TOTAL", "L") == 10
    assert computed("golongan", "JUMLAH", "TOTAL", "P") == 22
    assert (
        computed("eselon", "JUMLAH", "TOTAL", "L") + computed("eselon", "JUMLAH", "TOTAL", "P") == 8
    )


# ----------------------------------------------------------------------------- follow-up


def test_tindak_lanjut():
    rows = read("tindak_lanjut.csv")
    assert [r["nomor"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert all(r["status"] in {"selesai", "proses", "belum"} for r in rows)
    assert all((r["tahun"], r["triwulan"]) == ("2024", "3") for r in rows)
    assert Counter(r["status"] for r in rows) == {"belum": 3, "selesai": 2, "proses": 1}


def test_the_follow_up_matrix_cites_permenpanrb_53_of_2014():
    """The Inspektorat's row 4 printed "Tahun 2024" [#52]; the report cites 2014 elsewhere."""
    row = read("tindak_lanjut.csv")[3]
    assert "Permenpan Nomor 53 Tahun 2014" in row["rekomendasi"]
    assert "53 Tahun 2014" in row["rencana_aksi"]
    assert "Tahun 2024" not in row["rekomendasi"] + row["rencana_aksi"]
