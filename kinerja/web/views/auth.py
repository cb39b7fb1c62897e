"""Sign-in and sign-out (Django's auth views, our templates, a lockout on failures)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.views.generic import View

from kinerja.web import lockout
from kinerja.web.demo import is_demo_account


class MasukForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah.",
        "inactive": "Akun ini tidak aktif.",
        "demo": "Akun demo tidak dapat dipakai di instalasi produksi; ganti kata sandinya.",
        "terkunci": "Terlalu banyak percobaan gagal. Coba lagi dalam %(menit)d menit.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = lockout.client_ip(self.request)
        if lockout.is_locked(username, ip):
            raise forms.ValidationError(
                self.error_messages["terkunci"],
                code="terkunci",
                params={"menit": lockout.limits()[1]},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            lockout.record_failure(username, ip)
            raise
        lockout.clear(username, ip)
        return cleaned

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if is_demo_account(user, self.cleaned_data.get("password") or ""):
            raise forms.ValidationError(self.error_messages["demo"], code="demo")


class MasukView(auth_views.LoginView):
    form_class = MasukForm
    template_name = "web/masuk.html"
    redirect_authenticated_user = True


class KeluarView(auth_views.LogoutView):
    """POST only (Django 5); goes back to the home page, which says so."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "Anda telah keluar.")  # the new, empty session carries it
        return response


class SehatView(View):
    """Health check for load balancers and monitors: no session, no database, plain "ok"."""

    def get(self, request):
        return HttpResponse("ok", content_type="text/plain; charset=utf-8")
