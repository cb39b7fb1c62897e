"""CSRF tokens in cached pages and page parts.

A page or part rendered once and served to many users (:mod:`kinerja.web.versi`) must not
carry the token of the user it was first rendered for. It is rendered with ``SENTINEL`` as
its token, and :class:`CsrfFillMiddleware` puts the requesting user's token in its place in
every HTML response. The whole hidden input is replaced, and it begins with ``<input``,
which text entered by users never contains unescaped: no user text can become a token.
"""

from __future__ import annotations

from django.middleware.csrf import get_token
from django.utils.html import format_html

__all__ = ["PLACEHOLDER", "SENTINEL", "CsrfFillMiddleware"]

SENTINEL = "kinerja-csrf-sentinel"
_FIELD = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
PLACEHOLDER = format_html(_FIELD, SENTINEL)
_PLACEHOLDER = PLACEHOLDER.encode()


class CsrfFillMiddleware:
    """Every placeholder field of an HTML response gets the requesting user's own token.

    Listed after Django's ``CsrfViewMiddleware``, it runs before it on the way out: a token
    asked for here still sets the CSRF cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and _PLACEHOLDER in response.content
        ):
            field = format_html(_FIELD, get_token(request)).encode()
            response.content = response.content.replace(_PLACEHOLDER, field)
        return response
