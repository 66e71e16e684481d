"""`digitalbilanz demo [--reset]` loads the demo through the demo app's own command."""

from django.core.management import get_commands

from digitalbilanz.cli import main
from digitalbilanz.core.models import Municipality


def test_the_demo_app_owns_the_load_demo_command():
    assert get_commands()["load_demo"] == "digitalbilanz.demo"


def test_demo_command_loads_once_lists_the_logins_and_reloads_on_reset(db, capsys):
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    assert "geladen" in first and "redaktion" in first and "demo-digitalbilanz" in first

    assert main(["demo"]) == 0
    assert "nichts geändert" in capsys.readouterr().out

    assert main(["demo", "--reset"]) == 0
    assert "geladen" in capsys.readouterr().out
    assert Municipality.objects.filter(slug="leverkusen").count() == 1
