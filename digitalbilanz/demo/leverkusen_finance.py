"""Leverkusen demo, budget: status of the budgets 2021/2022 and the measures' product group.

Sources: [S1] Sachstand Digitalisierung, Finanz- und Digitalisierungsausschuss, Juni 2021
(Niederschrift, finance report of the treasurer). The product group 0199 and its plan 2023
come from ``leverkusen._budget`` ([S2]). Anything the papers do not say is marked "Demo-Annahme".
"""

import datetime as dt

from digitalbilanz.core.choices import Visibility
from digitalbilanz.demo import leverkusen_indicators
from digitalbilanz.finance.choices import BudgetStage
from digitalbilanz.finance.models import BudgetAssignment, BudgetStatus, ProductGroup
from digitalbilanz.portfolio.models import Measure

PUBLIC = Visibility.PUBLIC
REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"
S1 = "Niederschrift Finanz- und Digitalisierungsausschuss, Juni 2021, Bericht zu den Finanzen [S1]"


def load(municipality):
    """Budget status, assignments of the measures, then the indicators (finance and digital)."""
    _statuses(municipality)
    _assignments(municipality)
    leverkusen_indicators.load(municipality)


def _statuses(municipality):
    BudgetStatus.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        year=2021,
        stage=BudgetStage.SUBMITTED,
        adopted_on=dt.date(2021, 3, 22),
        submitted_on=dt.date(2021, 5, 31),
        note="Genehmigungsverfahren mit Anschreiben vom 31.05.2021 eingeleitet; keine ministeriellen "
        "Vorgaben zur vereinfachten Prüfung wie zum Haushalt 2020.",
        source=S1,
    )
    BudgetStatus.objects.create(
        municipality=municipality,
        visibility=PUBLIC,
        year=2022,
        stage=BudgetStage.PREPARATION,
        note="Aufstellungsverfahren läuft (Stand Juni 2021); Ergebnisse liegen noch nicht vor.",
        source=S1,
    )


def _assignments(municipality):
    group = ProductGroup.objects.get(municipality=municipality, number="0199")
    for measure in Measure.objects.filter(municipality=municipality).order_by("code"):
        BudgetAssignment.objects.create(
            municipality=municipality,
            visibility=PUBLIC,
            measure=measure,
            product_group=group,
            first_year=2021,
            note="Demo-Annahme: alle Maßnahmen in der Produktgruppe der Digitalisierung veranschlagt "
            "(Produktbereich 01 Innere Verwaltung, Methoden §9).",
        )
