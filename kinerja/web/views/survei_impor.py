"""Paper questionnaires into the quarter's whole-unit survey (CSV or XLSX, all or nothing).

Many respondents still fill the SKM form on paper at the counter; staff type the answers
into a sheet (one row per respondent, columns U1..Un with 1–4, see
:mod:`kinerja.survey.berkas`) and upload it from the unit dashboard. The rows go through
:func:`kinerja.survey.domain.import_jawaban` (every row error listed, nothing written on
any error) and the IKM then becomes the IKU realisasi, as with the online form.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import View

from kinerja.measurement.lock import TriwulanTerkunci, assert_editable
from kinerja.rules import format_angka
from kinerja.survey.berkas import BerkasTidakSah
from kinerja.survey.domain import feed_iku, import_jawaban
from kinerja.survey.models import Survei
from kinerja.web import access
from kinerja.web.views.base import UnitMixin
from kinerja.web.views.unit import unit_url


class JawabanImportView(UnitMixin, View):
    http_method_names = ["post"]
    aksi = access.ISI

    def post(self, request, *args, **kwargs):
        back = redirect(unit_url("perangkat-detail", self) + "#skm")
        survei = Survei.objects.filter(
            perangkat=self.perangkat,
            tahun=self.tahun,
            triwulan=self.triwulan,
            layanan__isnull=True,
        ).first()
        berkas = request.FILES.get("berkas")
        if survei is None:
            messages.error(request, "Belum ada survei seluruh layanan untuk triwulan ini.")
            return back
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX berisi jawaban kuesioner.")
            return back
        try:
            assert_editable(self.perangkat, self.tahun, self.triwulan)
            baru = import_jawaban(berkas, survei)
        except BerkasTidakSah as exc:
            messages.error(request, str(exc))
            return back
        except (TriwulanTerkunci, ValidationError) as exc:
            messages.error(request, exc.messages[0])
            return back
        pesan = f"{format_angka(len(baru), 0)} kuesioner kertas diimpor."
        try:
            realisasi = feed_iku(survei)
        except ValidationError as exc:  # no IKU "Indeks Kepuasan Masyarakat" yet, say why
            messages.warning(request, f"{pesan} {exc.messages[0]}")
        else:
            messages.success(
                request, f"{pesan} Realisasi IKU menjadi {format_angka(realisasi.nilai, 2)}."
            )
        return back
