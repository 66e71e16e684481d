"""Mapping units: categories, kinds, deciding or advisory, levels — and the mapper on objects."""

import pytest

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.imports import bulk_import
from digitalbilanz.council.models import AgendaItem, Consultation, Meeting, Organization, Paper, PaperFile
from digitalbilanz.council.oparl.mapping import Mapper, organization_kind, public_flag
from digitalbilanz.council.rules import category_for_paper_type, is_deciding

S = "https://schema.oparl.org/1.1/"


@pytest.mark.parametrize(
    ("raw", "category"),
    [
        ("Antrag", "motion"),
        ("Anfrage", "inquiry"),
        ("Beschlussvorlage", "proposal"),
        ("Vorlage", "proposal"),
        ("Mitteilung", "communication"),
        ("Stellungnahme der Verwaltung", "statement"),
        ("Beantwortung einer Anfrage", "answer"),
        ("Antwort", "answer"),
        ("Änderungsantrag", "amendment"),
        ("Haushaltsrede", "other"),
        (None, "other"),
    ],
)
def test_paper_types_map_to_our_categories(raw, category):
    assert category_for_paper_type(raw) == category


def test_organisation_kinds_from_classification():
    assert organization_kind("Parlament") == "council"
    assert organization_kind("Rat") == "council"
    assert organization_kind("Ausschuss") == "committee"
    assert organization_kind("Seniorenbeirat") == "committee"
    assert organization_kind("Fraktion") == "faction"
    assert organization_kind(None, "Gremium") == "committee"
    assert organization_kind("Sonstiges") == "other"


def test_deciding_or_advisory_rule_order():
    assert is_deciding(False, "Beschlussfassung", True) is False  # authoritative wins
    assert is_deciding(None, "Entscheidung") is True
    assert is_deciding(None, "Vorberatung", True) is False
    assert is_deciding(None, "", True) is True  # the main council ("Parlament")
    assert is_deciding(None, "", False) is None  # unknown


def test_public_flag_only_true_booleans_or_clear_words():
    assert public_flag(True) is True and public_flag("ja") is True
    assert public_flag(False) is False and public_flag("nicht öffentlich") is False
    assert public_flag(None) is None and public_flag("N/A") is None and public_flag(1) is None


def run_mapper(town, objects):
    with bulk_import(town, "council.oparl", skip_bad=True) as run:
        mapper = Mapper(town, run)
        mapper.map_all(objects)
    return run, mapper


def objects(public_values=(True, False, None)):
    meeting = {
        "id": "https://ris/meeting/1",
        "type": S + "Meeting",
        "name": "Rat",
        "organization": ["https://ris/org/1"],
        "agendaItem": [
            {
                "id": f"https://ris/ai/{i}",
                "order": 100001 + i,
                "name": f"TOP {i}",
                "number": str(i),
                **({"public": flag} if flag is not None else {}),
            }
            for i, flag in enumerate(public_values)
        ],
    }
    paper = {
        "id": "https://ris/paper/1",
        "type": S + "Paper",
        "name": "Antrag Homeoffice",
        "reference": "2023/2362",
        "paperType": "Antrag",
        "originatorOrganization": ["https://ris/org/2"],
        "mainFile": {"name": "Antrag", "accessUrl": "https://ris/f/1.pdf", "mimeType": "pdf"},
        "auxiliaryFile": {
            "id": "https://ris/f/2",
            "name": "Anlage",
            "accessUrl": "https://ris/f/2.pdf",
            "downloadUrl": "",
        },
        "consultation": [
            {
                "meeting": "https://ris/meeting/1",
                "agendaItem": f"https://ris/ai/{i}",
                "organization": ["https://ris/org/1"],
            }
            for i in range(len(public_values))
        ],
    }
    orgs = [
        {"id": "https://ris/org/1", "name": "Rat der Stadt", "classification": "Parlament"},
        {"id": "https://ris/org/2", "name": "Fraktion A", "classification": "Fraktion"},
    ]
    return {"organization": orgs, "meeting": [meeting], "paper": [paper]}


