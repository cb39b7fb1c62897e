"""The public satisfaction survey (SKM) form, its thank-you page, QR codes and one-time codes.

The form needs no sign-in and is light: plain HTML and one small stylesheet, no script.
Abuse resistance, in order: a per-IP rate limit (HTTP 429), a honeypot field (a filled
one is thanked and dropped), one-time codes when the survey asks for them, and duplicate
detection by a browser cookie token (:func:`kinerja.survey.domain.submit_response`).
A response to a whole-unit survey updates the unit's IKU realisasi (``feed_iku``).
"""

from __future__ import annotations

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import TemplateView, View

from kinerja.measurement.lock import TriwulanTerkunci
from kinerja.organisations.models import PerangkatDaerah
from kinerja.survey import kode as kode_sekali
from kinerja.survey.domain import ResponDuplikat, feed_iku, submit_response
from kinerja.survey.models import Responden, Survei
from kinerja.web import access, skm
from kinerja.web.views.base import UnitMixin

log = logging.getLogger(__name__)

COOKIE = "kinerja_skm"  # random browser token for duplicate detection (hashed when stored)
COOKIE_DETIK = 365 * 24 * 60 * 60
UMUM = ("jawaban", "survei")  # errors of the whole form, not of a field marked red
HONEYPOT = "situs_web"  # hidden from people; bots fill every field
PROFIL = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "pekerjaan_lainnya", "saran")


def pesan(request, judul: str, isi: str, status: int = 200, perangkat=None):
    """A short public page (thank you, closed, too many submissions) in the form's style."""
    ctx = {"judul": judul, "isi": isi, "perangkat": perangkat}
    return render(request, "web/survei_pesan.html", ctx, status=status)


def tutup(request, perangkat, status: int = 404):
    if perangkat is None:
        return pesan(
            request,
            "Survei tidak ditemukan",
            "Alamat survei ini tidak dikenal. Periksa kembali tautan atau kode QR-nya.",
            status,
        )
    return pesan(
        request,
        "Survei sedang tidak menerima isian",
        f"Survei kepuasan masyarakat {perangkat.nama} saat ini ditutup. Terima kasih atas "
        "kesediaan Anda; silakan coba lagi pada periode survei berikutnya.",
        status,
        perangkat,
    )


