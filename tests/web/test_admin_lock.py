"""The quarter lock holds in the Django admin too; demo accounts; report download."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from kinerja.measurement.models import Realisasi, StatusTriwulan
from kinerja.organisations.models import PerangkatDaerah
from kinerja.web import access
from kinerja.web.demo import create_demo_users
from tests import factories


@pytest.fixture
def root_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "", "x-sandi-panjang-9"))
    return client


def lock(unit, tw=4):
    StatusTriwulan.objects.create(
        perangkat=unit.perangkat, tahun=2024, triwulan=tw, status="terkunci"
    )


def test_admin_refuses_realisasi_change_in_locked_quarter(world, root_client):
    row = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=1)
    lock(world.a)
    url = reverse("admin:measurement_realisasi_change", args=[row.pk])
    data = {"indikator": world.a.sub_ind.pk, "tahun": 2024, "triwulan": 4, "nilai": "2"}
    response = root_client.post(url, data)
    assert response.status_code == 200
    assert "tidak dapat diubah" in response.content.decode()
    row.refresh_from_db()
    assert row.nilai == 1
    # Moving a row into a locked quarter is refused as well; an open quarter is fine.
    other = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=3, nilai=1)
    url = reverse("admin:measurement_realisasi_change", args=[other.pk])
    assert root_client.post(url, {**data, "triwulan": 3, "nilai": "5"}).status_code == 302
    assert "tidak dapat diubah" in root_client.post(url, data).content.decode()


def test_admin_cannot_delete_locked_realisasi(world, root_client):
    row = Realisasi.objects.create(indikator=world.a.sub_ind, tahun=2024, triwulan=4, nilai=1)
    lock(world.a)
    url = reverse("admin:measurement_realisasi_delete", args=[row.pk])
    assert root_client.post(url, {"post": "yes"}).status_code == 403
    assert Realisasi.objects.filter(pk=row.pk).exists()


def test_admin_inline_refuses_target_change_in_locked_quarter(world, root_client):
    ind = world.a.sub_ind
    lock(world.a)
    url = reverse("admin:planning_indikator_change", args=[ind.pk])
    page = root_client.get(url)
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update({"sub_kegiatan": ind.sub_kegiatan_id, "nama": ind.nama, "satuan": ind.satuan})
    for formset in page.context["inline_admin_formsets"]:
        fs = formset.formset
        data.update(
            {
                f"{fs.prefix}-TOTAL_FORMS": len(fs.forms),
                f"{fs.prefix}-INITIAL_FORMS": len(fs.initial_forms),
            }
        )
        data.update({f"{fs.prefix}-MIN_NUM_FORMS": 0, f"{fs.prefix}-MAX_NUM_FORMS": 1000})
        for i, f in enumerate(fs.forms):
            for name in f.fields:
                value = f.initial.get(name)
                if name == "id":
                    value = f.instance.pk
                if name == "indikator":
                    value = ind.pk
                if value is not None:
                    data[f"{fs.prefix}-{i}-{name}"] = getattr(value, "pk", value)
    tw4 = [k for k, v in data.items() if k.endswith("-triwulan") and v == 4][0]
    data[tw4.replace("-triwulan", "-nilai")] = "99"
    response = root_client.post(url, data)
    assert "tidak dapat diubah" in response.content.decode()
    assert ind.target_triwulan.get(triwulan=4).nilai == 4


def test_demo_users_one_per_role(db):
    unit = factories.unit("towuti")
    accounts = dict(create_demo_users(unit))
    assert set(accounts) == {"operator", "kepala", "evaluator"}
    create_demo_users(unit)  # twice changes nothing
    from django.contrib.auth import get_user_model

    op = get_user_model().objects.get(username="operator")
    assert op.check_password("kinerja-demo")
    assert access.can(op, access.ISI, unit) and not access.can(op, access.AJUKAN, unit)
    other = factories.unit("lain", pemda_obj=PerangkatDaerah.objects.get(kode="towuti").pemda)
    assert not access.can(op, access.LIHAT, other)


def test_download_report_docx(world, as_role):
    pytest.importorskip("kinerja.reports.builders")
    response = as_role(world, "kepala").get(
        reverse("web:laporan-download", args=[world.a.kode, 2024, 4, "triwulan", "docx"])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="triwulan-kec-a-2024-tw4.docx"'
    assert response.content[:2] == b"PK"  # a zip container: a real .docx


def test_report_that_cannot_be_built_explains_why(world, as_role):
    pytest.importorskip("kinerja.reports.builders")
    url = reverse("web:laporan-download", args=[world.a.kode, 2024, 4, "pk", "docx"])
    response = as_role(world, "kepala").get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "web:perangkat-detail", args=[world.a.kode, 2024, 4]
    )
    assert 'class="error"' in response.content.decode()


def test_demo_accounts_refused_in_production(db, client, settings):
    unit = factories.unit("towuti")
    create_demo_users(unit)
    settings.KINERJA_DEMO = False
    response = client.post("/masuk/", {"username": "operator", "password": "kinerja-demo"})
    assert response.status_code == 200
    assert "Akun demo tidak dapat dipakai" in response.content.decode()
    assert "_auth_user_id" not in client.session
    with pytest.raises(ImproperlyConfigured, match="Akun demo tidak dibuat"):
        create_demo_users(unit)
