"""The follow-up matrix of the Inspektorat's recommendations (matriks tindak lanjut)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class TindakLanjut(models.Model):
    class Status(models.TextChoices):
        BELUM = "belum", "Belum ditindaklanjuti"
        PROSES = "proses", "Dalam proses"
        SELESAI = "selesai", "Selesai"

    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="tindak_lanjut",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "hasil evaluasi triwulan",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="Kosong: evaluasi tahunan.",
    )
    nomor = models.PositiveSmallIntegerField("nomor")
    rekomendasi = models.TextField("rekomendasi")
    rencana_aksi = models.TextField("rencana aksi tindak lanjut", blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.BELUM)
    progres = models.TextField("progres penyelesaian", blank=True)

    class Meta:
        verbose_name = "tindak lanjut"
        verbose_name_plural = "matriks tindak lanjut"
        ordering = ["perangkat", "tahun", "triwulan", "nomor"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun", "triwulan", "nomor"], name="tindak_lanjut_nomor_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.rekomendasi[:60]}"
