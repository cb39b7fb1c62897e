"""Yearly profile facts and staff composition tables of a perangkat daerah.

Totals are never stored: the population total is laki-laki + perempuan, and the staff
tables' JUMLAH rows and columns are computed (see ``kinerja.organisations.staff``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class ProfilTahunan(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="profil",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    luas_wilayah_km2 = models.DecimalField(
        "luas wilayah (km²)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    luas_daratan_km2 = models.DecimalField(
        "luas daratan (km²)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    luas_perairan_km2 = models.DecimalField(
        "luas danau/perairan (km²)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    jumlah_desa = models.PositiveIntegerField("jumlah desa", null=True, blank=True)
    jumlah_kelurahan = models.PositiveIntegerField("jumlah kelurahan", null=True, blank=True)
    jumlah_dusun = models.PositiveIntegerField("jumlah dusun/lingkungan", null=True, blank=True)
    jumlah_rt = models.PositiveIntegerField("jumlah RT", null=True, blank=True)
    penduduk_laki_laki = models.PositiveIntegerField("penduduk laki-laki", null=True, blank=True)
    penduduk_perempuan = models.PositiveIntegerField("penduduk perempuan", null=True, blank=True)
    letak_lintang = models.CharField("letak lintang", max_length=100, blank=True)
    letak_bujur = models.CharField("letak bujur", max_length=100, blank=True)
    daftar_desa = models.TextField("daftar desa/kelurahan (satu per baris)", blank=True)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "profil tahunan"
        verbose_name_plural = "profil tahunan"
        ordering = ["perangkat", "-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat", "tahun"], name="profil_tahun_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat} {self.tahun}"

    @property
    def penduduk_total(self) -> int | None:
        if self.penduduk_laki_laki is None or self.penduduk_perempuan is None:
            return None
        return self.penduduk_laki_laki + self.penduduk_perempuan

    def clean(self) -> None:
        parts = [self.luas_daratan_km2, self.luas_perairan_km2]
        complete = self.luas_wilayah_km2 is not None and all(p is not None for p in parts)
        if complete and sum(parts) != self.luas_wilayah_km2:
            message = "Luas daratan + luas perairan harus sama dengan luas wilayah."
            raise ValidationError({"luas_daratan_km2": message})


class Fasilitas(models.Model):
    profil = models.ForeignKey(ProfilTahunan, models.CASCADE, related_name="fasilitas")
    kategori = models.CharField("kategori", max_length=50, help_text="mis. pendidikan, kesehatan")
    nama = models.CharField("nama", max_length=100)
    jumlah = models.PositiveIntegerField("jumlah")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "fasilitas"
        verbose_name_plural = "fasilitas"
        ordering = ["profil", "urutan"]

    def __str__(self) -> str:
        return f"{self.nama}: {self.jumlah}"


class JumlahPegawai(models.Model):
    """One cell of a staff composition table (golongan × pendidikan × jenis kelamin, …).

    ``jumlah`` empty means the printed cell was blank, which is kept apart from 0.
    """

    class Tabel(models.TextChoices):
        GOLONGAN = "golongan", "Pegawai menurut golongan dan pendidikan"
        ESELON = "eselon", "Pejabat menurut eselon dan pendidikan"
        DIKLAT = "diklat", "Pejabat menurut diklat yang diikuti"

    class JenisKelamin(models.TextChoices):
        LAKI_LAKI = "L", "Laki-laki"
        PEREMPUAN = "P", "Perempuan"

    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="pegawai",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    tabel = models.CharField("tabel", max_length=20, choices=Tabel.choices)
    baris = models.CharField("baris", max_length=100)
    kolom = models.CharField("kolom", max_length=100)
    jenis_kelamin = models.CharField("jenis kelamin", max_length=1, choices=JenisKelamin.choices)
    jumlah = models.PositiveIntegerField("jumlah", null=True, blank=True)
    urutan_baris = models.PositiveSmallIntegerField("urutan baris", default=0)
    urutan_kolom = models.PositiveSmallIntegerField("urutan kolom", default=0)

    class Meta:
        verbose_name = "jumlah pegawai"
        verbose_name_plural = "jumlah pegawai"
        ordering = ["perangkat", "tahun", "tabel", "urutan_baris", "urutan_kolom", "jenis_kelamin"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun", "tabel", "baris", "kolom", "jenis_kelamin"],
                name="pegawai_sel_unik",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.baris} / {self.kolom} / {self.jenis_kelamin}: {self.jumlah}"
