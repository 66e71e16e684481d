"""The importer against a local fake OParl server: official examples, a generated body with
pagination, incremental changes, deletions, vendor quirks and bad input."""

import datetime as dt
import json

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.models import ImportRun, Municipality
from digitalbilanz.council.models import AgendaItem, Consultation, Meeting, Organization, Paper, PaperFile
from digitalbilanz.council.oparl.importer import import_oparl
from digitalbilanz.council.oparl.loader import Loader
from digitalbilanz.council.oparl.models import OParlObject, OParlSource

MIRRORED = (Organization, Meeting, Paper, Consultation, AgendaItem, PaperFile)


def snapshot():
    """Every mirrored row with all its values (to prove that nothing changed)."""
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in MIRRORED}


def version(town):
    return Municipality.objects.get(pk=town.pk).data_version


def test_the_official_examples_are_imported(server, town, loader):
    server.load_examples()
    outcome = import_oparl(town, server.url("/"), loader=loader)
    assert outcome.ok and outcome.complete
    paper = Paper.objects.get(reference="1234/2014")
    assert (paper.category, paper.paper_type_raw, paper.visibility) == (
        "answer",
        "Beantwortung einer Anfrage",
        "public",
    )
    assert paper.date == dt.date(2014, 4, 4)
    item = AgendaItem.objects.get(number="10.1")  # the example lacks the 1.1-mandatory ``order``
    assert (item.public, item.visibility, item.result) == (True, "public", "Geändert beschlossen")
    meeting = Meeting.objects.get(name="4. Sitzung des Finanzausschusses")
    assert list(meeting.organizations.values_list("short_name", flat=True)) == ["Finanzausschuss"]
    assert meeting.location.startswith("Rathaus")
    # the consultation's meeting (243), body (96) and the related paper (699) are not published
    placeholders = [p["column"] for p in outcome.run.problems if "Platzhalter" in p["message"]]
    assert len(placeholders) == 3
    assert Meeting.objects.get(oparl_id__endswith="/meeting/243").visibility == "council"
    consultation = Consultation.objects.get()
    assert consultation.authoritative is False  # given by the server, not guessed from the role
    assert consultation.visibility == "council"  # its agenda item is unknown: council level
    assert OParlObject.objects.filter(municipality=town, type="Paper").count() == 1
    assert OParlSource.objects.get(municipality=town).last_sync is not None


def test_generated_body_with_pagination_and_a_second_run_that_changes_nothing(server, town, loader):
    server.add_body(papers=45, page_size=10)
    first = import_oparl(town, server.url("/system"), loader=loader)
    assert first.ok and first.complete and first.run.problems == []
    assert Paper.objects.filter(municipality=town).count() == 45
    assert Consultation.objects.count() == 90 and AgendaItem.objects.count() == 90
    assert sum(1 for r in server.requests if r.startswith("/body/1/paper")) == 5  # 5 pages of 10
    levels = {
        ai.name: ai.visibility
        for ai in AgendaItem.objects.filter(name__in=["Vorlage 2", "Vorlage 3", "Vorlage 5"])
    }
    assert levels == {
        "Vorlage 2": "public",
        "Vorlage 3": "council",
        "Vorlage 5": "council",
    }  # public/unknown/false
    assert not AgendaItem.objects.for_audience(town, "public").filter(public__isnull=True).exists()
    assert AgendaItem.objects.for_audience(town, "council").filter(public=False).exists()

    before, data_version = snapshot(), version(town)
    again = import_oparl(town, server.url("/system"), loader=loader, full=True)  # everything read again
    assert again.ok and again.fetched == first.fetched
    assert (again.run.created_count, again.run.updated_count, again.run.deleted_count) == (0, 0, 0)
    assert again.run.unchanged_count == first.run.created_count
    assert snapshot() == before and version(town) == data_version