def test_levels_of_agenda_items_and_consultations_come_from_the_public_flag(db, town):
    run, _mapper = run_mapper(town, objects())
    assert run.problems == []
    levels = dict(AgendaItem.objects.values_list("name", "visibility"))
    assert levels == {"TOP 0": Visibility.PUBLIC, "TOP 1": Visibility.COUNCIL, "TOP 2": Visibility.COUNCIL}
    assert list(AgendaItem.objects.order_by("order").values_list("order", flat=True)) == [1, 2, 3]
    by_item = {c.agenda_items.get().name: c.visibility for c in Consultation.objects.all()}
    assert by_item == {"TOP 0": Visibility.PUBLIC, "TOP 1": Visibility.COUNCIL, "TOP 2": Visibility.COUNCIL}
    # embedded consultations without id get a stable key; the council decides (no authoritative, no role)
    assert set(Consultation.objects.values_list("authoritative", flat=True)) == {True}
    assert Consultation.objects.filter(oparl_id="https://ris/paper/1#consultation-1").exists()


def test_paper_fields_files_and_originators(db, town):
    run_mapper(town, objects())
    paper = Paper.objects.get(oparl_id="https://ris/paper/1")
    assert (paper.reference, paper.category, paper.originators, paper.visibility) == (
        "2023/2362",
        "motion",
        "Fraktion A",
        Visibility.PUBLIC,
    )
    files = {f.name: (f.main, f.mime_type) for f in PaperFile.objects.all()}
    assert files == {"Antrag": (True, "application/pdf"), "Anlage": (False, "")}  # auxiliaryFile as object
    assert set(Meeting.objects.get().organizations.values_list("name", flat=True)) == {"Rat der Stadt"}


def test_a_bad_object_is_recorded_and_skipped_the_rest_is_imported(db, town):
    data = objects()
    data["paper"].append({"type": S + "Paper", "name": "ohne id"})
    data["paper"].append(
        {"id": "https://ris/paper/2", "name": "Datei ohne Adresse", "mainFile": {"name": "x"}}
    )
    run, _m = run_mapper(town, data)
    messages = [p["message"] for p in run.problems]
    assert any("ohne id" in m for m in messages) and any("ohne Adresse" in m for m in messages)
    assert Paper.objects.filter(oparl_id__in=["https://ris/paper/1", "https://ris/paper/2"]).count() == 2


def test_dangling_references_get_council_level_placeholders_and_problems(db, town):
    data = objects()
    data["paper"][0]["relatedPaper"] = ["https://ris/paper/999"]
    data["paper"][0]["consultation"][0]["meeting"] = "https://ris/meeting/404"
    run, _m = run_mapper(town, data)
    placeholder = Paper.objects.get(oparl_id="https://ris/paper/999")
    assert placeholder.visibility == Visibility.COUNCIL
    assert Meeting.objects.get(oparl_id="https://ris/meeting/404").visibility == Visibility.COUNCIL
    assert {p["column"] for p in run.problems} >= {"https://ris/paper/1"}
    assert list(Paper.objects.get(oparl_id="https://ris/paper/1").related_papers.all()) == [placeholder]


def test_deleted_objects_and_dropped_agenda_items_are_hidden(db, town):
    run_mapper(town, objects())
    data = objects(public_values=(True, False))  # TOP 2 no longer listed
    data["paper"] = [{"id": "https://ris/paper/1", "deleted": True}]
    run, mapper = run_mapper(town, data)
    dropped = AgendaItem.objects.get(name="TOP 2")
    assert (dropped.deleted, dropped.visibility) == (True, Visibility.INTERNAL)
    paper = Paper.objects.get(oparl_id="https://ris/paper/1")
    assert (paper.deleted, paper.visibility) == (True, Visibility.INTERNAL)
    assert not Consultation.objects.filter(deleted=False).exists()  # the deleted paper's consultations too
    assert not Paper.objects.for_audience(town, "public").exists()
    assert Organization.objects.count() == 2
