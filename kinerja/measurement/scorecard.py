"""Capaian of a unit for one year and quarter: every indicator, node, sasaran and the unit.

The rules core computes; this module only loads the rows (a handful of queries, no model
instances) and walks the tree:

* an indicator's capaian *s.d. triwulan* follows its aggregation rule and target mode;
* a sub kegiatan, kegiatan or program has the mean of its own indicators' capaian when it
  has any that apply, otherwise the rollup of its children (the sample's rule for the
  Program Penunjang: the mean of its kegiatan, *not applicable* left out);
* an indicator with ``realisasi_dari`` takes as realisasi the capaian of that program;
* a sasaran has the mean of its indicators; the unit the rollup of its sasaran.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from kinerja import rules
from kinerja.budget.tree import BudgetTree, budget_trees
from kinerja.measurement.models import Realisasi
from kinerja.organisations.models import PerangkatDaerah
from kinerja.planning.models import Indikator, Sasaran, TargetTriwulan
from kinerja.planning.tree import LEVELS, Node, ProgramTree, load_trees

Target = Decimal | rules.Rentang | None
INDIKATOR_FIELDS = (
    "id",
    "nama",
    "satuan",
    "polaritas",
    "agregasi",
    "mode_target",
    "realisasi_dari_id",
    "sasaran_id",
    "program_id",
    "kegiatan_id",
    "sub_kegiatan_id",
    "iku",
)


@dataclass
class IndicatorScore:
    id: int
    nama: str
    satuan: str
    polaritas: str
    agregasi: str
    mode_target: str
    iku: bool
    realisasi_dari_id: int | None
    owner: tuple[str, int] = ("", 0)
    targets: list[Target] = field(default_factory=lambda: [None] * 4)
    realisasi: list[Decimal | None] = field(default_factory=lambda: [None] * 4)
    capaian_triwulan: rules.Capaian = rules.Capaian.na(rules.ALASAN_TANPA_TARGET)
    target_sd: Target = None
    realisasi_sd: Decimal | None = None
    capaian: rules.Capaian = rules.Capaian.na(rules.ALASAN_TANPA_TARGET)
    predikat: str | None = None


@dataclass
class NodeScore:
    level: str
    id: int
    kode: str
    nama: str
    indikator: list[IndicatorScore] = field(default_factory=list)
    children: list[NodeScore] = field(default_factory=list)
    rollup: rules.Rollup | None = None
    capaian: rules.Capaian = rules.Capaian.na(rules.ALASAN_ROLLUP_KOSONG)
    predikat: str | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Scorecard:
    perangkat: PerangkatDaerah
    tahun: int
    triwulan: int
    skala: rules.SkalaPredikat
    sasaran: list[NodeScore]
    programs: list[NodeScore]
    budget: BudgetTree
    unit: rules.Rollup

    def node(self, kode: str) -> NodeScore:
        for program in self.programs:
            for node in program.walk():
                if node.kode == kode:
                    return node
        raise KeyError(kode)

    def kegiatan_of(self, kode: str) -> list[NodeScore]:
        return self.node(kode).children


@dataclass
class _Settings:
    skala: rules.SkalaPredikat
    rumus_negatif: rules.RumusNegatif
    aturan: rules.AturanRollup
    cap: Decimal | None


def build_scorecard(perangkat: PerangkatDaerah, tahun: int, triwulan: int) -> Scorecard:
    """Everything a report or dashboard shows of one unit, year and quarter."""
    return build_scorecards([perangkat], tahun, triwulan)[perangkat.id]


def build_scorecards(
    perangkats: list[PerangkatDaerah], tahun: int, triwulan: int
) -> dict[int, Scorecard]:
    """:func:`build_scorecard` of many units (by id) in the queries of one: a kabupaten's
    recap costs the same dozen queries whether it has 1 unit or 40."""
    if triwulan not in (1, 2, 3, 4):
        raise ValueError("Triwulan harus 1 sampai 4.")
    perangkats = list(perangkats)
    ids = [p.id for p in perangkats]
    settings: dict[int, _Settings] = {}
    for p in perangkats:
        if p.pemda_id not in settings:
            pemda = p.pemda
            settings[p.pemda_id] = _Settings(
                skala=pemda.skala_predikat.to_rules(),
                rumus_negatif=rules.RumusNegatif(pemda.rumus_negatif),
                aturan=rules.AturanRollup(pemda.aturan_rollup),
                cap=pemda.batas_capaian,
            )
    trees = load_trees(ids, tahun)
    budgets = budget_trees(trees, tahun, triwulan)
    sasaran_rows: dict[int, list[tuple[int, int, str]]] = {pid: [] for pid in ids}
    for unit, sid, nomor, teks in (
        Sasaran.objects.filter(
            tujuan__renstra__perangkat_id__in=ids,
            tujuan__renstra__tahun_awal__lte=tahun,
            tujuan__renstra__tahun_akhir__gte=tahun,
        )
        .order_by("nomor")
        .values_list("tujuan__renstra__perangkat_id", "id", "nomor", "teks")
    ):
        sasaran_rows[unit].append((sid, nomor, teks))
    all_sasaran = [row[0] for rows in sasaran_rows.values() for row in rows]
    indicators = _load_indicators(ids, tahun, all_sasaran)
    return {
        p.id: _build(
            p,
            tahun,
            triwulan,
            settings[p.pemda_id],
            trees[p.id],
            budgets[p.id],
            sasaran_rows[p.id],
            indicators,
        )
        for p in perangkats
    }


def _build(
    perangkat: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    settings: _Settings,
    tree: ProgramTree,
    budget: BudgetTree,
    sasaran_rows: list[tuple[int, int, str]],
    indicators: _Indicators,
) -> Scorecard:
    unit_indicators = [i for sid, _, _ in sasaran_rows for i in indicators.of("sasaran", sid)]
    derived = any(i.realisasi_dari_id for i in unit_indicators)
    # A derived realisasi needs the program's capaian of every quarter up to this one.
    program_scores: dict[int, list[NodeScore]] = {}
    for q in range(1 if derived else triwulan, triwulan + 1):
        program_scores[q] = [_score_node(n, indicators, budget, settings, q) for n in tree.programs]
    programs = program_scores[triwulan]

    sasaran = []
    for sid, nomor, teks in sasaran_rows:
        node = NodeScore("sasaran", sid, str(nomor), teks)
        node.indikator = indicators.of("sasaran", sid)
        for ind in node.indikator:
            if ind.realisasi_dari_id:
                for q in range(1, triwulan + 1):
                    # The program belongs to one year: other years have no realisasi from it.
                    source = next(
                        (p for p in program_scores[q] if p.id == ind.realisasi_dari_id), None
                    )
                    ind.realisasi[q - 1] = source.capaian.value if source else None
            _score_indicator(ind, settings, triwulan)
        own = rules.rollup([i.capaian for i in node.indikator])
        node.rollup, node.capaian = own, own.capaian
        node.predikat = settings.skala.classify(node.capaian)
        node.children = [p for p in programs if _program_sasaran(tree, p) == sid]
        sasaran.append(node)
    unit = rules.rollup([s.capaian for s in sasaran])
    return Scorecard(perangkat, tahun, triwulan, settings.skala, sasaran, programs, budget, unit)


def _program_sasaran(tree: ProgramTree, score: NodeScore) -> int | None:
    return tree.get("program", score.id).sasaran_id


class _Indicators(dict):
    """Indicator scores by id, with a lookup by owner."""

    def __init__(self) -> None:
        super().__init__()
        self.by_owner: dict[tuple[str, int], list[IndicatorScore]] = {}

    def add(self, score: IndicatorScore) -> None:
        self[score.id] = score
        self.by_owner.setdefault(score.owner, []).append(score)

    def of(self, level: str, owner_id: int) -> list[IndicatorScore]:
        return self.by_owner.get((level, owner_id), [])

    def get_all(self, level: str) -> list[IndicatorScore]:
        return [i for i in self.values() if i.owner[0] == level]


def _load_indicators(perangkat_ids: list[int], tahun: int, sasaran_ids: list[int]) -> _Indicators:
    scope = (
        Q(program__perangkat_id__in=perangkat_ids, program__tahun=tahun)
        | Q(kegiatan__program__perangkat_id__in=perangkat_ids, kegiatan__program__tahun=tahun)
        | Q(
            sub_kegiatan__kegiatan__program__perangkat_id__in=perangkat_ids,
            sub_kegiatan__kegiatan__program__tahun=tahun,
        )
        | Q(sasaran_id__in=sasaran_ids)
    )
    indicators = _Indicators()
    for row in (
        Indikator.objects.filter(scope).order_by("urutan", "id").values_list(*INDIKATOR_FIELDS)
    ):
        data = dict(zip(INDIKATOR_FIELDS, row, strict=True))
        owners = [(lvl, data.pop(f"{lvl}_id")) for lvl in ("sasaran", *LEVELS)]
        owner = next(o for o in owners if o[1] is not None)
        indicators.add(IndicatorScore(**data, owner=owner))
    ids = list(indicators)
    targets = TargetTriwulan.objects.filter(indikator_id__in=ids, tahun=tahun).order_by()
    for iid, tw, nilai, atas in targets.values_list(
        "indikator_id", "triwulan", "nilai", "nilai_atas"
    ):
        indicators[iid].targets[tw - 1] = nilai if atas is None else rules.Rentang(nilai, atas)
    realisasi = Realisasi.objects.filter(
        indikator_id__in=ids, tahun=tahun, nilai__isnull=False
    ).order_by()
    for iid, tw, nilai in realisasi.values_list("indikator_id", "triwulan", "nilai"):
        indicators[iid].realisasi[tw - 1] = nilai
    return indicators


def _score_indicator(ind: IndicatorScore, settings: _Settings, triwulan: int) -> None:
    options = {
        "polaritas": rules.Polaritas(ind.polaritas),
        "rumus_negatif": settings.rumus_negatif,
        "cap": settings.cap,
    }
    ind.capaian_triwulan = rules.capaian_triwulan(ind.targets, ind.realisasi, triwulan, **options)
    rule, mode = rules.Agregasi(ind.agregasi), rules.ModeTarget(ind.mode_target)
    ind.target_sd, ind.realisasi_sd = rules.year_to_date(
        ind.targets, ind.realisasi, triwulan, rule, mode
    )
    ind.capaian = rules.compute_capaian(ind.target_sd, ind.realisasi_sd, **options)
    ind.predikat = settings.skala.classify(ind.capaian)


def _score_node(
    node: Node, indicators: _Indicators, budget: BudgetTree, settings: _Settings, triwulan: int
) -> NodeScore:
    score = NodeScore(node.level, node.id, node.kode, node.nama)
    score.children = [_score_node(c, indicators, budget, settings, triwulan) for c in node.children]
    score.indikator = indicators.of(node.level, node.id)
    for ind in score.indikator:
        _score_indicator(ind, settings, triwulan)
    own = rules.rollup([i.capaian for i in score.indikator])
    if score.children:
        weights = [budget.of(c).anggaran for c in node.children]
        score.rollup = rules.rollup([c.capaian for c in score.children], settings.aturan, weights)
    score.capaian = (
        own.capaian if own.capaian.applicable or score.rollup is None else (score.rollup.capaian)
    )
    score.predikat = settings.skala.classify(score.capaian)
    return score
