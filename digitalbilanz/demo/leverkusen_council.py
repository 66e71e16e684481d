"""Council papers, meetings, resolutions and mandates of the Leverkusen demo (sources: leverkusen.py).

* [S2] the FDP faction's motion of 02.08.2023, no. 2023/2362, with its three points; consultation
  sequence: finance and digitalisation committee 18.09.2023 (Beratung, public), council
  25.09.2023 (Entscheidung, public);
* [S3] the administration's statement of 13.09.2023 on the motion (FB 04), same reference;
* [S1] the status report "Sachstand Digitalisierung bei der Stadt Leverkusen" in the finance and
  digitalisation committee, June 2021: "Beschluss: zur Kenntnis genommen"; it names the council
  meeting of 28.06.2021 that decided the letter of intent for the DMS tender.

"Demo-Annahme": the committee's meeting day in June 2021 (the minutes give the month; the cash
credit figure is dated 18.06.2021), the agenda item numbers, the council's result of 25.09.2023
(the seeds hold the motion and the statement, not the minutes), the letter of intent being
treated in the non-public part of the council meeting, and the mandates' owners and due dates.
Mirrored council data is written as one import run (as the council information system import
does); mandates and links are audited records with a reason.
"""

import datetime as dt

from django.utils import timezone

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.imports import bulk_import
from digitalbilanz.core.models import OrgUnit
from digitalbilanz.council.choices import LinkRole, MandateStatus, OrganizationKind
from digitalbilanz.council.models import (
    AgendaItem,
    Consultation,
    Mandate,
    Meeting,
    Organization,
    Paper,
    PaperLink,
)
from digitalbilanz.council.rules import category_for_paper_type, visibility_for_public_flag
from digitalbilanz.council.sources import sync_paper_sources
from digitalbilanz.portfolio.models import Measure

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"
PUBLIC = Visibility.PUBLIC.value
MOTION_TITLE = "Transparenz und Effizienz der IT-Strategie"
POINT_3 = (
    "Die Einführung von Homeoffice-Arbeitsplätzen ist zunächst bei der Einrichtung sicherlich "
    "kostenintensiv, allerdings muss, wie in Unternehmen auch, gleichzeitig eine Einsparung erfolgen, "
    "da der jeweilige Arbeitsplatz vor Ort nicht genutzt wird. Die Verwaltung zeigt solche "
    "Einsparungen oder die dem Invest gegenüberstehende Arbeitsverbesserung im HH-Plan 2024 auf."
)
POINT_1 = "Die Verwaltung legt dem Rat die IT-Strategie der Stadt transparent und nachvollziehbar dar."
POINT_2 = (
    "Eine IT-Strategie wird nicht zum Selbstzweck umgesetzt, sondern muss eine Optimierung der "
    "Verwaltungsarbeit zum Ziel haben. Deshalb wird bei der Umsetzung jeweils die dem "
    "gegenüberstehende Arbeitsverbesserung bzw. Einsparung von Ressourcen an anderer Stelle dargelegt."
)
STATUS_REPORT = (
    "Herr Beigeordneter Molitor berichtet zum Thema „Sachstand Digitalisierung bei der Stadt "
    "Leverkusen“: Die zentrale Steuerung übernimmt der CDO über den neu gegründeten Fachbereich "
    "Digitalisierung (04) mit den Arbeitsschwerpunkten Moderne Arbeitsformen, zentrales "
    "Dokumentenmanagementsystem (DMS), Onlinezugangsgesetz (OZG) und Kommunalportal.NRW/Portalverbund. "
    "Aktuell können 867 der rund 1.700 Mitarbeitenden von Zuhause arbeiten; weitere 143 "
    "Home-Office-Anträge liegen vor."
)
LOI_TEXT = (
    "Der Rat stimmt der Absichtserklärung zur Auftragsvergabe (Letter of Intent) für das zentrale "
    "Dokumentenmanagementsystem zu; die ivl GmbH schreibt als beschaffende Instanz europaweit aus."
)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load(municipality):
    """Mirror the council data (one import run), then the mandates and the links to measures."""
    with bulk_import(municipality, "council.demo") as run:
        data = _mirror(municipality, run)
        run.created_count = data.pop("_count")
    _mandates(municipality, data)
    _links(municipality, data)
    sync_paper_sources(municipality, reason=REASON)  # [S1]–[S3] are the papers; the letter of intent joins
    return data


