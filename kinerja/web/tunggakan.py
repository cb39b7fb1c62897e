"""Who owes what: per quarter, the units and indicators with a target but no realisasi yet.

An indicator is owed when it has a target in that quarter, its realisasi is typed (not
derived from a program's capaian) and no realisasi value is stored. The whole kabupaten
costs the same five queries whether it has one unit or forty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from kinerja import rules
from kinerja.measurement.models import (
    PengecualianTenggat,
    PeriodeInput,
    Realisasi,
    StatusTriwulan,
)
from kinerja.organisations.models import PerangkatDaerah
from kinerja.planning.models import Indikator, TargetTriwulan

LEVEL = (
    ("sasaran_id", "Sasaran"),
    ("program_id", "Program"),
    ("kegiatan_id", "Kegiatan"),
    ("sub_kegiatan_id", "Sub kegiatan"),
)


@dataclass
class Tunggakan:
    """One indicator still missing its realisasi."""

    id: int
    nama: str
    satuan: str
    level: str
    target: Decimal | rules.Rentang


@dataclass
class UnitTunggakan:
    perangkat: PerangkatDaerah
    status: str
    periode: PeriodeInput | None
    pengecualian: PengecualianTenggat | None  # an active one, if any
    indikator: list[Tunggakan] = field(default_factory=list)
    sekarang: datetime | None = None

    @property
    def jumlah(self) -> int:
        return len(self.indikator)

    @property
    def status_label(self) -> str:
        return StatusTriwulan.Status(self.status).label

    @property
    def tenggat_lewat(self) -> bool:
        return self.periode is not None and self.sekarang >= self.periode.ditutup


def owed_indicators(tahun: int, triwulan: int):
    """Indicator rows (with their unit as ``unit_id``) owing a realisasi: one query."""
    key = {"indikator": OuterRef("pk"), "tahun": tahun, "triwulan": triwulan}
    target = TargetTriwulan.objects.filter(**key).order_by()
    scope = (
        Q(program__tahun=tahun)
        | Q(kegiatan__program__tahun=tahun)
        | Q(sub_kegiatan__kegiatan__program__tahun=tahun)
        | Q(
            sasaran__tujuan__renstra__tahun_awal__lte=tahun,
            sasaran__tujuan__renstra__tahun_akhir__gte=tahun,
        )
    )
    return (
        Indikator.objects.filter(scope, realisasi_dari__isnull=True)
        .filter(Exists(target))
        .exclude(Exists(Realisasi.objects.filter(**key, nilai__isnull=False)))
        .annotate(
            unit_id=Coalesce(
                F("sasaran__tujuan__renstra__perangkat_id"),
                F("program__perangkat_id"),
                F("kegiatan__program__perangkat_id"),
                F("sub_kegiatan__kegiatan__program__perangkat_id"),
            ),
            target_nilai=Subquery(target.values("nilai")[:1]),
            target_atas=Subquery(target.values("nilai_atas")[:1]),
        )
        .order_by("urutan", "id")
        .values(
            "id",
            "nama",
            "satuan",
            "unit_id",
            "target_nilai",
            "target_atas",
            *(name for name, _ in LEVEL),
        )
    )


def tunggakan(tahun: int, triwulan: int, now: datetime | None = None) -> list[UnitTunggakan]:
    """Every unit of the site with what it still owes, most missing first."""
    now = now or timezone.now()
    units = list(PerangkatDaerah.objects.order_by("nama"))
    status = dict(
        StatusTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).values_list(
            "perangkat_id", "status"
        )
    )
    periode = {p.pemda_id: p for p in PeriodeInput.objects.filter(tahun=tahun, triwulan=triwulan)}
    pengecualian = {
        p.perangkat_id: p
        for p in PengecualianTenggat.objects.filter(
            tahun=tahun, triwulan=triwulan, berlaku_sampai__gt=now
        ).order_by("berlaku_sampai")  # the latest wins
    }
    rows = {
        u.id: UnitTunggakan(
            u,
            status.get(u.id, StatusTriwulan.Status.DRAF),
            periode.get(u.pemda_id),
            pengecualian.get(u.id),
            sekarang=now,
        )
        for u in units
    }
    for row in owed_indicators(tahun, triwulan):
        unit = rows.get(row["unit_id"])
        if unit is None:
            continue
        atas = row["target_atas"]
        target = row["target_nilai"]
        level = next(label for name, label in LEVEL if row[name] is not None)
        unit.indikator.append(
            Tunggakan(
                row["id"],
                row["nama"],
                row["satuan"],
                level,
                target if atas is None else rules.Rentang(target, atas),
            )
        )
    return sorted(rows.values(), key=lambda r: (-r.jumlah, r.perangkat.nama))
