"""Anggaran and realisasi per belanja line under a sub kegiatan.

Only the belanja lines hold money; every parent total (sub kegiatan, kegiatan, program,
unit) is computed from them (``kinerja.budget.tree``), never stored or typed.
Realisasi is cumulative: the figure of TW III is everything spent up to 30 September.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q

kode_rekening_validator = RegexValidator(
    r"^\d+(\.\d+){5}$", "Kode rekening belanja terdiri dari 6 tingkat, mis. 5.1.02.01.001.00024."
)


class Belanja(models.Model):
    sub_kegiatan = models.ForeignKey(
        "planning.SubKegiatan",
        models.CASCADE,
        related_name="belanja",
        verbose_name="sub kegiatan",
    )
    kode_rekening = models.CharField(
        "kode rekening", max_length=40, blank=True, validators=[kode_rekening_validator]
    )
    uraian = models.CharField("uraian", max_length=300)
    anggaran = models.DecimalField(
        "anggaran (pagu)", max_digits=18, decimal_places=2, validators=[MinValueValidator(0)]
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "belanja"
        verbose_name_plural = "belanja"
        ordering = ["sub_kegiatan", "urutan"]
        constraints = [
            models.CheckConstraint(condition=Q(anggaran__gte=0), name="belanja_anggaran_positif"),
        ]

    def __str__(self) -> str:
        return self.uraian


class RealisasiBelanja(models.Model):
    belanja = models.ForeignKey(Belanja, models.CASCADE, related_name="realisasi")
    triwulan = models.PositiveSmallIntegerField(
        "s.d. triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    nilai = models.DecimalField(
        "realisasi kumulatif", max_digits=18, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = "realisasi belanja"
        verbose_name_plural = "realisasi belanja"
        ordering = ["belanja", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["belanja", "triwulan"], name="realisasi_belanja_unik"),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="realisasi_belanja_1_4"
            ),
            models.CheckConstraint(condition=Q(nilai__gte=0), name="realisasi_belanja_positif"),
        ]

    def __str__(self) -> str:
        return f"{self.belanja} s.d. TW {self.triwulan}: {self.nilai}"
