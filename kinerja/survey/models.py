"""Survei Kepuasan Masyarakat: questionnaire snapshots, services, surveys, respondents, answers.

A :class:`Kuesioner` row is a frozen snapshot of a questionnaire (unsur, exact weights,
bands): a survey points at the snapshot it used, so editing a preset later creates a new
snapshot and never changes an old result. One :class:`Jawaban` row per respondent and
answered unsur; a missing answer is no row.
"""

from __future__ import annotations

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from kinerja.rules import ikm
from kinerja.rules.formats import format_triwulan


def sidik_definisi(definisi: dict) -> str:
    """SHA-256 of the canonical JSON of a questionnaire snapshot."""
    teks = json.dumps(definisi, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


class Kuesioner(models.Model):
    nama = models.CharField("nama", max_length=200)
    preset = models.CharField(
        "dari preset", max_length=60, blank=True, help_text="Kosong: kuesioner khusus."
    )
    definisi = models.JSONField(
        "definisi (unsur, bobot, pita mutu)",
        help_text="Salinan beku: survei lama tetap memakai definisi yang sama. Bentuk: "
        '{"key", "nama", "sumber", "unsur": [{"kode": "U1", "nama", "pertanyaan", '
        '"pilihan": [4 jawaban, nilai 1–4], "bobot": "1/9"}], "pita": [{"mutu", "kinerja", '
        '"bawah": "25.00", "atas": "64.99"}, …]} dengan jumlah bobot tepat 1.',
    )
    sidik = models.CharField("sidik definisi", max_length=64, unique=True, editable=False)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "kuesioner"
        verbose_name_plural = "kuesioner"
        ordering = ["nama", "id"]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs) -> None:
        sidik = sidik_definisi(self.definisi)
        if self.pk and sidik != self.sidik and self.survei.exists():
            raise ValidationError(
                "Kuesioner ini sudah dipakai survei; definisinya tidak dapat diubah. "
                "Buat kuesioner baru."
            )
        self.sidik = sidik
        super().save(*args, **kwargs)

    def to_rules(self) -> ikm.Kuesioner:
        return ikm.Kuesioner.dari_data(self.definisi)

    def clean(self) -> None:
        try:
            self.to_rules()
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError({"definisi": f"Definisi kuesioner tidak sah: {exc}"}) from exc


class Layanan(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="layanan",
        verbose_name="perangkat daerah",
    )
    nama = models.CharField("nama layanan", max_length=200)
    aktif = models.BooleanField("aktif", default=True)
    urutan = models.PositiveSmallIntegerField("urutan", default=0)

    class Meta:
        verbose_name = "layanan"
        verbose_name_plural = "layanan"
        ordering = ["perangkat", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["perangkat", "nama"], name="layanan_nama_unik"),
        ]

    def __str__(self) -> str:
        return self.nama


