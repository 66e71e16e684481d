"""The Leverkusen demo: the portfolio as the council documents of 2021–2023 describe it.

Sources (all public council papers of the City of Leverkusen):
* [S1] Sachstand Digitalisierung, Finanz- und Digitalisierungsausschuss, Juni 2021 (Niederschrift)
* [S2] Antrag der FDP-Fraktion vom 02.08.2023, Nr. 2023/2362
* [S3] Stellungnahme der Verwaltung vom 13.09.2023 zu Antrag 2023/2362
Figures that the papers do not contain are marked "Demo-Annahme" together with the method source
(docs/methods.md) they rest on; they are never presented as the city's own figures.
"""

import datetime as dt
from decimal import Decimal as D

from django.db import transaction

from digitalbilanz.core.choices import MunicipalityKind, OrgUnitKind, Visibility
from digitalbilanz.core.models import Municipality, OrgUnit
from digitalbilanz.demo import (
    editions,
    leverkusen_contracts,
    leverkusen_council,
    leverkusen_finance,
    leverkusen_services,
    leverkusen_sources,
    leverkusen_steering,
    leverkusen_workplaces,
)
from digitalbilanz.demo import leverkusen_measures as lm
from digitalbilanz.demo.users import ensure_demo_users
from digitalbilanz.finance.models import BudgetFigure, ProductGroup
from digitalbilanz.portfolio.models import FieldOfAction, Strategy, StrategyRevision

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"
PUBLIC = Visibility.PUBLIC

UNITS = [
    ("Dez. IV", "Dezernat IV (Finanzen, Digitalisierung; CDO)", OrgUnitKind.DIVISION, None),
    ("FB 04", "Fachbereich Digitalisierung", OrgUnitKind.DEPARTMENT, "Dez. IV"),
    ("FB 04-PB", "Programmbüro E-Government", OrgUnitKind.TEAM, "FB 04"),
    ("FB 11", "Fachbereich Personal und Organisation", OrgUnitKind.DEPARTMENT, None),
    ("FB 40", "Fachbereich Schulen", OrgUnitKind.DEPARTMENT, None),
    ("ivl", "ivl GmbH (kommunaler IT-Dienstleister)", OrgUnitKind.EXTERNAL, None),
    (
        "KDN",
        "Dachverband kommunaler IT-Dienstleister NRW (Kompetenzzentrum Digitalisierung)",
        OrgUnitKind.EXTERNAL,
        None,
    ),
]

FIELDS = [
    (
        "1",
        "Modernes Arbeiten",
        "Mobile Arbeit, Homeoffice-Befähigung, Arbeitsplatzausstattung, "
        "Desksharing. Nach Beschluss des Verwaltungsvorstands vorgezogen (Homeoffice-Befähigung) [S3].",
    ),
    (
        "2",
        "Digitale Verwaltungsarbeit (DMS/E-Akte)",
        "Zentrales Dokumentenmanagementsystem, digitale "
        "Eingangspost, gescannte Bestandsakten, Prozessmanagement [S1, S3].",
    ),
    (
        "3",
        "Digitale Bürgerservices (OZG und Kommunalportal.NRW)",
        "Umsetzung des Onlinezugangsgesetzes "
        "in Wellen; Nachnutzung von Bundes- und Landesdiensten; Kommunalportal.NRW statt eigenem "
        "Bürgerportal [S1, S3].",
    ),
    (
        "4",
        "Informationssicherheit",
        "Informationssicherheit und Datenschutz als Voraussetzung digitaler Verfahren [S3].",
    ),
    ("5", "Smart City", "Hauptprojekte Smart City, im Digitalisierungsbericht geführt [S3]."),
    (
        "6",
        "Gigabit- und Mobilfunkausbau",
        "Hauptprojekte Gigabit- und Mobilfunkausbau, im Digitalisierungsbericht geführt [S3].",
    ),
]


def load(reset: bool = False) -> tuple[Municipality, bool]:
    """Load the demo once; returns (municipality, created). Idempotent unless ``reset``."""
    existing = Municipality.objects.filter(slug="leverkusen").first()
    if existing and not reset:
        return existing, False
    with transaction.atomic():
        if existing:
            _delete(existing)
        municipality = _municipality()
        units = _units(municipality)
        ensure_demo_users(municipality, units)
        leverkusen_sources.load(municipality)
        strategy = _strategies(municipality)
        fields = _fields(municipality, strategy)
        deferred = []
        lm.create_measures(municipality, units, fields, deferred)
        _budget(municipality)
        leverkusen_steering.load(municipality)
        leverkusen_workplaces.load(municipality)
        leverkusen_contracts.load(municipality)
        leverkusen_finance.load(municipality)
        leverkusen_services.load(municipality)
        leverkusen_council.load(municipality)
        editions.publish_period(municipality, editions.FIRST)
        lm.apply_moves(deferred)  # the DMS tender slip becomes known after edition 1
        editions.publish_period(municipality, editions.SECOND)
        leverkusen_steering.rebaseline(municipality)  # approved after the second edition
    return municipality, True


