"""Onboarding: ``digitalbilanz municipality create`` makes a tenant and its first admin, atomically."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from digitalbilanz.cli import main
from digitalbilanz.core.models import Membership, Municipality
from digitalbilanz.testing import Factory

User = get_user_model()


def create(*args):
    out = StringIO()
    call_command("municipality", "create", *args, stdout=out)
    return out.getvalue()


def test_it_creates_the_municipality_and_its_first_admin_with_a_generated_password(db, monkeypatch):
    monkeypatch.delenv("DIGITALBILANZ_ADMIN_PASSWORD", raising=False)
    out = create(
        "neustadt",
        "--name",
        "Gemeinde Neustadt",
        "--type",
        "Gemeinde",
        "--admin",
        "anna",
        "--email",
        "anna@example.org",
    )
    town = Municipality.objects.get(slug="neustadt")
    assert (town.name, town.kind, town.ags, town.ars) == ("Gemeinde Neustadt", "gemeinde", "", "")
    anna = User.objects.get(username="anna")
    assert anna.email == "anna@example.org" and not anna.is_staff
    assert Membership.objects.get(user=anna, municipality=town).role == "admin"
    password = re.search(r"Erzeugtes Passwort \(wird nur jetzt angezeigt\): (\S+)", out).group(1)
    assert authenticate(username="anna", password=password) == anna
    assert "changepassword anna" in out


def test_a_password_from_the_environment_is_used_and_never_printed(db, monkeypatch):
    monkeypatch.setenv("DIGITALBILANZ_ADMIN_PASSWORD", "ein-langes-Startpasswort-42")
    out = create("neustadt", "--name", "Neustadt", "--admin", "anna", "--email", "anna@example.org")
    assert "ein-langes-Startpasswort-42" not in out and "DIGITALBILANZ_ADMIN_PASSWORD" in out
    assert authenticate(username="anna", password="ein-langes-Startpasswort-42") is not None


def test_an_existing_user_becomes_admin_and_keeps_the_password(db):
    anna = Factory.user(username="anna")
    out = create(
        "neustadt",
        "--name",
        "Neustadt",
        "--type",
        "kreis",
        "--ags",
        "05316000",
        "--ars",
        "053160000000",
        "--admin",
        "anna",
    )
    assert "Passwort bleibt unverändert" in out and "Erzeugtes Passwort" not in out
    assert authenticate(username="anna", password="pw-für-tests") == anna
    town = Municipality.objects.get(slug="neustadt")
    assert (town.kind, town.ags, town.ars) == ("kreis", "05316000", "053160000000")
    assert Membership.role_of(anna, town) == "admin"


def test_a_duplicate_short_name_is_refused_in_german_and_changes_nothing(db):
    Factory.municipality(slug="neustadt", name="Neustadt")
    with pytest.raises(CommandError, match="Der Kurzname „neustadt“ ist bereits vergeben"):
        create("neustadt", "--name", "Andere", "--admin", "anna", "--email", "anna@example.org")
    assert Municipality.objects.get(slug="neustadt").name == "Neustadt"
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--name", "N", "--ags", "123"], "Der AGS besteht aus genau 8 Ziffern"),
        (["--name", "N", "--ars", "05316000"], "Der ARS besteht aus genau 12 Ziffern"),
        (["--name", "N", "--type", "Dorf"], "Unbekannte Art „Dorf“: erlaubt sind Stadt, Gemeinde, Kreis"),
        (["--name", " "], "Bitte mit --name den Namen der Kommune angeben"),
        (["--name", "N", "--admin", "anna"], "bitte mit --email seine E-Mail-Adresse angeben"),
        (["--name", "N", "--admin", "anna", "--email", "kaputt"], "E-Mail-Adresse"),
        (["--name", "N", "--admin", "an na", "--email", "a@example.org"], "Benutzername"),
        (["--name", "N", "--email", "a@example.org"], "--email gehört zu --admin"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_half_created(db, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        create("neustadt", *args)
    assert not Municipality.objects.exists()
    assert not User.objects.exists()


def test_a_weak_password_from_the_environment_is_refused(db, monkeypatch):
    monkeypatch.setenv("DIGITALBILANZ_ADMIN_PASSWORD", "kurz")
    with pytest.raises(CommandError, match="zu kurz"):
        create("neustadt", "--name", "N", "--admin", "anna", "--email", "anna@example.org")
    assert not Municipality.objects.exists() and not User.objects.exists()


@pytest.mark.parametrize("slug", ["api", "app", "admin", "Bad Slug"])
def test_short_names_the_site_uses_or_invalid_ones_are_refused(db, slug):
    with pytest.raises(CommandError, match="Kurzname"):
        create(slug, "--name", "N")
    assert not Municipality.objects.exists()


def test_the_console_command_routes_municipality_and_fails_with_exit_code_1(db, capsys, monkeypatch):
    from django.db import connections

    # A management command run from the command line closes all connections when it ends; in a
    # test that would close the test's own transaction (PostgreSQL).
    monkeypatch.setattr(connections, "close_all", lambda: None)
    assert main(["municipality", "create", "neustadt", "--name", "Neustadt"]) == 0
    assert "Kommune „Neustadt“ (Stadt) angelegt." in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit:
        main(["municipality", "create", "neustadt", "--name", "Neustadt"])
    assert exit.value.code == 1
    assert "bereits vergeben" in capsys.readouterr().err
