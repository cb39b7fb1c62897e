"""Every page of the site. A new pattern needs an entry in tests/web/test_access_matrix.py."""

from django.urls import include, path

from kinerja.web import views

app_name = "web"

unit = [
    path("", views.PerangkatDetailView.as_view(), name="perangkat-detail"),
    path("isi/", views.RealisasiUpdateView.as_view(), name="realisasi-update"),
    path("rencana/", views.TargetUpdateView.as_view(), name="target-update"),
    path("anggaran/", views.RealisasiBelanjaUpdateView.as_view(), name="realisasi-belanja-update"),
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
    path("bukti/<int:pk>/hapus/", views.BuktiDeleteView.as_view(), name="bukti-delete"),
    path("status/", views.StatusTriwulanUpdateView.as_view(), name="status-update"),
    path(
        "unduh/<slug:jenis>/<slug:format>/",
        views.LaporanDownloadView.as_view(),
        name="laporan-download",
    ),
    path("survei/qr/", views.SurveiQrView.as_view(), name="survei-qr"),
    path("survei/kode/", views.SurveiKodeListView.as_view(), name="survei-kode"),
    path("survei/impor/", views.JawabanImportView.as_view(), name="jawaban-import"),
    # Excel in and out (kinerja/web/views/excel.py): template, import with preview, exports.
    path("excel/templat.xlsx", views.TemplatDownloadView.as_view(), name="templat-download"),
    path("excel/impor/", views.ImporCreateView.as_view(), name="impor-create"),
    path("excel/impor/<slug:token>/", views.ImporDetailView.as_view(), name="impor-detail"),
    path(
        "excel/impor/<slug:token>/terapkan/",
        views.ImporApplyView.as_view(),
        name="impor-apply",
    ),
    path("excel/impor/<slug:token>/batal/", views.ImporDeleteView.as_view(), name="impor-delete"),
    path(
        "ekspor/<slug:tabel>.<slug:ekstensi>",
        views.EksporDownloadView.as_view(),
        name="ekspor-download",
    ),
]

urlpatterns = [
    path("", views.PerangkatListView.as_view(), name="beranda"),
    path("masuk/", views.MasukView.as_view(), name="masuk"),
    path("sehat/", views.SehatView.as_view(), name="sehat"),
    path("keluar/", views.KeluarView.as_view(), name="keluar"),
    path("unit/<slug:kode>/<int:tahun>/tw<int:triwulan>/", include(unit)),
    path("pemda/<int:tahun>/tw<int:triwulan>/", views.PemdaDetailView.as_view(), name="pemda"),
    path(
        "pemda/<int:tahun>/tw<int:triwulan>/rekap.<slug:ekstensi>",
        views.RekapPemdaDownloadView.as_view(),
        name="rekap-pemda-download",
    ),
    path(
        "pemda/<int:tahun>/tw<int:triwulan>/belum-diisi/",
        views.TunggakanListView.as_view(),
        name="tunggakan-list",
    ),
    path(
        "pemda/<int:tahun>/tw<int:triwulan>/tenggat/",
        views.PeriodeInputUpdateView.as_view(),
        name="periode-update",
    ),
    path(
        "pemda/<int:tahun>/tw<int:triwulan>/tenggat/pengecualian/",
        views.PengecualianTenggatCreateView.as_view(),
        name="pengecualian-create",
    ),
    path(
        "pemda/<int:tahun>/tw<int:triwulan>/tenggat/pengecualian/<int:pk>/akhiri/",
        views.PengecualianTenggatDeleteView.as_view(),
        name="pengecualian-delete",
    ),
    # The public survey form (no sign-in): stable links for printed QR codes.
    path("survei/<slug:kode>/", views.RespondenCreateView.as_view(), name="survei-isi"),
    path(
        "survei/<slug:kode>/layanan/<int:layanan>/",
        views.RespondenCreateView.as_view(),
        name="survei-layanan-isi",
    ),
    path(
        "survei/<slug:kode>/terima-kasih/",
        views.RespondenDoneView.as_view(),
        name="survei-selesai",
    ),
    path("publik/", views.PublikasiListView.as_view(), name="publikasi-list"),
    path(
        "publik/<slug:kode>/<int:tahun>/tw<int:triwulan>/",
        views.PublikasiDetailView.as_view(),
        name="publikasi-detail",
    ),
]
