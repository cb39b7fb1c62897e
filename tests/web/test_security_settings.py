"""Password policy and `manage.py check --deploy` with the production settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Ab3#xyz9q", "terlalu pendek"),  # 9 characters: the minimum is 10
        ("password123", "terlalu umum"),
        ("4829137465012", "seluruhnya terdiri dari angka"),
    ],
)
def test_weak_passwords_are_refused_in_indonesian(password, reason):
    with pytest.raises(ValidationError) as info:
        validate_password(password)
    assert reason in " ".join(info.value.messages)


def test_similar_to_the_username_is_refused(django_user_model, db):
    user = django_user_model(username="operatortowuti", email="op@towuti.go.id")
    with pytest.raises(ValidationError):
        validate_password("operatortowuti1", user)


def test_a_good_password_passes(db):
    validate_password("kebun-sawit-Towuti-2024")


def test_minimum_length_is_at_least_ten(settings):
    [rule] = [
        v for v in settings.AUTH_PASSWORD_VALIDATORS if v["NAME"].endswith("MinimumLengthValidator")
    ]
    assert rule["OPTIONS"]["min_length"] >= 10
    names = {v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert {"UserAttributeSimilarityValidator", "CommonPasswordValidator"} <= names
    assert "NumericPasswordValidator" in names


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "HTTPS", "SECURE_HSTS_SECONDS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kinerja.settings",
        DEBUG="0",
        HTTPS="1",
        SECRET_KEY="p" * 20 + "-produksi-" + "Zq7#kL2m9vX4nR8tW1yB6cD3fG5hJ0sA",
        ALLOWED_HOSTS="kinerja.luwutimurkab.go.id",
        KINERJA_DATA=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_content_security_policy_forbids_inline_scripts(world, as_role):
    from django.urls import reverse

    client = as_role(world, "operator")
    for url in (
        reverse("web:beranda"),
        reverse("web:perangkat-detail", args=[world.a.kode, 2024, 4]),
        reverse("web:realisasi-update", args=[world.a.kode, 2024, 4]),
    ):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp, url
        html = response.content.decode()
        assert "<script>" not in html and "onclick=" not in html, url  # all scripts are files


def test_the_pages_scripts_and_styles_are_served_by_the_app_itself(world, as_role, settings):
    """Behind gunicorn (DEBUG off) every file a page links to under /static/ is there."""
    import re

    from django.test import Client
    from django.urls import reverse

    assert not settings.DEBUG
    html = as_role(world, "operator").get(reverse("web:beranda")).content.decode()
    linked = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any(p.endswith(".css") for p in linked) and any("htmx" in p for p in linked)
    assert any(p.endswith("favicon.svg") for p in linked)  # no /favicon.ico 404 per visit
    for path in linked:
        response = Client().get(path)
        assert response.status_code == 200, path
        assert b"".join(response.streaming_content), path
