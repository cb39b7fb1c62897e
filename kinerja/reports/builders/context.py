"""Everything a report of one unit, year and quarter needs, loaded once.

Builders only arrange what this module loads; every figure comes from
:func:`kinerja.measurement.scorecard.build_scorecard` (capaian, rollups, predikat) and
:mod:`kinerja.budget.tree` (anggaran, serapan), so the report, the dashboard and the
demo printout show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kinerja import rules
from kinerja.evaluation.models import TindakLanjut
from kinerja.measurement.models import Realisasi
from kinerja.measurement.scorecard import Scorecard, build_scorecard
from kinerja.organisations.models import JumlahPegawai, PerangkatDaerah, ProfilTahunan
from kinerja.organisations.staff import StaffTable, staff_table
from kinerja.planning.models import (
    Indikator,
    IsuStrategis,
    PerjanjianKinerja,
    Renstra,
    Rpjmd,
    TargetTahunan,
)


class LaporanError(ValueError):
    """A report cannot be built; the message says why, in Indonesian."""


@dataclass
class RenstraIndikator:
    nama: str
    satuan: str
    kondisi_awal: Decimal | None
    kondisi_akhir: Decimal | None
    targets: dict[int, Decimal]  # tahun → target
    iku: bool
    definisi: str


@dataclass
class RenstraSasaran:
    nomor: int
    teks: str
    indikator: list[RenstraIndikator] = field(default_factory=list)


@dataclass
class RenstraTujuan:
    nomor: int
    teks: str
    indikator: list[RenstraIndikator] = field(default_factory=list)
    sasaran: list[RenstraSasaran] = field(default_factory=list)


@dataclass
class ReportContext:
    perangkat: PerangkatDaerah
    tahun: int
    triwulan: int
    tanggal: date
    card: Scorecard
    profil: ProfilTahunan | None
    staff: dict[str, StaffTable]
    rpjmd: Rpjmd | None
    renstra: Renstra | None
    tujuan: list[RenstraTujuan]
    isu: list[str]
    pk: PerjanjianKinerja | None
    tindak_lanjut: list[TindakLanjut]
    analisis: dict[int, tuple[str, str, str]]  # indikator id → pendukung, penghambat, solusi
    ikm_trend: list[tuple[int, int, Decimal]] = field(default_factory=list)  # tahun, TW, IKM
    #: An annual report (LKjIP): its figures are the year's (those s.d. TW IV) and its words
    #: and columns speak of the year, never of "triwulan IV".
    tahunan: bool = False

    @property
    def pemda(self):
        return self.perangkat.pemda

    @property
    def logo(self) -> bytes | None:
        """The region's logo for cover and kop; a missing or unreadable file is no logo."""
        field = self.pemda.logo
        if not field:
            return None
        try:
            with field.open("rb") as f:
                return f.read()
        except OSError:
            return None

    @property
    def nama_unit(self) -> str:
        return self.perangkat.nama

    @property
    def tempat(self) -> str:
        return self.perangkat.tempat_laporan or self.perangkat.ibu_kota or self.perangkat.nama

    @property
    def atasan(self) -> str:
        """The head of the region, the usual second party of a unit's PK."""
        nama = self.pemda.nama
        for prefix, title in (
            ("Kabupaten ", "Bupati "),
            ("Kota ", "Wali Kota "),
            ("Provinsi ", "Gubernur "),
        ):
            if nama.startswith(prefix):
                return title + nama.removeprefix(prefix)
        return f"Kepala Daerah {nama}"

    def sd(self, short: bool = False) -> str:
        """The period the year-to-date figures cover, for a heading or a title: "s.d.
        Triwulan IV" (short: "s.d. TW IV"); in an annual report "Tahun 2024" ("2024")."""
        if self.tahunan:
            return str(self.tahun) if short else f"Tahun {self.tahun}"
        return "s.d. " + rules.format_triwulan(self.triwulan, short=short)

    @property
    def periode(self) -> str:
        """The same period in a sentence: "sampai dengan Triwulan IV Tahun 2024", or
        "Tahun 2024"."""
        if self.tahunan:
            return f"Tahun {self.tahun}"
        return f"sampai dengan {rules.format_triwulan(self.triwulan)} Tahun {self.tahun}"

    @property
    def renstra_years(self) -> list[int]:
        if self.renstra is None:
            return []
        return list(range(self.renstra.tahun_awal, self.renstra.tahun_akhir + 1))


