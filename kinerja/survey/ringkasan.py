"""The IKM of an answer file as a plain-text summary (``kinerja ikm``), in Indonesian format."""

from __future__ import annotations

from pathlib import Path

from kinerja.rules import format_angka, format_bilangan
from kinerja.rules.ikm import HasilIkm, hitung_ikm, kuesioner_preset, peringatan_sampel
from kinerja.sample.texttable import render
from kinerja.survey.berkas import baca_berkas
from kinerja.survey.domain import PRESET_BAKU

__all__ = ["PRESET_BAKU", "ringkasan", "ringkasan_berkas"]


def ringkasan(h: HasilIkm, judul: str = "", populasi: int | None = None) -> str:
    """NRR per unsur, NRR tertimbang, IKM, mutu and kinerja as a text block."""
    k = h.kuesioner
    baris = [
        (
            u.unsur.kode,
            u.unsur.nama,
            format_bilangan(u.responden),
            format_bilangan(u.jumlah_nilai),
            format_angka(u.nrr),
            format_angka(u.nrr_tertimbang, 3),
        )
        for u in h.unsur
    ]
    tabel = render(
        ("Unsur", "Nama unsur", "Menjawab", "Jumlah nilai", "NRR", "NRR tertimbang"),
        baris,
        right={2, 3, 4, 5},
    )
    keterangan = [f"Kuesioner: {k.nama}, bobot tiap unsur {_bobot(h)}"]
    if judul:
        keterangan.append(f"Berkas: {judul}")
    keterangan.append(f"Responden: {format_bilangan(h.responden)}")
    lines = [*keterangan, "", tabel, ""]
    if h.ikm_tepat is None:
        lines.append(f"IKM tidak dapat dihitung: {h.alasan}.")
    else:
        terlemah = "; ".join(f"{u.unsur.kode} {u.unsur.nama}" for u in h.terlemah)
        lines += [
            f"NRR tertimbang:          {format_angka(h.nrr_tertimbang, 3)}",
            f"IKM (× 25):              {format_angka(h.ikm)}",
            f"Mutu pelayanan:          {h.mutu}",
            f"Kinerja unit pelayanan:  {h.kinerja}",
            f"Unsur terendah:          {terlemah} (NRR {format_angka(h.terlemah[0].nrr)})",
        ]
    kurang = [
        f"{u.unsur.kode} ({format_bilangan(u.responden)})"
        for u in h.unsur
        if u.responden < h.responden
    ]
    if kurang:
        lines.append(
            "Catatan: responden yang tidak menjawab suatu unsur tidak dihitung pada unsur itu: "
            + ", ".join(kurang)
            + "."
        )
    peringatan = peringatan_sampel(populasi, h.responden)
    if peringatan:
        lines.append(f"Peringatan: {peringatan}")
    return "\n".join(lines) + "\n"


def _bobot(h: HasilIkm) -> str:
    bobot = {u.bobot for u in h.kuesioner.unsur}
    return str(bobot.pop()) if len(bobot) == 1 else "berbeda per unsur"


def ringkasan_berkas(berkas, preset: str = PRESET_BAKU, populasi: int | None = None) -> str:
    """Read ``berkas`` (CSV/XLSX) with the questionnaire ``preset`` and summarise it.

    Raises :class:`~kinerja.survey.berkas.BerkasTidakSah` (a ``ValueError``) with every
    problem when the file cannot be used.
    """
    k = kuesioner_preset(preset)
    baris = baca_berkas(berkas, jumlah_unsur=len(k.unsur))
    h = hitung_ikm(k, [b.jawaban for b in baris])
    return ringkasan(h, Path(str(berkas)).name, populasi)
