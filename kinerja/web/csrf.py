"""CSRF tokens in cached page parts.

A part of a page rendered once and served to many users (:mod:`kinerja.web.versi`) must not
carry the token of the user it was first rendered for. It is rendered with ``SENTINEL`` as
its token, and :func:`fill` puts the requesting user's token in its place. The whole hidden
input is replaced, and it begins with ``<input``, which text entered by users never contains
unescaped: no user text can be turned into a token.
"""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import mark_safe

__all__ = ["PLACEHOLDER", "SENTINEL", "fill"]

SENTINEL = "kinerja-csrf-sentinel"
_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
PLACEHOLDER = format_html(_FIELD, SENTINEL)


def fill(html: str, request) -> str:
    """``html`` with every placeholder field holding ``request``'s own CSRF token."""
    if PLACEHOLDER not in html:
        return mark_safe(html)
    return mark_safe(html.replace(PLACEHOLDER, format_html(_FIELD, get_token(request))))
