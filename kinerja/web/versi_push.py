"""The data version pushed by PostgreSQL: a page served from the cache without a query.

On SQLite, and whenever this module cannot vouch for a version, a GET request reads the
version row (:mod:`kinerja.web.versi`): one query, exact. On PostgreSQL the triggers also
``NOTIFY`` the channel :data:`CHANNEL` when the writing transaction commits, and each
process keeps a listener: a thread with its own connection that ``LISTEN``\\ s, reads the
row again on every notification, and at least once per :data:`HEARTBEAT` in any case. A
GET request then takes the listener's version and costs no query at all.

What this keeps and what it changes:

* a reader's **own writes** show at once: a request that wrote (any INSERT, UPDATE or
  DELETE through Django, the session's included) leaves the version its writes made in the
  cookie :data:`COOKIE`; until the listener has seen at least that version, the reader's
  requests read the row as before. A redirect after a save, an htmx refresh, another tab
  all carry the cookie;
* **others' writes** show once the notification has reached the process, a few
  milliseconds after the commit: a request that starts in between sees the data as it was
  just before the commit, exactly as if it had started a moment earlier. No page is ever
  served under a version older than the listener last read;
* a listener that lost its connection, or has not read the row for :data:`FRESH`
  seconds, vouches for nothing: the requests read the row until it is back;
* the counter's row is created by the first query as before, and a transaction never
  caches (``versi.cached``), so the push changes nothing else.

``KINERJA_VERSI_NOTIFY=0`` turns the push off (every GET reads the row). The test suite
runs with it off except in the tests of this module, since tests write outside requests.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django.conf import settings
from django.db import connections

__all__ = [
    "CHANNEL",
    "COOKIE",
    "Listener",
    "Writes",
    "cookie_value",
    "covers",
    "enabled",
    "known",
    "parse",
    "pushed",
    "stop",
]

logger = logging.getLogger(__name__)

CHANNEL = "kinerja_versi"
COOKIE = "kinerja_versi"
HEARTBEAT = 1.0  # seconds: the row is read again at least this often
FRESH = 5.0  # seconds: a version read longer ago than this is not trusted

Row = tuple[str, int, int]  # (epoch, nomor, akun) of the version row

_WRITES = ("INSERT", "UPDATE", "DELETE")


class Listener(threading.Thread):
    """One per process and database: ``LISTEN`` on its own connection, the row kept."""

    def __init__(self, params: dict, sql: str):
        super().__init__(name="kinerja-versi", daemon=True)
        self.pid = os.getpid()
        self._params = {**params, "application_name": "kinerja-versi"}
        self._stopped = threading.Event()
        self._sql = sql  # the row's read (kinerja.web.versi.ROW_SQL)
        self._known: tuple[Row, float] | None = None  # replaced whole: readers need no lock

    def known(self) -> Row | None:
        """The version last read, if it was read recently enough to vouch for."""
        kept = self._known
        if kept is None or time.monotonic() - kept[1] > FRESH:
            return None
        return kept[0]

    def stop(self) -> None:
        """End the thread (within a heartbeat); vouch for nothing from now on."""
        self._stopped.set()
        self._known = None
        if self.ident is not None:  # started
            self.join(3 * HEARTBEAT)

    def run(self) -> None:
        while not self._stopped.is_set():
            try:
                self._listen()
            except Exception as exc:  # connection lost: requests read the row meanwhile
                self._known = None
                logger.warning("versi data: pendengar terputus (%s), menyambung lagi", exc)
                self._stopped.wait(HEARTBEAT)
        self._known = None

    def _listen(self) -> None:
        import psycopg

        with psycopg.connect(**self._params, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")  # before the first read: no commit is missed
            while not self._stopped.is_set():
                self.refresh(conn)
                for _ in conn.notifies(timeout=HEARTBEAT, stop_after=1):
                    pass

    def refresh(self, conn) -> None:
        """Read the row on ``conn``, a connection of the listener's own in autocommit (a
        notification that arrives meanwhile is kept by psycopg for the next wait)."""
        started = time.monotonic()
        row = conn.execute(self._sql).fetchone()
        self._known = (tuple(row), started) if row else None


_listeners: dict[str, Listener] = {}
_start_lock = threading.Lock()


def enabled(using: str = "default") -> bool:
    return settings.KINERJA_VERSI_NOTIFY and connections[using].vendor == "postgresql"


def _own(using: str) -> Listener | None:
    """This process's listener (one inherited through a fork listens for its parent)."""
    listener = _listeners.get(using)
    return listener if listener is not None and listener.pid == os.getpid() else None


def _listener(using: str, sql: str) -> Listener:
    if (listener := _own(using)) is not None:
        return listener
    with _start_lock:  # first request of this process
        if (listener := _own(using)) is None:
            listener = Listener(connections[using].get_connection_params(), sql)
            listener.start()
            _listeners[using] = listener
        return listener


def stop(using: str = "default") -> None:
    """Stop this process's listener, if any (the next request starts another)."""
    with _start_lock:
        listener = _listeners.pop(using, None)
    if listener is not None:
        listener.stop()


def known(using: str = "default") -> Row | None:
    """The version this process's listener vouches for now; None if it has none (or none
    runs: the first GET request starts it)."""
    listener = _own(using)
    return None if listener is None else listener.known()


def pushed(using: str, sql: str, minimum: Row | None) -> Row | None:
    """The listener's version (started on first use, reading with ``sql``) when it can be
    trusted for this reader: recent, and covering the version of the reader's own last
    writes (``minimum``). None: read the row. Asked only when :func:`enabled`."""
    row = _listener(using, sql).known()
    if row is None or (minimum is not None and not covers(row, minimum)):
        return None
    return row


def covers(row: Row, minimum: Row) -> bool:
    """Whether ``row`` is at least as new as ``minimum`` in both counters."""
    return row[0] == minimum[0] and row[1] >= minimum[1] and row[2] >= minimum[2]


def parse(value: str | None) -> Row | None:
    """The cookie's version; None when absent or not one (a reader can only make their own
    requests read the row by forging it)."""
    if not value:
        return None
    epoch, _, rest = value.partition(":")
    nomor, _, akun = rest.partition(":")
    if not (epoch and nomor.isdigit() and akun.isdigit()):
        return None
    return epoch, int(nomor), int(akun)


def cookie_value(row: Row) -> str:
    return f"{row[0]}:{row[1]}:{row[2]}"


class Writes:
    """An execute wrapper that notes whether any statement wrote (``seen``)."""

    def __init__(self):
        self.seen = False

    def __call__(self, execute, sql, params, many, context):
        if not self.seen and isinstance(sql, str) and sql.lstrip()[:6].upper() in _WRITES:
            self.seen = True
        return execute(sql, params, many, context)
