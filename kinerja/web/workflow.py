"""Quarter workflow: draf → diajukan → diverifikasi → terkunci, with returns and reopening.

Every transition is checked here (state and role), written atomically together with its
log row (:class:`~kinerja.web.models.RiwayatStatus`), and refused with an Indonesian
message otherwise. Whether data may be edited is decided by
:func:`kinerja.measurement.lock.assert_editable` from the resulting status.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.measurement.lock import TENGGAT
from kinerja.measurement.models import StatusTriwulan
from kinerja.rules import format_triwulan
from kinerja.web import access
from kinerja.web.models import RiwayatStatus

S = StatusTriwulan.Status


class TransisiDitolak(ValidationError):
    """A workflow step that is not allowed now or not for this user."""


@dataclass(frozen=True)
class Transisi:
    kode: str
    label: str
    dari: frozenset
    ke: str
    aksi: str  # the permission (kinerja.web.access) it needs
    #: The step needs a comment: what the form's hint calls it ("mengembalikan"), else "".
    perlu_komentar: str = ""


TRANSISI = {
    t.kode: t
    for t in (
        Transisi(
            "ajukan", "Ajukan", frozenset({S.DRAF, S.DIKEMBALIKAN}), S.DIAJUKAN, access.AJUKAN
        ),
        Transisi(
            "verifikasi", "Verifikasi", frozenset({S.DIAJUKAN}), S.DIVERIFIKASI, access.VERIFIKASI
        ),
        Transisi(
            "kembalikan",
            "Kembalikan untuk diperbaiki",
            frozenset({S.DIAJUKAN}),
            S.DIKEMBALIKAN,
            access.VERIFIKASI,
            perlu_komentar="mengembalikan",
        ),
        Transisi("kunci", "Kunci", frozenset({S.DIVERIFIKASI}), S.TERKUNCI, access.VERIFIKASI),
        Transisi(
            "buka",
            "Buka kembali",
            frozenset({S.DIAJUKAN, S.DIVERIFIKASI, S.TERKUNCI}),
            S.DRAF,
            access.BUKA,
            perlu_komentar="membuka kembali",
        ),
    )
}

PUBLISHED = frozenset({S.DIVERIFIKASI, S.TERKUNCI})

PENJELASAN = {
    S.DRAF: "Draf: operator dapat mengisi dan mengubah data.",
    S.DIKEMBALIKAN: "Dikembalikan oleh evaluator: perbaiki data lalu ajukan kembali.",
    S.DIAJUKAN: "Diajukan oleh kepala: data terkunci menunggu verifikasi Inspektorat.",
    S.DIVERIFIKASI: "Diverifikasi oleh Inspektorat: data terkunci dan tampil di halaman publik.",
    S.TERKUNCI: "Terkunci: data final; hanya evaluator atau admin yang dapat membukanya kembali.",
}


def penjelasan(status: str, kunci) -> str:
    """The status card's sentence; a draft or returned quarter past its deadline says that
    it can no longer be changed (:class:`~kinerja.measurement.lock.Kunci`)."""
    if kunci.jenis == TENGGAT:
        label = dict(S.choices)[status]
        return (
            f"{label}, tetapi tenggat pengisian telah lewat: data tidak dapat diubah kecuali "
            "admin pemda memberi pengecualian."
        )
    return PENJELASAN[status]


def available(user, perangkat, status: str) -> list[Transisi]:
    """The steps ``user`` can take now, for the buttons on the page."""
    return [
        t for t in TRANSISI.values() if status in t.dari and access.can(user, t.aksi, perangkat)
    ]


def apply(perangkat, tahun: int, triwulan: int, kode: str, user, komentar: str = "") -> str:
    """Take step ``kode``; returns the new status or raises :class:`TransisiDitolak`."""
    t = TRANSISI.get(kode)
    if t is None:
        raise TransisiDitolak(f"Langkah '{kode}' tidak dikenal.")
    if not access.can(user, t.aksi, perangkat):
        raise TransisiDitolak(f"Anda tidak berwenang untuk langkah '{t.label}'.")
    komentar = (komentar or "").strip()
    if t.perlu_komentar and not komentar:
        raise TransisiDitolak(f"Langkah '{t.label}' memerlukan komentar atau alasan.")
    with transaction.atomic():
        row, _ = StatusTriwulan.objects.select_for_update().get_or_create(
            perangkat=perangkat, tahun=tahun, triwulan=triwulan
        )
        if row.status not in t.dari:
            raise TransisiDitolak(
                f"{format_triwulan(triwulan)} {tahun} berstatus {row.get_status_display()}; "
                f"langkah '{t.label}' tidak dapat dilakukan."
            )
        dari = row.status
        row.status = t.ke
        row.save(update_fields=["status", "diubah"])
        RiwayatStatus.objects.create(
            perangkat=perangkat,
            tahun=tahun,
            triwulan=triwulan,
            dari=dari,
            ke=t.ke,
            oleh=user,
            komentar=komentar,
        )
    return t.ke
