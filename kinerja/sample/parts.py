"""The steps of the sample loader, one per table group (see ``loader.py``)."""

from __future__ import annotations

from decimal import Decimal

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.evaluation.models import TindakLanjut
from kinerja.measurement.models import Realisasi
from kinerja.organisations.models import (
    Fasilitas,
    JumlahPegawai,
    PemerintahDaerah,
    PerangkatDaerah,
    ProfilTahunan,
    Seksi,
    SkalaPredikat,
)
from kinerja.planning.models import (
    Indikator,
    IsuStrategis,
    Kegiatan,
    Misi,
    PerjanjianKinerja,
    PerjanjianKinerjaIndikator,
    Program,
    Renstra,
    Rpjmd,
    Sasaran,
    SubKegiatan,
    TargetTahunan,
    TargetTriwulan,
    Tujuan,
)
from kinerja.rules import to_decimal
from kinerja.sample.upsert import Upserter

QUARTERS = (1, 2, 3, 4)


def number(text: str) -> Decimal | None:
    return to_decimal(text) if text else None


def load_unit(upsert: Upserter, unit: dict) -> PerangkatDaerah:
    p, u = unit["pemda"], unit["unit"]
    pemda = upsert(
        PemerintahDaerah,
        {"kode": p["kode"]},
        nama=p["nama"],
        jenis=p["jenis"],
        rumus_negatif=p["rumus_negatif"],
        aturan_rollup=p["aturan_rollup"],
        skala_predikat=SkalaPredikat.objects.get(kode=p["skala_predikat"]),
    )
    perangkat = upsert(
        PerangkatDaerah,
        {"kode": u["kode"]},
        pemda=pemda,
        nama=u["nama"],
        jenis=u["jenis"],
        ibu_kota=u.get("ibu_kota", ""),
        tempat_laporan=u.get("tempat_laporan", ""),
        kepala_nama=u.get("kepala_nama", ""),
        kepala_nip=u.get("kepala_nip", ""),
        kepala_jabatan=u.get("kepala_jabatan", ""),
        tugas_fungsi="\n".join(t["teks"] for t in unit.get("tugas_fungsi", [])),
    )
    for i, seksi in enumerate(unit.get("seksi", []), start=1):
        upsert(Seksi, {"perangkat": perangkat, "nama": seksi["nama"]}, urutan=i)
    return perangkat


def load_profile(upsert: Upserter, perangkat, unit: dict, pegawai: list[dict]) -> None:
    p = unit["profil"]
    tahun = int(p["tahun"])
    profil = upsert(
        ProfilTahunan,
        {"perangkat": perangkat, "tahun": tahun},
        luas_wilayah_km2=p.get("luas_wilayah_km2"),
        luas_daratan_km2=p.get("luas_daratan_km2"),
        luas_perairan_km2=p.get("luas_danau_km2"),
        jumlah_desa=p.get("jumlah_desa"),
        jumlah_dusun=p.get("jumlah_dusun"),
        jumlah_rt=p.get("jumlah_rt"),
        penduduk_laki_laki=p.get("penduduk_laki_laki"),
        penduduk_perempuan=p.get("penduduk_perempuan"),
        letak_lintang=p.get("lintang", ""),
        letak_bujur=p.get("bujur", ""),
        daftar_desa="\n".join(p.get("daftar_desa", [])),
        catatan="\n".join(p.get("catatan", [])),
    )
    for i, f in enumerate(p.get("fasilitas", []), start=1):
        upsert(
            Fasilitas,
            {"profil": profil, "nama": f["nama"]},
            kategori=f["kategori"],
            jumlah=int(f["jumlah"]),
            urutan=i,
        )
    rows: dict[tuple[str, str], int] = {}
    columns: dict[tuple[str, str], int] = {}
    for cell in pegawai:
        t = cell["tabel"]
        rows.setdefault((t, cell["baris"]), len(rows))
        columns.setdefault((t, cell["kolom"]), len(columns))
        upsert(
            JumlahPegawai,
            {
                "perangkat": perangkat,
                "tahun": tahun,
                "tabel": t,
                "baris": cell["baris"],
                "kolom": cell["kolom"],
                "jenis_kelamin": cell["jenis_kelamin"],
            },
            jumlah=int(cell["jumlah"]) if cell["jumlah"] else None,
            urutan_baris=rows[(t, cell["baris"])],
            urutan_kolom=columns[(t, cell["kolom"])],
        )
    for i, isu in enumerate(unit.get("isu_strategis", []), start=1):
        upsert(
            IsuStrategis, {"perangkat": perangkat, "tahun": tahun, "urutan": i}, teks=isu["teks"]
        )


