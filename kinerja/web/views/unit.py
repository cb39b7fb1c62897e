"""Pages of one unit and quarter: dashboard, data entry, live capaian, history, status."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView, View

from kinerja.measurement.lock import TriwulanTerkunci, status_of
from kinerja.measurement.scorecard import build_scorecard
from kinerja.planning.models import Indikator
from kinerja.rules import format_triwulan
from kinerja.web import access, charts, entry, riwayat, skm, workflow
from kinerja.web.models import RiwayatStatus
from kinerja.web.views.base import UnitMixin


def unit_url(name: str, view: UnitMixin, **extra) -> str:
    kwargs = {"kode": view.perangkat.kode, "tahun": view.tahun, "triwulan": view.triwulan}
    return reverse(f"web:{name}", kwargs={**kwargs, **extra})


class StatusMixin(UnitMixin):
    """Status, its explanation, the steps this user may take and the log."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = status_of(self.perangkat, self.tahun, self.triwulan)
        ctx["status"] = status
        ctx["status_label"] = dict(workflow.S.choices)[status]
        ctx["penjelasan"] = workflow.PENJELASAN[status]
        ctx["langkah"] = workflow.available(self.request.user, self.perangkat, status)
        ctx["riwayat"] = RiwayatStatus.objects.filter(
            perangkat=self.perangkat, tahun=self.tahun, triwulan=self.triwulan
        ).select_related("oleh")[:20]
        ctx["boleh_isi"] = access.can(self.request.user, access.ISI, self.perangkat)
        return ctx


class PerangkatDetailView(StatusMixin, TemplateView):
    """Unit dashboard: capaian per sasaran and program, TW I–IV per indicator, serapan."""

    template_name = "web/perangkat_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        card = build_scorecard(self.perangkat, self.tahun, self.triwulan)
        ctx.update(card=card, grafik=charts.indicator_series(card))
        ctx["unit_predikat"] = card.skala.classify(card.unit.capaian)
        ctx["unduhan"] = [
            ("triwulan", "Laporan triwulan"),
            ("lkjip", "LKjIP"),
            ("pk", "Perjanjian Kinerja"),
        ]
        ctx["skm"] = skm.panel(self.perangkat, self.tahun, self.triwulan)  # survey results
        return ctx


class RealisasiUpdateView(StatusMixin, TemplateView):
    """Data entry: every indicator of the quarter, saved all at once."""

    template_name = "web/realisasi_form.html"
    aksi_post = access.ISI

    def get_context_data(self, halaman=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["halaman"] = halaman or entry.load_halaman(
            self.perangkat, self.tahun, self.triwulan, self.request.user
        )
        return ctx

    def post(self, request, *args, **kwargs):
        halaman = entry.load_halaman(
            self.perangkat, self.tahun, self.triwulan, request.user, request.POST
        )
        try:
            saved = entry.save_halaman(halaman, self.perangkat, self.tahun, self.triwulan)
        except TriwulanTerkunci as exc:
            messages.error(request, exc.messages[0])
            return redirect(unit_url("realisasi-update", self))
        if saved is None:
            messages.error(request, "Tidak ada yang disimpan: perbaiki isian yang ditandai merah.")
            return self.render_to_response(self.get_context_data(halaman=halaman), status=400)
        messages.success(request, f"{saved} baris disimpan.")
        return redirect(unit_url("realisasi-update", self))


class RealisasiPreviewView(UnitMixin, TemplateView):
    """htmx: capaian and predikat of one row as the user types (nothing is saved)."""

    template_name = "web/partials/pratinjau.html"
    aksi = access.ISI

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        iid = kwargs["indikator"]
        text = self.request.GET.get(f"r{iid}-nilai", "")
        hasil = entry.preview(self.perangkat, self.tahun, self.triwulan, iid, text)
        if hasil.score is None:
            raise Http404(hasil.error)
        ctx.update(hasil=hasil, skala=self.perangkat.pemda.skala_predikat.to_rules())
        return ctx


class RealisasiHistoryView(UnitMixin, TemplateView):
    """htmx: who changed the target, realisasi, analysis text or evidence of one indicator,
    when, and each field's old → new value."""

    template_name = "web/partials/riwayat.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        iid = kwargs["indikator"]
        scope = entry.unit_scope(self.perangkat.id, self.tahun)
        if not Indikator.objects.filter(scope, id=iid).exists():
            raise Http404("Indikator tidak ditemukan di unit ini.")
        ctx["perubahan"] = riwayat.riwayat(iid, self.tahun, self.triwulan)
        return ctx


class StatusTriwulanUpdateView(UnitMixin, View):
    """POST a workflow step (ajukan, verifikasi, kembalikan, kunci, buka) with a comment."""

    http_method_names = ["post"]

    def action_for(self, request):
        langkah = workflow.TRANSISI.get(request.POST.get("langkah", ""))
        return langkah.aksi if langkah else access.LIHAT

    def post(self, request, *args, **kwargs):
        try:
            baru = workflow.apply(
                self.perangkat,
                self.tahun,
                self.triwulan,
                request.POST.get("langkah", ""),
                request.user,
                request.POST.get("komentar", ""),
            )
        except workflow.TransisiDitolak as exc:
            messages.error(request, exc.messages[0])
        else:
            label = dict(workflow.S.choices)[baru]
            messages.success(
                request, f"{format_triwulan(self.triwulan)} {self.tahun} kini berstatus {label}."
            )
        target = "realisasi-update" if request.POST.get("kembali") == "isi" else "perangkat-detail"
        return redirect(unit_url(target, self))


class LaporanDownloadView(UnitMixin, View):
    """The unit's report as PDF or DOCX, built by the report builders."""

    FORMATS = ("pdf", "docx")

    def get(self, request, *args, jenis: str, format: str, **kwargs):
        from kinerja.reports.builders import JENIS, LaporanError, build_report
        from kinerja.reports.exporters import get_exporter

        if jenis not in JENIS or format not in self.FORMATS:
            raise Http404("Jenis atau format laporan tidak dikenal.")
        try:
            doc = build_report(jenis, self.perangkat, self.tahun, self.triwulan)
        except LaporanError as exc:
            messages.error(request, str(exc))
            return redirect(unit_url("perangkat-detail", self))
        exporter = get_exporter(format)
        name = f"{jenis}-{self.perangkat.kode}-{self.tahun}-tw{self.triwulan}.{exporter.extension}"
        response = HttpResponse(exporter.render(doc), content_type=exporter.media_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
