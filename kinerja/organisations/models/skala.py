"""Predikat scales as data: the rules core classifies, the database keeps the bands."""

from __future__ import annotations

from django.db import models

from kinerja import rules


class SkalaPredikat(models.Model):
    kode = models.SlugField("kode", max_length=60, unique=True)
    nama = models.CharField("nama", max_length=200)
    sumber = models.CharField("sumber/dasar hukum", max_length=300, blank=True)

    class Meta:
        verbose_name = "skala predikat"
        verbose_name_plural = "skala predikat"
        ordering = ["kode"]

    def __str__(self) -> str:
        return self.nama

    def to_rules(self) -> rules.SkalaPredikat:
        """The scale as the rules core's value object (bands highest first)."""
        bands = tuple(
            rules.Pita(label=p.label, lower=p.batas_bawah, inclusive=p.inklusif, color=p.warna)
            for p in self.pita.all()
        )
        return rules.SkalaPredikat(key=self.kode, name=self.nama, bands=bands, source=self.sumber)

    @classmethod
    def from_rules(cls, skala: rules.SkalaPredikat) -> SkalaPredikat:
        """Create or replace the stored copy of a rules-core scale (used for the presets)."""
        obj, _ = cls.objects.update_or_create(
            kode=skala.key, defaults={"nama": skala.name, "sumber": skala.source}
        )
        obj.pita.all().delete()
        PitaPredikat.objects.bulk_create(
            PitaPredikat(
                skala=obj,
                urutan=i,
                label=band.label,
                batas_bawah=band.lower,
                inklusif=band.inclusive,
                warna=band.color,
            )
            for i, band in enumerate(skala.bands, start=1)
        )
        return obj


class PitaPredikat(models.Model):
    skala = models.ForeignKey(SkalaPredikat, models.CASCADE, related_name="pita")
    urutan = models.PositiveSmallIntegerField("urutan (tertinggi = 1)")
    label = models.CharField("predikat", max_length=100)
    batas_bawah = models.DecimalField(
        "batas bawah",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Kosong: pita terakhir, menampung semua nilai di bawahnya.",
    )
    inklusif = models.BooleanField(
        "batas bawah termasuk (≥)", default=True, help_text="Tidak dicentang: lebih dari (>)."
    )
    warna = models.CharField("warna", max_length=7, blank=True)

    class Meta:
        verbose_name = "pita predikat"
        verbose_name_plural = "pita predikat"
        ordering = ["skala", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["skala", "urutan"], name="pita_urutan_unik"),
        ]

    def __str__(self) -> str:
        if self.batas_bawah is None:
            return f"{self.label} (sisanya)"
        return f"{self.label} ({'≥' if self.inklusif else '>'} {self.batas_bawah})"
