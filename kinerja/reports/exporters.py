"""One exporter interface for every output format, and the registry that finds them."""

from __future__ import annotations

from typing import Protocol

from kinerja.reports.document import Document


class Exporter(Protocol):
    format: str  # "docx", "pdf", "xlsx", "html"
    extension: str
    media_type: str

    def render(self, document: Document) -> bytes: ...


_REGISTRY: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    _REGISTRY[exporter.format] = exporter
    return exporter


def get_exporter(fmt: str) -> Exporter:
    _load_builtin()
    try:
        return _REGISTRY[fmt]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ValueError(f"Format '{fmt}' tidak dikenal; pilih salah satu: {known}.") from None


def formats() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    # Imported lazily: python-docx and WeasyPrint are heavy and not every command needs them.
    from kinerja.reports import docx_export, pdf_export, xlsx_export  # noqa: F401
