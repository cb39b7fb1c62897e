"""Field history of one indicator's quarter: who changed which field when, old → new.

django-simple-history keeps a full snapshot per save; this module pairs each snapshot with
the one before it and keeps only the fields that changed, so the page reads
"Realisasi: 3 → 4" instead of a list of snapshots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kinerja import rules
from kinerja.measurement.models import Realisasi
from kinerja.planning.models import TargetTriwulan
from kinerja.web.models import Bukti

JENIS = {"+": "dibuat", "~": "diubah", "-": "dihapus"}
BATAS = 30  # changes of each kind on the page


@dataclass(frozen=True)
class Perubahan:
    waktu: datetime
    oleh: object  # the user, or None for the system (import, demo)
    data: str  # Realisasi, Target, Bukti
    jenis: str  # dibuat, diubah, dihapus
    kolom: str
    lama: str
    baru: str


def _angka(value) -> str:
    return "" if value is None else rules.format_angka(value, None)


def _target(h) -> str:
    if h.nilai_atas is None:
        return _angka(h.nilai)
    return f"{_angka(h.nilai)}–{_angka(h.nilai_atas)}"


Field = tuple[str, Callable[[object], str]]

REALISASI: list[Field] = [
    ("Realisasi", lambda h: _angka(h.nilai)),
    ("Faktor pendukung", lambda h: h.faktor_pendukung),
    ("Faktor penghambat", lambda h: h.faktor_penghambat),
    ("Solusi/tindak lanjut", lambda h: h.solusi),
]
TARGET: list[Field] = [("Target", _target)]
BUKTI: list[Field] = [("Berkas bukti", lambda h: h.nama)]


def changes(records: list, fields: list[Field], data: str, baseline: bool) -> list[Perubahan]:
    """Old → new per field, from snapshots in chronological order.

    ``baseline``: the first record is only the state before the shown changes.
    """
    out: list[Perubahan] = []
    before: dict[str, str] | None = None
    for i, h in enumerate(records):
        now = {label: get(h) or "" for label, get in fields}
        if baseline and i == 0:
            before = now
            continue
        jenis = JENIS.get(h.history_type, h.history_type)
        for label, _ in fields:
            if h.history_type == "-":
                lama, baru = now[label], ""
            elif h.history_type == "+" or before is None:
                lama, baru = "", now[label]
            else:
                lama, baru = before[label], now[label]
            if lama != baru:
                out.append(
                    Perubahan(h.history_date, h.history_user, data, jenis, label, lama, baru)
                )
        before = None if h.history_type == "-" else now
    return out


def _recent(model, key: dict) -> tuple[list, bool]:
    rows = list(
        model.history.filter(**key)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: BATAS + 1]
    )
    return rows[::-1], len(rows) > BATAS


def riwayat(indikator_id: int, tahun: int, triwulan: int) -> list[Perubahan]:
    """Every recorded change of the indicator's quarter, newest first (three queries)."""
    key = {"indikator_id": indikator_id, "tahun": tahun, "triwulan": triwulan}
    out: list[Perubahan] = []
    for model, fields, data in (
        (Realisasi, REALISASI, "Realisasi"),
        (TargetTriwulan, TARGET, "Target"),
        (Bukti, BUKTI, "Bukti"),
    ):
        records, baseline = _recent(model, key)
        out += changes(records, fields, data, baseline)
    return sorted(out, key=lambda p: p.waktu, reverse=True)
