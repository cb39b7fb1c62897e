"""StatusTriwulan in the Django admin is read-only: status changes only through the workflow."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.measurement.models import StatusTriwulan
from kinerja.web import workflow
from kinerja.web.models import RiwayatStatus


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "", "x-sandi-panjang-9"))
    return client


def test_status_cannot_be_added_changed_or_deleted_in_the_admin(world, root_client):
    row = StatusTriwulan.objects.create(
        perangkat=world.a.perangkat, tahun=2024, triwulan=4, status="terkunci"
    )
    assert (
        root_client.get(reverse("admin:measurement_statustriwulan_changelist")).status_code == 200
    )
    change = reverse("admin:measurement_statustriwulan_change", args=[row.pk])
    page = root_client.get(change)
    assert page.status_code == 200 and 'name="status"' not in page.content.decode()
    data = {"perangkat": world.a.perangkat.pk, "tahun": 2024, "triwulan": 4, "status": "draf"}
    assert root_client.post(change, data).status_code == 403
    add = reverse("admin:measurement_statustriwulan_add")
    assert root_client.post(add, {**data, "triwulan": 3}).status_code == 403
    delete = reverse("admin:measurement_statustriwulan_delete", args=[row.pk])
    assert root_client.post(delete, {"post": "yes"}).status_code == 403
    row.refresh_from_db()
    assert row.status == "terkunci" and StatusTriwulan.objects.count() == 1


def test_workflow_logs_every_transition_with_its_comment(world):
    a = world.a.perangkat
    steps = [
        ("ajukan", "kepala", ""),
        ("kembalikan", "evaluator", "Bukti TW IV kurang"),
        ("ajukan", "kepala", "Sudah dilengkapi"),
        ("verifikasi", "evaluator", ""),
        ("kunci", "evaluator", ""),
        ("buka", "admin", "Salah ketik realisasi"),
    ]
    for kode, role, komentar in steps:
        workflow.apply(a, 2024, 4, kode, world.users[role], komentar)
    log = list(RiwayatStatus.objects.filter(perangkat=a).order_by("waktu", "id"))
    assert [(r.dari, r.ke, r.oleh, r.komentar) for r in log] == [
        ("draf", "diajukan", world.users["kepala"], ""),
        ("diajukan", "dikembalikan", world.users["evaluator"], "Bukti TW IV kurang"),
        ("dikembalikan", "diajukan", world.users["kepala"], "Sudah dilengkapi"),
        ("diajukan", "diverifikasi", world.users["evaluator"], ""),
        ("diverifikasi", "terkunci", world.users["evaluator"], ""),
        ("terkunci", "draf", world.users["admin"], "Salah ketik realisasi"),
    ]
