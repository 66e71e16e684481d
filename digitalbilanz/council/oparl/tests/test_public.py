"""Imported non-public and unknown agenda items never reach the public portal; council members
see them (end to end: fake server → import → portal page)."""

from digitalbilanz.core.choices import Visibility
from digitalbilanz.council.models import AgendaItem, Paper
from digitalbilanz.council.oparl.importer import import_oparl


def plant_results(server):
    """A marker in each agenda item's result: public (paper 2), unknown (3), non-public (5)."""
    for meeting in server.lists["meeting"]:
        for item in meeting["agendaItem"]:
            number = item["name"].split()[-1]
            if number in ("2", "3", "5"):
                item["result"] = f"ERGEBNIS-MARKE-{number}"


def test_non_public_and_unknown_agenda_items_stay_off_the_portal(client, server, town, loader):
    server.add_body(papers=5, consultations=1)
    plant_results(server)
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert outcome.ok and outcome.run.problems == []
    levels = {i.result: i.visibility for i in AgendaItem.objects.filter(result__startswith="ERGEBNIS")}
    assert levels == {
        "ERGEBNIS-MARKE-2": Visibility.PUBLIC,
        "ERGEBNIS-MARKE-3": Visibility.COUNCIL,
        "ERGEBNIS-MARKE-5": Visibility.COUNCIL,
    }
    pages = ""
    for number in ("2", "3", "5"):
        paper = Paper.objects.get(oparl_id__endswith=f"/paper/{number}")
        response = client.get(f"/{town.slug}/rat/{paper.pk}/")
        assert response.status_code == 200
        pages += response.text
    assert "ERGEBNIS-MARKE-2" in pages
    assert "ERGEBNIS-MARKE-3" not in pages and "ERGEBNIS-MARKE-5" not in pages
