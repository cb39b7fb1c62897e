"""The signed-in session and its user, read once per change instead of once per request.

Django reads the session row and then the user row on every signed-in request: on a page
served from the cache those two queries were most of its cost. Both are kept in each
process's memory (the ``akun`` cache) under the account version of :mod:`kinerja.web.versi`,
which triggers raise whenever a user row is written or a session row is saved again or
deleted. So a sign-out, a password change or a user deactivated anywhere (a form, the
admin, ``manage.py``, raw SQL) ends what every process keeps, before the next request reads.

What is kept is a copy: the cache stores pickles, so every request gets its own session dict
and its own user object, never one shared with another thread. A session is kept no longer
than its own expiry.
"""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.sessions.backends import db

from kinerja.web import versi

__all__ = ["CACHE_ALIAS", "ModelBackend", "SessionStore"]

CACHE_ALIAS = "akun"


class SessionStore(db.SessionStore):
    """Django's database session, its row read once per account version."""

    def load(self) -> dict:
        key = self.session_key
        if not key:
            return super().load()
        found = []

        def read() -> dict | None:
            row = self._get_session_from_db()  # None: missing or expired, the key dropped
            found.append(row)
            return self.decode(row.session_data) if row else None

        def until():  # asked only after read(): the session's own end
            return found[0].expire_date if found[0] else None

        kept = versi.cached(
            "sesi", (key,), read, alias=CACHE_ALIAS, until=until, version=versi.current_akun
        )
        return {} if kept is None else kept


class ModelBackend(DjangoModelBackend):
    """Django's model backend, the signed-in user read once per account version."""

    def get_user(self, user_id):
        load = super().get_user
        return versi.cached(
            "pengguna",
            (user_id,),
            lambda: load(user_id),
            alias=CACHE_ALIAS,
            version=versi.current_akun,
        )
