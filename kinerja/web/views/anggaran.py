"""The budget page of one unit and quarter: anggaran, cumulative realisasi and serapan."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from kinerja.measurement.lock import TriwulanTerkunci
from kinerja.web import access, anggaran
from kinerja.web.views.base import tolak_simpan
from kinerja.web.views.unit import StatusMixin, unit_url

SEKSI_SAJA = (
    "Realisasi anggaran diisi oleh operator seluruh unit atau admin pemda; "
    "peran Anda terbatas pada satu seksi."
)


class RealisasiBelanjaUpdateView(StatusMixin, TemplateView):
    """Every belanja line under the program tree, parents computed; operators edit the
    cumulative realisasi of the leaf lines, all saved at once."""

    template_name = "web/anggaran_form.html"
    aksi_post = access.ISI

    def get_context_data(self, halaman=None, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["halaman"] = halaman or anggaran.load_halaman(
            self.perangkat, self.tahun, self.triwulan, self.request.user
        )
        user = self.request.user
        ctx["seksi_saja"] = access.seksi_limit(user, self.perangkat) is not None and access.can(
            user, access.ISI, self.perangkat
        )
        return ctx

    def post(self, request, *args, **kwargs):
        if not access.may_edit_anggaran(request.user, self.perangkat):
            messages.error(request, SEKSI_SAJA)
            return redirect(unit_url("realisasi-belanja-update", self))
        halaman = anggaran.load_halaman(
            self.perangkat, self.tahun, self.triwulan, request.user, request.POST
        )
        try:
            hasil = anggaran.save_halaman(halaman, self.perangkat, self.tahun, self.triwulan)
        except TriwulanTerkunci as exc:
            messages.error(request, exc.messages[0])
            return redirect(unit_url("realisasi-belanja-update", self))
        if hasil is None:
            lines = halaman.lines()
            tolak_simpan(
                request,
                [(f"belanja-{b.line.id}", b.uraian) for b in lines if b.form and b.form.errors],
            )
            return self.render_to_response(self.get_context_data(halaman=halaman), status=400)
        messages.success(request, f"{hasil.saved} baris belanja disimpan.")
        for text in hasil.peringatan:
            messages.warning(request, f"Peringatan — {text}")
        return redirect(unit_url("realisasi-belanja-update", self))
