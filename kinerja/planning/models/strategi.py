"""Strategic planning: RPJMD (visi, misi), Renstra (tujuan, sasaran), isu strategis, PK."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


class Rpjmd(models.Model):
    pemda = models.ForeignKey(
        "organisations.PemerintahDaerah",
        models.CASCADE,
        related_name="rpjmd",
        verbose_name="pemerintah daerah",
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")
    visi = models.TextField("visi")
    peraturan = models.CharField("dasar hukum", max_length=300, blank=True)

    class Meta:
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun_awal"], name="rpjmd_periode_unik"),
        ]

    def __str__(self) -> str:
        return f"RPJMD {self.pemda} {self.tahun_awal}–{self.tahun_akhir}"

    def clean(self) -> None:
        years = (self.tahun_awal, self.tahun_akhir)
        if None not in years and self.tahun_akhir < self.tahun_awal:
            raise ValidationError({"tahun_akhir": "Tahun akhir tidak boleh sebelum tahun awal."})


class Misi(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, models.CASCADE, related_name="misi")
    nomor = models.PositiveSmallIntegerField("nomor")
    teks = models.TextField("misi")

    class Meta:
        verbose_name = "misi"
        verbose_name_plural = "misi"
        ordering = ["rpjmd", "nomor"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "nomor"], name="misi_nomor_unik")]

    def __str__(self) -> str:
        return f"Misi {self.nomor}"


class Renstra(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="renstra",
        verbose_name="perangkat daerah",
    )
    tahun_awal = models.PositiveSmallIntegerField("tahun awal")
    tahun_akhir = models.PositiveSmallIntegerField("tahun akhir")

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun_awal"], name="renstra_periode_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.perangkat} {self.tahun_awal}–{self.tahun_akhir}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, models.CASCADE, related_name="tujuan")
    nomor = models.PositiveSmallIntegerField("nomor")
    teks = models.TextField("tujuan")

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "nomor"], name="tujuan_nomor_unik"),
        ]

    def __str__(self) -> str:
        return self.teks


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, models.CASCADE, related_name="sasaran")
    nomor = models.PositiveSmallIntegerField("nomor", help_text="Unik dalam satu Renstra.")
    teks = models.TextField("sasaran")

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan__renstra", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tujuan", "nomor"], name="sasaran_nomor_unik"),
        ]

    def __str__(self) -> str:
        return self.teks


class IsuStrategis(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="isu_strategis",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    teks = models.TextField("isu strategis")

    class Meta:
        verbose_name = "isu strategis"
        verbose_name_plural = "isu strategis"
        ordering = ["perangkat", "tahun", "urutan"]

    def __str__(self) -> str:
        return self.teks[:80]


class PerjanjianKinerja(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="perjanjian_kinerja",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    pihak_kedua_nama = models.CharField("nama pihak kedua (atasan)", max_length=200, blank=True)
    pihak_kedua_jabatan = models.CharField("jabatan pihak kedua", max_length=200, blank=True)

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        constraints = [
            models.UniqueConstraint(fields=["perangkat", "tahun"], name="pk_tahun_unik"),
        ]

    def __str__(self) -> str:
        return f"Perjanjian Kinerja {self.perangkat} {self.tahun}"


class PerjanjianKinerjaIndikator(models.Model):
    perjanjian = models.ForeignKey(PerjanjianKinerja, models.CASCADE, related_name="baris")
    indikator = models.ForeignKey("planning.Indikator", models.PROTECT, verbose_name="indikator")
    target = models.DecimalField("target", max_digits=20, decimal_places=4)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "indikator perjanjian kinerja"
        verbose_name_plural = "indikator perjanjian kinerja"
        ordering = ["perjanjian", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["perjanjian", "indikator"], name="pk_indikator_unik"),
        ]

    def __str__(self) -> str:
        return str(self.indikator)