def load_strategy(upsert: Upserter, perangkat, unit: dict, renstra_rows: list[dict]) -> dict:
    """RPJMD, Renstra, tujuan and sasaran with their indicators; returns sasaran by nomor.

    A sasaran indicator appears again in ``indikator.csv`` (its quarters); its note there is
    joined to the Renstra note, kept in ``sasaran[nomor].renstra_notes``.
    """
    r = unit["rpjmd"]
    rpjmd = upsert(
        Rpjmd,
        {"pemda": perangkat.pemda, "tahun_awal": r["tahun_awal"]},
        tahun_akhir=r["tahun_akhir"],
        visi=r["visi"],
        peraturan=r.get("peraturan", ""),
    )
    for misi in r.get("misi", []):
        upsert(Misi, {"rpjmd": rpjmd, "nomor": misi["nomor"]}, teks=misi["teks"])
    s = unit["renstra"]
    renstra = upsert(
        Renstra,
        {"perangkat": perangkat, "tahun_awal": s["tahun_awal"]},
        tahun_akhir=s["tahun_akhir"],
    )
    tujuan: dict[str, Tujuan] = {}
    sasaran: dict[str, Sasaran] = {}
    years = [k for k in renstra_rows[0] if k.startswith("target_")] if renstra_rows else []
    for row in renstra_rows:
        if row["jenis"] == "tujuan":
            owner = tujuan[row["nomor"]] = upsert(
                Tujuan, {"renstra": renstra, "nomor": int(row["nomor"])}, teks=row["teks"]
            )
            key = {"tujuan": owner}
        else:
            owner = sasaran[row["nomor"]] = upsert(
                Sasaran,
                {"tujuan": tujuan[row["tujuan_nomor"]], "nomor": int(row["nomor"])},
                teks=row["teks"],
            )
            key = {"sasaran": owner}
            owner.renstra_notes = {row["indikator"]: row["catatan"]}
        if not row["indikator"]:
            continue
        note = {} if "sasaran" in key else {"catatan": row["catatan"]}
        indikator = upsert(
            Indikator,
            {**key, "nama": row["indikator"]},
            satuan=row["satuan"],
            polaritas=row["polaritas"] or "positif",
            iku=row["iku"] == "ya",
            kondisi_awal=number(row["kondisi_awal"]),
            kondisi_akhir=number(row["kondisi_akhir"]),
            **note,
        )
        for column in years:
            if row[column]:
                upsert(
                    TargetTahunan,
                    {"indikator": indikator, "tahun": int(column[7:])},
                    nilai=number(row[column]),
                )
    return sasaran


def load_program_tree(upsert, perangkat, tahun: int, rows: list[dict], sasaran: dict) -> dict:
    """Program → kegiatan → sub kegiatan; returns every node by its full kode."""
    nodes: dict[str, object] = {}
    for i, row in enumerate(rows, start=1):
        common = {"nama": row["nama"], "urutan": i, "catatan": row["catatan"]}
        if row["level"] == "program":
            nodes[row["kode"]] = upsert(
                Program,
                {"perangkat": perangkat, "tahun": tahun, "kode": row["kode"]},
                sasaran=sasaran.get(row["sasaran_nomor"]),
                **common,
            )
        elif row["level"] == "kegiatan":
            nodes[row["kode"]] = upsert(
                Kegiatan, {"program": nodes[row["induk"]], "kode": row["kode"]}, **common
            )
        else:
            nodes[row["kode"]] = upsert(
                SubKegiatan, {"kegiatan": nodes[row["induk"]], "kode": row["kode"]}, **common
            )
    return nodes


