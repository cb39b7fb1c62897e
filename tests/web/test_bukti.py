"""Evidence upload: type checked by content, size limit, lock, served only to the allowed."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.measurement.models import StatusTriwulan
from kinerja.web.models import Bukti
from tests.web.conftest import PDF


def upload(client, world, name, content):
    url = reverse("web:bukti-create", args=[world.a.kode, 2024, 4, world.a.sub_ind.id])
    return client.post(url, {"berkas": SimpleUploadedFile(name, content)}, follow=True)


def office(kind: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml" if kind == "xlsx" else "word/document.xml", "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "jenis"),
    [
        ("surat.pdf", PDF, "pdf"),
        ("foto.JPG", b"\xff\xd8\xff\xe0" + b"0" * 20, "jpg"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "png"),
        ("data.xlsx", office("xlsx"), "xlsx"),
        ("laporan.docx", office("docx"), "docx"),
    ],
)
def test_accepted_types_by_content(world, as_role, name, content, jenis):
    html = upload(as_role(world, "operator"), world, name, content).content.decode()
    assert f"Bukti &#x27;{name}&#x27; diunggah." in html
    item = Bukti.objects.get()
    assert item.jenis == jenis and item.nama == name and item.oleh == world.users["operator"]
    assert "static" not in item.berkas.path and item.berkas.path.endswith(f".{jenis}")


@pytest.mark.parametrize(
    "name, content",
    [("virus.pdf", b"MZ\x90\x00 not a pdf"), ("kosong.docx", b"PK\x03\x04 broken zip")],
)
def test_wrong_content_is_refused_whatever_the_name(world, as_role, name, content):
    html = upload(as_role(world, "operator"), world, name, content).content.decode()
    assert "bukan PDF, JPG, PNG, XLSX atau DOCX" in html
    assert not Bukti.objects.exists()


def test_too_large_is_refused(world, as_role, settings):
    settings.KINERJA_BUKTI_MAKS_MB = 1
    html = upload(as_role(world, "operator"), world, "besar.pdf", PDF + b"0" * 1024 * 1024)
    assert "lebih dari 1 MB" in html.content.decode()


def test_locked_quarter_refuses_upload(world, as_role):
    StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="terkunci"
    )
    html = upload(as_role(world, "operator"), world, "surat.pdf", PDF).content.decode()
    assert "tidak dapat diubah" in html and not Bukti.objects.exists()


def test_download_returns_the_file_as_attachment(world, as_role):
    upload(as_role(world, "operator"), world, "surat.pdf", PDF)
    item = Bukti.objects.get()
    url = reverse("web:bukti-download", args=[world.a.kode, 2024, 4, item.pk])
    response = as_role(world, "evaluator").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="surat.pdf"'
    assert b"".join(response.streaming_content) == PDF
    page = as_role(world, "evaluator").get(
        reverse("web:realisasi-update", args=[world.a.kode, 2024, 4])
    )
    assert url in page.content.decode()
