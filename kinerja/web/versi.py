"""The data version: cached pages that are never stale.

Parts of pages and downloaded reports are cached under the *data version*, a counter that
the database itself raises whenever a row of Kinerja's tables is inserted, updated or
deleted. Triggers, not application code, raise it, so every writer counts: the forms, the
admin, the Excel imports, the API, the workflow, the management commands, even
``QuerySet.update()`` and raw SQL. A cached page is served only under the version it was
rendered at; once anything is written, the next request renders afresh.

Why it is safe:

* the counter is raised in the writer's own transaction, so a reader sees the new version
  exactly when it sees the new rows; a reader takes the version *before* it reads the data,
  so at worst it stores newer data under an older version, which nobody asks for again;
* nothing is cached inside a transaction (``in_atomic_block``): a page never holds rows
  that may still be rolled back;
* on PostgreSQL the trigger is a deferred constraint trigger: it runs at commit, so a long
  import does not hold the counter's row lock (and every other writer) for its whole run;
* what changes with the clock alone (a deadline passing) or with the user (role, seksi,
  CSRF token) is never in the cached part, or is part of its key, or ends its life
  (``until``: a page showing an open period is dropped when the period closes);
* a GET or HEAD request reads the version once (:class:`VersiMiddleware`) and looks up
  everything it caches under that one version: such a request writes nothing of Kinerja's.

A second counter in the same row, ``akun``, moves when a user row is written or a session
row is saved again or deleted (sign-out, password change, a user deactivated in the admin).
The signed-in session and its user are cached under it (:mod:`kinerja.web.akun`), so a
cached page costs one query: this row. On PostgreSQL not even that: the triggers also
notify, and each process's listener keeps the row (:mod:`kinerja.web.versi_push`, which
says what that keeps of "never stale": a reader's own writes at once, others' writes once
the notification has arrived, milliseconds after their commit).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import datetime
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from kinerja.web import csrf, versi_push

__all__ = [
    "TRIGGER",
    "TRIGGER_AKUN",
    "VersiMiddleware",
    "account_tables",
    "after_migrate",
    "cached",
    "cached_part",
    "current",
    "current_akun",
    "install_triggers",
    "watched_tables",
]

T = TypeVar("T")

#: Trigger names (PostgreSQL: one per table; SQLite: prefix of one per table and event):
#: data writes raise ``nomor``, account and session writes raise ``akun``.
TRIGGER = "kinerja_versi"
TRIGGER_AKUN = "kinerja_versi_akun"
CACHE_ALIAS = "halaman"  # parts of pages, in each process's memory
REPORT_CACHE = "laporan"  # downloaded reports, in files shared by the processes

_TABLE = "web_versidata"
#: The one read of the versions, by a request and by each process's listener alike.
ROW_SQL = f"SELECT epoch, nomor, akun FROM {_TABLE} WHERE id = 1"
_UNWATCHED = {"web.versidata", "web.gagalmasuk"}  # the counter; failed sign-ins change no page


def watched_tables() -> list[str]:
    """Every table of Kinerja's own apps (history tables included), minus the counter's."""
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.app_config.name.startswith("kinerja.") or meta.proxy or not meta.managed:
            continue
        if meta.label_lower not in _UNWATCHED:
            tables.add(meta.db_table)
    return sorted(tables)


def after_migrate(using: str = "default", **_signal) -> None:
    """``post_migrate``: triggers on every table; reports kept on disk are dropped, since a
    migrate is also how a new release of Kinerja (perhaps with other report layouts) is
    put in place."""
    install_triggers(using)
    caches[REPORT_CACHE].clear()


def install_triggers(using: str = "default") -> None:
    """Put the triggers on every watched table that lacks them (run after every migrate: a
    table rebuilt by a migration or added by a new model gets its trigger back)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _install_postgresql(cursor, connection)
        elif connection.vendor == "sqlite":
            _install_sqlite(cursor, connection)
        else:  # pragma: no cover - the settings allow SQLite and PostgreSQL only
            raise RuntimeError(f"versi data: basis data {connection.vendor} tidak didukung")


def account_tables() -> dict[str, tuple[str, ...]]:
    """The tables whose writes move the ``akun`` counter, with the events that count: the
    users, and the sessions once saved again or ended (a new session changes no other)."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    return {
        get_user_model()._meta.db_table: ("INSERT", "UPDATE", "DELETE"),
        Session._meta.db_table: ("UPDATE", "DELETE"),
    }


def _triggers() -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(trigger name, counter column, table, events) for every trigger Kinerja keeps."""
    events = ("INSERT", "UPDATE", "DELETE")
    data = [(TRIGGER, "nomor", table, events) for table in watched_tables()]
    akun = [(TRIGGER_AKUN, "akun", t, e) for t, e in account_tables().items()]
    return data + akun


def _install_sqlite(cursor, connection) -> None:
    q = connection.ops.quote_name
    for trigger, column, table, events in _triggers():
        for event in events:
            name = q(f"{trigger}_{table}_{event.lower()}")
            cursor.execute(
                f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {q(table)} "
                f"BEGIN UPDATE {_TABLE} SET {column} = {column} + 1; END"
            )


