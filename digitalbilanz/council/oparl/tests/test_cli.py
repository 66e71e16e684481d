"""The console command passes subcommands through to Django management commands."""

import pytest

from digitalbilanz import cli
from digitalbilanz.council.models import Paper
from digitalbilanz.council.oparl.models import OParlSource


def test_unknown_subcommands_are_refused_with_the_usage(capsys):
    assert cli.main(["gibtsnicht"]) == 2
    assert "Unbekannter Befehl: gibtsnicht" in capsys.readouterr().err


def test_the_hyphen_form_names_the_management_command():
    assert cli._management_command("import-oparl") == "import_oparl"
    assert cli._management_command("municipality") == "municipality"
    assert cli._management_command("gibtsnicht") is None


@pytest.mark.django_db(transaction=True)
def test_import_oparl_through_the_console_command(server, town, capsys):
    server.add_body(papers=4)
    assert cli.main(["import-oparl", server.url("/system"), "--municipality", town.slug]) == 0
    out = capsys.readouterr().out
    assert "abgeschlossen" in out and "neu " in out
    assert Paper.objects.filter(municipality=town).count() == 4
    assert OParlSource.objects.get(municipality=town).system_url == server.url("/system")
    with pytest.raises(SystemExit):
        cli.main(["import-oparl", "--municipality", town.slug, "--since", "gestern"])
    assert "Kein gültiger Zeitpunkt" in capsys.readouterr().err
