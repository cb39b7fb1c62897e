"""Surveys, questionnaire snapshots, the public-form entry point and the IKU feed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja.measurement.lock import TriwulanTerkunci
from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.rules import ikm
from kinerja.survey.domain import (
    ResponDuplikat,
    buat_survei,
    feed_iku,
    indikator_iku,
    simpan_kuesioner,
    submit_response,
)
from kinerja.survey.hasil import hasil
from kinerja.survey.models import Jawaban, Kuesioner, Layanan, Responden
from tests import factories

pytestmark = pytest.mark.django_db

PROFIL = {
    "jenis_kelamin": "P",
    "usia": "34",
    "pendidikan": "SMA",
    "pekerjaan": "Petani",
    "jenis_layanan": "Surat keterangan",
    "saran": "Ruang tunggu perlu kursi.",
}


def test_snapshot_kuesioner_sekali_dan_beku(survei):
    assert survei.kuesioner.preset == "permenpanrb-14-2017"
    assert simpan_kuesioner("permenpanrb-14-2017") == survei.kuesioner
    assert Kuesioner.objects.count() == 1
    assert survei.kuesioner.to_rules() == ikm.kuesioner_preset("permenpanrb-14-2017")
    survei.kuesioner.definisi["unsur"][0]["nama"] = "Diubah"
    with pytest.raises(ValidationError, match="sudah dipakai survei"):
        survei.kuesioner.save()


def test_preset_diubah_membuat_snapshot_baru_survei_lama_tetap(unit, survei):
    submit_response(survei, [4] * 9)
    lama = hasil(survei).ikm
    k = ikm.kuesioner_preset("permenpanrb-14-2017")
    baru = ikm.Kuesioner(k.key, k.nama, k.unsur, k.pita, sumber="edisi revisi")
    survei2 = buat_survei(unit, 2025, 1, kuesioner=baru)
    assert survei2.kuesioner != survei.kuesioner
    survei.refresh_from_db()
    assert hasil(survei).ikm.kuesioner == lama.kuesioner


def test_survei_ganda_ditolak(unit, survei):
    with pytest.raises(ValidationError, match="sudah ada"):
        buat_survei(unit, 2024, 4)
    layanan = Layanan.objects.create(perangkat=unit, nama="KTP-el")
    buat_survei(unit, 2024, 4, layanan=layanan)
    lain = factories.unit("kec-b", pemda_obj=unit.pemda)
    with pytest.raises(ValidationError, match="bukan layanan"):
        buat_survei(lain, 2024, 4, layanan=layanan)


def test_submit_response_menyimpan_profil_dan_jawaban(survei):
    r = submit_response(survei, {i: 3 for i in range(1, 10)}, profil=PROFIL)
    assert (r.jenis_kelamin, r.usia, r.pendidikan) == ("P", 34, "SMA")
    assert (r.pekerjaan, r.pekerjaan_lainnya) == ("LAINNYA", "Petani")
    assert r.sumber == Responden.Sumber.DARING
    assert sorted(r.jawaban.values_list("unsur", "nilai")) == [(i, 3) for i in range(1, 10)]


def test_submit_response_galat_per_kolom(survei):
    with pytest.raises(ValidationError) as info:
        submit_response(
            survei,
            [4, 5, None, 4, 4, 4, 4, 4, 4],
            profil={"jenis_kelamin": "X", "usia": "tiga puluh", "pendidikan": "TK"},
        )
    galat = info.value.message_dict
    assert galat["U2"] == ["jawaban '5' tidak sah; pilih 1 sampai 4"]
    assert galat["U3"] == ["wajib dijawab"]
    assert "L (laki-laki) atau P" in galat["jenis_kelamin"][0]
    assert "usia" in galat and "pendidikan" in galat
    assert Responden.objects.count() == 0


def test_submit_response_boleh_kosong_dan_unsur_asing(survei):
    r = submit_response(survei, [4, None, 3], boleh_kosong=True)
    assert r.jawaban.count() == 2
    with pytest.raises(ValidationError, match="unsur tidak dikenal: 12"):
        submit_response(survei, {1: 4, 12: 4}, boleh_kosong=True)
    with pytest.raises(ValidationError, match="belum ada satu pun jawaban"):
        submit_response(survei, [], boleh_kosong=True)


def test_duplikat_kode_sekali_dan_sidik_klien(survei):
    submit_response(survei, [4] * 9, kode_sekali="A1B2")
    with pytest.raises(ResponDuplikat, match="sudah dipakai"):
        submit_response(survei, [3] * 9, kode_sekali="A1B2")
    submit_response(survei, [4] * 9, sidik_klien="token-peramban-1")
    with pytest.raises(ResponDuplikat, match="sudah mengisi"):
        submit_response(survei, [4] * 9, sidik_klien="token-peramban-1")
    r = Responden.objects.exclude(sidik_klien="").get()
    assert "token-peramban-1" not in r.sidik_klien and len(r.sidik_klien) == 64
    Responden.objects.filter(pk=r.pk).update(dibuat=r.dibuat - timedelta(hours=25))
    submit_response(survei, [4] * 9, sidik_klien="token-peramban-1")  # outside the window
    assert Responden.objects.count() == 3


def test_survei_ditutup_atau_triwulan_terkunci(unit, survei):
    survei.dibuka = False
    with pytest.raises(ValidationError, match="sudah ditutup"):
        submit_response(survei, [4] * 9)
    survei.dibuka = True
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=4, status="terkunci")
    with pytest.raises(TriwulanTerkunci):
        submit_response(survei, [4] * 9)


def test_check_constraint_basis_data_menolak_nilai_lima(survei):
    r = submit_response(survei, [4] * 9)
    with pytest.raises(IntegrityError), transaction.atomic():
        Jawaban.objects.filter(responden=r, unsur=1).update(nilai=5)


def test_hasil_profil_saran_dan_peringatan(survei):
    submit_response(survei, [4] * 9, profil=PROFIL)
    submit_response(survei, [3] * 8 + [None], profil={"jenis_kelamin": "L"}, boleh_kosong=True)
    h = hasil(survei)
    assert h.responden == 2
    assert [u.responden for u in h.ikm.unsur][-2:] == [2, 1]
    assert h.ikm.ikm_tepat == Fraction(8 * 35 + 40, 10 * 9) * 25  # (8 × 3,5 + 4) / 9 × 25
    assert h.profil["Jenis kelamin"] == [("Laki-laki", 1), ("Perempuan", 1)]
    assert h.profil["Usia"][1:3] == [("20–29 tahun", 0), ("30–39 tahun", 1)]
    assert h.profil["Usia"][-1] == ("Tidak diisi", 1)
    assert ("Lainnya", 1) in h.profil["Pekerjaan"]
    assert h.saran == ["Ruang tunggu perlu kursi."]
    assert h.sampel_minimal == 132
    assert "kurang dari sampel minimal 132 untuk populasi 200" in h.peringatan


def test_feed_iku_mengisi_realisasi_dan_tautan(unit, iku, survei):
    submit_response(survei, [4] * 9)
    submit_response(survei, [3] * 9)
    submit_response(survei, [3] * 8 + [4])  # IKM = 25 × (10/3 + 1/27) = 84,259…
    realisasi = feed_iku(survei)
    assert realisasi.indikator == iku
    assert (realisasi.tahun, realisasi.triwulan, realisasi.nilai) == (2024, 4, Decimal("84.26"))
    survei.refresh_from_db()
    assert survei.realisasi == realisasi
    submit_response(survei, [4] * 9)
    assert feed_iku(survei).pk == realisasi.pk  # same quarter: updated, not duplicated
    # U1–U8: 14/4, U9: 15/4 → (8 × 3,5 + 3,75) / 9 × 25 = 88,194…
    assert Realisasi.objects.get(pk=realisasi.pk).nilai == Decimal("88.19")


def test_feed_iku_menghormati_kunci_dan_aturan(unit, iku, survei):
    with pytest.raises(ValidationError, match="belum dapat dihitung: belum ada jawaban"):
        feed_iku(survei)
    submit_response(survei, [4] * 9)
    layanan = Layanan.objects.create(perangkat=unit, nama="KTP-el")
    per_layanan = buat_survei(unit, 2024, 4, layanan=layanan)
    with pytest.raises(ValidationError, match="Survei per layanan"):
        feed_iku(per_layanan)
    StatusTriwulan.objects.create(perangkat=unit, tahun=2024, triwulan=4, status="diajukan")
    with pytest.raises(TriwulanTerkunci):
        feed_iku(survei)
    assert not Realisasi.objects.filter(indikator=iku).exists()


def test_indikator_iku_tidak_ada_atau_di_luar_renstra(unit, iku):
    with pytest.raises(ValidationError, match="pada Renstra yang mencakup tahun 2030"):
        indikator_iku(unit, 2030)
    lain = factories.unit("kec-c", pemda_obj=unit.pemda)
    with pytest.raises(ValidationError, match="tidak memiliki indikator IKU"):
        indikator_iku(lain, 2024)
    iku.iku = False
    iku.save()
    with pytest.raises(ValidationError):
        indikator_iku(unit, 2024)