def _delete(municipality):
    from digitalbilanz.portfolio.models import Measure

    editions.delete_editions(municipality)
    leverkusen_council.delete(municipality)
    leverkusen_steering.delete(municipality)
    leverkusen_contracts.delete(municipality)
    leverkusen_workplaces.delete(municipality)
    leverkusen_services.delete(municipality)
    leverkusen_sources.delete(municipality)
    Measure.objects.filter(municipality=municipality).delete()
    for model in (FieldOfAction, BudgetFigure, ProductGroup):
        model.objects.filter(municipality=municipality).delete()
    Strategy.objects.filter(municipality=municipality, parent__isnull=False).delete()
    Strategy.objects.filter(municipality=municipality).delete()
    municipality.memberships.all().delete()
    units = OrgUnit.objects.filter(municipality=municipality)
    while units.exists():  # parents are protected: delete the leaves first
        units.filter(children__isnull=True).delete()
    municipality.delete()


def _municipality():
    m = Municipality(
        name="Stadt Leverkusen",
        slug="leverkusen",
        kind=MunicipalityKind.CITY,
        ags="05316000",
        ars="053160000000",
        state="Nordrhein-Westfalen",
        website="https://www.leverkusen.de",
        # Comparison between municipalities: the demo takes part. The number is a rounded
        # assumption (about 167,000), not an official figure checked for this demo.
        inhabitants=167_000,
        inhabitants_as_of=dt.date(2024, 12, 31),
        inhabitants_source="Demo-Annahme (gerundet, keine geprüfte amtliche Zahl)",
        comparison_opt_in=True,
    )
    m._change_reason = REASON
    m.save()
    return m


def _units(municipality):
    units = {}
    for code, name, kind, parent in UNITS:
        units[code] = OrgUnit.objects.create(
            municipality=municipality,
            code=code,
            name=name,
            kind=kind,
            parent=units.get(parent) if parent else None,
        )
    return units


def _strategies(municipality):
    egov = Strategy.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        kind="egov",
        title="E-Government-Strategie der Stadt Leverkusen",
        version="2020, drei Anpassungen",
        adopted_on=dt.date(2020, 12, 31),
        adopting_decision="Verabschiedung durch den Verwaltungsvorstand Ende 2020 [S3] "
        "(Tagesdatum nicht in den Quellen; als 31.12.2020 erfasst)",
        summary="Erarbeitet 2019/2020 mit externer Beratung (Partnerschaft Deutschland); orientiert "
        "an EGovG NRW und OZG [S3]. Ziel: „Im Mittelpunkt der E-Government-Strategie der Stadt "
        "Leverkusen stehen eine klare Bürgerorientierung und der Fokus auf Mitarbeitende. Eine neue "
        "Kultur der Zusammenarbeit und die Optimierung der Verwaltungsprozesse sollen den Service "
        "verbessern und effizienter gestalten, Mitarbeitende entlasten und die Stadtverwaltung "
        "Leverkusen als attraktive Arbeitgeberin präsentieren.“ (Strategie, S. 4)",
    )
    for title in (
        "Vorziehen des Handlungsfeldes „Modernes Arbeiten“ (Homeoffice-Befähigung)",
        "Hervorhebung der „Digitalen Verwaltungsarbeit“ unter Berücksichtigung von Prozessmanagement",
        "Nachnutzung von Bundes- und Landesdiensten bzw. -infrastrukturen für „Digitale "
        "Bürgerservices“ zur Erfüllung des OZG",
    ):
        StrategyRevision.objects.create(
            strategy=egov,
            title=title,
            decision="Beschluss des Verwaltungsvorstands seit Gründung FB 04 (April 2021) [S3]; "
            "Datum nicht in den Quellen",
        )
    Strategy.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        kind="digital",
        title="Digitalisierungsstrategie (in Erarbeitung)",
        version="Entwurf 2024",
        summary="FB 04 plant 2024 eine Evaluation der umgesetzten Maßnahmen und die "
        "Weiterentwicklung der E-Government-Strategie zu einer umfassenderen "
        "Digitalisierungsstrategie einschließlich Kulturwandel/Change Management [S3].",
    )
    return egov


def _fields(municipality, strategy):
    return {
        code: FieldOfAction.objects.create(
            municipality=municipality,
            strategy=strategy,
            code=code,
            title=title,
            description=description,
            order=int(code),
            visibility=PUBLIC,
        )
        for code, title, description in FIELDS
    }


def _budget(municipality):
    group = ProductGroup.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        number="0199",
        name="IT-Strategie, E-Government und Digitalisierung",
        note="Bezeichnung und Ansatz 2023 aus [S2]; die Produktgruppennummer ist eine "
        "Demo-Annahme (Produktbereich 01 Innere Verwaltung, methods §9).",
    )
    BudgetFigure.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        product_group=group,
        year=2023,
        kind=BudgetFigure.Kind.PLAN,
        amount=D("19000000"),
        source="Antrag der FDP-Fraktion vom 02.08.2023, Nr. 2023/2362, Begründung: 19 Mio. €",
    )
