"""Sign-in in Indonesian, lockout after repeated failures, session settings."""

from __future__ import annotations

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.web.conftest import PASSWORD


def sign_in(client, username, password):
    return client.post(reverse("web:masuk"), {"username": username, "password": password})


def test_sign_in_page_is_indonesian_and_signs_in(world, client):
    html = client.get(reverse("web:masuk")).content.decode()
    assert "Nama pengguna" in html and "Kata sandi" in html and 'lang="id"' in html
    response = sign_in(client, "operator-a", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("web:beranda")
    home = client.get(reverse("web:beranda")).content.decode()
    assert "Kecamatan kec-a" in home and "Kecamatan kec-b" not in home


def test_wrong_password_message(world, client):
    html = sign_in(client, "operator-a", "salah").content.decode()
    assert "Nama pengguna atau kata sandi salah." in html


@override_settings(KINERJA_MASUK_MAKS=3, KINERJA_MASUK_MENIT=15)
def test_lockout_after_repeated_failures_even_with_the_right_password(world, client):
    for _ in range(3):
        sign_in(client, "operator-a", "salah")
    html = sign_in(client, "operator-a", PASSWORD).content.decode()
    assert "Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit." in html
    assert "_auth_user_id" not in client.session
    # Another username from the same address is not affected.
    assert sign_in(client, "kepala-a", PASSWORD).status_code == 302


@override_settings(KINERJA_MASUK_MAKS=3)
def test_success_clears_earlier_failures(world, client):
    sign_in(client, "operator-a", "salah")
    sign_in(client, "operator-a", "salah")
    assert sign_in(client, "operator-a", PASSWORD).status_code == 302
    client.post(reverse("web:keluar"))
    sign_in(client, "operator-a", "salah")
    sign_in(client, "operator-a", "salah")
    assert sign_in(client, "operator-a", PASSWORD).status_code == 302


def test_sign_out_is_post_only(world, as_role):
    client = as_role(world, "operator")
    assert client.get(reverse("web:keluar")).status_code == 405
    assert client.post(reverse("web:keluar")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_settings():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_COOKIE_SECURE == settings.HTTPS
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600


def test_sign_out_says_so_on_the_home_page(world, as_role):
    client = as_role(world, "operator")
    home = client.post(reverse("web:keluar"), follow=True)
    assert home.redirect_chain[-1][0] == reverse("web:beranda")
    assert "Anda telah keluar." in home.content.decode()
    assert "Anda telah keluar." not in client.get(reverse("web:beranda")).content.decode()
