"""Sign-in lockout: too many failures for one username from one address lock it a while."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from kinerja.web.models import GagalMasuk


def limits() -> tuple[int, int]:
    """(failures allowed, minutes locked) from settings ``KINERJA_MASUK_MAKS/_MENIT``."""
    return settings.KINERJA_MASUK_MAKS, settings.KINERJA_MASUK_MENIT


def client_ip(request) -> str | None:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy rewrites it.
    return request.META.get("REMOTE_ADDR") or None if request is not None else None


def _recent(username: str, ip: str | None):
    _maks, menit = limits()
    since = timezone.now() - timedelta(minutes=menit)
    return GagalMasuk.objects.filter(username=username.lower(), ip=ip, waktu__gte=since)


def is_locked(username: str, ip: str | None) -> bool:
    return _recent(username, ip).count() >= limits()[0]


def record_failure(username: str, ip: str | None) -> None:
    GagalMasuk.objects.create(username=username.lower()[:150], ip=ip)
    _maks, menit = limits()
    GagalMasuk.objects.filter(waktu__lt=timezone.now() - timedelta(minutes=menit)).delete()


def clear(username: str, ip: str | None) -> None:
    GagalMasuk.objects.filter(username=username.lower(), ip=ip).delete()
