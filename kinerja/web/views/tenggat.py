"""Deadlines: the "who owes what" list of a quarter for the admin and the evaluator, and the
admin's page that sets the quarter's input period and grants or ends exceptions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from kinerja.measurement.models import PengecualianTenggat, PeriodeInput
from kinerja.organisations.models import PemerintahDaerah
from kinerja.rules import format_triwulan
from kinerja.web import access
from kinerja.web.tenggat import PengecualianTenggatForm, PeriodeInputForm
from kinerja.web.tunggakan import tunggakan
from kinerja.web.views.base import AksesMixin, check_quarter


class TunggakanListView(AksesMixin, TemplateView):
    """Units and indicators still missing realisasi, with deadline and status."""

    template_name = "web/tunggakan_list.html"
    aksi = access.PEMDA

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = check_quarter(kwargs["tahun"], kwargs["triwulan"])
        rows = tunggakan(tahun, triwulan)
        ctx.update(
            tahun=tahun,
            triwulan=triwulan,
            berutang=[r for r in rows if r.jumlah],
            lengkap=[r for r in rows if not r.jumlah],
            total=sum(r.jumlah for r in rows),
            boleh_atur=access.can(self.request.user, access.ATUR),
        )
        return ctx


class PeriodeInputUpdateView(AksesMixin, TemplateView):
    """Per pemda: the quarter's input period (dibuka, ditutup) and its exceptions."""

    template_name = "web/periode_form.html"
    aksi = access.ATUR

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.tahun, self.triwulan = check_quarter(kwargs["tahun"], kwargs["triwulan"])
        self.bound: dict[tuple[str, int], object] = {}  # (form, pemda id) → bound form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        quarter = {"tahun": self.tahun, "triwulan": self.triwulan}
        periode = {p.pemda_id: p for p in PeriodeInput.objects.filter(**quarter)}
        pengecualian = PengecualianTenggat.objects.filter(**quarter).select_related(
            "perangkat", "oleh"
        )
        now = timezone.now()
        blok = []
        for pemda in PemerintahDaerah.objects.order_by("nama"):
            p = periode.get(pemda.id)
            blok.append(
                {
                    "pemda": pemda,
                    "periode": p,
                    "lewat": p is not None and now >= p.ditutup,
                    "form": self.bound.get(("periode", pemda.id))
                    or PeriodeInputForm(instance=p, prefix=f"p{pemda.id}"),
                    "form_pengecualian": self.bound.get(("pengecualian", pemda.id))
                    or PengecualianTenggatForm(pemda=pemda, prefix=f"e{pemda.id}"),
                    "pengecualian": [
                        (e, e.berlaku_sampai > now)
                        for e in pengecualian
                        if e.perangkat.pemda_id == pemda.id
                    ],
                }
            )
        ctx.update(tahun=self.tahun, triwulan=self.triwulan, blok=blok)
        return ctx

    def post(self, request, *args, **kwargs):
        pemda = self._pemda()
        instance = PeriodeInput.objects.filter(
            pemda=pemda, tahun=self.tahun, triwulan=self.triwulan
        ).first() or PeriodeInput(pemda=pemda, tahun=self.tahun, triwulan=self.triwulan)
        form = PeriodeInputForm(request.POST, instance=instance, prefix=f"p{pemda.id}")
        if not form.is_valid():
            self.bound[("periode", pemda.id)] = form
            return self.invalid()
        form.save()
        kuartal = f"{format_triwulan(self.triwulan)} {self.tahun}"
        messages.success(request, f"Periode input {kuartal} untuk {pemda.nama} disimpan.")
        return redirect(self.page_url())

    def _pemda(self) -> PemerintahDaerah:
        try:
            pk = int(self.request.POST.get("pemda", ""))
        except ValueError:
            raise Http404("Pemerintah daerah tidak dikenal.") from None
        return get_object_or_404(PemerintahDaerah, pk=pk)

    def invalid(self):
        messages.error(self.request, "Tidak ada yang disimpan: perbaiki isian yang ditandai.")
        return self.render_to_response(self.get_context_data(**self.kwargs), status=400)

    def page_url(self) -> str:
        return reverse("web:periode-update", args=[self.tahun, self.triwulan])


class PengecualianTenggatCreateView(PeriodeInputUpdateView):
    """Grant one unit an exception to the quarter's deadline, until it expires."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        pemda = self._pemda()
        form = PengecualianTenggatForm(
            request.POST,
            instance=PengecualianTenggat(
                tahun=self.tahun, triwulan=self.triwulan, oleh=request.user
            ),
            pemda=pemda,
            prefix=f"e{pemda.id}",
        )
        if not form.is_valid():
            self.bound[("pengecualian", pemda.id)] = form
            return self.invalid()
        item = form.save()
        messages.success(request, f"Pengecualian untuk {item.perangkat.nama} diberikan.")
        return redirect(self.page_url())


class PengecualianTenggatDeleteView(PeriodeInputUpdateView):
    """End an exception now. The row stays, expired, as the record of what was granted."""

    http_method_names = ["post"]

    def post(self, request, *args, pk: int, **kwargs):
        item = get_object_or_404(
            PengecualianTenggat.objects.select_related("perangkat"),
            pk=pk,
            tahun=self.tahun,
            triwulan=self.triwulan,
        )
        now = timezone.now()
        if item.berlaku_sampai > now:
            item.berlaku_sampai = now
            item.save(update_fields=["berlaku_sampai"])
            messages.success(request, f"Pengecualian untuk {item.perangkat.nama} diakhiri.")
        else:
            messages.info(request, "Pengecualian itu sudah berakhir.")
        return redirect(self.page_url())
