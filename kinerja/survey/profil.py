"""The respondent's profile as the questionnaire form asks it, read strictly.

One function for every way in (public form, paper import): :func:`baca_profil` takes raw
values and returns clean field values plus Indonesian messages per field.
"""

from __future__ import annotations

from collections.abc import Mapping

from kinerja.survey.models import Responden

KOLOM_PROFIL = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "jenis_layanan", "saran")
USIA_MAKSIMUM = 120
PANJANG_SARAN = 4000

_JENIS_KELAMIN = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "pria": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
}
_PENDIDIKAN_ALIAS = {
    "SLTP": "SMP",
    "SLTA": "SMA",
    "SMK": "SMA",
    "D1": "DIPLOMA",
    "D2": "DIPLOMA",
    "D3": "DIPLOMA",
    "D4": "S1",
}


def teks(nilai: object) -> str:
    """A cell or form value as stripped text ("" for None); 3.0 from Excel becomes "3"."""
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


def _usia(nilai: object) -> int | None:
    if isinstance(nilai, bool):
        raise ValueError
    if isinstance(nilai, int):
        angka = nilai
    else:
        isi = teks(nilai)
        if not isi:
            return None
        if not isi.isdigit():
            raise ValueError
        angka = int(isi)
    if not 1 <= angka <= USIA_MAKSIMUM:
        raise ValueError
    return angka


def baca_profil(data: Mapping[str, object]) -> tuple[dict, dict[str, str]]:
    """Clean profile values and the errors per field (both keyed by model field name)."""
    bersih: dict[str, object] = {}
    galat: dict[str, str] = {}

    jk = teks(data.get("jenis_kelamin")).lower()
    if jk and jk not in _JENIS_KELAMIN:
        galat["jenis_kelamin"] = "jenis kelamin harus L (laki-laki) atau P (perempuan)"
    bersih["jenis_kelamin"] = _JENIS_KELAMIN.get(jk, "")

    try:
        bersih["usia"] = _usia(data.get("usia"))
    except ValueError:
        galat["usia"] = f"usia harus bilangan bulat 1 sampai {USIA_MAKSIMUM} (tahun)"
        bersih["usia"] = None

    pend = teks(data.get("pendidikan")).upper().replace(" ", "")
    pend = _PENDIDIKAN_ALIAS.get(pend, pend)
    if pend and pend not in Responden.Pendidikan.values:
        pilihan = ", ".join(Responden.Pendidikan.values)
        galat["pendidikan"] = f"pendidikan harus salah satu dari: {pilihan}"
    bersih["pendidikan"] = pend if pend in Responden.Pendidikan.values else ""

    kerja = teks(data.get("pekerjaan"))
    lainnya = teks(data.get("pekerjaan_lainnya"))
    if kerja.upper() in Responden.Pekerjaan.values:
        kerja = kerja.upper()
    elif kerja:  # the form's "Lainnya ....... (sebutkan)"
        kerja, lainnya = Responden.Pekerjaan.LAINNYA, lainnya or kerja
    elif lainnya:
        kerja = Responden.Pekerjaan.LAINNYA
    if len(lainnya) > 100:
        galat["pekerjaan"] = "keterangan pekerjaan paling panjang 100 huruf"
    bersih["pekerjaan"], bersih["pekerjaan_lainnya"] = kerja, lainnya[:100]

    layanan = teks(data.get("jenis_layanan"))
    if len(layanan) > 200:
        galat["jenis_layanan"] = "jenis layanan paling panjang 200 huruf"
    bersih["jenis_layanan"] = layanan[:200]

    saran = teks(data.get("saran"))
    if len(saran) > PANJANG_SARAN:
        galat["saran"] = f"saran paling panjang {PANJANG_SARAN} huruf"
    bersih["saran"] = saran[:PANJANG_SARAN]
    return bersih, galat
