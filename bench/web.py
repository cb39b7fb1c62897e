"""Bench of the web app: the pages a unit and the kabupaten open most, rendered in full."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from kinerja.web.models import Peran


def bench_web(towuti, timed, ms) -> None:
    user, _ = get_user_model().objects.get_or_create(username="bench-admin")
    Peran.objects.get_or_create(user=user, jenis=Peran.Jenis.ADMIN, perangkat=None)
    client = Client(SERVER_NAME="localhost")
    client.force_login(user)
    pages = [
        ("halaman isian Towuti TW IV", f"/unit/{towuti.kode}/2024/tw4/isi/", "< 300 ms"),
        ("dasbor unit Towuti TW IV", f"/unit/{towuti.kode}/2024/tw4/", "< 300 ms"),
        ("dasbor pemda (semua unit)", "/pemda/2024/tw4/", "< 1 s"),
    ]
    for label, url, target in pages:
        assert client.get(url).status_code == 200, url
        seconds = timed(lambda url=url: client.get(url), 5)
        print(f"web: {label + ':':<33} {ms(seconds)}   (target {target})")
