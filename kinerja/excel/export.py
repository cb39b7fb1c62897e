"""The tables the app shows, as sheets: realisasi and capaian per quarter, the budget tree,
the follow-up matrix, the pemda recap and IKM results; written as one XLSX workbook or CSV files.

Every number is a real numeric cell (exact Decimal) with an explicit format; trees get row
outline levels; nothing here formats numbers as text except range targets (``80 – 90``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kinerja import rules
from kinerja.budget.tree import budget_tree
from kinerja.evaluation.models import TindakLanjut
from kinerja.measurement.scorecard import Scorecard, build_scorecard, build_scorecards
from kinerja.organisations.models import PerangkatDaerah
from kinerja.rules import format_triwulan

from .sheet import Kolom, Lembar, buku_xlsx, ke_csv
from .template import TW, target_teks

FORMATS = ("xlsx", "csv")
PEMISAH = (",", ";")


def _nilai(c: rules.Capaian):
    return c.value if c.applicable else None


def _target(t):
    if isinstance(t, rules.Rentang):
        return target_teks(t.bawah, t.atas)
    return t


def capaian_lembar(cards: list[Scorecard]) -> Lembar:
    """Realisasi and capaian of every indicator per quarter, under sasaran and the tree."""
    q_cols = []
    for q in TW:
        tw = format_triwulan(q, short=True)
        q_cols += [
            Kolom(f"Target {tw}", "angka"),
            Kolom(f"Realisasi {tw}", "angka"),
            Kolom(f"Capaian {tw} (%)", "persen"),
        ]
    last = cards[-1]
    sd = format_triwulan(last.triwulan, short=True)
    kolom = [
        Kolom("Kode", "kode"),
        Kolom("Uraian / indikator", lebar=60),
        Kolom("Satuan"),
        Kolom("Polaritas"),
        *q_cols,
        Kolom(f"Target s.d. {sd}", "angka"),
        Kolom(f"Realisasi s.d. {sd}", "angka"),
        Kolom(f"Capaian s.d. {sd} (%)", "persen"),
        Kolom("Predikat"),
    ]
    per_q = [_by_id(card) for card in cards]
    sheet = Lembar("Capaian", kolom)
    width = len(kolom)

    def node_row(kode, nama, node, depth):
        row = [kode, nama] + [None] * (width - 4) + [_nilai(node.capaian), node.predikat or ""]
        sheet.tambah(row, depth, True)

    def indicator_rows(indicators, depth):
        for ind in indicators:
            cells = [None, ind.nama, ind.satuan, ind.polaritas]
            for q in TW:
                score = per_q[q - 1].get(ind.id) if q <= len(per_q) else None
                cells += [
                    _target(ind.targets[q - 1]) if q <= last.triwulan else None,
                    ind.realisasi[q - 1] if q <= last.triwulan else None,
                    _nilai(score.capaian_triwulan) if score else None,
                ]
            cells += [
                _target(ind.target_sd),
                ind.realisasi_sd,
                _nilai(ind.capaian),
                ind.predikat or "",
            ]
            sheet.tambah(cells, depth)

    for s in last.sasaran:
        node_row(f"Sasaran {s.kode}", s.nama, s, 0)
        indicator_rows(s.indikator, 1)

    def walk(node, depth):
        node_row(node.kode, node.nama, node, depth)
        indicator_rows(node.indikator, depth + 1)
        for child in node.children:
            walk(child, depth + 1)

    for program in last.programs:
        walk(program, 0)
    return sheet


def _by_id(card: Scorecard) -> dict:
    scores = {}
    for s in card.sasaran:
        scores.update({i.id: i for i in s.indikator})
    for program in card.programs:
        for node in program.walk():
            scores.update({i.id: i for i in node.indikator})
    return scores


def anggaran_lembar(perangkat: PerangkatDaerah, tahun: int, triwulan: int = 4) -> Lembar:
    """The budget tree: every parent computed from its belanja lines, outlined."""
    budget = budget_tree(perangkat.id, tahun, triwulan)
    sd = format_triwulan(triwulan, short=True)
    sheet = Lembar(
        "Anggaran",
        [
            Kolom("Kode", "kode"),
            Kolom("Uraian", lebar=60),
            Kolom("Kode rekening", "kode"),
            Kolom("Anggaran", "rupiah"),
            Kolom(f"Realisasi s.d. {sd}", "rupiah"),
            Kolom("Serapan (%)", "persen"),
        ],
    )
    total = budget.total
    sheet.tambah(
        ["", "Jumlah", None, total.anggaran, total.realisasi, _nilai(total.serapan)], 0, True
    )

    def walk(node, depth):
        t = budget.of(node)
        sheet.tambah(
            [node.kode, node.nama, None, t.anggaran, t.realisasi, _nilai(t.serapan)], depth, True
        )
        for line in budget.lines.get(node.id, []) if node.level == "sub_kegiatan" else []:
            sheet.tambah(
                [
                    None,
                    line.uraian,
                    line.kode_rekening or None,
                    line.anggaran,
                    line.realisasi,
                    _nilai(line.serapan),
                ],
                depth + 1,
            )
        for child in node.children:
            walk(child, depth + 1)

    for program in budget.tree.programs:
        walk(program, 1)
    return sheet


def tindak_lanjut_lembar(perangkat: PerangkatDaerah, tahun: int) -> Lembar:
    sheet = Lembar(
        "Tindak lanjut",
        [
            Kolom("No.", "bulat"),
            Kolom("Evaluasi"),
            Kolom("Rekomendasi", lebar=60),
            Kolom("Rencana aksi", lebar=45),
            Kolom("Status"),
            Kolom("Progres", lebar=45),
        ],
    )
    for t in TindakLanjut.objects.filter(perangkat=perangkat, tahun=tahun):
        evaluasi = format_triwulan(t.triwulan) if t.triwulan else "Tahunan"
        sheet.tambah(
            [
                t.nomor,
                f"{evaluasi} {t.tahun}",
                t.rekomendasi,
                t.rencana_aksi,
                t.get_status_display(),
                t.progres,
            ]
        )
    return sheet


def rekap_pemda_lembar(pemda, tahun: int, triwulan: int = 4) -> Lembar:
    """One row per unit of the pemda: capaian, predikat, anggaran, realisasi, serapan."""
    sheet = Lembar(
        "Rekap pemda",
        [
            Kolom("Kode", "kode"),
            Kolom("Perangkat daerah"),
            Kolom("Capaian (%)", "persen"),
            Kolom("Predikat"),
            Kolom("Anggaran", "rupiah"),
            Kolom("Realisasi", "rupiah"),
            Kolom("Serapan (%)", "persen"),
        ],
    )
    units = list(
        PerangkatDaerah.objects.filter(pemda=pemda).select_related("pemda__skala_predikat")
    )
    cards = build_scorecards(units, tahun, triwulan)
    for unit in units:
        card = cards[unit.id]
        sheet.tambah(
            [
                unit.kode,
                unit.nama,
                _nilai(card.unit.capaian),
                card.skala.classify(card.unit.capaian) or "",
                card.budget.total.anggaran,
                card.budget.total.realisasi,
                _nilai(card.budget.total.serapan),
            ]
        )
    return sheet


def ikm_lembar(perangkat: PerangkatDaerah, tahun: int, triwulan: int = 4) -> Lembar:
    """IKM results of the unit's surveys of TW I up to ``triwulan``: per survey (whole unit,
    then each service) its IKM, mutu and kinerja, then each unsur with the frequency of
    answers 1–4, NRR and weighted NRR (:func:`kinerja.survey.hasil.hasil`)."""
    from kinerja.survey.hasil import hasil
    from kinerja.survey.models import Survei

    sheet = Lembar(
        "IKM",
        [
            Kolom("Triwulan"),
            Kolom("Layanan / unsur", lebar=50),
            Kolom("Responden", "bulat"),
            *(Kolom(f"Menjawab {n}", "bulat") for n in (1, 2, 3, 4)),
            Kolom("NRR", "angka"),
            Kolom("NRR tertimbang", "angka"),
            Kolom("IKM", "angka"),
            Kolom("Mutu"),
            Kolom("Kinerja"),
        ],
    )
    surveys = (
        Survei.objects.filter(perangkat=perangkat, tahun=tahun, triwulan__lte=triwulan)
        .select_related("kuesioner", "layanan")
        .order_by("triwulan", "layanan__urutan", "layanan__nama")
    )
    for survei in surveys:
        h = hasil(survei).ikm
        tw = format_triwulan(survei.triwulan, short=True)
        nama = survei.layanan.nama if survei.layanan_id else "Seluruh layanan"
        sheet.tambah(
            [tw, nama, h.responden, None, None, None, None, None, h.nrr_tertimbang]
            + [h.ikm_dibulatkan, h.mutu or "", h.kinerja or ""],
            0,
            True,
        )
        for u in h.unsur:
            sheet.tambah(
                [tw, f"{u.unsur.kode} {u.unsur.nama}", u.responden, *u.frekuensi, u.nrr]
                + [u.nrr_tertimbang, None, "", ""],
                1,
            )
    return sheet


def semua_lembar(perangkat: PerangkatDaerah, tahun: int, triwulan: int = 4) -> list[Lembar]:
    cards = [build_scorecard(perangkat, tahun, q) for q in range(1, triwulan + 1)]
    return [
        capaian_lembar(cards),
        anggaran_lembar(perangkat, tahun, triwulan),
        tindak_lanjut_lembar(perangkat, tahun),
        ikm_lembar(perangkat, tahun, triwulan),
        rekap_pemda_lembar(perangkat.pemda, tahun, triwulan),
    ]


@dataclass
class Berkas:
    path: Path
    size: int


def tulis_ekspor(
    perangkat: PerangkatDaerah,
    tahun: int,
    keluaran: Path,
    fmt: str = "xlsx",
    pemisah: str = ",",
    triwulan: int = 4,
) -> list[Berkas]:
    """Write the unit's tables into folder ``keluaran``; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal; pilih xlsx atau csv.")
    if pemisah not in PEMISAH:
        raise ValueError("Pemisah CSV harus ',' atau ';'.")
    keluaran.mkdir(parents=True, exist_ok=True)
    sheets = semua_lembar(perangkat, tahun, triwulan)
    base = f"{perangkat.kode}-{tahun}"
    files = []
    if fmt == "xlsx":
        path = keluaran / f"{base}.xlsx"
        path.write_bytes(buku_xlsx(sheets))
        files.append(path)
    else:
        for sheet in sheets:
            path = keluaran / f"{base}-{sheet.nama.lower().replace(' ', '-')}.csv"
            path.write_text(ke_csv(sheet, pemisah), encoding="utf-8", newline="")
            files.append(path)
    return [Berkas(p, p.stat().st_size) for p in files]
