"""Two units of one kabupaten and one user per role: the personas of the web tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.db import connection, connections, transaction

from kinerja.web.models import Peran
from tests import factories

PASSWORD = "sandi-uji-panjang-1"
ROLES = ("admin", "evaluator", "operator", "kepala", "anon")


@dataclass
class Unit:
    perangkat: object
    sasaran_ind: object  # a sasaran indicator, target 10 each quarter, no realisasi
    sub_ind: object  # a sub kegiatan indicator, target 4 each quarter

    @property
    def kode(self) -> str:
        return self.perangkat.kode


@dataclass
class World:
    a: Unit  # the personas' own unit
    b: Unit  # another unit of the same pemda
    users: dict


def make_unit(kode: str, pemda) -> Unit:
    perangkat = factories.unit(kode, pemda_obj=pemda)
    sasaran = factories.sasaran(perangkat)
    program = factories.program(perangkat, sasaran_obj=sasaran)
    sub = factories.sub_kegiatan(factories.kegiatan(program))
    return Unit(
        perangkat,
        factories.indikator(
            sasaran, targets=[10, 10, 10, 10], nama="Indeks kepuasan", agregasi="terakhir"
        ),
        factories.indikator(sub, targets=[4, 4, 4, 4], nama="Jumlah dokumen"),
    )


def make_user(username: str, jenis: str | None = None, perangkat=None, **fields):
    user = get_user_model().objects.create_user(username, "", PASSWORD, **fields)
    if jenis:
        Peran.objects.create(user=user, jenis=jenis, perangkat=perangkat)
    return user


@pytest.fixture
def world(db) -> World:
    pemda = factories.pemda()
    a, b = make_unit("kec-a", pemda), make_unit("kec-b", pemda)
    users = {
        "admin": make_user("admin-pemda", "admin"),
        "evaluator": make_user("evaluator", "evaluator"),
        "operator": make_user("operator-a", "operator", a.perangkat),
        "kepala": make_user("kepala-a", "kepala", a.perangkat),
        "anon": None,
    }
    return World(a, b, users)


@pytest.fixture
def as_role(client):
    """``as_role(world, "operator")`` → the test client signed in as that persona."""

    def sign_in(world: World, role: str):
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def versi_pushed(settings):
    """As in production on PostgreSQL: the data version pushed to each process
    (LISTEN/NOTIFY); SQLite reads it as always. The listener is stopped after the test:
    no connection to the test database is left behind."""
    from kinerja.web import versi_push

    settings.KINERJA_VERSI_NOTIFY = True
    yield
    versi_push.stop()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded evidence goes to a throw-away folder, never to data/."""
    settings.MEDIA_ROOT = tmp_path / "berkas"


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_bukti(unit: Unit, nama: str = "bukti.pdf"):
    from django.core.files.base import ContentFile

    from kinerja.web.models import Bukti

    item = Bukti(
        indikator=unit.sub_ind, tahun=2024, triwulan=4, nama=nama, jenis="pdf", ukuran=len(PDF)
    )
    item.berkas.save("bukti", ContentFile(PDF), save=True)
    return item


# --- tests that commit (live server, caches): a flush ends each of them ----------------


@pytest.fixture(scope="session")
def seeded_rows(django_db_setup, django_db_blocker) -> str:
    """The rows the migrations seeded (predikat presets), read before any test commits
    (pytest-django runs the committing tests after the others)."""
    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


def put_back(seeded: str) -> None:
    """The seeded rows again after a flush. The flush's post_migrate signal has already
    made the content types and permissions again."""
    with transaction.atomic():
        for row in serializers.deserialize("json", seeded):
            if row.object._meta.app_label not in ("contenttypes", "auth"):
                row.save()


@pytest.fixture(scope="module")
def keep_seeded_rows(seeded_rows, django_db_blocker):
    """A module of committing tests leaves the seeded rows behind it for the tests after."""
    yield
    with django_db_blocker.unblock():
        put_back(seeded_rows)


@pytest.fixture
def browser(monkeypatch):
    """Debian's Chromium through Playwright, for the browser tests (``tests/web/browser.py``)."""
    from tests.web.browser import CHROMIUM, SHOTS

    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    SHOTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()
        # ORM calls made while Playwright's loop runs get their own connection; close it
        # here, or PostgreSQL refuses to drop the test database.
        connections.close_all()
