"""Pemerintah daerah → perangkat daerah → seksi, with the settings each pemda chooses."""

from __future__ import annotations

from django.core.validators import FileExtensionValidator
from django.db import models

from kinerja import rules


class PemerintahDaerah(models.Model):
    class Jenis(models.TextChoices):
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"
        PROVINSI = "provinsi", "Provinsi"

    kode = models.SlugField("kode", max_length=60, unique=True)
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    # Settings: the rules that differ between regions are data, never constants in code.
    rumus_negatif = models.CharField(
        "rumus capaian polaritas negatif",
        max_length=10,
        choices=[(r.value, r.value) for r in rules.RumusNegatif],
        default=rules.RumusNegatif.DUA_T_KURANG_R.value,
    )
    aturan_rollup = models.CharField(
        "aturan rata-rata capaian",
        max_length=20,
        choices=[
            (rules.AturanRollup.RATA_RATA.value, "Rata-rata sederhana"),
            (rules.AturanRollup.BOBOT_ANGGARAN.value, "Rata-rata berbobot anggaran"),
        ],
        default=rules.AturanRollup.RATA_RATA.value,
    )
    skala_predikat = models.ForeignKey(
        "organisations.SkalaPredikat", models.PROTECT, verbose_name="skala predikat"
    )
    batas_capaian = models.DecimalField(
        "batas atas capaian (%)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Kosong: capaian tidak dibatasi.",
    )
    logo = models.FileField(
        "logo daerah (PNG atau JPEG)",
        upload_to="logo/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"])],
        help_text="Tampil di sampul laporan dan kop Perjanjian Kinerja.",
    )

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class PerangkatDaerah(models.Model):
    class Jenis(models.TextChoices):
        KECAMATAN = "kecamatan", "Kecamatan"
        KELURAHAN = "kelurahan", "Kelurahan"
        DINAS = "dinas", "Dinas"
        BADAN = "badan", "Badan"
        SEKRETARIAT = "sekretariat", "Sekretariat"
        INSPEKTORAT = "inspektorat", "Inspektorat"
        KANTOR = "kantor", "Kantor"
        LAINNYA = "lainnya", "Lainnya"

    pemda = models.ForeignKey(
        PemerintahDaerah, models.PROTECT, related_name="perangkat", verbose_name="pemerintah daerah"
    )
    kode = models.SlugField(
        "kode singkat", max_length=60, unique=True, help_text="Dipakai di perintah, mis. towuti."
    )
    nama = models.CharField("nama", max_length=200)
    jenis = models.CharField("jenis", max_length=20, choices=Jenis.choices)
    alamat = models.CharField("alamat", max_length=300, blank=True)
    ibu_kota = models.CharField("ibu kota/kedudukan", max_length=200, blank=True)
    tempat_laporan = models.CharField("tempat penandatanganan laporan", max_length=100, blank=True)
    kepala_nama = models.CharField("nama kepala", max_length=200, blank=True)
    kepala_nip = models.CharField("NIP kepala", max_length=30, blank=True)
    kepala_jabatan = models.CharField("jabatan kepala", max_length=200, blank=True)
    kepala_pangkat = models.CharField("pangkat/golongan kepala", max_length=100, blank=True)
    tugas_fungsi = models.TextField("tugas dan fungsi (satu per baris)", blank=True)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["pemda", "nama"]

    def __str__(self) -> str:
        return self.nama


class Seksi(models.Model):
    perangkat = models.ForeignKey(
        PerangkatDaerah, models.CASCADE, related_name="seksi", verbose_name="perangkat daerah"
    )
    nama = models.CharField("nama", max_length=200)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "seksi/bidang"
        verbose_name_plural = "seksi/bidang"
        ordering = ["perangkat", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat", "nama"], name="seksi_nama_unik"),
        ]

    def __str__(self) -> str:
        return self.nama
