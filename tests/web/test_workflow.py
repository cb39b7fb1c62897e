"""Quarter workflow: steps by role, comments required, log written, lock follows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.measurement.lock import is_editable, status_of
from kinerja.web import workflow
from kinerja.web.models import RiwayatStatus


def step(client, world, langkah, komentar=""):
    url = reverse("web:status-update", args=[world.a.kode, 2024, 4])
    return client.post(url, {"langkah": langkah, "komentar": komentar}, follow=True)


def test_full_cycle_with_return_and_reopen(world):
    a, users = world.a.perangkat, world.users
    assert workflow.apply(a, 2024, 4, "ajukan", users["kepala"]) == "diajukan"
    assert not is_editable(a, 2024, 4)
    with pytest.raises(workflow.TransisiDitolak, match="memerlukan komentar"):
        workflow.apply(a, 2024, 4, "kembalikan", users["evaluator"])
    workflow.apply(a, 2024, 4, "kembalikan", users["evaluator"], "Bukti TW IV kurang")
    assert is_editable(a, 2024, 4)
    workflow.apply(a, 2024, 4, "ajukan", users["kepala"])
    workflow.apply(a, 2024, 4, "verifikasi", users["evaluator"])
    workflow.apply(a, 2024, 4, "kunci", users["admin"])
    assert status_of(a, 2024, 4) == "terkunci"
    workflow.apply(a, 2024, 4, "buka", users["evaluator"], "Salah ketik realisasi")
    assert status_of(a, 2024, 4) == "draf"
    log = list(
        RiwayatStatus.objects.filter(perangkat=a).order_by("id").values_list("ke", "komentar")
    )
    assert log == [
        ("diajukan", ""),
        ("dikembalikan", "Bukti TW IV kurang"),
        ("diajukan", ""),
        ("diverifikasi", ""),
        ("terkunci", ""),
        ("draf", "Salah ketik realisasi"),
    ]


@pytest.mark.parametrize(
    ("role", "langkah"),
    [("operator", "ajukan"), ("kepala", "verifikasi"), ("kepala", "buka"), ("operator", "kunci")],
)
def test_wrong_role_is_refused(world, role, langkah):
    with pytest.raises(workflow.TransisiDitolak, match="tidak berwenang"):
        workflow.apply(world.a.perangkat, 2024, 4, langkah, world.users[role], "alasan")


def test_step_from_wrong_state_is_refused(world):
    with pytest.raises(workflow.TransisiDitolak, match="berstatus Draf"):
        workflow.apply(world.a.perangkat, 2024, 4, "verifikasi", world.users["evaluator"])


def test_page_says_which_lock_applies_and_offers_only_allowed_steps(world, as_role):
    client = as_role(world, "kepala")
    html = step(client, world, "ajukan").content.decode()
    assert "kini berstatus Diajukan" in html
    assert "menunggu verifikasi Inspektorat" in html
    assert 'value="verifikasi"' not in html
    client.logout()
    html = step(as_role(world, "evaluator"), world, "kembalikan").content.decode()
    assert "memerlukan komentar" in html
    assert 'value="verifikasi"' in html and 'value="kembalikan"' in html


def test_a_returned_quarter_shows_the_evaluators_reason_on_its_card(world, as_role):
    a, users = world.a.perangkat, world.users
    workflow.apply(a, 2024, 4, "ajukan", users["kepala"])
    workflow.apply(a, 2024, 4, "kembalikan", users["evaluator"], "Mohon lengkapi bukti IKM.")
    url = reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])
    card = as_role(world, "operator").get(url).content.decode().split('id="status"')[1]
    card = card.split("</section>")[0]
    reason = card.split("<details>")[0]  # above the collapsed log, not only inside it
    assert "Dikembalikan oleh evaluator" in reason
    assert "“Mohon lengkapi bukti IKM.”" in reason
    workflow.apply(a, 2024, 4, "ajukan", users["kepala"])
    card = as_role(world, "operator").get(url).content.decode().split('id="status"')[1]
    assert "“Mohon lengkapi bukti IKM.”" not in card.split("<details>")[0]


def test_the_comment_hint_names_only_the_steps_this_user_has(world, as_role):
    url = reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4])
    kepala = as_role(world, "kepala").get(url).content.decode()
    assert ">Ajukan</button>" in kepala and "(wajib untuk" not in kepala
    workflow.apply(world.a.perangkat, 2024, 4, "ajukan", world.users["kepala"])
    evaluator = as_role(world, "evaluator").get(url).content.decode()
    assert "(wajib untuk mengembalikan dan membuka kembali)" in evaluator
    assert " WITA</time>" in evaluator  # the log's times as every other time of the site
