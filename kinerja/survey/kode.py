"""One-time codes printed on service receipts: no table, a keyed checksum.

A code carries its serial number (1–65 535, masked) and a 24-bit HMAC of the survey and
that number under ``SECRET_KEY``, written as 8 characters of an alphabet without look-alikes
(no 0/O, no 1/I): ``K7QM-2XHD``. Staff print a sheet of numbered codes (dasbor unit →
Kode survei); a respondent types one (or scans the slip's QR code). A code is checked by
recomputing its checksum; a used code is kept on its :class:`Responden` row, whose unique
constraint refuses it a second time. Changing ``SECRET_KEY`` voids codes not yet used.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

ABJAD = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 characters, 5 bits each
PANJANG = 8  # 40 bits: 24-bit checksum, 16-bit serial
NOMOR_MAKS = 2**16 - 1


def _cek(survei_id: int, nomor: int) -> int:
    kunci = settings.SECRET_KEY.encode("utf-8")
    pesan = f"kinerja-skm-kode:{survei_id}:{nomor}".encode()
    return int.from_bytes(hmac.new(kunci, pesan, hashlib.sha256).digest()[:3], "big")


def buat_kode(survei_id: int, nomor: int) -> str:
    """The printed code number ``nomor`` of a survey, e.g. ``K7QM-2XHD``."""
    if not 1 <= nomor <= NOMOR_MAKS:
        raise ValueError(f"nomor kode harus 1 sampai {NOMOR_MAKS}")
    cek = _cek(survei_id, nomor)
    nilai = (cek << 16) | (nomor ^ (cek & 0xFFFF))  # masked: codes in a row look unrelated
    huruf = "".join(ABJAD[(nilai >> (5 * i)) & 31] for i in reversed(range(PANJANG)))
    return f"{huruf[:4]}-{huruf[4:]}"


def baca_kode(survei_id: int, teks: str) -> str | None:
    """The canonical form of a typed code if it belongs to the survey, else None.

    Spaces, dashes and lower case are forgiven.
    """
    huruf = "".join(c for c in (teks or "").upper() if c.isalnum())
    if len(huruf) != PANJANG or any(c not in ABJAD for c in huruf):
        return None
    nilai = 0
    for c in huruf:
        nilai = (nilai << 5) | ABJAD.index(c)
    cek = nilai >> 16
    nomor = (nilai & 0xFFFF) ^ (cek & 0xFFFF)
    if nomor == 0 or not hmac.compare_digest(cek.to_bytes(3, "big"), _cek_bytes(survei_id, nomor)):
        return None
    return f"{huruf[:4]}-{huruf[4:]}"


def _cek_bytes(survei_id: int, nomor: int) -> bytes:
    return _cek(survei_id, nomor).to_bytes(3, "big")
