"""Every page of the site. A new pattern needs an entry in tests/web/test_access_matrix.py."""

from django.urls import include, path

from kinerja.web import views

app_name = "web"

unit = [
    path("", views.PerangkatDetailView.as_view(), name="perangkat-detail"),
    path("isi/", views.RealisasiUpdateView.as_view(), name="realisasi-update"),
    path(
        "isi/<int:indikator>/hitung/",
        views.RealisasiPreviewView.as_view(),
        name="realisasi-preview",
    ),
    path(
        "isi/<int:indikator>/riwayat/",
        views.RealisasiHistoryView.as_view(),
        name="realisasi-history",
    ),
    path("isi/<int:indikator>/bukti/", views.BuktiCreateView.as_view(), name="bukti-create"),
    path("bukti/<int:pk>/", views.BuktiDownloadView.as_view(), name="bukti-download"),
    path("status/", views.StatusTriwulanUpdateView.as_view(), name="status-update"),
    path(
        "unduh/<slug:jenis>/<slug:format>/",
        views.LaporanDownloadView.as_view(),
        name="laporan-download",
    ),
]

urlpatterns = [
    path("", views.PerangkatListView.as_view(), name="beranda"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    path("unit/<slug:kode>/<int:tahun>/tw<int:triwulan>/", include(unit)),
    path("pemda/<int:tahun>/tw<int:triwulan>/", views.PemdaDetailView.as_view(), name="pemda"),
    path("publik/", views.PublikasiListView.as_view(), name="publikasi-list"),
    path(
        "publik/<slug:kode>/<int:tahun>/tw<int:triwulan>/",
        views.PublikasiDetailView.as_view(),
        name="publikasi-detail",
    ),
]