def test_incremental_sync_sends_modified_since_and_maps_only_the_changes(server, town, loader):
    server.add_body(papers=12, page_size=5)
    import_oparl(town, server.url("/system"), loader=loader)
    source = OParlSource.objects.get(municipality=town)
    paper = server.lists["paper"][3]
    paper["name"] = "Neuer Titel"
    server.touch("paper", paper)
    server.lists["paper"][4] = {
        "id": server.lists["paper"][4]["id"],
        "deleted": True,
        "modified": dt.datetime.now(dt.UTC).isoformat(),
    }  # SD.NET: stub without type
    server.requests.clear()
    data_version = version(town)
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert outcome.since == source.last_sync - dt.timedelta(minutes=5)
    assert all("modified_since=" in r for r in server.requests if r.startswith("/body/1/"))
    assert outcome.fetched == 2 and outcome.run.updated_count == 1
    assert Paper.objects.get(oparl_id__endswith="/paper/4").name == "Neuer Titel"
    gone = Paper.objects.get(oparl_id__endswith="/paper/5")
    assert (gone.deleted, gone.visibility, gone.name) == (True, "internal", "Vorlage Nummer 5")
    assert not gone.consultations.exclude(visibility=Visibility.INTERNAL).exists()
    assert OParlObject.objects.get(oparl_id__endswith="/paper/5").type == "Paper"
    assert version(town) == data_version + 1  # one data change per run


def test_spurious_500s_are_retried_and_a_dead_list_is_recorded_without_moving_the_sync(server, town, loader):
    server.add_body(papers=10, page_size=5)
    server.override("/body/1/paper", status=500, times=2)  # ALLRIS: spurious 500 → retry
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert outcome.ok and outcome.complete and Paper.objects.count() == 10
    synced = OParlSource.objects.get(municipality=town).last_sync

    server.override("/body/1/meeting", status=503, times=10)
    broken = import_oparl(town, server.url("/system"), loader=loader, full=True)
    assert broken.ok and not broken.complete  # the other lists were still mapped
    assert any("HTTP-Status 503" in p["message"] for p in broken.run.problems)
    assert OParlSource.objects.get(municipality=town).last_sync == synced  # the rerun reads it again
    assert Meeting.objects.filter(deleted=False).count() == 1


def test_an_unreachable_or_broken_system_fails_cleanly_and_changes_nothing(server, town, loader):
    server.add_body(papers=5)
    import_oparl(town, server.url("/system"), loader=loader)
    before, data_version = snapshot(), version(town)
    for answer in (
        {"status": 200, "body": "<html><body>Wartungsarbeiten</body></html>", "content_type": "text/html"},
        {"status": 200, "body": "{kaputt"},
        {"status": 502, "body": "", "times": 3},
    ):
        server.override("/system", **answer)
        outcome = import_oparl(town, server.url("/system"), loader=loader, full=True)
        assert outcome.run.status == ImportRun.Status.FAILED and outcome.run.problems
    messages = [r.problems[0]["message"] for r in ImportRun.objects.filter(status="failed").order_by("pk")]
    assert "HTML-Seite" in messages[0] and "Ungültiges JSON" in messages[1] and "502" in messages[2]
    assert snapshot() == before and version(town) == data_version


def test_a_redirect_to_an_html_page_a_timeout_and_a_huge_page_end_the_list_not_the_import(server, town):
    server.add_body(papers=6, page_size=3)
    loader = Loader(timeout=0.5, retries=1, backoff=0, max_bytes=50_000, max_pages=20)
    # a redirect to a login page (HTML with status 200)
    server.override("/body/1/paper", status=302, content_type="text/html", location=server.url("/login"))
    server.override("/login", body="<!DOCTYPE html><title>Anmeldung</title>", content_type="text/html")
    # a meeting list that does not answer within the timeout (every attempt)
    server.override("/body/1/meeting", status=200, body="{}", delay=1.5, times=2)
    # an organisation list far above the size limit
    server.override(
        "/body/1/organization", body={"data": [{"id": f"x{i}", "name": "x" * 100} for i in range(1000)]}
    )
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    messages = " ".join(p["message"] for p in outcome.run.problems)
    assert "HTML-Seite" in messages and "Zeitüberschreitung" in messages and "zu groß" in messages
    assert outcome.ok and not outcome.complete
    assert not Paper.objects.exists() and not Meeting.objects.exists()


def test_an_endless_pagination_loop_stops(server, town, loader):
    server.add_body(papers=4, page_size=2)
    looping = {"data": [], "links": {"next": server.url("/body/1/paper?page=1")}}
    server.override("/body/1/paper", body=looping, times=5)
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert any("Endlosschleife" in p["message"] for p in outcome.run.problems)
    assert not outcome.complete


