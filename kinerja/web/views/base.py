"""The one gate of the site: every view says its action, :mod:`kinerja.web.access` decides."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from kinerja.organisations.models import PerangkatDaerah
from kinerja.web import access


def check_quarter(tahun: int, triwulan: int) -> tuple[int, int]:
    """The year and quarter of a URL, or 404 when the site does not know them."""
    if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
        raise Http404("Triwulan atau tahun tidak dikenal.")
    return tahun, triwulan


class AksesMixin:
    """Site-wide views: ``aksi`` (or ``aksi_post`` for POST) must be allowed."""

    aksi: str | None = access.LIHAT  # None: public page, no sign-in needed
    aksi_post: str | None = None

    def action_for(self, request) -> str | None:
        if request.method == "POST" and self.aksi_post:
            return self.aksi_post
        return self.aksi

    def unit(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        action = self.action_for(request)
        if action is not None:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not access.can(request.user, action, self.unit()):
                raise PermissionDenied("Anda tidak berwenang membuka halaman ini.")
        return super().dispatch(request, *args, **kwargs)


class UnitMixin(AksesMixin):
    """Views of one unit and quarter: ``unit/<kode>/<tahun>/tw<triwulan>/...``."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        check_quarter(kwargs["tahun"], kwargs["triwulan"])
        self.perangkat = get_object_or_404(
            PerangkatDaerah.objects.select_related("pemda__skala_predikat"), kode=kwargs["kode"]
        )
        self.tahun, self.triwulan = kwargs["tahun"], kwargs["triwulan"]

    def unit(self):
        return self.perangkat

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(perangkat=self.perangkat, tahun=self.tahun, triwulan=self.triwulan)
        ctx["kunci_url"] = {"kode": self.perangkat.kode, "tahun": self.tahun, "tw": self.triwulan}
        return ctx