def _owner_key(pemilik: str, tree: dict, sasaran: dict) -> dict:
    if pemilik.startswith("sasaran:"):
        return {"sasaran": sasaran[pemilik.split(":", 1)[1]]}
    node = tree[pemilik]
    field = {Program: "program", Kegiatan: "kegiatan", SubKegiatan: "sub_kegiatan"}[type(node)]
    return {field: node}


def load_indicators(upsert, tahun: int, rows: list[dict], tree: dict, sasaran: dict) -> None:
    for i, row in enumerate(rows, start=1):
        owner = _owner_key(row["pemilik"], tree, sasaran)
        notes = getattr(owner.get("sasaran"), "renstra_notes", {}).get(row["nama"], "")
        indikator = upsert(
            Indikator,
            {**owner, "nama": row["nama"]},
            satuan=row["satuan"],
            polaritas=row["polaritas"] or "positif",
            agregasi=row["agregasi"],
            mode_target=row["mode_target"] or "per-triwulan",
            realisasi_dari=tree.get(row["realisasi_dari"]) if row["realisasi_dari"] else None,
            sumber_data=Seksi.objects.filter(nama=row["sumber_data"]).first()
            if row["sumber_data"]
            else None,
            urutan=i,
            catatan="\n".join(n for n in (notes, row["catatan"]) if n),
        )
        analysis = {k: row.get(k, "") for k in ("faktor_pendukung", "faktor_penghambat", "solusi")}
        last = max((q for q in QUARTERS if row[f"realisasi_tw{q}"]), default=4)
        for q in QUARTERS:
            if row[f"target_tw{q}"]:
                upsert(
                    TargetTriwulan,
                    {"indikator": indikator, "tahun": tahun, "triwulan": q},
                    nilai=number(row[f"target_tw{q}"]),
                    nilai_atas=None,
                )
            if row[f"realisasi_tw{q}"] or (q == last and any(analysis.values())):
                upsert(
                    Realisasi,
                    {"indikator": indikator, "tahun": tahun, "triwulan": q},
                    nilai=number(row[f"realisasi_tw{q}"]),
                    **(analysis if q == last else {}),
                )


def load_perjanjian(upsert, perangkat, rows: list[dict], sasaran: dict) -> None:
    for i, row in enumerate(rows, start=1):
        pk = upsert(PerjanjianKinerja, {"perangkat": perangkat, "tahun": int(row["tahun"])})
        indikator = Indikator.objects.get(
            sasaran=sasaran[row["sasaran_nomor"]], nama=row["indikator"]
        )
        upsert(
            PerjanjianKinerjaIndikator,
            {"perjanjian": pk, "indikator": indikator},
            target=number(row["target"]),
            urutan=i,
        )


def load_budget(upsert, rows: list[dict], tree: dict) -> None:
    for row in rows:
        belanja = upsert(
            Belanja,
            {"sub_kegiatan": tree[row["sub_kegiatan"]], "urutan": int(row["urutan"])},
            kode_rekening=row["kode_rekening"],
            uraian=row["uraian"],
            anggaran=number(row["anggaran"]),
            catatan=row["catatan"],
        )
        if row["realisasi"]:
            upsert(
                RealisasiBelanja,
                {"belanja": belanja, "triwulan": 4},
                nilai=number(row["realisasi"]),
            )


def load_tindak_lanjut(upsert, perangkat, rows: list[dict]) -> None:
    for row in rows:
        upsert(
            TindakLanjut,
            {
                "perangkat": perangkat,
                "tahun": int(row["tahun"]),
                "triwulan": int(row["triwulan"]) if row["triwulan"] else None,
                "nomor": int(row["nomor"]),
            },
            rekomendasi=row["rekomendasi"],
            rencana_aksi=row["rencana_aksi"],
            status=row["status"],
            progres=row["progres"],
        )
