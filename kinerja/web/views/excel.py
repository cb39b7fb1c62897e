"""Excel in and out on the web: the pre-filled template, the import with its preview (dry run)
and all-or-nothing apply, and XLSX/CSV exports of the tables the app shows.

The import runs the same code as ``kinerja impor`` (:mod:`kinerja.excel.import_`); the upload
is kept between preview and apply by :mod:`kinerja.web.impor` and read again for each step.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from kinerja.excel import export, import_
from kinerja.excel.sheet import Buku, BukuError, buku_xlsx, ke_csv
from kinerja.excel.sipd import baca_sipd, periksa_sipd
from kinerja.excel.template import template_xlsx
from kinerja.measurement.lock import TriwulanTerkunci, assert_editable
from kinerja.measurement.scorecard import build_scorecard
from kinerja.organisations.models import PemerintahDaerah
from kinerja.rules import format_triwulan
from kinerja.web import access, impor
from kinerja.web.views.base import AksesMixin, UnitMixin
from kinerja.web.views.unit import unit_url

log = logging.getLogger(__name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
PEMISAH = {"koma": ",", "titik-koma": ";"}
TAMPIL_MAKS = 1000  # changes listed on the preview page; every error is always listed
SEKSI_SAJA = "Impor berkas hanya untuk operator seluruh unit atau admin pemda."
GAGAL_TERDUGA = "Berkas tidak dapat diproses karena kesalahan tak terduga; tidak ada yang disimpan."


def berkas_response(data: bytes | str, nama: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def lembar_response(sheets, base: str, ekstensi: str, pemisah: str) -> HttpResponse:
    if ekstensi == "xlsx":
        return berkas_response(buku_xlsx(sheets), f"{base}.xlsx", XLSX)
    if len(sheets) != 1:
        raise Http404("CSV hanya untuk satu tabel.")
    return berkas_response(ke_csv(sheets[0], pemisah).encode("utf-8"), f"{base}.csv", CSV)


def pemisah_of(request) -> str:
    nama = request.GET.get("pemisah", "koma")
    if nama not in PEMISAH:
        raise Http404("Pemisah CSV tidak dikenal: pilih koma atau titik-koma.")
    return PEMISAH[nama]


def redirect_htmx(request, url: str) -> HttpResponse:
    """A redirect that htmx follows as a full page load (``HX-Redirect``)."""
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


class TemplatDownloadView(UnitMixin, View):
    """The unit's template workbook of the year, pre-filled with the current data."""

    def get(self, request, *args, **kwargs):
        data = template_xlsx(self.perangkat, self.tahun)
        return berkas_response(data, f"templat-{self.perangkat.kode}-{self.tahun}.xlsx", XLSX)


class EksporDownloadView(UnitMixin, View):
    """One table of the unit as XLSX or CSV (``?pemisah=titik-koma``), or all as XLSX."""

    TABEL = ("capaian", "anggaran", "tindak-lanjut", "ikm", "semua")

    def get(self, request, *args, tabel: str, ekstensi: str, **kwargs):
        if tabel not in self.TABEL or ekstensi not in export.FORMATS:
            raise Http404("Tabel atau format ekspor tidak dikenal.")
        pemisah = pemisah_of(request)
        p, tahun, tw = self.perangkat, self.tahun, self.triwulan
        sheets = []
        if tabel in ("capaian", "semua"):
            cards = [build_scorecard(p, tahun, q) for q in range(1, tw + 1)]
            sheets.append(export.capaian_lembar(cards))
        if tabel in ("anggaran", "semua"):
            sheets.append(export.anggaran_lembar(p, tahun, tw))
        if tabel in ("tindak-lanjut", "semua"):
            sheets.append(export.tindak_lanjut_lembar(p, tahun))
        if tabel in ("ikm", "semua"):
            sheets.append(export.ikm_lembar(p, tahun, tw))
        return lembar_response(sheets, f"{p.kode}-{tahun}-tw{tw}-{tabel}", ekstensi, pemisah)


class RekapPemdaDownloadView(AksesMixin, View):
    """The pemda recap (one row per unit) as XLSX or CSV, for who sees the pemda dashboard."""

    aksi = access.PEMDA

    def get(self, request, *args, tahun: int, triwulan: int, ekstensi: str, **kwargs):
        if triwulan not in (1, 2, 3, 4) or ekstensi not in export.FORMATS:
            raise Http404("Triwulan atau format ekspor tidak dikenal.")
        pemisah = pemisah_of(request)
        pemda = PemerintahDaerah.objects.first()
        if pemda is None:
            raise Http404("Belum ada pemerintah daerah.")
        sheet = export.rekap_pemda_lembar(pemda, tahun, triwulan)
        return lembar_response([sheet], f"rekap-pemda-{tahun}-tw{triwulan}", ekstensi, pemisah)


class ImporMixin(UnitMixin):
    """Pages of an import: only who may fill the unit, and not an operator limited to one
    seksi (an import can touch every indicator of the unit)."""

    aksi = access.ISI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["seksi_saja"] = access.seksi_limit(self.request.user, self.perangkat) is not None
        ctx["batas_mb"] = impor.batas_mb()
        ctx["diterima"] = impor.DITERIMA
        return ctx

    def upload(self, token: str):
        if access.seksi_limit(self.request.user, self.perangkat) is not None:
            messages.error(self.request, SEKSI_SAJA)
            return None
        found = impor.muat(token, self.request.user, self.perangkat, self.tahun, self.triwulan)
        if found is None:
            messages.error(
                self.request,
                "Berkas impor tidak ditemukan atau sudah kedaluwarsa (disimpan satu jam); "
                "unggah sekali lagi.",
            )
        return found


