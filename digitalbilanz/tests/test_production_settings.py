"""The documented production environment passes Django's deployment check without a warning."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from digitalbilanz.envconf import parse_proxy_ssl_header

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def documented_production_environment(tmp_path) -> dict[str, str]:
    """The ```sh block below "Production settings" in docs/operations.md, placeholders filled."""
    section = OPERATIONS.read_text().split("## Production settings", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    env = dict(line.split("=", 1) for line in block.splitlines() if "=" in line)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert not [v for v in env.values() if "<" in v], "a placeholder is left"
    return env


def _manage(args, env, tmp_path):
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DJANGO_"))}
    inherited |= {"DJANGO_SETTINGS_MODULE": "digitalbilanz.settings", "DIGITALBILANZ_VAR_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "django", *args]
    return subprocess.run(command, env=inherited | env, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    env = documented_production_environment(tmp_path)
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_without_the_https_settings(tmp_path):
    env = documented_production_environment(tmp_path)
    env = {k: v for k, v in env.items() if not k.startswith("SECURE_")}
    result = _manage(["check", "--deploy"], env, tmp_path)
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in result.stderr


def test_the_proxy_header_setting_names_a_header_that_means_https():
    assert parse_proxy_ssl_header("X-Forwarded-Proto") == ("HTTP_X_FORWARDED_PROTO", "https")
    assert parse_proxy_ssl_header("") is None
    with pytest.raises(ImproperlyConfigured):
        parse_proxy_ssl_header("X-Forwarded-Proto: https")
