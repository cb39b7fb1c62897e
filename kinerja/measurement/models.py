"""Realisasi per indicator and quarter, with the analysis text of that quarter."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from kinerja import rules


class Realisasi(models.Model):
    indikator = models.ForeignKey("planning.Indikator", models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    nilai = models.DecimalField(
        "realisasi",
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="Kosong: realisasi belum diisi.",
    )
    faktor_pendukung = models.TextField("faktor pendukung", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    solusi = models.TextField("solusi/tindak lanjut", blank=True)
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="realisasi_triwulan_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="realisasi_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} TW {self.triwulan}: {self.nilai}"

    def clean(self) -> None:
        """A summed indicator's realisasi is never negative, however it is entered (page,
        API, Excel import, admin)."""
        agregasi = self.indikator.agregasi if self.indikator_id else None
        if agregasi and (negatif := rules.alasan_negatif("Realisasi", self.nilai, agregasi)):
            raise ValidationError({"nilai": negatif})


class StatusTriwulan(models.Model):
    """Workflow state of one unit's quarter; no row means *draf*."""

    class Status(models.TextChoices):
        DRAF = "draf", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
        TERKUNCI = "terkunci", "Terkunci"

    EDITABLE = frozenset({Status.DRAF, Status.DIKEMBALIKAN})

    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="status_triwulan",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField("status", max_length=15, choices=Status, default=Status.DRAF)
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        verbose_name = "status triwulan"
        verbose_name_plural = "status triwulan"
        ordering = ["perangkat", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun", "triwulan"], name="status_triwulan_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat} {self.tahun} TW {self.triwulan}: {self.get_status_display()}"


class PeriodeInput(models.Model):
    """The input period of one quarter for every unit of a pemda, set by the admin.

    After ``ditutup`` no writer changes the quarter's data unless the unit holds an active
    :class:`PengecualianTenggat`. No row means no deadline: the quarter stays open.
    """

    pemda = models.ForeignKey(
        "organisations.PemerintahDaerah",
        models.CASCADE,
        related_name="periode_input",
        verbose_name="pemerintah daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    dibuka = models.DateTimeField("dibuka")
    ditutup = models.DateTimeField(
        "ditutup (tenggat)", help_text="Setelah waktu ini isian tertutup kecuali ada pengecualian."
    )

    class Meta:
        verbose_name = "periode input"
        verbose_name_plural = "periode input"
        ordering = ["pemda", "-tahun", "-triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tahun", "triwulan"], name="periode_input_unik"
            ),
            models.CheckConstraint(
                condition=Q(ditutup__gt=models.F("dibuka")), name="periode_input_urut"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="periode_input_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pemda} {self.tahun} TW {self.triwulan}"

    def clean(self) -> None:
        if self.dibuka and self.ditutup and self.ditutup <= self.dibuka:
            raise ValidationError({"ditutup": "Tenggat harus sesudah waktu dibuka."})


class PengecualianTenggat(models.Model):
    """Admin's permission for one unit to keep entering a quarter after its deadline."""

    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="pengecualian_tenggat",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    alasan = models.TextField("alasan")
    berlaku_sampai = models.DateTimeField("berlaku sampai")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="diberikan oleh",
    )
    dibuat = models.DateTimeField("diberikan", auto_now_add=True)

    class Meta:
        verbose_name = "pengecualian tenggat"
        verbose_name_plural = "pengecualian tenggat"
        ordering = ["-berlaku_sampai"]
        indexes = [models.Index(fields=["perangkat", "tahun", "triwulan"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4),
                name="pengecualian_triwulan_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perangkat} {self.tahun} TW {self.triwulan} s.d. {self.berlaku_sampai}"