def delete(municipality):
    PaperLink.objects.filter(municipality=municipality).delete()
    Mandate.objects.filter(municipality=municipality).delete()
    for model in (AgendaItem, Consultation, Paper, Meeting, Organization):
        model.objects.filter(municipality=municipality).delete()


def _mirror(municipality, run):
    count = 0

    def make(model, **fields):
        nonlocal count
        count += 1
        return model.objects.create(municipality=municipality, import_run=run, **fields)

    council = make(
        Organization,
        name="Rat der Stadt Leverkusen",
        short_name="Rat",
        kind=OrganizationKind.COUNCIL,
        classification_raw="Parlament",
        visibility=PUBLIC,
    )
    finda = make(
        Organization,
        name="Finanz- und Digitalisierungsausschuss",
        short_name="FinDA",
        kind=OrganizationKind.COMMITTEE,
        classification_raw="Ausschuss",
        visibility=PUBLIC,
    )
    make(
        Organization,
        name="FDP-Ratsfraktion",
        short_name="FDP",
        kind=OrganizationKind.FACTION,
        classification_raw="Fraktion",
        visibility=PUBLIC,
    )

    def meeting(name, day, hour, body):
        item = make(Meeting, name=name, start=_at(day, hour), end=_at(day, hour + 3), visibility=PUBLIC)
        item.organizations.add(body)
        return item

    finda_2021 = meeting(
        "Sitzung des Finanz- und Digitalisierungsausschusses", dt.date(2021, 6, 21), 15, finda
    )
    council_2021 = meeting("Sitzung des Rates der Stadt Leverkusen", dt.date(2021, 6, 28), 15, council)
    finda_2023 = meeting(
        "Sitzung des Finanz- und Digitalisierungsausschusses", dt.date(2023, 9, 18), 15, finda
    )
    council_2023 = meeting("Sitzung des Rates der Stadt Leverkusen", dt.date(2023, 9, 25), 15, council)

    def paper(reference, name, day, raw_type, originators, lead, visibility=PUBLIC):
        return make(
            Paper,
            reference=reference,
            name=name,
            date=day,
            paper_type_raw=raw_type,
            category=category_for_paper_type(raw_type),
            originators=originators,
            lead_department=lead,
            visibility=visibility,
        )

    motion = paper(
        "2023/2362",
        f"{MOTION_TITLE} – Antrag der FDP-Fraktion vom 02.08.2023",
        dt.date(2023, 8, 2),
        "Antrag",
        "FDP-Ratsfraktion",
        "I/01",
    )
    statement = paper(
        "2023/2362",
        f"{MOTION_TITLE} – Stellungnahme der Verwaltung vom 13.09.2023",
        dt.date(2023, 9, 13),
        "Stellungnahme der Verwaltung",
        "Der Oberbürgermeister",
        "FB 04 – Digitalisierung",
    )
    statement.related_papers.add(motion)
    report = paper(
        "",
        "Sachstand Digitalisierung bei der Stadt Leverkusen",
        dt.date(2021, 6, 21),
        "Bericht der Verwaltung",
        "Der Oberbürgermeister (Beigeordneter Molitor, CDO)",
        "FB 04 – Digitalisierung",
    )
    # The letter of intent went to the council's non-public session: the paper, its
    # consultation and agenda item are council-level only.
    loi = paper(
        "",
        "Absichtserklärung zur Auftragsvergabe Dokumentenmanagementsystem (Letter of Intent)",
        dt.date(2021, 6, 14),
        "Beschlussvorlage",
        "Der Oberbürgermeister",
        "FB 11 – Personal und Organisation",
        visibility=visibility_for_public_flag(False),
    )
    count += 1  # the related-paper row

    def consult(paper_, meeting_, body, role, authoritative, public, order):
        return make(
            Consultation,
            paper=paper_,
            meeting=meeting_,
            organization=body,
            role=role,
            authoritative=authoritative,
            order=order,
            visibility=visibility_for_public_flag(public),
        )

    def item(meeting_, consultation, number, order, name, public, result, text=""):
        return make(
            AgendaItem,
            meeting=meeting_,
            consultation=consultation,
            number=number,
            order=order,
            name=name,
            public=public,
            result=result,
            resolution_text=text,
            visibility=visibility_for_public_flag(public),
        )

    c_finda = consult(motion, finda_2023, finda, "Beratung", False, True, 1)
    c_council = consult(motion, council_2023, council, "Entscheidung", True, True, 2)
    c_report = consult(report, finda_2021, finda, "Kenntnisnahme", False, True, 1)
    c_loi = consult(loi, council_2021, council, "Entscheidung", True, False, 1)
    item(finda_2023, c_finda, "5", 5, f"{MOTION_TITLE} – Antrag der FDP-Fraktion", True, "beraten")
    decision = item(
        council_2023,
        c_council,
        "12",
        12,
        f"{MOTION_TITLE} – Antrag der FDP-Fraktion",
        True,
        "beschlossen",
        "\n".join(f"{n}. {text}" for n, text in enumerate((POINT_1, POINT_2, POINT_3), start=1)),
    )
    item(
        finda_2021,
        c_report,
        "3",
        3,
        "Sachstand Digitalisierung bei der Stadt Leverkusen",
        True,
        "zur Kenntnis genommen",
        STATUS_REPORT,
    )
    loi_item = item(
        council_2021,
        c_loi,
        "N 4",
        104,
        "Absichtserklärung zur Auftragsvergabe DMS",
        False,
        "beschlossen",
        LOI_TEXT,
    )
    return {
        "_count": count,
        "motion": motion,
        "statement": statement,
        "report": report,
        "loi": loi,
        "decision": decision,
        "loi_item": loi_item,
    }


