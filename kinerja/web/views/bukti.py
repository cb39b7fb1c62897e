"""Evidence of a realisasi: upload and delete (operator), download (whoever may see the unit)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import View

from kinerja.measurement.lock import TriwulanTerkunci
from kinerja.planning.models import Indikator
from kinerja.web import access, bukti, entry
from kinerja.web.models import Bukti
from kinerja.web.views.base import UnitMixin
from kinerja.web.views.unit import unit_url


class BuktiCreateView(UnitMixin, View):
    http_method_names = ["post"]
    aksi = access.ISI

    def post(self, request, *args, indikator: int, **kwargs):
        scope = entry.unit_scope(self.perangkat.id, self.tahun)
        row = Indikator.objects.filter(scope, id=indikator).values("sumber_data_id").first()
        if row is None:
            raise Http404("Indikator tidak ditemukan di unit ini.")
        if not access.may_edit_indikator(request.user, self.perangkat, row["sumber_data_id"]):
            messages.error(request, "Indikator ini bukan bagian seksi Anda.")
            return redirect(unit_url("realisasi-update", self))
        try:
            saved = bukti.save(
                request.FILES.get("berkas"),
                self.perangkat,
                indikator,
                self.tahun,
                self.triwulan,
                request.user,
            )
        except (ValidationError, TriwulanTerkunci) as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, f"Bukti '{saved.nama}' diunggah.")
        return redirect(unit_url("realisasi-update", self) + f"#baris-{indikator}")


class BuktiDownloadView(UnitMixin, View):
    def get(self, request, *args, pk: int, **kwargs):
        scope = entry.unit_scope(self.perangkat.id, self.tahun)
        ids = Indikator.objects.filter(scope).values("id")
        item = get_object_or_404(
            Bukti, pk=pk, indikator_id__in=ids, tahun=self.tahun, triwulan=self.triwulan
        )
        response = FileResponse(
            item.berkas.open("rb"),
            as_attachment=True,
            filename=item.nama,
            content_type=bukti.MEDIA_TYPES[item.jenis],
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class BuktiDeleteView(UnitMixin, View):
    """POST: the unit's operator removes an evidence file while the quarter is editable."""

    http_method_names = ["post"]
    aksi = access.ISI

    def post(self, request, *args, pk: int, **kwargs):
        scope = entry.unit_scope(self.perangkat.id, self.tahun)
        item = get_object_or_404(
            Bukti.objects.select_related("indikator"),
            pk=pk,
            indikator__in=Indikator.objects.filter(scope).values("id"),
            tahun=self.tahun,
            triwulan=self.triwulan,
        )
        back = unit_url("realisasi-update", self) + f"#baris-{item.indikator_id}"
        if not access.may_edit_indikator(
            request.user, self.perangkat, item.indikator.sumber_data_id
        ):
            messages.error(request, "Indikator ini bukan bagian seksi Anda.")
            return redirect(back)
        try:
            bukti.delete(item, self.perangkat, request.user)
        except TriwulanTerkunci as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, f"Bukti '{item.nama}' dihapus; tercatat di riwayat.")
        return redirect(back)
