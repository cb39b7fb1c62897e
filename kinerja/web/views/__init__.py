from kinerja.web.views.anggaran import RealisasiBelanjaUpdateView
from kinerja.web.views.auth import KeluarView, MasukView, SehatView
from kinerja.web.views.bukti import BuktiCreateView, BuktiDeleteView, BuktiDownloadView
from kinerja.web.views.excel import (
    EksporDownloadView,
    ImporApplyView,
    ImporCreateView,
    ImporDeleteView,
    ImporDetailView,
    RekapPemdaDownloadView,
    TemplatDownloadView,
)
from kinerja.web.views.pemda import (
    PemdaDetailView,
    PerangkatListView,
    PublikasiDetailView,
    PublikasiListView,
)
from kinerja.web.views.rencana import TargetUpdateView
from kinerja.web.views.survei import (
    RespondenCreateView,
    RespondenDoneView,
    SurveiKodeListView,
    SurveiQrView,
)
from kinerja.web.views.survei_impor import JawabanImportView
from kinerja.web.views.tenggat import (
    PengecualianTenggatCreateView,
    PengecualianTenggatDeleteView,
    PeriodeInputUpdateView,
    TunggakanListView,
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
    "PengecualianTenggatCreateView",
    "PengecualianTenggatDeleteView",
    "PeriodeInputUpdateView",
    "JawabanImportView",
    "BuktiCreateView",
    "BuktiDeleteView",
    "BuktiDownloadView",
    "EksporDownloadView",
    "ImporApplyView",
    "ImporCreateView",
    "ImporDeleteView",
    "ImporDetailView",
    "KeluarView",
    "LaporanDownloadView",
    "MasukView",
    "PemdaDetailView",
    "PerangkatDetailView",
    "PerangkatListView",
    "PublikasiDetailView",
    "PublikasiListView",
    "RealisasiBelanjaUpdateView",
    "RealisasiHistoryView",
    "RealisasiPreviewView",
    "RealisasiUpdateView",
    "SehatView",
    "RekapPemdaDownloadView",
    "RespondenCreateView",
    "RespondenDoneView",
    "StatusTriwulanUpdateView",
    "SurveiKodeListView",
    "SurveiQrView",
    "TargetUpdateView",
    "TemplatDownloadView",
    "TunggakanListView",
]
