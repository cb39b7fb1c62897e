"""Bench of the web app: the pages a unit and the kabupaten open most, rendered in full
(the page cache emptied before each request) and served again while no data changed."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client

from kinerja.web.models import Peran
from kinerja.web.versi import CACHE_ALIAS


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
    cache = caches[CACHE_ALIAS]

    def full(url: str) -> None:
        cache.clear()
        client.get(url)

    for label, url, target in pages:
        assert client.get(url).status_code == 200, url
        seconds = timed(lambda url=url: full(url), 5)
        again = timed(lambda url=url: client.get(url), 5)
        print(f"web: {label + ':':<33} {ms(seconds)}   (target {target}); dari cache {ms(again)}")
