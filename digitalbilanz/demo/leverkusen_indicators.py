"""Leverkusen demo, indicators: the committee's finance figures and the digitalisation figures
of June 2021 ([S1]); derived indicators reproduce the paper's figures (−12,2 Mio. €, 71,9 %,
51 Mio. €, −35,6 Mio. €, 51,0 %)."""

import datetime as dt
from decimal import Decimal as D

from digitalbilanz.core.choices import Visibility
from digitalbilanz.indicators.choices import Formula, LimitKind, Topic, Unit
from digitalbilanz.indicators.models import Indicator, Limit, Observation

PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL
S1 = "Niederschrift Finanz- und Digitalisierungsausschuss, Juni 2021 [S1]"
MIO = D("1000000")
REPORT_DAY = dt.date(2021, 6, 18)  # "Stand 18.06.2021" of the cash credits
YEAR_END_2020 = dt.date(2020, 12, 31)


def load(municipality):
    m = municipality
    order = iter(range(10, 1000, 10))

    def series(key, name, topic, unit, decimals=1, higher=True, visibility=PUBLIC, **kwargs):
        return Indicator.objects.create(
            municipality=m,
            visibility=visibility,
            key=key,
            name=name,
            topic=topic,
            unit=unit,
            decimals=decimals,
            higher_is_better=higher,
            order=next(order),
            **kwargs,
        )

    def value(indicator, day, amount, source=S1, note=""):
        Observation.objects.create(
            municipality=m,
            visibility=indicator.visibility,
            indicator=indicator,
            date=day,
            value=amount,
            unit=indicator.unit,
            source=source,
            note=note,
        )

    # Cash credits against their ceiling (§ 89 GO NRW).
    credits = series(
        "cash_credits",
        "Kassenkredite inkl. Cash-Pool",
        Topic.FINANCE,
        Unit.EUR,
        higher=False,
        description="Stand der Kassen-/Liquiditätskredite einschließlich Cash-Pool [S1].",
    )
    value(credits, REPORT_DAY, D("251.6") * MIO)
    value(
        credits,
        dt.date(2020, 6, 18),
        D("263.8") * MIO,
        note="„zum Vorjahreszeitpunkt“ [S1]; Stichtag 18.06.2020 ist Demo-Annahme "
        "(gleicher Tag des Vorjahres).",
    )
    Limit.objects.create(
        municipality=m,
        visibility=PUBLIC,
        indicator=credits,
        kind=LimitKind.CEILING,
        value=D("350") * MIO,
        valid_from=dt.date(2021, 3, 22),
        resolution="Haushaltssatzung 2021 (Ratsbeschluss vom 22.03.2021)",
        source=S1,
    )
    series(
        "cash_credits_change",
        "Kassenkredite: Veränderung zum Vorjahreszeitpunkt",
        Topic.FINANCE,
        Unit.EUR,
        higher=False,
        formula=Formula.CHANGE_PRIOR_YEAR,
        input_a=credits,
    )
    series(
        "cash_credits_utilisation",
        "Kassenkredite: Inanspruchnahme der Höchstsumme",
        Topic.FINANCE,
        Unit.PERCENT,
        higher=False,
        formula=Formula.UTILISATION,
        input_a=credits,
        warning_threshold=D("80"),
        critical_threshold=D("95"),
        description="Schwellen 80 % (Achtung) und 95 % (kritisch) sind eine Demo-Annahme.",
    )

    # Annual accounts 2020 and the Covid isolation (NKF-CIG).
    plan = series("result_2020_plan", "Jahresergebnis 2020 (Plan)", Topic.FINANCE, Unit.EUR)
    value(plan, YEAR_END_2020, D("1.4") * MIO, note="„rd. 1,4 Mio. €“")
    actual = series("result_2020", "Jahresergebnis 2020 (Entwurf Jahresabschluss)", Topic.FINANCE, Unit.EUR)
    value(actual, YEAR_END_2020, D("15.4") * MIO, note="Jahresüberschuss „rd. 15,4 Mio. €“, mit Isolierung")
    series(
        "result_2020_vs_plan",
        "Jahresergebnis 2020 gegenüber Plan",
        Topic.FINANCE,
        Unit.EUR,
        formula=Formula.DIFFERENCE,
        input_a=actual,
        input_b=plan,
    )
    burden = series(
        "covid_burden_2020", "Corona-Belastung 2020", Topic.FINANCE, Unit.EUR, decimals=0, higher=False
    )
    value(burden, YEAR_END_2020, D("75") * MIO, note="„ca. 75 Mio. €“")
    relief = series("covid_relief_2020", "Corona-Entlastungen 2020", Topic.FINANCE, Unit.EUR, decimals=0)
    value(
        relief,
        YEAR_END_2020,
        D("24") * MIO,
        note="„ca. 24 Mio. €“ (GewSt-Ausgleich, Restmittel Stärkungspakt, ÖPNV-Sonderhilfe, "
        "reduzierte GewSt-Umlage)",
    )
    net = series(
        "covid_net_2020",
        "Corona-Netto-Belastung 2020 (isoliert)",
        Topic.FINANCE,
        Unit.EUR,
        decimals=0,
        higher=False,
        formula=Formula.DIFFERENCE,
        input_a=burden,
        input_b=relief,
    )
    series(
        "result_2020_without_isolation",
        "Jahresergebnis 2020 ohne Corona-Isolierung",
        Topic.FINANCE,
        Unit.EUR,
        formula=Formula.DIFFERENCE,
        input_a=actual,
        input_b=net,
        description="Jahresergebnis mit Isolierung minus isolierte Netto-Belastung "
        "[S1: „MINUS 35,6 Mio. €“].",
    )

    # Trade tax against the estimate.
    trade = series("trade_tax_2021", "Gewerbesteuer 2021 (Prognose)", Topic.FINANCE, Unit.EUR, decimals=0)
    value(trade, REPORT_DAY, D("145") * MIO, note="„wird nach der aktuellen Prognose erfüllt“")
    Limit.objects.create(
        municipality=m,
        visibility=PUBLIC,
        indicator=trade,
        kind=LimitKind.TARGET,
        value=D("145") * MIO,
        valid_from=dt.date(2021, 3, 22),
        resolution="Ansatz der Gewerbesteuer im Haushalt 2021 (Ratsbeschluss vom 22.03.2021)",
        source=S1,
    )

    # Digitalisation.
    mobile = series(
        "staff_mobile", "Mitarbeitende, die von zu Hause arbeiten können", Topic.DIGITAL, Unit.COUNT, 0
    )
    value(mobile, REPORT_DAY, D("867"))
    staff = series("staff_total", "Mitarbeitende insgesamt", Topic.DIGITAL, Unit.COUNT, 0)
    value(staff, REPORT_DAY, D("1700"), note="„rund 1.700“")
    series(
        "staff_mobile_share",
        "Anteil der Mitarbeitenden mit Homeoffice-Befähigung",
        Topic.DIGITAL,
        Unit.PERCENT,
        formula=Formula.RATIO,
        input_a=mobile,
        input_b=staff,
    )
    notebooks = series(
        "notebooks_added",
        "Zusätzliche Notebooks (Austausch stationärer Altgeräte)",
        Topic.DIGITAL,
        Unit.COUNT,
        0,
    )
    value(notebooks, REPORT_DAY, D("200"))
    pending = series(
        "homeoffice_pending", "Offene Homeoffice-Anträge", Topic.DIGITAL, Unit.COUNT, 0, higher=False
    )
    value(pending, REPORT_DAY, D("143"))
    ozg = series("ozg_services_assigned", "Zugeordnete OZG-Leistungen", Topic.DIGITAL, Unit.COUNT, 0)
    value(ozg, REPORT_DAY, D("100"), note="„rund 100 OZG-Leistungen“ durch den KDN zugeordnet")
    for key, name in (
        ("ozg_services_online", "Online verfügbare OZG-Leistungen"),
        ("online_case_share", "Online-Anteil der Fälle"),
        ("efile_coverage", "Abdeckung E-Akte (Anteil der Bereiche)"),
    ):
        series(
            key,
            name,
            Topic.DIGITAL,
            Unit.COUNT if key == "ozg_services_online" else Unit.PERCENT,
            visibility=INTERNAL,
            description="Noch kein Wert in den Ratsunterlagen; die Reihe wird mit dem ersten "
            "Bericht gefüllt.",
        )
