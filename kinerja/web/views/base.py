"""The one gate of the site: every view says its action, :mod:`kinerja.web.access` decides."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.html import format_html, format_html_join

from kinerja.organisations.models import PerangkatDaerah
from kinerja.rules import format_bilangan
from kinerja.web import access, csrf, versi

TAUTAN_MAKS = 5  # rows linked by name in a refused save's message


def tolak_simpan(request, salah: list[tuple[str, str]]) -> None:
    """The message of a save refused for the rows ``salah`` (their anchor id and name): how
    many, with a link to each of the first few, so that a red row far down a long page is
    found without scrolling through it."""
    tautan = format_html_join(", ", '<a href="#{}">{}</a>', salah[:TAUTAN_MAKS])
    sisa = len(salah) - TAUTAN_MAKS
    lagi = f" dan {format_bilangan(sisa)} baris lain" if sisa > 0 else ""
    messages.error(
        request,
        format_html(
            "Tidak ada yang disimpan: perbaiki {} baris yang ditandai merah: {}{}.",
            format_bilangan(len(salah)),
            tautan,
            lagi,
        )
        if salah
        else "Tidak ada yang disimpan: perbaiki isian yang ditandai merah.",
    )


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


def unit_by_kode(kode: str) -> PerangkatDaerah:
    """The unit of a URL, with its pemda and predikat scale (kept under the data version)."""

    def load() -> PerangkatDaerah | None:
        rows = PerangkatDaerah.objects.select_related("pemda__skala_predikat")
        return rows.filter(kode=kode).first()

    unit = versi.cached("unit", (kode,), load)
    if unit is None:
        raise Http404("Perangkat daerah tidak ditemukan.")
    return unit


class VersiPageMixin:
    """A GET page served whole from the page cache while no data changed (:mod:`versi`).

    Its key: the path, the query parameters the page reads (``page_params``), the reader
    (id, name, superuser flag: their roles are data, under the version) and the language.
    A reader with messages waiting gets the page rendered. A page that the clock alone
    changes (an input period closing) says until when it holds (:meth:`page_until`). The
    access check (``dispatch``) runs before, at every request."""

    page_params: tuple[str, ...] = ()

    def page_until(self) -> datetime | None:
        return None

    def get(self, request, *args, **kwargs):
        if len(messages.get_messages(request)):
            return super().get(request, *args, **kwargs)
        user = request.user
        query = [request.GET.get(name, "") for name in self.page_params]
        reader = (user.pk, user.get_username(), user.is_superuser)
        parts = (request.path, *query, *reader, getattr(request, "LANGUAGE_CODE", ""))

        def render() -> bytes:  # bytes: served as kept, never decoded and encoded again
            response = super(VersiPageMixin, self).get(request, *args, **kwargs)
            response.context_data["csrf_token"] = csrf.SENTINEL
            return response.render().content

        name = type(self).__name__
        return HttpResponse(versi.cached(name, parts, render, until=self.page_until))


class UnitMixin(AksesMixin):
    """Views of one unit and quarter: ``unit/<kode>/<tahun>/tw<triwulan>/...``."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        check_quarter(kwargs["tahun"], kwargs["triwulan"])
        self.perangkat = unit_by_kode(kwargs["kode"])
        self.tahun, self.triwulan = kwargs["tahun"], kwargs["triwulan"]

    def unit(self):
        return self.perangkat

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(perangkat=self.perangkat, tahun=self.tahun, triwulan=self.triwulan)
        ctx["kunci_url"] = {"kode": self.perangkat.kode, "tahun": self.tahun, "tw": self.triwulan}
        # The unit's tabs say "Isi realisasi" or "Lihat isian" by it (partials/nav_unit.html).
        ctx["boleh_isi"] = access.can(self.request.user, access.ISI, self.perangkat)
        return ctx
