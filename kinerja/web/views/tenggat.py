"""Deadlines: the "who owes what" list of a quarter for the admin and the evaluator."""

from __future__ import annotations

from django.http import Http404
from django.views.generic import TemplateView

from kinerja.web import access
from kinerja.web.tunggakan import tunggakan
from kinerja.web.views.base import AksesMixin


class TunggakanListView(AksesMixin, TemplateView):
    """Units and indicators still missing realisasi, with deadline and status."""

    template_name = "web/tunggakan_list.html"
    aksi = access.PEMDA

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = kwargs["tahun"], kwargs["triwulan"]
        if triwulan not in (1, 2, 3, 4) or not 2000 <= tahun <= 2100:
            raise Http404("Triwulan atau tahun tidak dikenal.")
        rows = tunggakan(tahun, triwulan)
        ctx.update(
            tahun=tahun,
            triwulan=triwulan,
            berutang=[r for r in rows if r.jumlah],
            lengkap=[r for r in rows if not r.jumlah],
            total=sum(r.jumlah for r in rows),
        )
        return ctx
