"""Sessions and users cached under the account version: never one request too long."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.web import versi
from kinerja.web.akun import ModelBackend, SessionStore
from tests.web.conftest import PASSWORD
from tests.web.test_versi import _client, _tables, commits, seeded  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("keep_seeded_rows")


def _same_cookie(client: Client) -> Client:
    """A second browser holding the same session cookie: served by another thread or
    process, it must see a sign-out at once."""
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return other


def _signed_in(client: Client) -> bool:
    response = client.get(reverse("web:beranda"))
    return response.status_code == 200 and response.wsgi_request.user.is_authenticated


@commits
def test_a_signed_in_request_reads_session_and_user_once(world):
    client = _client(world, "operator")
    assert _signed_in(client)
    with CaptureQueriesContext(connection) as queries:
        assert _signed_in(client)
    tables = _tables(queries)
    assert "django_session" not in tables and "auth_user" not in tables


@commits
def test_sign_out_ends_the_session_everywhere(world):
    client = Client()
    assert client.login(username=world.users["operator"].username, password=PASSWORD)
    other = _same_cookie(client)
    assert _signed_in(other)  # the session and the user are now cached
    assert client.post(reverse("web:keluar")).status_code == 302
    assert not _signed_in(other)


@commits
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda user: Session.objects.all().delete(), id="session-deleted"),
        pytest.param(
            lambda user: get_user_model().objects.filter(pk=user.pk).update(is_active=False),
            id="user-deactivated",
        ),
        pytest.param(
            lambda user: (user.set_password("sandi-baru-panjang-2"), user.save()), id="password"
        ),
    ],
)
def test_any_write_to_the_account_ends_the_cached_sign_in(world, change):
    """Writes by any path (the admin, ``manage.py``, ``QuerySet.update``) count."""
    client = _client(world, "operator")
    assert _signed_in(client)
    change(get_user_model().objects.get(pk=world.users["operator"].pk))
    assert not _signed_in(client)


@commits
def test_the_account_version_moves_apart_from_the_data_version(world):
    data, akun = versi.current(), versi.current_akun()
    _client(world, "operator")  # signing in writes the user (last_login) and a session
    assert versi.current() == data and versi.current_akun() != akun
    akun = versi.current_akun()
    SessionStore().create()  # a new session changes no other
    assert versi.current_akun() == akun


@commits
def test_a_cached_session_ends_with_its_expiry(world):
    session = SessionStore()
    session["x"] = 1
    session.set_expiry(1)
    session.create()
    assert SessionStore(session.session_key).load() == {"x": 1, "_session_expiry": 1}
    time.sleep(1.1)  # no write in between: the cache entry itself expires
    assert SessionStore(session.session_key).load() == {}


@commits
def test_each_request_gets_its_own_copy_of_the_user(world):
    pk = world.users["operator"].pk
    first, second = ModelBackend().get_user(pk), ModelBackend().get_user(pk)
    assert first == second and first is not second
    first.first_name = "Diubah di memori"
    assert ModelBackend().get_user(pk).first_name != "Diubah di memori"


def test_the_cached_backend_still_checks_the_password(db):
    get_user_model().objects.create_user("baru", "", PASSWORD)
    assert Client().login(username="baru", password=PASSWORD)
    assert not Client().login(username="baru", password="salah-sekali-12")