def _mandates(municipality, data):
    units = {u.code: u for u in OrgUnit.objects.filter(municipality=municipality)}
    measures = {m.code: m for m in Measure.objects.filter(municipality=municipality)}

    def mandate(label, text, measure_codes=(), visibility=PUBLIC, paper=None, **fields):
        item = Mandate(
            municipality=municipality,
            paper=paper or data["motion"],
            label=label,
            text=text,
            visibility=visibility,
            **fields,
        )
        item._change_reason = REASON
        item.save()
        item.measures.set([measures[code] for code in measure_codes])
        return item

    mandate(
        "Punkt 1",
        POINT_1,
        agenda_item=data["decision"],
        owner=units["FB 04"],
        due_date=dt.date(2023, 9, 25),
        status=MandateStatus.DONE,
        note="Erledigt mit der Stellungnahme der Verwaltung vom 13.09.2023 [S3].",
    )
    mandate(
        "Punkt 2",
        POINT_2,
        ("M-03", "M-04"),
        agenda_item=data["decision"],
        owner=units["FB 04"],
        status=MandateStatus.IN_PROGRESS,
        chapter_key="economics",
        note="Daueraufgabe: je Maßnahme Nutzen und Einsparung im Digitalisierungsbericht.",
    )
    mandate(
        "Punkt 3",
        POINT_3,
        ("M-01",),
        agenda_item=data["decision"],
        owner=units["FB 04"],
        due_date=dt.date(2023, 11, 30),
        status=MandateStatus.IN_PROGRESS,
        chapter_key="workplaces",
        note=(
            "Fällig mit der Einbringung des Haushaltsplans 2024 (Demo-Annahme); die Szenarien des "
            "Arbeitsplatzmodells liefern die Zahlen."
        ),
    )
    mandate(
        "",
        "Dem Rat im nicht öffentlichen Teil über den Stand der Ausschreibung berichten.",
        ("M-03",),
        visibility=Visibility.COUNCIL.value,
        paper=data["loi"],
        agenda_item=data["loi_item"],
        owner=units["FB 11"],
        due_date=dt.date(2022, 3, 31),
        status=MandateStatus.DONE,
    )


def _links(municipality, data):
    measures = {m.code: m for m in Measure.objects.filter(municipality=municipality)}
    links = [
        ("M-01", "motion", LinkRole.BASIS),
        ("M-01", "statement", LinkRole.REPORT),
        ("M-08", "statement", LinkRole.BASIS),
        ("M-02", "report", LinkRole.REPORT),
        ("M-03", "report", LinkRole.REPORT),
        ("M-04", "report", LinkRole.REPORT),
        ("M-05", "report", LinkRole.REPORT),
        ("M-03", "loi", LinkRole.DECISION),
    ]
    for code, key, role in links:
        link = PaperLink(
            municipality=municipality, measure=measures[code], paper=data[key], role=role, visibility=PUBLIC
        )
        link._change_reason = REASON
        link.save()