def _install_postgresql(cursor, connection) -> None:
    q = connection.ops.quote_name
    for trigger, column in ((TRIGGER, "nomor"), (TRIGGER_AKUN, "akun")):
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {trigger}_naik() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN UPDATE {_TABLE} SET {column} = {column} + 1; "
            f"PERFORM pg_notify('{versi_push.CHANNEL}', ''); RETURN NULL; END $$"
        )
    for trigger, _column, table, events in _triggers():
        # The table as the connection's search_path finds it, whatever its schema.
        cursor.execute(
            "SELECT 1 FROM pg_trigger WHERE tgname = %s AND tgrelid = to_regclass(%s)",
            [trigger, q(table)],
        )
        if cursor.fetchone() is None:  # no CREATE OR REPLACE for constraint triggers
            cursor.execute(
                f"CREATE CONSTRAINT TRIGGER {trigger} AFTER {' OR '.join(events)} "
                f"ON {q(table)} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                f"EXECUTE FUNCTION {trigger}_naik()"
            )


class _Read:
    """What a GET or HEAD request knows of the version: what it has read, per database
    alias, and the version of the reader's own last writes (the cookie)."""

    __slots__ = ("minimum", "push", "versions")

    def __init__(self, push: bool, minimum: versi_push.Row | None):
        self.versions: dict[str, tuple[str, str]] = {}
        self.push = push  # the version may be taken from the listener
        self.minimum = minimum


#: The version a GET request has read (None outside such a request).
_read: ContextVar[_Read | None] = ContextVar("kinerja_versi", default=None)


class VersiMiddleware:
    """A GET or HEAD request reads the data version once, however many cached things it
    looks up: the unit, the user's roles, the page. With the version pushed
    (:mod:`~kinerja.web.versi_push`), a request that wrote leaves the version of its writes
    in a cookie, so that the reader's next requests never show older data. Placed before
    the session middleware: the session saved on the way out counts as a write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        push = versi_push.enabled()
        token = None
        if request.method in ("GET", "HEAD"):
            minimum = versi_push.parse(request.COOKIES.get(versi_push.COOKIE)) if push else None
            token = _read.set(_Read(push, minimum))
        try:
            if not push:
                return self.get_response(request)
            writes = versi_push.Writes()
            with connections["default"].execute_wrapper(writes):
                response = self.get_response(request)
            if writes.seen:  # committed by now: the version the writes made
                try:
                    row = _read_row("default")
                except DatabaseError:  # the response stands; only the cookie is missing
                    row = None
                if row is not None:
                    response.set_cookie(
                        versi_push.COOKIE,
                        versi_push.cookie_value(row),
                        secure=settings.SESSION_COOKIE_SECURE,
                        httponly=True,
                        samesite="Lax",
                    )
            return response
        finally:
            if token is not None:
                _read.reset(token)


def current(using: str = "default") -> str:
    """The committed data version, ``"<epoch>:<counter>"``; makes the row when missing."""
    return _versions(using)[0]


def current_akun(using: str = "default") -> str:
    """The committed version of the accounts and sessions, ``"<epoch>:<counter>"``."""
    return _versions(using)[1]


def _versions(using: str) -> tuple[str, str]:
    read = _read.get()
    if read is not None and using in read.versions:
        return read.versions[using]
    row = None
    if read is not None and read.push:  # the pushed version, if it can be trusted here
        row = versi_push.pushed(using, ROW_SQL, read.minimum)
    if row is None:
        row = _read_row(using)
    if row is None:
        from kinerja.web.models import VersiData

        fresh = VersiData(pk=1, epoch=secrets.token_hex(8), nomor=0)
        VersiData.objects.using(using).bulk_create([fresh], ignore_conflicts=True)
        row = _read_row(using)
    epoch, nomor, akun = row
    versions = (f"{epoch}:{nomor}", f"{epoch}:{akun}")
    if read is not None:
        read.versions[using] = versions
    return versions


def _read_row(using: str) -> tuple[str, int, int] | None:
    # Plain SQL: read on nearly every request, it skips the ORM's query building.
    with connections[using].cursor() as cursor:
        cursor.execute(ROW_SQL)
        return cursor.fetchone()


def cached(
    name: str,
    parts: Iterable[object],
    render: Callable[[], T],
    alias: str = CACHE_ALIAS,
    until: Callable[[], datetime | None] | None = None,
    version: Callable[[], str] = current,
) -> T:
    """``render()``'s result, cached under ``name``, ``parts`` and the data version.

    ``parts`` must hold everything else the result depends on (unit, quarter, lock state,
    what the user may edit). ``until()``, asked after rendering, is the moment the result
    stops being true by the clock alone (None: not before the data change). Inside a
    transaction it is rendered and not kept. ``version`` gives the counter it lives under:
    the data version, or :func:`current_akun` for what depends on accounts and sessions.
    """
    connection = connections["default"]
    if connection.in_atomic_block:
        return render()
    # The parts (paths, query values, names) hashed: a key of safe characters and bounded
    # length whatever a URL holds.
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
    key = ":".join(["kinerja", name, version(), digest])
    cache = caches[alias]
    value = cache.get(key)
    if value is None:
        value = render()
        ends = until() if until else None
        if ends is None:
            cache.set(key, value)
        else:
            cache.set(key, value, (ends - timezone.now()).total_seconds())
    return value


def cached_part(name: str, parts: Iterable[object], template: str, context) -> str:
    """A costly part of a page: ``template`` rendered from ``context()`` once per data
    version and ``parts``. Its forms carry the CSRF placeholder, which
    :class:`~kinerja.web.csrf.CsrfFillMiddleware` turns into each reader's own token."""

    def render() -> str:
        return render_to_string(template, {**context(), "csrf_token": csrf.SENTINEL})

    return mark_safe(cached(name, parts, render))
