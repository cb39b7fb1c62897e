"""Form fields written straight to HTML for the long entry pages.

Django renders each widget through its own template: on the entry page (four widgets per
indicator, 40+ indicators) that was a third of the page's time. These tags write the same
markup with :func:`~django.utils.html.format_html`, escaped the same way.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def kotak_teks(field, rows: int = 2):
    """``<textarea>`` of a bound field (its value, or what the user sent back)."""
    value = field.value()
    # The newline after <textarea> is dropped by the browser, so a value that starts
    # with one keeps it (as Django's own Textarea template does).
    return format_html(
        '<textarea name="{}" id="{}" rows="{}">\n{}</textarea>',
        field.html_name,
        field.auto_id,
        rows,
        "" if value is None else value,
    )


@register.simple_tag
def tersembunyi(field):
    """``<input type="hidden">`` of a bound field."""
    value = field.value()
    return format_html(
        '<input type="hidden" name="{}" id="{}" value="{}">',
        field.html_name,
        field.auto_id,
        "" if value is None else value,
    )