def load_context(
    perangkat: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    tanggal: date | None = None,
    *,
    tahunan: bool = False,
) -> ReportContext:
    perangkat = PerangkatDaerah.objects.select_related("pemda__skala_predikat").get(pk=perangkat.pk)
    card = build_scorecard(perangkat, tahun, triwulan)
    if not card.sasaran and not card.programs:
        raise LaporanError(
            f"{perangkat.nama} belum memiliki sasaran maupun program untuk tahun {tahun}: "
            "isi Renstra dan program terlebih dahulu."
        )
    renstra = (
        Renstra.objects.filter(perangkat=perangkat, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )
    return ReportContext(
        perangkat=perangkat,
        tahun=tahun,
        triwulan=triwulan,
        tanggal=tanggal or date.today(),
        card=card,
        profil=ProfilTahunan.objects.filter(perangkat=perangkat, tahun=tahun)
        .prefetch_related("fasilitas")
        .first(),
        staff={
            tabel: staff_table(perangkat.id, tahun, tabel)
            for tabel in JumlahPegawai.objects.filter(perangkat=perangkat, tahun=tahun)
            .order_by("tabel")
            .values_list("tabel", flat=True)
            .distinct()
        },
        rpjmd=Rpjmd.objects.filter(
            pemda=perangkat.pemda, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        )
        .prefetch_related("misi")
        .first(),
        renstra=renstra,
        tujuan=_load_renstra(renstra) if renstra else [],
        isu=list(
            IsuStrategis.objects.filter(perangkat=perangkat, tahun=tahun)
            .order_by("urutan", "id")
            .values_list("teks", flat=True)
        ),
        pk=PerjanjianKinerja.objects.filter(perangkat=perangkat, tahun=tahun)
        .prefetch_related("baris__indikator")
        .first(),
        analisis={
            iid: texts
            for iid, *texts in Realisasi.objects.filter(
                indikator_id__in=[i.id for i in _indicators(card)],
                tahun=tahun,
                triwulan=triwulan,
            ).values_list("indikator_id", "faktor_pendukung", "faktor_penghambat", "solusi")
        },
        ikm_trend=_ikm_trend(perangkat, tahun, triwulan),
        tahunan=tahunan,
        tindak_lanjut=list(
            TindakLanjut.objects.filter(perangkat=perangkat, tahun=tahun).order_by(
                "triwulan", "nomor"
            )
        ),
    )


def _load_renstra(renstra: Renstra) -> list[RenstraTujuan]:
    indicators = (
        Indikator.objects.filter(tujuan__renstra=renstra)
        | Indikator.objects.filter(sasaran__tujuan__renstra=renstra)
    ).order_by("urutan", "id")
    targets: dict[int, dict[int, Decimal]] = {}
    for iid, tahun, nilai in TargetTahunan.objects.filter(indikator__in=indicators).values_list(
        "indikator_id", "tahun", "nilai"
    ):
        targets.setdefault(iid, {})[tahun] = nilai
    by_owner: dict[tuple[str, int], list[RenstraIndikator]] = {}
    for ind in indicators:
        owner = ("tujuan", ind.tujuan_id) if ind.tujuan_id else ("sasaran", ind.sasaran_id)
        by_owner.setdefault(owner, []).append(
            RenstraIndikator(
                ind.nama,
                ind.satuan,
                ind.kondisi_awal,
                ind.kondisi_akhir,
                targets.get(ind.id, {}),
                ind.iku,
                ind.definisi,
            )
        )
    result = []
    for tujuan in renstra.tujuan.order_by("nomor").prefetch_related("sasaran"):
        item = RenstraTujuan(tujuan.nomor, tujuan.teks, by_owner.get(("tujuan", tujuan.id), []))
        for s in sorted(tujuan.sasaran.all(), key=lambda s: s.nomor):
            item.sasaran.append(
                RenstraSasaran(s.nomor, s.teks, by_owner.get(("sasaran", s.id), []))
            )
        result.append(item)
    return result


def _indicators(card: Scorecard):
    for sasaran in card.sasaran:
        yield from sasaran.indikator
    for program in card.programs:
        for node in program.walk():
            yield from node.indikator


IKM = "Kepuasan Masyarakat"


def _ikm_trend(perangkat: PerangkatDaerah, tahun: int, triwulan: int):
    """The unit's IKM per quarter over this year and the two before, as far as recorded."""
    rows = (
        Realisasi.objects.filter(
            indikator__sasaran__tujuan__renstra__perangkat=perangkat,
            indikator__nama__icontains=IKM,
            tahun__gte=tahun - 2,
            nilai__isnull=False,
        )
        .exclude(tahun=tahun, triwulan__gt=triwulan)
        .order_by("tahun", "triwulan")
        .values_list("tahun", "triwulan", "nilai")
    )
    return list(dict(((t, q), (t, q, v)) for t, q, v in rows).values())
