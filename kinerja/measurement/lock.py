"""The one place that says whether a unit's quarter may still be edited.

Every writer — web forms, the admin, Excel import, the API — calls
:func:`assert_editable` before it changes a target, realisasi, analysis text or budget
figure of a quarter. A quarter is editable only in *draf* or *dikembalikan*.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from kinerja.rules.formats import format_triwulan

from .models import StatusTriwulan


class TriwulanTerkunci(ValidationError):
    """Raised when a locked quarter would be changed."""


def status_of(perangkat, tahun: int, triwulan: int) -> str:
    row = (
        StatusTriwulan.objects.filter(perangkat=perangkat, tahun=tahun, triwulan=triwulan)
        .values_list("status", flat=True)
        .first()
    )
    return row or StatusTriwulan.Status.DRAF


def is_editable(perangkat, tahun: int, triwulan: int) -> bool:
    return status_of(perangkat, tahun, triwulan) in StatusTriwulan.EDITABLE


def assert_editable(perangkat, tahun: int, triwulan: int) -> None:
    status = status_of(perangkat, tahun, triwulan)
    if status not in StatusTriwulan.EDITABLE:
        label = StatusTriwulan.Status(status).label
        raise TriwulanTerkunci(
            f"{format_triwulan(triwulan)} {tahun} {perangkat} berstatus {label}: "
            "data tidak dapat diubah sampai dibuka kembali oleh evaluator atau admin."
        )
