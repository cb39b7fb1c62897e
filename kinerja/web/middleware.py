"""Security headers Django 5.2 does not set itself: a Content-Security-Policy.

Every script is a vendored or own static file (htmx, Chart.js, grafik.js, halaman.js), so
scripts come from this site only and inline scripts are refused. Inline *styles* stay
allowed: bar widths are style attributes and htmx adds its indicator style.
"""

from __future__ import annotations

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