class ImporCreateView(ImporMixin, TemplateView):
    """Upload a filled template or a SIPD sheet; a readable file goes to its preview."""

    template_name = "web/impor_form.html"

    def post(self, request, *args, **kwargs):
        ctx = self.get_context_data(**kwargs)
        if ctx["seksi_saja"]:
            ctx["galat"] = SEKSI_SAJA
            return self.render_to_response(ctx)
        try:
            data, nama = impor.periksa(request.FILES.get("berkas"))
        except ValidationError as exc:
            ctx["galat"] = exc.messages[0]
            return self.render_to_response(ctx)
        except Exception:  # never a server error for a file
            log.exception("unggahan impor")
            ctx["galat"] = GAGAL_TERDUGA
            return self.render_to_response(ctx)
        token = impor.simpan(data, nama, request.user, self.perangkat, self.tahun, self.triwulan)
        return redirect_htmx(request, unit_url("impor-detail", self, token=token))


class ImporDetailView(ImporMixin, TemplateView):
    """The preview: the dry run of the stored upload, read again from disk."""

    template_name = "web/impor_pratinjau.html"

    def get(self, request, *args, token: str, **kwargs):
        found = self.upload(token)
        if found is None:
            return redirect(unit_url("impor-create", self))
        try:
            hasil = import_.dry_run(found.data, self.perangkat, self.tahun, triwulan=self.triwulan)
        except BukuError as exc:
            return self.gagal(found, str(exc))
        except Exception:  # never a server error for a file: say so, keep nothing
            log.exception("pratinjau impor %s", found.nama)
            return self.gagal(found, GAGAL_TERDUGA)
        return self.render_to_response(self.pratinjau_context(found, hasil))

    def gagal(self, found, pesan: str):
        impor.hapus(found.token)
        ctx = self.get_context_data()
        ctx["galat"] = pesan
        self.template_name = ImporCreateView.template_name
        return self.render_to_response(ctx)

    def pratinjau_context(self, found, hasil) -> dict:
        ctx = self.get_context_data(token=found.token)
        perubahan = [*hasil.dibuat, *hasil.diubah]
        selisih = []
        if hasil.jenis == "sipd":
            try:
                selisih = periksa_sipd(baca_sipd(Buku(found.data, found.nama), []))
            except BukuError:
                selisih = []
        set_selisih = set(selisih)
        ctx.update(
            unggahan=found,
            hasil=hasil,
            perubahan=perubahan[:TAMPIL_MAKS],
            n_perubahan=len(perubahan),
            perubahan_lain=max(len(perubahan) - TAMPIL_MAKS, 0),
            selisih=selisih,
            galat_lain=[m for m in hasil.galat if m not in set_selisih],
            kunci=kunci_pesan(self.perangkat, self.tahun, hasil),
            boleh_terapkan=not hasil.galat and bool(perubahan),
        )
        return ctx


def kunci_pesan(perangkat, tahun: int, hasil) -> list[str]:
    """The lock messages of the quarters the file tried to change."""
    alasan = {m.alasan for m in hasil.galat}
    pesan = []
    for q in (1, 2, 3, 4):
        try:
            assert_editable(perangkat, tahun, q)
        except TriwulanTerkunci as exc:
            if exc.messages[0] in alasan:
                pesan.append(exc.messages[0])
    return pesan


class ImporApplyView(ImporDetailView):
    """POST: apply the stored upload in one transaction; nothing is saved on any error."""

    http_method_names = ["post"]

    def post(self, request, *args, token: str, **kwargs):
        found = self.upload(token)
        if found is None:
            return redirect_htmx(request, unit_url("impor-create", self))
        try:
            hasil = import_.apply(found.data, self.perangkat, self.tahun, triwulan=self.triwulan)
        except BukuError as exc:
            return self.gagal(found, str(exc))
        except Exception:
            log.exception("impor %s", found.nama)
            return self.gagal(found, GAGAL_TERDUGA)
        if not hasil.disimpan:
            messages.error(request, "Ada galat: tidak ada yang disimpan. " + hasil.ringkasan())
            return self.render_to_response(self.pratinjau_context(found, hasil))
        impor.hapus(found.token)
        periode = f"{format_triwulan(self.triwulan)} {self.tahun}"
        messages.success(
            request, f"Impor '{found.nama}' tersimpan ({periode}): {hasil.ringkasan()}."
        )
        return redirect_htmx(request, unit_url("perangkat-detail", self))


class ImporDeleteView(ImporMixin, View):
    """POST: cancel an import; the stored upload is deleted."""

    http_method_names = ["post"]

    def post(self, request, *args, token: str, **kwargs):
        if self.upload(token) is not None:
            impor.hapus(token)
            messages.info(request, "Impor dibatalkan; berkas yang diunggah telah dihapus.")
        return redirect(unit_url("impor-create", self))
