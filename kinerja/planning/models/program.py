"""Program → Kegiatan → Sub Kegiatan of a perangkat daerah for one year.

Codes follow Kepmendagri 050-5889/2021 (``7.01.01``, ``7.01.01.2.01``,
``7.01.01.2.01.0001``); they repeat every year, so they are unique per unit and year,
never globally. A child's code must extend its parent's code.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

kode_validator = RegexValidator(
    r"^\d+(\.\d+)*$", "Kode hanya berisi angka yang dipisah titik, mis. 7.01.01.2.01."
)


class _TreeNode(models.Model):
    kode = models.CharField("kode", max_length=40, validators=[kode_validator])
    nama = models.CharField("nama", max_length=400)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)
    catatan = models.TextField("catatan", blank=True)

    parent_field: str = ""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def clean(self) -> None:
        parent = getattr(self, self.parent_field, None) if self.parent_field else None
        if parent is not None and self.kode and not self.kode.startswith(parent.kode + "."):
            raise ValidationError({"kode": f"Kode harus diawali kode induknya ({parent.kode})."})


class Program(_TreeNode):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="program",
        verbose_name="perangkat daerah",
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    sasaran = models.ForeignKey(
        "planning.Sasaran",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="program",
        verbose_name="sasaran yang didukung",
    )

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["perangkat", "tahun", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun", "kode"], name="program_kode_unik"
            ),
        ]


class Kegiatan(_TreeNode):
    program = models.ForeignKey(Program, models.CASCADE, related_name="kegiatan")
    parent_field = "program"

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["program", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["program", "kode"], name="kegiatan_kode_unik"),
        ]


class SubKegiatan(_TreeNode):
    kegiatan = models.ForeignKey(Kegiatan, models.CASCADE, related_name="sub_kegiatan")
    parent_field = "kegiatan"

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["kegiatan", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["kegiatan", "kode"], name="subkegiatan_kode_unik"),
        ]
