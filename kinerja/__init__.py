"""Kinerja: sistem akuntabilitas kinerja (SAKIP) untuk perangkat daerah."""

__version__ = "0.1.0"
