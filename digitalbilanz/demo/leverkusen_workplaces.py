"""Workplaces and mobile work in the Leverkusen demo (sources: see leverkusen.py).

From [S1]: 867 of about 1,700 staff can work from home (51.0 %), 200 additional notebooks
replaced stationary devices, BYOD and IGEL sticks, 143 home-office applications are pending.
Everything else (devices besides the notebooks, desks, office space, the scenarios) is a
"Demo-Annahme" with its source; the desk-sharing scenarios answer motion 2023/2362, point 3.
"""

import datetime as dt
from decimal import Decimal as D

from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.workplaces.calc import sync_measure_lines
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"
SOURCE = (
    "[S1] Sachstand Digitalisierung, Finanz- und Digitalisierungsausschuss, Juni 2021: 867 der rund "
    "1.700 Mitarbeitenden können von zu Hause arbeiten, 200 zusätzliche Notebooks, 143 offene "
    "Home-Office-Anträge. Demo-Annahme: Stichtag 18.06.2021 (Stand der Finanzzahlen desselben "
    "Berichts); 1.700 Büroarbeitsplätze, weil der Arbeitgeber grundsätzlich den Büroarbeitsplatz "
    "stellt [S3]; 33 m² Bürofläche je Beschäftigtem (bisheriger Hamburger Wert, methods §6); "
    "1.500 stationäre PCs (200 durch Notebooks ersetzt), 500 IGEL-Sticks und 167 Privatgeräte für "
    "die übrigen 667 mobil Arbeitenden; 500 Beschäftigte mit zwei Geräten (IGEL-Stick und Büro-PC)."
)
SCENARIO_NOTE = (
    "Demo-Annahme: Quote als Anteil der Beschäftigten mit eigenem Büroarbeitsplatz; Miete, Fläche "
    "und Kosten je mobilem Arbeitsplatz aus den Standardparametern (methods §6). Die Ausstattung der "
    "200 Notebooks führt die Maßnahme M-01 schon in eigenen Zeilen; die übrigen 667 mobilen "
    "Arbeitsplätze (IGEL-Sticks, Privatgeräte) werden nach [S1] und [S3] standardisiert."
)
SCENARIOS = [
    # name, desk ratio, space given up, linked to M-01
    ("Quote 1,0 – ein Arbeitsplatz je Beschäftigtem (heute)", D("1.00"), False, False),
    ("Quote 0,8 – Desksharing, Fläche bleibt", D("0.80"), False, True),
    ("Quote 0,6 – Desksharing, Fläche wird aufgegeben", D("0.60"), True, False),
]


def load(municipality):
    snapshot = WorkplaceSnapshot(
        municipality=municipality,
        visibility=Visibility.PUBLIC,
        as_of=dt.date(2021, 6, 18),
        headcount=1700,
        mobile_capable=867,
        pending_applications=143,
        notebooks=200,
        desktops=1500,
        thin_clients=500,
        private_devices=167,
        two_devices=500,
        desks=1700,
        office_space_m2=D("56100"),
        source=SOURCE,
    )
    snapshot._change_reason = REASON
    snapshot.save()
    mobile_work = Measure.objects.get(municipality=municipality, code="M-01")
    for name, ratio, given_up, linked in SCENARIOS:
        scenario = WorkplaceScenario(
            municipality=municipality,
            visibility=Visibility.PUBLIC,
            snapshot=snapshot,
            name=name,
            desk_ratio=ratio,
            space_given_up=given_up,
            start_year=2024,
            years=5,
            measure=mobile_work if linked else None,
            already_costed=200,
            note=SCENARIO_NOTE,
        )
        scenario._change_reason = REASON
        scenario.save()
        if linked:
            sync_measure_lines(scenario, reason=REASON)
    return snapshot


def delete(municipality):
    WorkplaceScenario.objects.filter(municipality=municipality).delete()
    WorkplaceSnapshot.objects.filter(municipality=municipality).delete()
