"""The data version pushed by PostgreSQL (LISTEN/NOTIFY): no query for a cached page, a
reader's own writes at once, others' writes once notified, a lost connection survived."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import psycopg
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kinerja.measurement.models import Realisasi
from kinerja.web import versi, versi_push
from tests import factories
from tests.web.test_entry import entry_url
from tests.web.test_versi import _client, _tables, _token, commits, seeded  # noqa: F401

pytestmark = [
    pytest.mark.usefixtures("keep_seeded_rows"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY: PostgreSQL"),
]


def test_the_cookie_is_read_strictly():
    assert versi_push.parse("ab12:7:3") == ("ab12", 7, 3)
    for forged in (None, "", "ab12", "ab12:7", "ab12:x:3", ":7:3", "ab12:-1:3"):
        assert versi_push.parse(forged) is None
    row = ("e", 5, 2)
    assert versi_push.covers(row, ("e", 5, 2)) and versi_push.covers(row, ("e", 4, 0))
    assert not versi_push.covers(row, ("e", 6, 2)) and not versi_push.covers(row, ("e", 5, 3))
    assert not versi_push.covers(row, ("lain", 1, 1))  # another database, or one made anew


def _own_connection() -> psycopg.Connection:
    return psycopg.connect(**connection.get_connection_params(), autocommit=True)


def _wait_for(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _row() -> versi_push.Row:
    with connection.cursor() as cursor:
        cursor.execute(versi.ROW_SQL)
        return tuple(cursor.fetchone())


@commits
def test_a_commit_notifies_once_and_a_rollback_never():
    versi.current()  # the row exists
    with _own_connection() as listening:
        listening.execute(f"LISTEN {versi_push.CHANNEL}")
        with transaction.atomic():
            factories.pemda()
            factories.pemda("Kabupaten Lain")
        got = list(listening.notifies(timeout=2.0))
        assert [n.channel for n in got] == [versi_push.CHANNEL]  # one per transaction
        with pytest.raises(RuntimeError), transaction.atomic():
            factories.pemda("Batal")
            raise RuntimeError("batal")
        assert list(listening.notifies(timeout=0.5)) == []


@commits
def test_a_cached_page_costs_no_query(world, versi_pushed):
    operator, url = _client(world, "operator"), entry_url(world)
    operator.get(url)  # the first GET starts the listener
    assert _wait_for(lambda: versi_push.known() == _row())
    operator.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = operator.get(url)
    assert again.status_code == 200 and again.templates == []
    assert queries.captured_queries == []


@commits
def test_others_writes_show_once_notified(world, versi_pushed):
    operator, url, ind = _client(world, "operator"), entry_url(world), world.a.sub_ind
    operator.get(url)
    assert _wait_for(lambda: versi_push.known() == _row())
    Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=4, nilai=Decimal(3))  # no cookie
    shown = f'id="id_r{ind.id}-nilai" value="3"'
    assert _wait_for(lambda: shown in operator.get(url).content.decode())
    assert versi_push.known() == _row()


@commits
def test_own_writes_show_at_once_before_the_listener_hears(world, versi_pushed):
    """A listener that is behind (here: one that never listens) still never shows a reader
    data older than their own last save: the cookie makes their request read the row."""
    operator, evaluator = _client(world, "operator"), _client(world, "evaluator")
    url, ind = entry_url(world), world.a.sub_ind
    behind = versi_push.Listener(connection.get_connection_params(), versi.ROW_SQL)
    with _own_connection() as own:
        behind.refresh(own)
    versi_push._listeners["default"] = behind  # the version of before the save, and fresh

    html = operator.get(url).content.decode()
    data = {"csrfmiddlewaretoken": _token(html), f"r{ind.id}-nilai": "5"}
    data[f"r{ind.id}-versi"] = re.search(rf'name="r{ind.id}-versi" [^>]*value="([^"]*)"', html)[1]
    for name in ("faktor_pendukung", "faktor_penghambat", "solusi"):
        data[f"r{ind.id}-{name}"] = ""
    saved = operator.post(url, data)
    assert saved.status_code == 302
    assert versi_push.parse(saved.cookies[versi_push.COOKIE].value) == _row()
    assert behind.known() != _row()

    with CaptureQueriesContext(connection) as own_read:
        html = operator.get(url).content.decode()
    assert f'id="id_r{ind.id}-nilai" value="5"' in html
    assert "web_versidata" in _tables(own_read.captured_queries)
    with CaptureQueriesContext(connection) as other_read:
        assert evaluator.get(url).status_code == 200
    assert "web_versidata" not in _tables(other_read.captured_queries)  # the pushed version


@commits
def test_a_listener_that_vouches_for_nothing_leaves_the_query(world, versi_pushed):
    never_read = versi_push.Listener(connection.get_connection_params(), versi.ROW_SQL)
    versi_push._listeners["default"] = never_read
    operator, url = _client(world, "operator"), entry_url(world)
    operator.get(url)
    with CaptureQueriesContext(connection) as queries:
        operator.get(url)
    assert _tables(queries.captured_queries) == ["web_versidata"]


@commits
def test_the_listener_comes_back_after_losing_its_connection(world, versi_pushed):
    operator, url = _client(world, "operator"), entry_url(world)
    operator.get(url)
    assert _wait_for(lambda: versi_push.known() == _row())
    ended = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
    ended += "WHERE application_name = 'kinerja-versi' AND datname = current_database()"
    with connection.cursor() as cursor:
        cursor.execute(ended)
        assert cursor.fetchall() == [(True,)]
    factories.pemda("lain")  # written while the listener is down: only a new connection reads it
    assert _wait_for(lambda: versi_push.known() == _row(), seconds=10)
