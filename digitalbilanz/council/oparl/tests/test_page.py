"""The admin page that starts an import: admins only, German result with counts and problems."""

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import ImportRun
from digitalbilanz.council.models import Paper
from digitalbilanz.testing import Factory


def test_only_admins_reach_the_import_page(client, town):
    client.force_login(Factory.user(town, role=Role.EDITOR))
    assert client.get(f"/app/{town.slug}/rat/import/").status_code == 403


def test_an_admin_starts_an_import_and_sees_counts_and_problems(client, town, server):
    server.add_body(papers=3)
    server.override("/body/1/meeting", status=404, times=1)
    admin = Factory.user(town, role=Role.ADMIN)
    client.force_login(admin)
    page = client.get(f"/app/{town.slug}/rat/import/")
    assert page.status_code == 200 and "Import starten" in page.text
    response = client.post(f"/app/{town.slug}/rat/import/", {"system_url": server.url("/system")})
    text = response.text
    assert response.status_code == 200
    assert "Objekte gelesen" in text and "Vorlagen" in text and "HTTP-Status 404" in text
    assert "Nicht alle Listen wurden vollständig gelesen" in text
    assert Paper.objects.filter(municipality=town).count() == 3
    assert ImportRun.objects.get(municipality=town).user == admin


def test_a_bad_address_is_refused_in_german_and_nothing_runs(client, town):
    client.force_login(Factory.user(town, role=Role.ADMIN))
    response = client.post(f"/app/{town.slug}/rat/import/", {"system_url": "kein link"})
    assert "gültige Adresse" in response.text
    assert not ImportRun.objects.exists()
