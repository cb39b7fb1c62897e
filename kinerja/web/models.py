"""Roles per unit, the workflow log, failed sign-ins, and the audit history registrations."""

from __future__ import annotations

import simple_history
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from kinerja.budget.models import Belanja, RealisasiBelanja
from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.planning.models import TargetTriwulan

# Who changed what and when (old/new values): one history table per audited model, kept
# in this app so the domain apps stay free of audit code. Writes through ``save()`` and
# ``delete()`` are recorded; ``HistoryRequestMiddleware`` adds the signed-in user.
for _model in (Realisasi, TargetTriwulan, Belanja, RealisasiBelanja):
    simple_history.register(_model, app="kinerja.web")


class Peran(models.Model):
    """A user's role; operator and kepala belong to one unit, operator maybe to one seksi."""

    class Jenis(models.TextChoices):
        ADMIN = "admin", "Admin pemda"
        OPERATOR = "operator", "Operator"
        KEPALA = "kepala", "Kepala perangkat daerah"
        EVALUATOR = "evaluator", "Evaluator (Inspektorat)"

    PER_UNIT = frozenset({Jenis.OPERATOR, Jenis.KEPALA})

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="peran", verbose_name="pengguna"
    )
    jenis = models.CharField("peran", max_length=12, choices=Jenis)
    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="peran",
        verbose_name="perangkat daerah",
    )
    seksi = models.ForeignKey(
        "organisations.Seksi",
        models.CASCADE,
        null=True,
        blank=True,
        verbose_name="seksi/bidang",
        help_text="Operator saja: kosong berarti semua indikator unitnya.",
    )

    class Meta:
        verbose_name = "peran pengguna"
        verbose_name_plural = "peran pengguna"
        ordering = ["user", "jenis"]
        constraints = [
            models.UniqueConstraint(fields=["user", "jenis", "perangkat"], name="peran_unik"),
        ]

    def __str__(self) -> str:
        unit = f" — {self.perangkat}" if self.perangkat_id else ""
        return f"{self.user}: {self.get_jenis_display()}{unit}"

    def clean(self) -> None:
        if self.jenis in self.PER_UNIT and not self.perangkat_id:
            raise ValidationError({"perangkat": "Operator dan kepala harus memiliki unit."})
        if self.jenis not in self.PER_UNIT and self.perangkat_id:
            raise ValidationError({"perangkat": "Admin dan evaluator berlaku untuk semua unit."})
        if self.seksi_id and self.jenis != self.Jenis.OPERATOR:
            raise ValidationError({"seksi": "Hanya operator yang dapat dibatasi pada seksi."})
        if self.seksi_id and self.seksi.perangkat_id != self.perangkat_id:
            raise ValidationError({"seksi": "Seksi harus milik unit yang sama."})


class RiwayatStatus(models.Model):
    """One workflow transition of a unit's quarter, with who, when and why."""

    perangkat = models.ForeignKey(
        "organisations.PerangkatDaerah", models.CASCADE, related_name="riwayat_status"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")
    dari = models.CharField("dari", max_length=15, choices=StatusTriwulan.Status)
    ke = models.CharField("menjadi", max_length=15, choices=StatusTriwulan.Status)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name="oleh"
    )
    komentar = models.TextField("komentar/alasan", blank=True)
    waktu = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        verbose_name = "riwayat status"
        verbose_name_plural = "riwayat status"
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["perangkat", "tahun", "triwulan"])]

    def __str__(self) -> str:
        return f"{self.perangkat} {self.tahun} TW {self.triwulan}: {self.dari} → {self.ke}"


class GagalMasuk(models.Model):
    """A failed sign-in; enough of them for one username and address lock it for a while."""

    username = models.CharField("nama pengguna", max_length=150)
    ip = models.GenericIPAddressField("alamat IP", null=True)
    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "gagal masuk"
        verbose_name_plural = "gagal masuk"
        indexes = [models.Index(fields=["username", "ip", "waktu"])]

    def __str__(self) -> str:
        return f"{self.username} dari {self.ip} pada {self.waktu}"


def _bukti_path(instance, filename: str) -> str:
    # Never the uploaded name on disk: unit/year/quarter/random + the checked extension.
    import uuid

    return f"bukti/{instance.tahun}/tw{instance.triwulan}/{uuid.uuid4().hex}.{instance.jenis}"


class Bukti(models.Model):
    """Evidence of a realisasi: a PDF, JPG, PNG, XLSX or DOCX file, kept outside static."""

    indikator = models.ForeignKey("planning.Indikator", models.CASCADE, related_name="bukti")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan")
    berkas = models.FileField("berkas", upload_to=_bukti_path, max_length=200)
    nama = models.CharField("nama berkas asli", max_length=200)
    jenis = models.CharField("jenis", max_length=5)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name="oleh"
    )
    waktu = models.DateTimeField("diunggah", auto_now_add=True)

    class Meta:
        verbose_name = "bukti"
        verbose_name_plural = "bukti"
        ordering = ["indikator", "tahun", "triwulan", "waktu"]
        indexes = [models.Index(fields=["indikator", "tahun", "triwulan"])]

    def __str__(self) -> str:
        return self.nama


# Evidence is audited too: an upload or a deletion keeps who, when and which file.
simple_history.register(Bukti, app="kinerja.web")


class VersiData(models.Model):
    """One row: counters that database triggers raise (see :mod:`kinerja.web.versi`).
    ``nomor`` moves on every write to Kinerja's tables: pages cached under one value are
    never served once it has moved on. ``akun`` moves when an account or a session changes
    (a user edited, a session saved or ended): signed-in sessions and users are cached under
    it. ``epoch`` is drawn afresh whenever the row is made again (a flushed or new database),
    so a counter that starts over never meets what was cached before."""

    epoch = models.CharField(max_length=32)
    nomor = models.BigIntegerField(default=0)
    akun = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "versi data"
        verbose_name_plural = "versi data"

    def __str__(self) -> str:
        return f"{self.epoch}:{self.nomor}"
