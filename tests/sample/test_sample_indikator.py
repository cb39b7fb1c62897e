"""The indicators of the Towuti 2024 sample: enums, owners, and the capaian they roll up to."""

from __future__ import annotations

import tomllib
from collections import Counter
from decimal import Decimal

import pytest

from tests.sample.files import DATA, dec, read

AGREGASI = {"jumlah", "terakhir", "rata-rata", "maksimum"}
MODE = {"per-triwulan", "kumulatif"}
SATUAN = {"Dokumen", "Laporan", "Orang", "Unit", "Paket", "Lembaga", "%", "Indeks"}


@pytest.fixture(scope="module")
def indikator() -> list[dict[str, str]]:
    return read("indikator.csv")


def test_indikator_enums_and_owners(indikator, kodes):
    with open(DATA / "unit.toml", "rb") as f:
        seksi = {s["nama"] for s in tomllib.load(f)["seksi"]}
    assert len(indikator) == 44
    for r in indikator:
        assert r["pemilik"] in {"sasaran:1", "sasaran:2"} or r["pemilik"] in kodes, r
        assert r["satuan"] in SATUAN, r
        assert r["polaritas"] in {"positif", "negatif"}
        assert r["agregasi"] in AGREGASI
        assert r["mode_target"] in MODE
        assert r["sumber_data"] == "" or r["sumber_data"] in seksi
        assert r["realisasi_dari"] == "" or r["realisasi_dari"] in kodes
        assert r["nama"] == " ".join(r["nama"].split())
        for q in range(1, 5):
            dec(r[f"target_tw{q}"])
            dec(r[f"realisasi_tw{q}"])
    owners = Counter(r["pemilik"] for r in indikator)
    assert max(owners.values()) == 1


def test_indikator_sasaran_rows(indikator):
    by = {r["pemilik"]: r for r in indikator}
    ikm = by["sasaran:1"]
    assert ikm["nama"] == "Indeks Kepuasan Masyarakat"
    assert (ikm["satuan"], ikm["agregasi"]) == ("Indeks", "terakhir")
    assert [ikm[f"realisasi_tw{q}"] for q in range(1, 5)] == ["81.74", "80.04", "82.31", "84.73"]
    s2 = by["sasaran:2"]
    assert s2["realisasi_dari"] == "7.01.01"
    assert s2["target_tw4"] == "100"
    assert all(s2[f"realisasi_tw{q}"] == "" for q in range(1, 5))
    assert [r["pemilik"] for r in indikator if r["realisasi_dari"]] == ["sasaran:2"]


def _ytd(values: list[str], agregasi: str) -> Decimal | None:
    stated = [Decimal(v) for v in values if v != ""]
    if not stated:
        return None
    if agregasi == "jumlah":
        return sum(stated, Decimal(0))
    if agregasi == "terakhir":
        return stated[-1]
    if agregasi == "maksimum":
        return max(stated)
    return sum(stated, Decimal(0)) / len(stated)


def _capaian(row: dict[str, str]) -> Decimal | None:
    t = _ytd([row[f"target_tw{q}"] for q in range(1, 5)], row["agregasi"])
    r = _ytd([row[f"realisasi_tw{q}"] for q in range(1, 5)], row["agregasi"])
    if t is None or r is None or t == 0:
        return None
    return r / t * 100


def test_program_penunjang_rolls_up_to_93_75(indikator, program):
    """Sasaran 2: 8 applicable kegiatan, one at 50, the rest at 100 -> 750/8 [#15]."""
    cap = {r["pemilik"]: _capaian(r) for r in indikator}
    kegiatan = [p["kode"] for p in program if p["induk"] == "7.01.01"]
    assert len(kegiatan) == 9
    values = {}
    for k in kegiatan:
        subs = [cap[p["kode"]] for p in program if p["induk"] == k and p["kode"] in cap]
        subs = [c for c in subs if c is not None]
        values[k] = sum(subs, Decimal(0)) / len(subs) if subs else None
    assert values["7.01.01.2.04"] is None  # Administrasi Pendapatan: not applicable
    assert values["7.01.01.2.07"] == 50
    applicable = [v for v in values.values() if v is not None]
    assert len(applicable) == 8
    assert sum(applicable) / len(applicable) == Decimal("93.75")
    assert cap["7.01.01.2.07.0001"] == 0
    sasaran2_subs = [k for k in cap if k.startswith("7.01.01.")]
    assert len(sasaran2_subs) == 23
    assert all(cap[k] == 100 for k in sasaran2_subs if k != "7.01.01.2.07.0001")


def test_sasaran_1_tree_capaian_is_100(indikator):
    for r in indikator:
        if r["pemilik"].startswith("7.01.0") and not r["pemilik"].startswith("7.01.01"):
            assert _capaian(r) == 100, r["pemilik"]
    ikm = next(r for r in indikator if r["pemilik"] == "sasaran:1")
    assert round(_capaian(ikm), 1) == Decimal("105.8")
