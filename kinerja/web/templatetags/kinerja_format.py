"""Template filters: every number on the site goes through the rules core's formats."""

from __future__ import annotations

from django import template

from kinerja import rules

register = template.Library()


@register.filter
def angka(value, places=None):
    """``{{ x|angka }}`` shows the value's own decimals; ``{{ x|angka:2 }}`` rounds to 2."""
    if isinstance(value, rules.Rentang):
        return f"{rules.format_angka(value.bawah, None)}–{rules.format_angka(value.atas, None)}"
    return rules.format_angka(value, None if places in (None, "") else int(places))


@register.filter
def persen(value, places=2):
    return rules.format_persen(value, int(places))


@register.filter
def rupiah(value):
    return rules.format_rupiah(value)


@register.filter
def triwulan(value, short=""):
    return rules.format_triwulan(int(value), short=bool(short))


@register.filter
def tanggal(value):
    return rules.format_tanggal(value)


@register.filter
def waktu(value):
    """A stored moment in the site's time zone: ``15 Januari 2025 pukul 23.59 WITA``."""
    from kinerja.measurement.lock import waktu as _waktu

    return "" if value is None else _waktu(value)


@register.filter
def warna(predikat, skala):
    """The traffic-light colour of a predikat label on ``skala`` ("" when unknown)."""
    for band in getattr(skala, "bands", ()):
        if band.label == predikat:
            return band.color
    return ""


@register.filter
def alasan(capaian):
    """Why a capaian is not applicable (for a title attribute), or ""."""
    return getattr(capaian, "reason", "") or ""


@register.filter
def jenis_riwayat(history_type):
    """django-simple-history's ``+ ~ -`` in Indonesian."""
    return {"+": "dibuat", "~": "diubah", "-": "dihapus"}.get(history_type, history_type)
