"""The survey (SKM) in the web app: which survey a public link opens, the per-client rate
limit, QR codes, and the results panel of the unit dashboard."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

import segno
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from kinerja.measurement.lock import is_editable
from kinerja.survey.hasil import HasilSurvei, hasil
from kinerja.survey.models import Layanan, Survei

EMPAT = Decimal(4)


def survei_terbuka(kode: str, layanan_id: int | None = None) -> Survei | None:
    """The survey a stable public link opens: the latest open one of the unit (whole unit
    when ``layanan_id`` is None, else that active service). A printed QR code never expires."""
    qs = Survei.objects.filter(perangkat__kode=kode, dibuka=True).select_related(
        "perangkat__pemda", "layanan", "kuesioner"
    )
    if layanan_id is None:
        qs = qs.filter(layanan__isnull=True)
    else:
        qs = qs.filter(layanan_id=layanan_id, layanan__aktif=True)
    survei = qs.order_by("-tahun", "-triwulan").first()
    if survei is not None and not menerima_isian(survei):
        return None  # its quarter was submitted or locked: the link shows "closed"
    return survei


def menerima_isian(survei: Survei) -> bool:
    """Whether the public form takes answers for ``survei``: it is open and its quarter is
    still editable (not submitted, verified or locked, nor past its deadline)."""
    return survei.dibuka and is_editable(survei.perangkat, survei.tahun, survei.triwulan)


def form_path(kode: str, layanan_id: int | None = None) -> str:
    if layanan_id is None:
        return reverse("web:survei-isi", args=[kode])
    return reverse("web:survei-layanan-isi", args=[kode, layanan_id])


def client_ip(request) -> str:
    """The client's address as the server sees it (REMOTE_ADDR; a proxy must set it)."""
    return request.META.get("REMOTE_ADDR", "") or "tanpa-alamat"


def over_limit(request) -> bool:
    """Count one submission of this client; True when over ``KINERJA_SURVEI_MAKS`` within
    ``KINERJA_SURVEI_MENIT`` minutes (a fixed window in Django's cache, keyed on the IP)."""
    detik = settings.KINERJA_SURVEI_MENIT * 60
    key = "kinerja-skm-batas:" + hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    n = 1
    if not cache.add(key, n, detik):
        try:
            n = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, n, detik)
    return n > settings.KINERJA_SURVEI_MAKS


def qr_svg(url: str, scale: int = 4) -> SafeString:
    """An inline SVG QR code of ``url`` (segno, error correction M, scalable)."""
    qr = segno.make(url, error="m")
    return mark_safe(qr.svg_inline(scale=scale, border=2, omitsize=True, title=url))  # noqa: S308


@dataclass(frozen=True)
class BarisUnsur:
    kode: str
    nama: str
    responden: int
    nrr: Decimal | None
    lebar: str  # bar width in percent of NRR 4, as CSS text


@dataclass(frozen=True)
class PanelSkm:
    survei: Survei
    menerima: bool  # the public form takes answers now (menerima_isian)
    hasil: HasilSurvei
    unsur: list[BarisUnsur]
    form_url: str
    qr_url: str
    layanan: list[tuple[Survei, HasilSurvei]]  # the quarter's per-service surveys

    @property
    def ikm(self):
        return self.hasil.ikm


def panel(perangkat, tahun: int, triwulan: int, editable: bool) -> PanelSkm | None:
    """The whole-unit survey of the quarter with its result, or None when there is none;
    ``editable``: the quarter's lock as the page has read it (:func:`menerima_isian`)."""
    surveys = list(
        Survei.objects.filter(perangkat=perangkat, tahun=tahun, triwulan=triwulan)
        .select_related("kuesioner", "layanan", "realisasi")
        .order_by("layanan__urutan", "layanan__nama")
    )
    utama = next((s for s in surveys if s.layanan_id is None), None)
    if utama is None:
        return None
    h = hasil(utama)
    baris = [
        BarisUnsur(
            u.unsur.kode,
            u.unsur.nama,
            u.responden,
            u.nrr,
            "0" if u.nrr is None else str((u.nrr / EMPAT * 100).quantize(Decimal("0.1"))),
        )
        for u in h.ikm.unsur
    ]
    return PanelSkm(
        survei=utama,
        menerima=utama.dibuka and editable,
        hasil=h,
        unsur=baris,
        form_url=form_path(perangkat.kode),
        qr_url=reverse("web:survei-qr", args=[perangkat.kode, tahun, triwulan]),
        layanan=[(s, hasil(s)) for s in surveys if s.layanan_id is not None],
    )


def layanan_aktif(perangkat) -> list[Layanan]:
    return list(Layanan.objects.filter(perangkat=perangkat, aktif=True))
