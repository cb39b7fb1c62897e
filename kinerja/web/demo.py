"""Demo accounts, one per role, for the Towuti sample (``kinerja demo``)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from kinerja.web.models import Peran

PASSWORD = "kinerja-demo"


def create_demo_users(perangkat) -> list[tuple[str, str]]:
    """Create (or keep) operator, kepala and evaluator accounts; returns (username, role)."""
    kode = perangkat.kode
    accounts = [
        (f"operator-{kode}", Peran.Jenis.OPERATOR, perangkat),
        (f"kepala-{kode}", Peran.Jenis.KEPALA, perangkat),
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