class Survei(models.Model):
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        related_name="survei_kepuasan",
        verbose_name="perangkat daerah",
    )
    layanan = models.ForeignKey(
        Layanan,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="survei",
        verbose_name="layanan",
        help_text="Kosong: survei seluruh layanan unit (yang mengisi IKU).",
    )
    kuesioner = models.ForeignKey(
        Kuesioner, models.PROTECT, related_name="survei", verbose_name="kuesioner"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField(
        "triwulan", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    populasi = models.PositiveIntegerField(
        "populasi (jumlah penerima layanan)",
        null=True,
        blank=True,
        help_text="Untuk sampel minimal Krejcie–Morgan.",
    )
    dibuka = models.BooleanField("menerima isian daring", default=True)
    wajib_kode = models.BooleanField(
        "wajib kode sekali pakai",
        default=False,
        help_text="Isian daring hanya diterima dengan kode yang dicetak pada tanda terima "
        "layanan (dasbor unit → Kode survei); setiap kode hanya sekali.",
    )
    realisasi = models.ForeignKey(
        "measurement.Realisasi",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="survei_ikm",
        verbose_name="realisasi IKU yang diisi",
        editable=False,
    )
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "survei kepuasan masyarakat"
        verbose_name_plural = "survei kepuasan masyarakat"
        ordering = ["perangkat", "tahun", "triwulan", "layanan__urutan", "layanan__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat", "tahun", "triwulan"],
                condition=Q(layanan__isnull=True),
                name="survei_unit_triwulan_unik",
            ),
            models.UniqueConstraint(
                fields=["perangkat", "layanan", "tahun", "triwulan"],
                condition=Q(layanan__isnull=False),
                name="survei_layanan_triwulan_unik",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="survei_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        bagian = [f"SKM {self.perangkat}"]
        if self.layanan_id:
            bagian.append(str(self.layanan))
        bagian.append(f"{format_triwulan(self.triwulan)} {self.tahun}")
        return " – ".join(bagian)


class Responden(models.Model):
    class JenisKelamin(models.TextChoices):
        L = "L", "Laki-laki"
        P = "P", "Perempuan"

    class Pendidikan(models.TextChoices):
        SD = "SD", "SD"
        SMP = "SMP", "SMP"
        SMA = "SMA", "SMA"
        DIPLOMA = "DIPLOMA", "Diploma (D1–D3)"
        S1 = "S1", "S1/D4"
        S2 = "S2", "S2"
        S3 = "S3", "S3"

    class Pekerjaan(models.TextChoices):
        PNS = "PNS", "PNS"
        TNI = "TNI", "TNI"
        POLRI = "POLRI", "POLRI"
        SWASTA = "SWASTA", "Swasta"
        WIRAUSAHA = "WIRAUSAHA", "Wirausaha"
        LAINNYA = "LAINNYA", "Lainnya"

    class Sumber(models.TextChoices):
        DARING = "daring", "Isian daring"
        KERTAS = "kertas", "Kuesioner kertas (impor)"

    survei = models.ForeignKey(Survei, models.CASCADE, related_name="responden")
    jenis_kelamin = models.CharField(
        "jenis kelamin", max_length=1, choices=JenisKelamin, blank=True
    )
    usia = models.PositiveSmallIntegerField(
        "usia (tahun)", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    pendidikan = models.CharField("pendidikan", max_length=10, choices=Pendidikan, blank=True)
    pekerjaan = models.CharField("pekerjaan", max_length=10, choices=Pekerjaan, blank=True)
    pekerjaan_lainnya = models.CharField("pekerjaan lainnya", max_length=100, blank=True)
    jenis_layanan = models.CharField("jenis layanan yang diterima", max_length=200, blank=True)
    saran = models.TextField("saran dan masukan", blank=True)
    sumber = models.CharField("sumber", max_length=10, choices=Sumber, default=Sumber.DARING)
    kode_sekali = models.CharField(
        "kode sekali pakai", max_length=64, blank=True, help_text="Mencegah isian ganda."
    )
    sidik_klien = models.CharField(
        "sidik klien (hash)", max_length=64, blank=True, db_index=True, editable=False
    )
    dibuat = models.DateTimeField("diisi", auto_now_add=True)

    class Meta:
        verbose_name = "responden"
        verbose_name_plural = "responden"
        ordering = ["survei_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survei", "kode_sekali"],
                condition=~Q(kode_sekali=""),
                name="responden_kode_sekali_unik",
            ),
        ]

    def __str__(self) -> str:
        return f"Responden {self.pk} ({self.survei})"


class Jawaban(models.Model):
    responden = models.ForeignKey(Responden, models.CASCADE, related_name="jawaban")
    unsur = models.PositiveSmallIntegerField("nomor unsur", validators=[MinValueValidator(1)])
    nilai = models.PositiveSmallIntegerField(
        "nilai (1–4)", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )

    class Meta:
        verbose_name = "jawaban"
        verbose_name_plural = "jawaban"
        ordering = ["responden_id", "unsur"]
        constraints = [
            models.UniqueConstraint(fields=["responden", "unsur"], name="jawaban_unsur_unik"),
            models.CheckConstraint(
                condition=Q(nilai__gte=1, nilai__lte=4),
                name="jawaban_nilai_1_4",
                violation_error_message="Jawaban harus 1 sampai 4.",
            ),
            models.CheckConstraint(condition=Q(unsur__gte=1), name="jawaban_unsur_positif"),
        ]

    def __str__(self) -> str:
        return f"U{self.unsur} = {self.nilai}"
