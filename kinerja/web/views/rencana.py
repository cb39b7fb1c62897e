"""The planning page of one unit and year: indicators with their quarterly targets."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from kinerja.web import access, rencana
from kinerja.web.views.base import UnitMixin, tolak_simpan
from kinerja.web.views.unit import unit_url


class TargetUpdateView(UnitMixin, TemplateView):
    """Targets TW I–IV, satuan, polarity and aggregation of every indicator, grouped on the
    program tree; operators edit them (all saved at once), LIHAT roles read them."""

    template_name = "web/rencana_form.html"
    aksi_post = access.ISI

    def get_context_data(self, halaman=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["halaman"] = halaman or rencana.load_halaman(
            self.perangkat, self.tahun, self.request.user
        )
        return ctx

    def post(self, request, *args, **kwargs):
        halaman = rencana.load_halaman(self.perangkat, self.tahun, request.user, request.POST)
        saved = rencana.save_halaman(halaman, self.perangkat, self.tahun)
        if saved is None:
            tolak_simpan(
                request,
                [(f"indikator-{b.id}", b.nama) for b in halaman.rows() if b.form and b.form.errors],
            )
            return self.render_to_response(self.get_context_data(halaman=halaman), status=400)
        messages.success(request, f"{saved} isian perencanaan disimpan.")
        return redirect(unit_url("target-update", self))
