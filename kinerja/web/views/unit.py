"""Pages of one unit and quarter: dashboard, data entry, live capaian, history, status."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView, View

from kinerja.measurement.lock import TriwulanTerkunci, kunci_of, status_of
from kinerja.measurement.scorecard import build_scorecard
from kinerja.planning.models import Indikator
from kinerja.rules import format_triwulan
from kinerja.web import access, charts, entry, riwayat, skm, versi, workflow
from kinerja.web.models import RiwayatStatus
from kinerja.web.views.base import UnitMixin, VersiPageMixin, tolak_simpan


def unit_url(name: str, view: UnitMixin, **extra) -> str:
    kwargs = {"kode": view.perangkat.kode, "tahun": view.tahun, "triwulan": view.triwulan}
    return reverse(f"web:{name}", kwargs={**kwargs, **extra})


def scorecard_context(perangkat, tahun: int, triwulan: int) -> dict:
    """What ``web/partials/kartu.html`` shows: capaian per sasaran and program, the unit's
    predikat, serapan, and the TW I–IV series per indicator."""
    card = build_scorecard(perangkat, tahun, triwulan)
    return {
        "perangkat": perangkat,
        "tahun": tahun,
        "triwulan": triwulan,
        "card": card,
        "grafik": charts.indicator_series(card),
        "unit_predikat": card.skala.classify(card.unit.capaian),
    }


class StatusMixin(UnitMixin):
    """Status, its explanation, the steps this user may take and the log."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        quarter = (self.perangkat, self.tahun, self.triwulan)
        status = status_of(*quarter)
        ctx["status"] = status
        ctx["status_label"] = dict(workflow.S.choices)[status]
        ctx["kunci"] = self.kunci = kunci = kunci_of(*quarter, status=status)
        ctx["penjelasan"] = workflow.penjelasan(status, kunci)
        ctx["langkah"] = langkah = workflow.available(self.request.user, self.perangkat, status)
        ctx["perlu_komentar"] = " dan ".join(t.perlu_komentar for t in langkah if t.perlu_komentar)
        ctx["riwayat"] = riwayat_status = list(
            RiwayatStatus.objects.filter(
                perangkat=self.perangkat, tahun=self.tahun, triwulan=self.triwulan
            ).select_related("oleh")[:20]
        )
        last = riwayat_status[0] if riwayat_status else None
        if status == workflow.S.DIKEMBALIKAN and last and last.ke == status and last.komentar:
            ctx["alasan_kembali"] = last  # the evaluator's reason, on the card itself
        return ctx

    def page_until(self):
        """The card tells the lock (a deadline passing changes it): a page cached whole
        (:class:`VersiPageMixin`, after this mixin) holds until the clock changes it."""
        return self.kunci.berubah_pada


class PerangkatDetailView(StatusMixin, VersiPageMixin, TemplateView):
    """Unit dashboard: capaian per sasaran and program, TW I–IV per indicator, serapan."""

    template_name = "web/perangkat_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["unduhan"] = [
            ("triwulan", "Laporan triwulan"),
            ("lkjip", "LKjIP"),
            ("pk", "Perjanjian Kinerja"),
        ]
        perangkat, tahun, triwulan = self.perangkat, self.tahun, self.triwulan

        def context() -> dict:
            """Scorecard, charts and survey results: the same for every reader of the unit
            but for the links that enter data (``boleh_isi``, part of the key)."""
            part = scorecard_context(perangkat, tahun, triwulan)
            panel = skm.panel(perangkat, tahun, triwulan, self.kunci.editable)
            part.update(skm=panel, boleh_isi=ctx["boleh_isi"])
            return part

        # the survey panel says whether the form takes answers: it follows the lock
        parts = (perangkat.id, tahun, triwulan, ctx["boleh_isi"], self.kunci.editable)
        template = "web/partials/dasbor_unit.html"
        ctx["dasbor"] = versi.cached_part("dasbor-unit", parts, template, context)
        return ctx


class RealisasiUpdateView(StatusMixin, VersiPageMixin, TemplateView):
    """Data entry: every indicator of the quarter, saved all at once."""

    template_name = "web/realisasi_form.html"
    aksi_post = access.ISI

    def get_context_data(self, halaman=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        quarter = (self.perangkat, self.tahun, self.triwulan)
        kunci = halaman.kunci if halaman else ctx["kunci"]
        self.kunci = kunci
        ctx.update(kunci=kunci, pesan_kunci=kunci.pesan(*quarter))
        ctx["isian"] = self.isian(halaman, kunci, ctx["boleh_isi"])
        return ctx

    def isian(self, halaman, kunci, boleh_isi: bool) -> str:
        """The rows and their forms: the costly part of the page, cached under the data
        version (``halaman`` given: a refused POST, the user's own input, never cached).
        Besides the data, the rows depend on the lock and on what this user may edit."""
        user, perangkat, template = self.request.user, self.perangkat, "web/partials/isian.html"

        def context() -> dict:
            rows = halaman or entry.load_halaman(perangkat, self.tahun, self.triwulan, user)
            ctx = {"halaman": rows, "perangkat": perangkat, "boleh_isi": boleh_isi}
            return {**ctx, "tahun": self.tahun, "triwulan": self.triwulan}

        if halaman is not None:
            return render_to_string(template, context(), request=self.request)
        seksi = access.seksi_limit(user, perangkat) if boleh_isi else None
        parts = (perangkat.id, self.tahun, self.triwulan, kunci.status, kunci.editable)
        return versi.cached_part("isian", (*parts, boleh_isi, seksi), template, context)

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
            rows = halaman.rows()
            tolak_simpan(
                request,
                [(f"baris-{b.score.id}", b.score.nama) for b in rows if b.form and b.form.errors],
            )
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
    """The unit's report as PDF or DOCX, built by the report builders; kept under the data
    version, so the next reader of unchanged data gets it at once."""

    FORMATS = ("pdf", "docx")

    def get(self, request, *args, jenis: str, format: str, **kwargs):
        from kinerja.reports.builders import JENIS, LaporanError, build_report
        from kinerja.reports.exporters import get_exporter

        if jenis not in JENIS or format not in self.FORMATS:
            raise Http404("Jenis atau format laporan tidak dikenal.")
        exporter, tanggal = get_exporter(format), timezone.localdate()
        quarter = (self.perangkat, self.tahun, self.triwulan)

        def render() -> bytes:
            return exporter.render(build_report(jenis, *quarter, tanggal))

        parts = (jenis, format, self.perangkat.id, self.tahun, self.triwulan, tanggal)
        try:
            data = versi.cached("laporan", parts, render, alias=versi.REPORT_CACHE)
        except LaporanError as exc:
            messages.error(request, str(exc))
            return redirect(unit_url("perangkat-detail", self))
        name = f"{jenis}-{self.perangkat.kode}-{self.tahun}-tw{self.triwulan}.{exporter.extension}"
        response = HttpResponse(data, content_type=exporter.media_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
