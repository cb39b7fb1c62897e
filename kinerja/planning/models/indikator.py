"""Indicators of every level, their yearly (Renstra) and quarterly (Rencana Aksi) targets.

No row for a quarter means *no target*, which is not a target of 0: that quarter is not
applicable and is left out of every average.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from kinerja import rules

OWNER_FIELDS = ("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
TRIWULAN_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


def _exactly_one_owner() -> Q:
    alternatives = Q()
    for name in OWNER_FIELDS:
        one = Q(**{f"{name}__isnull": False})
        for other in OWNER_FIELDS:
            if other != name:
                one &= Q(**{f"{other}__isnull": True})
        alternatives |= one
    return alternatives


class Indikator(models.Model):
    tujuan = models.ForeignKey(
        "planning.Tujuan", models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        "planning.Sasaran", models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    program = models.ForeignKey(
        "planning.Program", models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kegiatan = models.ForeignKey(
        "planning.Kegiatan", models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sub_kegiatan = models.ForeignKey(
        "planning.SubKegiatan",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
        verbose_name="sub kegiatan",
    )
    nama = models.CharField("indikator", max_length=400)
    satuan = models.CharField("satuan", max_length=50, blank=True)
    polaritas = models.CharField(
        "polaritas",
        max_length=10,
        choices=[
            (rules.Polaritas.POSITIF.value, "Positif (makin tinggi makin baik)"),
            (rules.Polaritas.NEGATIF.value, "Negatif (makin rendah makin baik)"),
        ],
        default=rules.Polaritas.POSITIF.value,
    )
    agregasi = models.CharField(
        "cara menjumlah triwulan",
        max_length=20,
        choices=[
            (rules.Agregasi.JUMLAH.value, "Jumlah (angka yang terakumulasi)"),
            (rules.Agregasi.TERAKHIR.value, "Nilai terakhir (tingkat, indeks, persen)"),
            (rules.Agregasi.RATA_RATA.value, "Rata-rata"),
            (rules.Agregasi.MAKSIMUM.value, "Nilai tertinggi"),
        ],
        default=rules.Agregasi.JUMLAH.value,
    )
    mode_target = models.CharField(
        "target triwulan dinyatakan",
        max_length=20,
        choices=[
            (rules.ModeTarget.PER_TRIWULAN.value, "Per triwulan"),
            (rules.ModeTarget.KUMULATIF.value, "Kumulatif s.d. triwulan"),
        ],
        default=rules.ModeTarget.PER_TRIWULAN.value,
    )
    definisi = models.TextField("definisi operasional / rumus", blank=True)
    sumber_data = models.ForeignKey(
        "organisations.Seksi",
        models.SET_NULL,
        null=True,
        blank=True,
        verbose_name="sumber data (seksi)",
    )
    iku = models.BooleanField("indikator kinerja utama (IKU)", default=False)
    kondisi_awal = models.DecimalField(
        "kondisi awal", max_digits=20, decimal_places=4, null=True, blank=True
    )
    kondisi_akhir = models.DecimalField(
        "target akhir Renstra", max_digits=20, decimal_places=4, null=True, blank=True
    )
    realisasi_dari = models.ForeignKey(
        "planning.Program",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="realisasi dari capaian program",
        help_text="Isi bila realisasi indikator ini adalah capaian kinerja program tersebut.",
    )
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    catatan = models.TextField("catatan", blank=True)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_owner(),
                name="indikator_satu_pemilik",
                violation_error_message="Indikator harus milik tepat satu tujuan, sasaran, "
                "program, kegiatan atau sub kegiatan.",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def owner(self) -> models.Model:
        for name in OWNER_FIELDS:
            value = getattr(self, name)
            if value is not None:
                return value
        raise ValueError("indikator tanpa pemilik")


class TargetTahunan(models.Model):
    """A yearly target of the Renstra (target jangka menengah)."""

    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="target_tahunan")
    tahun = models.PositiveSmallIntegerField("tahun")
    nilai = models.DecimalField("target", max_digits=20, decimal_places=4)

    class Meta:
        verbose_name = "target tahunan"
        verbose_name_plural = "target tahunan"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="target_tahunan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}: {self.nilai}"


class TargetTriwulan(models.Model):
    """A quarterly target; ``nilai_atas`` makes it a range (80–90)."""

    indikator = models.ForeignKey(Indikator, models.CASCADE, related_name="target_triwulan")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", validators=TRIWULAN_VALIDATORS)
    nilai = models.DecimalField("target", max_digits=20, decimal_places=4)
    nilai_atas = models.DecimalField(
        "batas atas (target rentang)", max_digits=20, decimal_places=4, null=True, blank=True
    )

    class Meta:
        verbose_name = "target triwulan"
        verbose_name_plural = "target triwulan"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="target_triwulan_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="target_triwulan_1_4"
            ),
            models.CheckConstraint(
                condition=Q(nilai_atas__isnull=True) | Q(nilai_atas__gte=models.F("nilai")),
                name="target_rentang_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} TW {self.triwulan}: {self.nilai}"

    def clean(self) -> None:
        if self.nilai_atas is not None and self.nilai is not None and self.nilai_atas < self.nilai:
            raise ValidationError({"nilai_atas": "Batas atas tidak boleh lebih kecil dari target."})
        # a summed indicator's target (of a range, its lower bound) is never negative
        agregasi = self.indikator.agregasi if self.indikator_id else None
        if agregasi and (negatif := rules.alasan_negatif("Target", self.nilai, agregasi)):
            raise ValidationError({"nilai": negatif})

    @property
    def value(self) -> Decimal | rules.Rentang:
        """The target as the rules core takes it."""
        if self.nilai_atas is None:
            return self.nilai
        return rules.Rentang(self.nilai, self.nilai_atas)
