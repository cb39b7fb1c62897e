"""Plain helpers that build real rows for tests (no mocks, no magic)."""

from __future__ import annotations

from decimal import Decimal

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.measurement.models import Realisasi
from kinerja.organisations.models import PemerintahDaerah, PerangkatDaerah, SkalaPredikat
from kinerja.planning.models import (
    Indikator,
    Kegiatan,
    Program,
    Renstra,
    Sasaran,
    SubKegiatan,
    TargetTriwulan,
    Tujuan,
)

TAHUN = 2024


def D(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def pemda(kode="contoh", skala="permendagri-86-2017", **settings) -> PemerintahDaerah:
    return PemerintahDaerah.objects.create(
        kode=kode,
        nama=f"Kabupaten {kode.title()}",
        jenis="kabupaten",
        skala_predikat=SkalaPredikat.objects.get(kode=skala),
        **settings,
    )


def unit(kode="kec-a", pemda_obj=None, **fields) -> PerangkatDaerah:
    return PerangkatDaerah.objects.create(
        pemda=pemda_obj or pemda(), kode=kode, nama=f"Kecamatan {kode}", jenis="kecamatan", **fields
    )


def sasaran(perangkat, nomor=1, teks="Meningkatnya pelayanan publik") -> Sasaran:
    renstra, _ = Renstra.objects.get_or_create(
        perangkat=perangkat, tahun_awal=2022, defaults={"tahun_akhir": 2026}
    )
    tujuan, _ = Tujuan.objects.get_or_create(renstra=renstra, nomor=1, defaults={"teks": "Tujuan"})
    return Sasaran.objects.create(tujuan=tujuan, nomor=nomor, teks=teks)


def program(perangkat, kode="7.01.01", sasaran_obj=None, nama="Program Penunjang") -> Program:
    return Program.objects.create(
        perangkat=perangkat, tahun=TAHUN, kode=kode, nama=nama, sasaran=sasaran_obj
    )


def kegiatan(program_obj, kode_suffix="2.01", nama="Kegiatan") -> Kegiatan:
    return Kegiatan.objects.create(
        program=program_obj, kode=f"{program_obj.kode}.{kode_suffix}", nama=nama
    )


def sub_kegiatan(kegiatan_obj, kode_suffix="0001", nama="Sub kegiatan") -> SubKegiatan:
    return SubKegiatan.objects.create(
        kegiatan=kegiatan_obj, kode=f"{kegiatan_obj.kode}.{kode_suffix}", nama=nama
    )


def indikator(owner, targets=(), realisasi=(), nama="Jumlah dokumen", **fields) -> Indikator:
    """An indicator with quarterly targets and realisasi (lists of 4, None = no value)."""
    field = {
        Sasaran: "sasaran",
        Program: "program",
        Kegiatan: "kegiatan",
        SubKegiatan: "sub_kegiatan",
    }[type(owner)]
    ind = Indikator.objects.create(**{field: owner}, nama=nama, satuan="Dokumen", **fields)
    for q, value in enumerate(targets, start=1):
        if value is not None:
            TargetTriwulan.objects.create(indikator=ind, tahun=TAHUN, triwulan=q, nilai=D(value))
    for q, value in enumerate(realisasi, start=1):
        if value is not None:
            Realisasi.objects.create(indikator=ind, tahun=TAHUN, triwulan=q, nilai=D(value))
    return ind


def belanja(sub, anggaran, realisasi_per_tw=None, uraian="Belanja Alat Tulis Kantor") -> Belanja:
    line = Belanja.objects.create(sub_kegiatan=sub, uraian=uraian, anggaran=D(anggaran))
    for q, value in (realisasi_per_tw or {}).items():
        RealisasiBelanja.objects.create(belanja=line, triwulan=q, nilai=D(value))
    return line
