"""Demo accounts, one per role, for the Towuti sample (``kinerja demo``).

They exist only where ``settings.KINERJA_DEMO`` is on (the default while SECRET_KEY is the
demo key): elsewhere :func:`create_demo_users` refuses and the sign-in page rejects any
account that still has the demo password.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from kinerja.web.models import Peran

PASSWORD = "kinerja-demo"


def create_demo_users(perangkat) -> list[tuple[str, str]]:
    """Create (or keep) operator, kepala and evaluator accounts; returns (username, role)."""
    if not settings.KINERJA_DEMO:
        raise ImproperlyConfigured(
            "Akun demo tidak dibuat di instalasi produksi (SECRET_KEY sudah diganti; "
            "KINERJA_DEMO=1 untuk mengizinkannya)."
        )
    accounts = [
        ("operator", Peran.Jenis.OPERATOR, perangkat),
        ("kepala", Peran.Jenis.KEPALA, perangkat),
        ("evaluator", Peran.Jenis.EVALUATOR, None),
    ]
    users = get_user_model().objects
    result = []
    for username, jenis, unit in accounts:
        user, created = users.get_or_create(username=username)
        if created:
            user.set_password(PASSWORD)
            user.save()
        Peran.objects.get_or_create(user=user, jenis=jenis, perangkat=unit)
        result.append((username, Peran.Jenis(jenis).label))
    return result


def is_demo_account(user, password: str) -> bool:
    """Whether a sign-in uses the demo password where demo accounts are not allowed."""
    return not settings.KINERJA_DEMO and password == PASSWORD
