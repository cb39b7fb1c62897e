from kinerja.web.views.auth import KeluarView, MasukView
from kinerja.web.views.bukti import BuktiCreateView, BuktiDownloadView
from kinerja.web.views.pemda import (
    PemdaDetailView,
    PerangkatListView,
    PublikasiDetailView,
    PublikasiListView,
)
from kinerja.web.views.unit import (
    LaporanDownloadView,
    PerangkatDetailView,
    RealisasiHistoryView,
    RealisasiPreviewView,
    RealisasiUpdateView,
    StatusTriwulanUpdateView,
)

__all__ = [
    "BuktiCreateView",
    "BuktiDownloadView",
    "KeluarView",
    "LaporanDownloadView",
    "MasukView",
    "PemdaDetailView",
    "PerangkatDetailView",
    "PerangkatListView",
    "PublikasiDetailView",
    "PublikasiListView",
    "RealisasiHistoryView",
    "RealisasiPreviewView",
    "RealisasiUpdateView",
    "StatusTriwulanUpdateView",
]
