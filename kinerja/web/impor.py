"""An uploaded import file kept between its preview and its apply.

The upload is stored under the private media root (``MEDIA_ROOT/impor/``, never served) as
``<token>.bin`` with ``<token>.json`` beside it: who uploaded it, for which unit, year and
quarter, its name and when. The token is random (:func:`secrets.token_urlsafe`); a file is
only found again by the same user for the same unit, year and quarter, and it expires after
``UMUR``. Preview and apply both read the stored bytes again: nothing the browser posts back
is trusted. Applied or cancelled files are deleted; expired ones are swept on each upload.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

from kinerja.excel import rows, sipd
from kinerja.excel.sheet import Buku, BukuError

UMUR = 60 * 60  # seconds a stored upload stays usable
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
DITERIMA = "templat isian Kinerja (.xlsx) atau lembar realisasi anggaran bergaya SIPD (.xlsx/.csv)"


def batas_mb() -> int:
    return getattr(settings, "KINERJA_IMPOR_MAKS_MB", 20)


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "impor"


@dataclass(frozen=True)
class Unggahan:
    token: str
    nama: str
    data: bytes


def periksa(upload) -> tuple[bytes, str]:
    """The bytes and name of an upload that can be imported, else a ValidationError whose
    message says in Indonesian what is wrong (no file, empty, too big, unreadable, neither
    the template nor a SIPD sheet)."""
    if upload is None:
        raise ValidationError("Pilih berkas lebih dulu.")
    nama = Path(upload.name or "berkas").name[:200]
    if upload.size > batas_mb() * 1024 * 1024:
        raise ValidationError(f"Berkas '{nama}' lebih dari {batas_mb()} MB.")
    data = upload.read()
    if not data.strip():
        raise ValidationError(f"Berkas '{nama}' kosong.")
    try:
        buku = Buku(data, nama)
        dikenal = rows.is_template(buku) or sipd.cari_lembar(buku) is not None
    except BukuError as exc:
        raise ValidationError(str(exc)) from None
    if not dikenal:
        raise ValidationError(
            f"Berkas '{nama}' tidak memuat lembar templat Kinerja (Petunjuk, Program, "
            "Indikator, Realisasi, …) maupun lembar realisasi anggaran bergaya SIPD (kolom kode, "
            "uraian, anggaran, realisasi, persen). Unduh templat unit ini, isi, lalu unggah."
        )
    return data, nama


def _meta(user, perangkat, tahun: int, triwulan: int) -> dict:
    return {"user": user.pk, "perangkat": perangkat.pk, "tahun": tahun, "triwulan": triwulan}


def simpan(data: bytes, nama: str, user, perangkat, tahun: int, triwulan: int) -> str:
    """Store the upload; returns its token."""
    bersihkan()
    root = folder()
    root.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    meta = {**_meta(user, perangkat, tahun, triwulan), "nama": nama, "waktu": time.time()}
    _tulis(root / f"{token}.bin", data)
    _tulis(root / f"{token}.json", json.dumps(meta).encode())
    return token


def _tulis(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


def muat(token: str, user, perangkat, tahun: int, triwulan: int) -> Unggahan | None:
    """The stored upload of ``token`` when it belongs to this user, unit, year and quarter
    and has not expired; else None."""
    if not TOKEN.fullmatch(token or ""):
        return None
    root = folder()
    try:
        meta = json.loads((root / f"{token}.json").read_text())
        if time.time() - meta["waktu"] > UMUR:
            hapus(token)
            return None
        if any(meta[k] != v for k, v in _meta(user, perangkat, tahun, triwulan).items()):
            return None
        return Unggahan(token, meta["nama"], (root / f"{token}.bin").read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def hapus(token: str) -> None:
    if not TOKEN.fullmatch(token or ""):
        return
    for ext in ("bin", "json"):
        (folder() / f"{token}.{ext}").unlink(missing_ok=True)


def bersihkan() -> None:
    """Delete stored uploads older than ``UMUR``."""
    batas = time.time() - UMUR
    try:
        paths = list(folder().iterdir())
    except OSError:
        return
    for path in paths:
        try:
            if path.stat().st_mtime < batas:
                path.unlink(missing_ok=True)
        except OSError:
            continue
