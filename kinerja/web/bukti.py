"""Evidence files: type checked by content (never by name), size limit, lock respected."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.measurement.lock import assert_editable
from kinerja.web.models import Bukti

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DITERIMA = "PDF, JPG, PNG, XLSX atau DOCX"


def detect(head: bytes, data) -> str | None:
    """The file type from its first bytes (and, for Office files, its zip directory)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"PK\x03\x04"):
        try:
            data.seek(0)
            names = set(zipfile.ZipFile(data).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" in names:
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "word/document.xml" in names:
                return "docx"
    return None


def check(upload) -> str:
    """The checked type of an uploaded file, or a ValidationError in Indonesian."""
    if upload is None:
        raise ValidationError("Pilih berkas bukti lebih dulu.")
    batas = settings.KINERJA_BUKTI_MAKS_MB
    if upload.size > batas * 1024 * 1024:
        raise ValidationError(f"Berkas lebih dari {batas} MB.")
    upload.seek(0)
    head = upload.read(8)
    data = upload.file if hasattr(upload, "file") else io.BytesIO(upload.read())
    jenis = detect(head, data)
    upload.seek(0)
    if jenis is None:
        raise ValidationError(f"Isi berkas bukan {DITERIMA}; berkas ditolak.")
    return jenis


def save(upload, perangkat, indikator_id: int, tahun: int, triwulan: int, user) -> Bukti:
    jenis = check(upload)
    with transaction.atomic():
        assert_editable(perangkat, tahun, triwulan)
        bukti = Bukti(
            indikator_id=indikator_id,
            tahun=tahun,
            triwulan=triwulan,
            nama=PurePath(upload.name).name[:200],
            jenis=jenis,
            ukuran=upload.size,
            oleh=user,
        )
        bukti.berkas.save("bukti", upload, save=False)
        bukti.save()
    return bukti


def delete(item: Bukti, perangkat, user) -> None:
    """Remove an evidence file from its realisasi while the quarter is editable.

    The row's history (who, when, which file) is kept by django-simple-history, and the
    stored file stays on disk so the evidence can still be traced.
    """
    with transaction.atomic():
        assert_editable(perangkat, item.tahun, item.triwulan)
        item._history_user = user
        item.delete()