def test_a_page_limit_stops_a_list_that_never_ends(server, town):
    server.add_body(papers=30, page_size=2)
    outcome = import_oparl(town, server.url("/system"), loader=Loader(timeout=2, retries=0, max_pages=3))
    assert any("Mehr als 3 Seiten" in p["message"] for p in outcome.run.problems)
    assert Paper.objects.count() == 6


def test_sdnet_quirks(server, town, loader):
    server.add_body(papers=3, system={"vendor": "http://www.sternberg-sh.de/", "product": "SD.NET RIM 4"})
    # ``/bodies`` answers one object instead of a list; a file URL with a double slash
    server.object("/bodies", server.lists["bodies"][0])
    server.lists["paper"][0]["mainFile"]["accessUrl"] = server.url("/files//rim/1.pdf")
    server.lists["paper"][1]["id"] = server.lists["paper"][1]["id"].replace("/paper/", "//paper/")
    first = import_oparl(town, server.url("/system"), loader=loader)
    assert first.ok and first.complete and first.vendor.startswith("SD.NET")
    assert Paper.objects.filter(oparl_id__endswith="/paper/2").count() == 1
    # an empty filtered list: 404 with a vendor error JSON, or a bare []
    server.empty_as_404 = True
    second = import_oparl(town, server.url("/system"), loader=loader)
    assert second.ok and second.complete and second.run.problems == []
    server.empty_as_404, server.empty_as_bare_list = False, True
    third = import_oparl(town, server.url("/system"), loader=loader)
    assert third.ok and third.complete and third.run.problems == []


def test_allris_quirks(server, town, loader):
    server.add_body(papers=3, system={"product": "ALLRIS net 4", "vendor": "https://www.cc-egov.de"})
    paper = dict(server.lists["paper"][0], reference="N/A", name="Antrag\x01 mit Steuerzeichen")
    paper["auxiliaryFile"] = {
        "id": server.url("/file/aux"),
        "name": "Anlage",
        "accessUrl": server.url("/a.pdf"),
        "mimeType": "pdf",
        "downloadUrl": "",
    }
    page = json.dumps({"data": [paper], "links": {}}, ensure_ascii=False).replace("\\u0001", "\x01")
    server.override("/body/1/paper", body=page)
    server.override("/body/1/organization", status=500)
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert outcome.ok and outcome.complete, outcome.run.problems
    imported = Paper.objects.get(oparl_id__endswith="/paper/1")
    assert imported.reference == "" and imported.name.startswith("Antrag")
    assert imported.files.get(main=False).mime_type == "application/pdf"


def test_sessionnet_gets_modified_since_unencoded_and_without_microseconds(server, town, loader):
    server.add_body(papers=3, system={"vendor": "SOMACOS GmbH & Co. KG", "product": "SessionNet"})
    server.reject_encoded_since = True
    import_oparl(town, server.url("/system"), loader=loader)
    outcome = import_oparl(
        town,
        server.url("/system"),
        loader=loader,
        since=dt.datetime(2024, 1, 1, 10, 0, 0, 123456, tzinfo=dt.UTC),
    )
    assert outcome.ok and outcome.complete, outcome.run.problems
    assert any("modified_since=2024-01-01T10:00:00+00:00" in r for r in server.requests)


def test_an_id_differing_from_the_fetched_url_and_unknown_keys(server, town, loader):
    server.add_body(papers=2)
    system = dict(
        server.routes["/system"], id="https://ris.example.org/oparl/system", **{"Vendor:x": {"a": 1}}
    )
    server.object("/system", system)
    server.lists["paper"][0]["vendorExtension"] = [1, 2, 3]
    outcome = import_oparl(town, server.url("/system"), loader=loader)
    assert outcome.ok and outcome.complete and Paper.objects.count() == 2
    assert OParlObject.objects.filter(oparl_id="https://ris.example.org/oparl/system").exists()


def test_a_mapping_error_rolls_everything_back(server, town, loader, monkeypatch):
    server.add_body(papers=3)
    import_oparl(town, server.url("/system"), loader=loader)
    before = snapshot()
    server.lists["paper"][0]["name"] = "geändert"
    from digitalbilanz.council.oparl import mapping

    def explode(self, *args):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(mapping.Mapper, "files", explode)
    outcome = import_oparl(town, server.url("/system"), loader=loader, full=True)
    assert outcome.run.status == ImportRun.Status.FAILED
    assert "Datenbank weg" in outcome.run.problems[-1]["message"]
    assert snapshot() == before
