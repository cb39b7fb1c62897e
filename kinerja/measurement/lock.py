"""The one place that says whether a unit's quarter may still be edited.

Every writer — web forms, the admin, Excel import, the API — calls
:func:`assert_editable` before it changes a target, realisasi, analysis text, evidence or
budget figure of a quarter. Two locks apply, checked in this order:

1. **Status**: a quarter is editable only in *draf* or *dikembalikan*
   (:class:`~kinerja.measurement.models.StatusTriwulan`; no row means *draf*).
2. **Tenggat**: once the pemda's input period of the quarter has closed
   (:class:`~kinerja.measurement.models.PeriodeInput`), entry is closed unless the unit
   holds an exception that has not expired
   (:class:`~kinerja.measurement.models.PengecualianTenggat`). No period set means no
   deadline. Before the period opens the quarter stays editable (targets are planned
   before a quarter starts); the page only says when it opens.

:func:`kunci_of` returns both, for the pages that explain which lock applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.rules.formats import format_triwulan, format_waktu

from .models import PengecualianTenggat, PeriodeInput, StatusTriwulan

STATUS = "status"
TENGGAT = "tenggat"


class TriwulanTerkunci(ValidationError):
    """Raised when a locked quarter would be changed."""


def waktu(dt: datetime) -> str:
    """A stored (UTC) moment in the site's time zone, in Indonesian."""
    return format_waktu(timezone.localtime(dt))


@dataclass(frozen=True)
class Kunci:
    """Which locks hold on one unit's quarter at ``sekarang``."""

    status: str
    periode: PeriodeInput | None
    pengecualian: PengecualianTenggat | None  # the latest one, active or expired
    sekarang: datetime

    @property
    def status_terkunci(self) -> bool:
        return self.status not in StatusTriwulan.EDITABLE

    @property
    def tenggat_lewat(self) -> bool:
        return self.periode is not None and self.sekarang >= self.periode.ditutup

    @property
    def belum_dibuka(self) -> bool:
        return self.periode is not None and self.sekarang < self.periode.dibuka

    @property
    def pengecualian_aktif(self) -> bool:
        return self.pengecualian is not None and self.sekarang < self.pengecualian.berlaku_sampai

    @property
    def jenis(self) -> str | None:
        """``"status"``, ``"tenggat"`` or None when the quarter is editable."""
        if self.status_terkunci:
            return STATUS
        if self.tenggat_lewat and not self.pengecualian_aktif:
            return TENGGAT
        return None

    @property
    def editable(self) -> bool:
        return self.jenis is None

    @property
    def berubah_pada(self) -> datetime | None:
        """The next moment the clock alone changes this lock (the period opening or closing,
        the exception expiring); None when no such moment lies ahead."""
        ahead = [
            moment
            for moment in (
                self.periode and self.periode.dibuka,
                self.periode and self.periode.ditutup,
                self.pengecualian and self.pengecualian.berlaku_sampai,
            )
            if moment and moment > self.sekarang
        ]
        return min(ahead, default=None)

    def pesan(self, perangkat, tahun: int, triwulan: int) -> str:
        """Why the quarter is locked, in Indonesian ("" when it is editable)."""
        periode = f"{format_triwulan(triwulan)} {tahun}"
        if self.jenis == STATUS:
            label = StatusTriwulan.Status(self.status).label
            return (
                f"{periode} {perangkat} berstatus {label}: data tidak dapat diubah "
                "sampai dibuka kembali oleh evaluator atau admin."
            )
        if self.jenis == TENGGAT:
            if self.pengecualian is None:
                tambahan = "tidak ada pengecualian untuk unit ini"
            else:
                tambahan = (
                    "pengecualian untuk unit ini berakhir pada "
                    f"{waktu(self.pengecualian.berlaku_sampai)}"
                )
            return (
                f"Tenggat pengisian {periode} telah lewat pada {waktu(self.periode.ditutup)} "
                f"dan {tambahan}: data {perangkat} tidak dapat diubah. "
                "Admin pemda dapat memberi pengecualian."
            )
        return ""


def status_of(perangkat, tahun: int, triwulan: int) -> str:
    row = (
        StatusTriwulan.objects.filter(perangkat=perangkat, tahun=tahun, triwulan=triwulan)
        .values_list("status", flat=True)
        .first()
    )
    return row or StatusTriwulan.Status.DRAF


def periode_of(perangkat, tahun: int, triwulan: int) -> PeriodeInput | None:
    pemda_id = getattr(perangkat, "pemda_id", None)
    rows = PeriodeInput.objects.filter(tahun=tahun, triwulan=triwulan)
    if pemda_id is not None:
        return rows.filter(pemda_id=pemda_id).first()
    return rows.filter(pemda__perangkat=perangkat).first()


def kunci_of(
    perangkat, tahun: int, triwulan: int, now: datetime | None = None, status: str | None = None
) -> Kunci:
    """Status, input period and exception of a unit's quarter (one to three queries;
    ``status``: the quarter's status when the caller has just read it)."""
    now = now or timezone.now()
    periode = periode_of(perangkat, tahun, triwulan)
    pengecualian = None
    if periode is not None and now >= periode.ditutup:
        pengecualian = (
            PengecualianTenggat.objects.filter(perangkat=perangkat, tahun=tahun, triwulan=triwulan)
            .order_by("-berlaku_sampai")
            .first()
        )
    status = status or status_of(perangkat, tahun, triwulan)
    return Kunci(status, periode, pengecualian, now)


def is_editable(perangkat, tahun: int, triwulan: int) -> bool:
    return kunci_of(perangkat, tahun, triwulan).editable


def assert_editable(perangkat, tahun: int, triwulan: int) -> None:
    kunci = kunci_of(perangkat, tahun, triwulan)
    if not kunci.editable:
        raise TriwulanTerkunci(kunci.pesan(perangkat, tahun, triwulan))
