"""Every change is recorded: who, when, old → new, and why."""

from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.history import describe_changes
from digitalbilanz.testing import Factory


def test_editing_a_measure_records_user_old_new_and_reason(db):
    town = Factory.municipality()
    editor = Factory.user(town, Role.EDITOR, username="redakteurin")
    measure = Factory.measure(town, title="Alter Titel", code="M-1")
    client = Client()
    client.force_login(editor)
    response = client.post(
        f"/app/{town.slug}/massnahmen/{measure.pk}/bearbeiten/",
        {
            "code": "M-1",
            "title": "Neuer Titel",
            "status": "in_progress",
            "visibility": "public",
            "change_reason": "Beschluss des Ausschusses",
            "lock_version": measure.lock_version,
        },
    )
    assert response.status_code == 302
    latest = measure.history.first()
    assert latest.history_user == editor
    assert latest.history_change_reason == "Beschluss des Ausschusses"
    changes = {c["field"]: (c["old"], c["new"]) for c in describe_changes(latest, latest.prev_record)}
    assert changes["Titel"] == ("Alter Titel", "Neuer Titel")


def test_deleting_a_line_keeps_a_history_row(db):
    town = Factory.municipality()
    line = Factory.line(Factory.measure(town), amount="500")
    pk = line.pk
    line.delete()
    from digitalbilanz.portfolio.models import Line

    rows = Line.history.filter(id=pk)
    assert [r.history_type for r in rows] == ["-", "+"]


def test_measure_history_shows_line_changes_but_hides_non_public_past_values(db):
    town = Factory.municipality()
    measure = Factory.measure(town, visibility="council")
    line = Factory.line(measure, amount="1111", visibility="internal", label="Vertraulich")
    line.amount = 2222
    line.visibility = "council"
    line._change_reason = "freigegeben"
    line.save()
    line.amount = 3333
    line.save()
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/historie/"

    council = Client()
    council.force_login(Factory.user(town, Role.COUNCIL))
    body = council.get(url).content.decode()
    assert "3.333,00" in body and "2.222,00" in body
    assert "1.111" not in body

    staff = Client()
    staff.force_login(Factory.user(town, Role.READER))
    assert "1.111,00" in staff.get(url).content.decode()
