"""Indonesian sentences about capaian, generated from the figures (pure Python).

Every sentence is complete for every case a report meets: a quarter without a target,
a target without realisasi, a zero target, capaian below, at or above 100 %, negative
polarity, range targets. No placeholder, ``None`` or ``nan`` can reach the text.

>>> from decimal import Decimal as D
>>> from kinerja import rules
>>> kalimat_capaian("sub kegiatan", "Penyediaan Gaji dan Tunjangan ASN", 4, D(20), D(20),
...     "Orang", rules.Capaian(D(100)))
'Target kinerja pada triwulan IV untuk sub kegiatan Penyediaan Gaji dan Tunjangan ASN \
adalah 20 Orang dengan realisasi 20 Orang atau capaian 100%. Target tercapai sepenuhnya.'
"""

from __future__ import annotations

from decimal import Decimal

from kinerja import rules
from kinerja.rules import Capaian, Polaritas, Rentang, RumusNegatif

_TANPA_SATUAN = {"", "indeks", "nilai", "skor", "poin"}
_PERSEN = {"%", "persen"}
_RUMUS_NEGATIF = {
    RumusNegatif.DUA_T_KURANG_R: "(2 × Target − Realisasi) / Target × 100%",
    RumusNegatif.T_BAGI_R: "Target / Realisasi × 100%",
}
_RUMUS_POSITIF = "Realisasi / Target × 100%"
NBSP = "\u00a0"  # a space no line breaks at


def angka(value: Decimal | None) -> str:
    """A figure as people write it in a sentence: at most two decimals, no trailing zeros."""
    if value is None:
        return rules.KOSONG
    return rules.format_angka(rules.round_half_up(value, 2), None)


def persen(c: Capaian | Decimal | None) -> str:
    """``105,78%``, ``100%``; not applicable → "–"."""
    value = c.value if isinstance(c, Capaian) else c
    return rules.KOSONG if value is None else f"{angka(value)}%"


def rupiah(value: Decimal) -> str:
    """``Rp 4.094.740.600`` in a sentence: "Rp" never ends a line apart from its amount."""
    return unbroken(rules.format_rupiah(value))


def besaran(value: Decimal | Rentang | None, satuan: str) -> str:
    """A quantity with its unit: ``20 Orang``, ``80,1``, ``100%``, ``80–90%``."""
    if value is None:
        return rules.KOSONG
    if isinstance(value, Rentang):
        text = f"{angka(value.bawah)}–{angka(value.atas)}"
    else:
        text = angka(value)
    unit = satuan.strip()
    if unit.lower() in _PERSEN:
        return f"{text}%"
    if unit.lower() in _TANPA_SATUAN:
        return text
    return f"{text} {unit}"


def unbroken(text: str) -> str:
    """``text`` kept on one line: a formula such as ``750 / 8 =`` never breaks inside."""
    return text.replace(" ", NBSP)


def subjek(level: str, nama: str) -> str:
    """``program X``, but ``Program Penunjang …`` rather than ``program Program Penunjang``."""
    if level and nama.lower().startswith(level.lower() + " "):
        return nama
    return f"{level} {nama}".strip()


def rumus(polaritas: str, rumus_negatif: str = RumusNegatif.DUA_T_KURANG_R.value) -> str:
    """The capaian formula in words, for the "dapat dihitung dengan formulasi" line."""
    if Polaritas(polaritas) is Polaritas.NEGATIF:
        return "Capaian = " + _RUMUS_NEGATIF[RumusNegatif(rumus_negatif)]
    return "Capaian = " + _RUMUS_POSITIF


def kalimat_capaian(
    level: str,
    nama: str,
    periode: int | str,
    target: Decimal | Rentang | None,
    realisasi: Decimal | None,
    satuan: str,
    capaian: Capaian,
    polaritas: str = Polaritas.POSITIF.value,
) -> str:
    """The sentence under an indicator table, for a quarter (``periode`` 1–4: "triwulan
    IV") or a period in words (an annual report's "tahun 2024")."""
    tw = _triwulan(periode) if isinstance(periode, int) else periode
    subject = subjek(level, nama)
    if target is None:
        if realisasi is None:
            return (
                f"Pada {tw} tidak terdapat target kinerja untuk {subject}, sehingga "
                f"capaian {tw} tidak dihitung."
            )
        return (
            f"Pada {tw} tidak terdapat target kinerja untuk {subject}; realisasi sebesar "
            f"{besaran(realisasi, satuan)} dicatat tanpa dihitung sebagai capaian."
        )
    head = f"Target kinerja pada {tw} untuk {subject} adalah {besaran(target, satuan)}"
    if realisasi is None:
        return f"{head}, namun realisasinya belum diisi sehingga capaian belum dapat dihitung."
    body = f"{head} dengan realisasi {besaran(realisasi, satuan)}"
    if not capaian.applicable:
        return f"{body}; capaian tidak dihitung karena {capaian.reason}."
    sentence = f"{body} atau capaian {persen(capaian)}."
    return f"{sentence} {penilaian(capaian, target, realisasi, satuan, polaritas)}".strip()


