"""Who may do what on which unit: the one place the site decides it.

Every view names its action and the mixin in ``views/base.py`` asks :func:`can`. The roles:

* **Admin pemda** (or a superuser): every action on every unit, and the settings.
* **Operator** of a unit: sees and fills its own unit; optionally limited to one seksi
  (:func:`seksi_limit`: only indicators whose *sumber data* is that seksi).
* **Kepala** of a unit: sees its own unit and submits it (*ajukan*).
* **Evaluator** (Inspektorat): sees every unit, verifies, returns, locks and reopens.
* **Publik** (not signed in): only published quarters (diverifikasi/terkunci).
"""

from __future__ import annotations

from kinerja.web import versi
from kinerja.web.models import Peran

J = Peran.Jenis

LIHAT = "lihat"  # dashboards, entry page read-only, history, downloads
ISI = "isi"  # write realisasi and analysis text
AJUKAN = "ajukan"  # submit a quarter (draf/dikembalikan → diajukan)
VERIFIKASI = "verifikasi"  # verify, return with comment, lock
BUKA = "buka"  # reopen a submitted/verified/locked quarter with a reason
PEMDA = "pemda"  # the kabupaten-wide dashboard
ATUR = "atur"  # site settings: quarter deadlines and their exceptions

# action → (roles allowed on every unit, roles allowed on their own unit only)
RULES: dict[str, tuple[frozenset, frozenset]] = {
    LIHAT: (frozenset({J.ADMIN, J.EVALUATOR}), frozenset({J.OPERATOR, J.KEPALA})),
    ISI: (frozenset({J.ADMIN}), frozenset({J.OPERATOR})),
    AJUKAN: (frozenset({J.ADMIN}), frozenset({J.KEPALA})),
    VERIFIKASI: (frozenset({J.ADMIN, J.EVALUATOR}), frozenset()),
    BUKA: (frozenset({J.ADMIN, J.EVALUATOR}), frozenset()),
    PEMDA: (frozenset({J.ADMIN, J.EVALUATOR}), frozenset()),
    ATUR: (frozenset({J.ADMIN}), frozenset()),
}


def roles_of(user) -> list[tuple[str, int | None, int | None]]:
    """``(jenis, perangkat_id, seksi_id)`` of the user: kept on the user for the request,
    and under the data version (roles are rows of Kinerja) between requests."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = getattr(user, "_kinerja_peran", None)
    if roles is None:

        def load() -> list[tuple[str, int | None, int | None]]:
            return list(user.peran.values_list("jenis", "perangkat_id", "seksi_id"))

        roles = versi.cached("peran", (user.pk,), load)
        if user.is_superuser:
            roles = [*roles, (J.ADMIN, None, None)]
        user._kinerja_peran = roles
    return roles


def can(user, action: str, perangkat=None) -> bool:
    """Whether ``user`` may do ``action`` on ``perangkat`` (a unit or None for site-wide)."""
    if action not in RULES:
        raise ValueError(f"aksi tidak dikenal: {action!r}")
    everywhere, own = RULES[action]
    perangkat_id = getattr(perangkat, "pk", perangkat)
    for jenis, unit_id, _seksi in roles_of(user):
        if jenis in everywhere:
            return True
        if jenis in own and perangkat_id is not None and unit_id == perangkat_id:
            return True
    return False


def seksi_limit(user, perangkat) -> int | None:
    """The seksi an operator is limited to on ``perangkat``; None when not limited."""
    perangkat_id = getattr(perangkat, "pk", perangkat)
    if can(user, ISI, perangkat) and any(j == J.ADMIN for j, _, _ in roles_of(user)):
        return None
    limits = [s for j, u, s in roles_of(user) if j == J.OPERATOR and u == perangkat_id]
    if not limits or None in limits:
        return None
    return limits[0]


def may_edit_indikator(user, perangkat, sumber_data_id: int | None) -> bool:
    if not can(user, ISI, perangkat):
        return False
    limit = seksi_limit(user, perangkat)
    return limit is None or limit == sumber_data_id


def may_edit_anggaran(user, perangkat) -> bool:
    """Belanja lines carry no seksi: an operator limited to one seksi reads the budget page,
    and the unit's realisasi anggaran is entered by an operator of the whole unit."""
    return can(user, ISI, perangkat) and seksi_limit(user, perangkat) is None


def units_visible(user, queryset):
    """The units ``user`` may see (the list on the home page)."""
    if can(user, PEMDA):
        return queryset
    ids = {u for j, u, _ in roles_of(user) if u is not None}
    return queryset.filter(pk__in=ids)


def role_labels(user) -> list[str]:
    labels = dict(J.choices)
    return sorted({labels[j] for j, _, _ in roles_of(user)})
