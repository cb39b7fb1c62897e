"""Site-wide pages: home, the kabupaten dashboard, the public pages."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from functools import partial

from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.views.generic import TemplateView

from kinerja.measurement.models import StatusTriwulan
from kinerja.measurement.scorecard import build_scorecards
from kinerja.organisations.models import PemerintahDaerah, PerangkatDaerah
from kinerja.planning.models import Program
from kinerja.web import access, versi, workflow
from kinerja.web.views.base import AksesMixin, UnitMixin, VersiPageMixin, check_quarter
from kinerja.web.views.unit import scorecard_context


def default_period() -> tuple[int, int]:
    """The latest quarter that has a status row; else the current quarter, unless no unit
    has programs this year yet: then the last quarter of the latest year that has some (a
    fresh site loaded with the 2024 sample opens on 2024, not on an empty year)."""
    row = StatusTriwulan.objects.order_by("-tahun", "-triwulan").values("tahun", "triwulan")
    latest = row.first()
    if latest:
        return latest["tahun"], latest["triwulan"]
    today = timezone.localdate()
    planned = Program.objects.filter(tahun__lte=today.year).aggregate(Max("tahun"))["tahun__max"]
    if planned is not None and planned < today.year:
        return planned, 4
    return today.year, (today.month - 1) // 3 + 1


class PerangkatListView(AksesMixin, TemplateView):
    """Home: the units the user may see, with their status of the chosen quarter."""

    template_name = "web/perangkat_list.html"
    aksi = None  # anyone; anonymous visitors get the public entry points

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = _period(self.request)
        ctx.update(tahun=tahun, triwulan=triwulan, triwulan_pilihan=(1, 2, 3, 4))
        user = self.request.user
        if user.is_authenticated:
            units = access.units_visible(user, PerangkatDaerah.objects.select_related("pemda"))
            status = dict(
                StatusTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).values_list(
                    "perangkat_id", "status"
                )
            )
            labels = dict(workflow.S.choices)
            ctx["units"] = [(u, labels[status.get(u.id, workflow.S.DRAF)]) for u in units]
            ctx["peran"] = access.role_labels(user)
            ctx["boleh_pemda"] = access.can(user, access.PEMDA)
        return ctx


def _period(request) -> tuple[int, int]:
    tahun, triwulan = default_period()
    try:
        tahun = int(request.GET.get("tahun", tahun))
        triwulan = int(request.GET.get("triwulan", triwulan))
    except ValueError:
        raise Http404("Triwulan atau tahun tidak dikenal.") from None
    return check_quarter(tahun, triwulan)


SORTS = {
    "capaian": lambda r: (r["capaian"] is None, -(r["capaian"] or Decimal(0))),
    "serapan": lambda r: (r["serapan"] is None, -(r["serapan"] or Decimal(0))),
    "nama": lambda r: r["perangkat"].nama,
    "status": lambda r: r["status"],
}


class PemdaDetailView(VersiPageMixin, AksesMixin, TemplateView):
    """All units side by side: capaian, predikat, serapan, status; ranking and distribution."""

    template_name = "web/pemda_detail.html"
    aksi = access.PEMDA
    page_params = ("urut",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tahun, triwulan = check_quarter(kwargs["tahun"], kwargs["triwulan"])
        urut = self.request.GET.get("urut", "capaian")
        urut = urut if urut in SORTS else "capaian"
        ctx.update(tahun=tahun, triwulan=triwulan)
        ctx["boleh_atur"] = access.can(self.request.user, access.ATUR)

        def context() -> dict:  # the same for every user who may open the page
            return {"tahun": tahun, "triwulan": triwulan, **rekap_pemda(tahun, triwulan, urut)}

        template = "web/partials/pemda_rekap.html"
        parts = (tahun, triwulan, urut)
        ctx["rekap"] = versi.cached_part("pemda", parts, template, context)
        return ctx


def rekap_pemda(tahun: int, triwulan: int, urut: str) -> dict:
    """The rows of the pemda dashboard sorted by ``urut``, the ranking by capaian and the
    distribution of predikat."""
    pemda = PemerintahDaerah.objects.select_related("skala_predikat").first()
    units = list(PerangkatDaerah.objects.select_related("pemda__skala_predikat").order_by("nama"))
    cards = build_scorecards(units, tahun, triwulan)
    status = dict(
        StatusTriwulan.objects.filter(tahun=tahun, triwulan=triwulan).values_list(
            "perangkat_id", "status"
        )
    )
    labels = dict(workflow.S.choices)
    rows = []
    for unit in units:
        card = cards[unit.id]
        rows.append(
            {
                "perangkat": unit,
                "capaian": card.unit.capaian.value,
                "predikat": card.skala.classify(card.unit.capaian),
                "serapan": card.budget.total.serapan.value,
                "anggaran": card.budget.total.anggaran,
                "status": labels[status.get(unit.id, workflow.S.DRAF)],
                "skala": card.skala,
            }
        )
    ranked = sorted(rows, key=SORTS["capaian"])
    for rank, row in enumerate(ranked, start=1):
        row["peringkat"] = rank if row["capaian"] is not None else None
    rows.sort(key=SORTS[urut])
    skala = pemda.skala_predikat.to_rules() if pemda else None
    counts = Counter(r["predikat"] for r in rows)
    return {
        "rows": rows,
        "urut": urut,
        "skala": skala,
        "sebaran": [
            (b.label, b.color, counts.get(b.label, 0)) for b in getattr(skala, "bands", ())
        ],
        "tanpa_predikat": counts.get(None, 0),
    }


class PublikasiListView(AksesMixin, TemplateView):
    """Public: the quarters that are published (diverifikasi or terkunci)."""

    template_name = "web/publikasi_list.html"
    aksi = None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["terbit"] = (
            StatusTriwulan.objects.filter(status__in=workflow.PUBLISHED)
            .select_related("perangkat")
            .order_by("-tahun", "-triwulan", "perangkat__nama")
        )
        return ctx


class PublikasiDetailView(UnitMixin, TemplateView):
    """Public, read-only dashboard of one published quarter; 404 while not published."""

    template_name = "web/publikasi_detail.html"
    aksi = None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        published = StatusTriwulan.objects.filter(
            perangkat=self.perangkat,
            tahun=self.tahun,
            triwulan=self.triwulan,
            status__in=workflow.PUBLISHED,
        ).exists()
        if not published:  # asked at every request: a reopened quarter leaves at once
            raise Http404("Triwulan ini belum diterbitkan.")
        quarter = (self.perangkat, self.tahun, self.triwulan)
        parts = (self.perangkat.id, self.tahun, self.triwulan)
        template = "web/partials/kartu.html"
        context = partial(scorecard_context, *quarter)
        ctx["kartu"] = versi.cached_part("publik", parts, template, context)
        return ctx
