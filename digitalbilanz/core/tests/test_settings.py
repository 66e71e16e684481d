"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from digitalbilanz.envconf import env_bool, parse_database_url


def _import_settings(env):
    code = "import digitalbilanz.settings as s; print(s.DEBUG)"
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run([sys.executable, "-c", code], env=clean | env, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key():
    result = _import_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    assert _import_settings({"SECRET_KEY": "k"}).stdout.strip() == "False"
    assert _import_settings({"DEBUG": "true"}).stdout.strip() == "True"


def test_env_bool_rejects_garbage(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "vielleicht")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG")


def test_database_url_for_postgres_and_sqlite():
    pg = parse_database_url("postgres://user:pw@db.example:5433/digi")
    assert (pg["ENGINE"], pg["NAME"], pg["USER"], pg["PORT"]) == (
        "django.db.backends.postgresql",
        "digi",
        "user",
        "5433",
    )
    assert parse_database_url("sqlite:////tmp/x.db")["NAME"] == "/tmp/x.db"
    with pytest.raises(ImproperlyConfigured):
        parse_database_url("mysql://x/y")
