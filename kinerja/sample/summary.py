"""The demo's printout: Tabel 3.1, program and kegiatan capaian, the budget total."""

from __future__ import annotations

from kinerja.measurement.scorecard import Scorecard
from kinerja.rules import format_angka, format_persen, format_rupiah, format_triwulan, ringkas
from kinerja.sample.texttable import render


def _capaian(c) -> str:
    return format_angka(c.value) if c.applicable else "–"


def tabel_3_1(card: Scorecard) -> str:
    rows = []
    for s in card.sasaran:
        for ind in s.indikator:
            rows.append(
                [
                    s.kode,
                    ringkas(ind.nama, 58),
                    format_angka(_plain(ind.target_sd), None),
                    format_angka(ind.realisasi_sd, None),
                    _capaian(ind.capaian),
                    ind.predikat or "–",
                ]
            )
    headers = ["No", "Indikator kinerja sasaran", "Target", "Realisasi", "Capaian (%)", "Predikat"]
    return render(headers, rows, right={2, 3, 4})


def _plain(target):
    return getattr(target, "atas", target)


def programs(card: Scorecard) -> str:
    rows = [
        [p.kode, ringkas(p.nama, 62), _capaian(p.capaian), p.predikat or "–"] for p in card.programs
    ]
    return render(["Kode", "Program", "Capaian (%)", "Predikat"], rows, right={2})


def kegiatan(card: Scorecard, program_kode: str) -> str:
    program = card.node(program_kode)
    rows = [
        [k.kode, ringkas(k.nama, 62), _capaian(k.capaian), k.predikat or "–"]
        for k in program.children
    ]
    table = render(["Kode", "Kegiatan", "Capaian (%)", "Predikat"], rows, right={2})
    notes = sorted({f"– {k.capaian.reason}" for k in program.children if not k.capaian.applicable})
    r = program.rollup
    formula = (
        f"Capaian program = {format_angka(r.total, None)} / {r.count} = "
        f"{format_angka(r.capaian.value)} ({r.excluded} kegiatan tanpa capaian tidak dihitung)"
    )
    return "\n".join([table, *notes, formula])


def budget(card: Scorecard) -> str:
    total = card.budget.total
    return (
        f"Realisasi anggaran s.d. {format_triwulan(card.triwulan)} {card.tahun}: "
        f"anggaran {format_rupiah(total.anggaran, 2)}, "
        f"realisasi {format_rupiah(total.realisasi, 2)}, serapan {format_persen(total.serapan)}"
    )


def full(card: Scorecard, program_kode: str) -> str:
    title = f"{card.perangkat.nama} — {format_triwulan(card.triwulan)} {card.tahun}"
    return "\n\n".join(
        [
            title,
            "Tabel 3.1 Pengukuran capaian Perjanjian Kinerja (s.d. triwulan)\n" + tabel_3_1(card),
            "Capaian kinerja program\n" + programs(card),
            f"Capaian kegiatan program {card.node(program_kode).nama}\n"
            + kegiatan(card, program_kode),
            budget(card),
        ]
    )