def kalimat_sd(
    triwulan: int,
    target: Decimal | Rentang | None,
    realisasi: Decimal | None,
    satuan: str,
    capaian: Capaian,
    polaritas: str = Polaritas.POSITIF.value,
) -> str:
    """The year-to-date sentence: what counts for the rollups and Tabel 3.1."""
    sd = "Sampai dengan " + _triwulan(triwulan)
    if target is None:
        return f"{sd} tidak terdapat target kinerja, sehingga capaian tidak dihitung."
    head = f"{sd} target kumulatif adalah {besaran(target, satuan)}"
    if realisasi is None:
        return f"{head}, namun realisasinya belum diisi sehingga capaian belum dapat dihitung."
    body = f"{head} dengan realisasi {besaran(realisasi, satuan)}"
    if not capaian.applicable:
        return f"{body}; capaian tidak dihitung karena {capaian.reason}."
    return f"{body} atau capaian {persen(capaian)}."


def _triwulan(q: int) -> str:
    """``triwulan IV``: the quarter inside a sentence."""
    return "triwulan " + rules.format_triwulan(q).split()[-1]


def penilaian(
    capaian: Capaian,
    target: Decimal | Rentang | None,
    realisasi: Decimal | None,
    satuan: str,
    polaritas: str,
) -> str:
    """A short judgement after the figures: met, exceeded or short, and by how much."""
    if not capaian.applicable:
        return ""
    negatif = Polaritas(polaritas) is Polaritas.NEGATIF
    note = (
        " Indikator ini berpolaritas negatif: makin rendah realisasi makin baik." if negatif else ""
    )
    value = capaian.value
    if value == 100:
        return ("Target tercapai sepenuhnya." + note).strip()
    if isinstance(target, Rentang) or target is None or realisasi is None:
        gap = ""
    elif satuan.strip().lower() in _PERSEN:  # two percentages differ in points
        gap = f" (selisih {angka(abs(realisasi - target))} poin)"
    else:
        gap = f" (selisih {besaran(abs(realisasi - target), satuan)})"
    if value > 100:
        verb = "lebih rendah dari" if negatif else "melampaui"
        return f"Realisasi {verb} target{gap}, capaian di atas 100%.{note}"
    verb = "lebih tinggi dari" if negatif else "belum mencapai"
    return f"Realisasi {verb} target{gap}, capaian di bawah 100%.{note}"


def kalimat_rollup(
    level: str, nama: str, anak: str, rollup: rules.Rollup, tertimbang: bool = False
) -> str:
    """How a node's capaian came from its ``anak`` (children): ``750 / 8 = 93,75``.

    ``tertimbang``: the budget-weighted rule, where ``total`` is not a sum of capaian.
    """
    subject = subjek(level, nama)
    if not rollup.capaian.applicable:
        return (
            f"Capaian {subject} belum dapat dihitung karena belum ada capaian {anak} "
            "yang dapat dihitung."
        )
    left_out = (
        f" Sebanyak {jumlah(rollup.excluded)} {anak} tidak dihitung karena tidak memiliki "
        "target atau realisasi."
        if rollup.excluded
        else ""
    )
    if rollup.count == 1:
        return (
            f"Capaian {subject} sama dengan capaian satu-satunya {anak} yang dapat dihitung, "
            f"yaitu {persen(rollup.capaian)}.{left_out}"
        )
    if tertimbang:
        return (
            f"Capaian {subject} adalah rata-rata capaian {jumlah(rollup.count)} {anak} yang "
            f"dapat dihitung, tertimbang dengan anggarannya: {persen(rollup.capaian)}.{left_out}"
        )
    return (
        f"Capaian {subject} adalah rata-rata capaian {jumlah(rollup.count)} {anak} yang "
        "dapat dihitung: "
        + unbroken(f"{angka(rollup.total)} / {rollup.count} = {persen(rollup.capaian)}")
        + f".{left_out}"
    )


def kalimat_kurang(anak: str, kurang: list[tuple[str, Capaian]]) -> str:
    """Which children held a capaian below 100 % down: the cause to look for first."""
    if not kurang:
        return ""
    names = daftar([f"{nama} ({persen(c)})" for nama, c in kurang])
    return f"Capaian di bawah 100% berasal dari {anak} {names}."


def kalimat_serapan(nama: str, anggaran: Decimal, realisasi: Decimal, serapan: Capaian) -> str:
    if not serapan.applicable:
        return f"{nama} tidak memiliki pagu anggaran pada tahun ini."
    return (
        f"Pagu anggaran {nama} sebesar {rupiah(anggaran)} terealisasi "
        f"{rupiah(realisasi)} atau serapan {persen(serapan)}."
    )


def analisis(pendukung: str, penghambat: str, solusi: str) -> list[tuple[str, str]]:
    """The analysis text users entered, as (label, text) pairs; empty parts left out."""
    parts = [
        ("Faktor pendukung", pendukung),
        ("Faktor penghambat", penghambat),
        ("Solusi/tindak lanjut", solusi),
    ]
    return [(label, text.strip()) for label, text in parts if text and text.strip()]


def daftar(items: list[str]) -> str:
    """``a, b dan c``: items in a sentence."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


_ANGKA = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def jumlah(n: int) -> str:
    """``8 (delapan) unsur`` style counts, as Indonesian reports write them."""
    word = _ANGKA[n] if 0 <= n < len(_ANGKA) else ""
    return f"{n} ({word})" if word else str(n)
