"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from digitalbilanz.envconf import env_bool, parse_database_url


def _import_settings(env, var_dir, show="s.DEBUG"):
    code = f"import digitalbilanz.settings as s; print({show})"
    unset = ("SECRET_KEY", "DEBUG", "DIGITALBILANZ_PRODUCTION", "DATABASE_URL")
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean["DIGITALBILANZ_VAR_DIR"] = str(var_dir)
    return subprocess.run([sys.executable, "-c", code], env=clean | env, capture_output=True, text=True)


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _import_settings({"DIGITALBILANZ_PRODUCTION": "true"}, tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_starts_with_a_secret_key(tmp_path):
    env = {"DIGITALBILANZ_PRODUCTION": "true", "SECRET_KEY": "from-the-environment"}
    assert _import_settings(env, tmp_path, "s.SECRET_KEY").stdout.strip() == "from-the-environment"


def test_development_creates_a_random_key_in_var_and_keeps_it(tmp_path):
    first = _import_settings({}, tmp_path, "s.SECRET_KEY")
    assert first.returncode == 0, first.stderr
    key = (tmp_path / "secret_key").read_text().strip()
    assert len(key) >= 50
    assert first.stdout.strip() == key
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0  # readable by the owner only
    assert _import_settings({}, tmp_path, "s.SECRET_KEY").stdout.strip() == key


def test_development_reads_an_existing_key_file_and_the_environment_wins(tmp_path):
    (tmp_path / "secret_key").write_text("kept-in-var\n")
    assert _import_settings({}, tmp_path, "s.SECRET_KEY").stdout.strip() == "kept-in-var"
    env = {"SECRET_KEY": "from-the-environment"}
    assert _import_settings(env, tmp_path, "s.SECRET_KEY").stdout.strip() == "from-the-environment"


def test_an_empty_key_file_is_refused(tmp_path):
    (tmp_path / "secret_key").write_text("\n")
    result = _import_settings({}, tmp_path)
    assert result.returncode != 0 and "secret_key is empty" in result.stderr


def test_debug_is_off_unless_asked_for(tmp_path):
    assert _import_settings({"SECRET_KEY": "k"}, tmp_path).stdout.strip() == "False"
    assert _import_settings({"DEBUG": "true"}, tmp_path).stdout.strip() == "True"


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
