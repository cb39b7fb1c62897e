"""What a report's reader would miss: data the unit has not filled in yet, said in a short
list beside the files (the command, the demo), never inside the report itself.

A report is built from whatever is recorded; these notes name the gaps that show in it (a
signature without a name, a quarter's realisasi left empty, a shortfall without its cause),
so that the unit fills them in before it signs.
"""

from __future__ import annotations

from kinerja import rules
from kinerja.organisations.models import PerangkatDaerah
from kinerja.reports import narrative

from .context import ReportContext
from .penutup import all_indicators, below_target

PANJANG = 60  # an indicator's name in a note, shortened at a whole word


def kepala(perangkat: PerangkatDaerah) -> list[str]:
    """The head's name and NIP, which every signature block prints."""
    fields = (("nama", perangkat.kepala_nama), ("NIP", perangkat.kepala_nip))
    kosong = [label for label, value in fields if not value.strip()]
    if not kosong:
        return []
    apa = narrative.daftar(kosong)
    return [
        f"{apa[0].upper()}{apa[1:]} kepala {perangkat.nama} belum diisi (admin, Perangkat daerah): "
        f"tanda tangan laporan tanpa {apa}."
    ]


def kelengkapan(ctx: ReportContext, jenis: str) -> tuple[str, ...]:
    notes = kepala(ctx.perangkat)
    if jenis == "pk" and ctx.pk is not None and ctx.pk.tanggal is None:
        notes.append(
            f"Tanggal penandatanganan Perjanjian Kinerja {ctx.tahun} belum diisi: "
            f"dokumen PK hanya mencantumkan tahun {ctx.tahun}."
        )
    tanpa_definisi = sorted(
        {
            i.nama
            for t in ctx.tujuan
            for owner in (t, *t.sasaran)
            for i in owner.indikator
            if i.iku and not i.definisi.strip()
        }
    )
    if tanpa_definisi:
        notes.append(f"Definisi/formulasi IKU belum diisi: {_names(tanpa_definisi)}.")
    kosong = []
    for _, _, ind in all_indicators(ctx):
        quarters = [
            rules.format_triwulan(q + 1, short=True)
            for q in range(ctx.triwulan)
            if ind.targets[q] is not None and ind.realisasi[q] is None
        ]
        if quarters:
            kosong.append(f"{rules.ringkas(ind.nama, PANJANG)} ({narrative.daftar(quarters)})")
    if kosong:
        notes.append(
            f"Realisasi belum diisi pada triwulan yang bertarget, {narrative.jumlah(len(kosong))} "
            f"indikator: {'; '.join(kosong)}."
        )
    tanpa_sebab = [
        ind.nama
        for *_, ind in below_target(ctx)
        if not any(t.strip() for t in ctx.analisis.get(ind.id, ("", "", ""))[1:])
    ]
    if tanpa_sebab:
        notes.append(
            "Indikator di bawah target tanpa faktor penghambat maupun solusi: "
            + _names(tanpa_sebab)
            + "."
        )
    return tuple(notes)


def _names(names: list[str]) -> str:
    return "; ".join(rules.ringkas(n, PANJANG) for n in names)