class RespondenCreateView(View):
    """Public SKM form of a unit (whole unit) or of one of its services; no sign-in."""

    template_name = "web/survei_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.survei = skm.survei_terbuka(kwargs["kode"], kwargs.get("layanan"))
        self.perangkat = (
            self.survei.perangkat
            if self.survei
            else PerangkatDaerah.objects.filter(kode=kwargs["kode"]).first()
        )

    def context(self, data, galat: dict) -> dict:
        survei = self.survei
        unsur = [
            {
                "nomor": i,
                "nama": u["nama"],
                "pertanyaan": u["pertanyaan"],
                "pilihan": list(enumerate(u["pilihan"], start=1)),
                "dipilih": str(data.get(f"u{i}", "")),
                "galat": galat.get(f"U{i}", ""),
            }
            for i, u in enumerate(survei.kuesioner.definisi["unsur"], start=1)
        ]
        tampil_kode = survei.wajib_kode or bool(data.get("kode_sekali"))
        return {
            "survei": survei,
            "perangkat": survei.perangkat,
            "unsur": unsur,
            "data": data,
            "galat": galat,
            "galat_umum": [v for k, v in galat.items() if k in UMUM],
            "jumlah_galat": sum(k not in UMUM for k in galat),  # the fields marked red
            "tampil_kode": tampil_kode,
            "layanan_pilihan": skm.layanan_aktif(survei.perangkat) if not survei.layanan else [],
            "pilihan": {
                "jenis_kelamin": Responden.JenisKelamin.choices,
                "pendidikan": Responden.Pendidikan.choices,
                "pekerjaan": Responden.Pekerjaan.choices,
            },
            "honeypot": HONEYPOT,
        }

    def get(self, request, *args, **kwargs):
        if self.survei is None:
            return tutup(request, self.perangkat)
        data = {"kode_sekali": request.GET.get("kode", "")[:64]}
        response = render(request, self.template_name, self.context(data, {}))
        if COOKIE not in request.COOKIES:
            response.set_cookie(
                COOKIE,
                secrets.token_urlsafe(18),
                max_age=COOKIE_DETIK,
                httponly=True,
                samesite="Lax",
                secure=settings.HTTPS,
            )
        return response

    def post(self, request, *args, **kwargs):
        if skm.over_limit(request):
            response = pesan(
                request,
                "Terlalu banyak isian",
                "Terlalu banyak isian dikirim dari jaringan Anda dalam waktu singkat. Silakan "
                f"coba lagi dalam {settings.KINERJA_SURVEI_MENIT} menit.",
                429,
                self.perangkat,
            )
            response["Retry-After"] = str(settings.KINERJA_SURVEI_MENIT * 60)
            return response
        if self.survei is None:
            return tutup(request, self.perangkat)
        selesai = redirect("web:survei-selesai", self.survei.perangkat.kode)
        if request.POST.get(HONEYPOT, "").strip():
            return selesai  # a bot: thanked, nothing stored
        survei = self.survei
        n = len(survei.kuesioner.definisi["unsur"])
        data = {k: request.POST.get(k, "").strip() for k in PROFIL}
        data.update({f"u{i}": request.POST.get(f"u{i}", "").strip() for i in range(1, n + 1)})
        data["jenis_layanan"] = (
            survei.layanan.nama if survei.layanan else request.POST.get("jenis_layanan", "")
        )
        data["kode_sekali"] = request.POST.get("kode_sekali", "").strip()
        token = request.COOKIES.get(COOKIE, "")[:64]
        try:
            submit_response(
                survei,
                {i: data[f"u{i}"] for i in range(1, n + 1)},
                profil={k: data.get(k, "") for k in (*PROFIL, "jenis_layanan")},
                kode_sekali=data["kode_sekali"],
                # A valid one-time code is its own duplicate check (a shared counter tablet).
                sidik_klien="" if data["kode_sekali"] else token,
            )
        except TriwulanTerkunci:
            return tutup(request, survei.perangkat)
        except ResponDuplikat as exc:
            if "kode_sekali" in exc.message_dict:
                return self.invalid(request, data, exc)
            return pesan(
                request,
                "Anda sudah mengisi survei ini",
                "Isian Anda untuk survei ini sudah kami terima sebelumnya. Terima kasih.",
                409,
                survei.perangkat,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "survei" in exc.error_dict:
                return tutup(request, survei.perangkat)
            return self.invalid(request, data, exc)
        if survei.layanan_id is None:
            try:
                feed_iku(survei)
            except ValidationError as exc:  # no IKU of that name: the survey stands alone
                log.info("IKU tidak diisi dari %s: %s", survei, " ".join(exc.messages))
        return selesai

    def invalid(self, request, data, exc: ValidationError):
        if hasattr(exc, "error_dict"):
            galat = {k: " ".join(v) for k, v in exc.message_dict.items()}
        else:
            galat = {"jawaban": " ".join(exc.messages)}
        return render(request, self.template_name, self.context(data, galat), status=400)


class RespondenDoneView(View):
    """The thank-you page after a response."""

    def get(self, request, kode: str):
        perangkat = get_object_or_404(PerangkatDaerah, kode=kode)
        return pesan(
            request,
            "Terima kasih",
            "Isian Anda sudah kami terima. Pendapat Anda membantu kami memperbaiki pelayanan.",
            perangkat=perangkat,
        )


class SurveiQrView(UnitMixin, TemplateView):
    """Printable QR codes of the unit's public form links (whole unit and each service)."""

    template_name = "web/survei_qr.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        tautan = [(None, "Seluruh layanan")]
        tautan += [(lay.pk, lay.nama) for lay in skm.layanan_aktif(self.perangkat)]
        ctx["kode_qr"] = []
        for layanan_id, label in tautan:
            url = self.request.build_absolute_uri(skm.form_path(self.perangkat.kode, layanan_id))
            ctx["kode_qr"].append(
                {
                    "label": label,
                    "url": url,
                    "svg": skm.qr_svg(url),
                    "survei": skm.survei_terbuka(self.perangkat.kode, layanan_id),
                }
            )
        return ctx


class SurveiKodeListView(UnitMixin, TemplateView):
    """A printable sheet of numbered one-time codes for receipts (``?dari=1&jumlah=40``)."""

    template_name = "web/survei_kode.html"
    aksi = access.ISI
    JUMLAH_MAKS = 200

    def angka(self, nama: str, bawaan: int, maks: int) -> int:
        teks = self.request.GET.get(nama, "")
        return min(max(int(teks), 1), maks) if teks.isdigit() else bawaan

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        layanan = self.request.GET.get("layanan", "")
        survei = (
            Survei.objects.filter(
                perangkat=self.perangkat, tahun=self.tahun, triwulan=self.triwulan
            )
            .filter(**({"layanan_id": int(layanan)} if layanan.isdigit() else {"layanan": None}))
            .select_related("layanan")
            .first()
        )
        if survei is None:
            raise Http404("Belum ada survei kepuasan masyarakat untuk triwulan ini.")
        dari = self.angka("dari", 1, kode_sekali.NOMOR_MAKS)
        jumlah = self.angka("jumlah", 40, self.JUMLAH_MAKS)
        sampai = min(dari + jumlah - 1, kode_sekali.NOMOR_MAKS)
        alamat = self.request.build_absolute_uri(
            skm.form_path(self.perangkat.kode, survei.layanan_id)
        )
        slip = []
        for nomor in range(dari, sampai + 1):
            kode = kode_sekali.buat_kode(survei.pk, nomor)
            slip.append(
                {"nomor": nomor, "kode": kode, "svg": skm.qr_svg(f"{alamat}?kode={kode}", 2)}
            )
        ctx.update(survei=survei, slip=slip, alamat=alamat, dari=dari, jumlah=jumlah)
        ctx["berikut"] = sampai + 1 if sampai < kode_sekali.NOMOR_MAKS else None
        return ctx
