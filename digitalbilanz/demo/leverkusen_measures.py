"""Measures, milestones, lines and benefits of the Leverkusen demo (sources: see leverkusen.py)."""

import datetime as dt
from decimal import Decimal as D

from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.models import (
    Benefit,
    BenefitMeasurement,
    Criterion,
    Line,
    Measure,
    Milestone,
)

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL
HAMBURG = (
    "Demo-Annahme nach methods §6: Hamburger Telearbeits-Pilot, ca. 971 € einmalig und "
    "ca. 1.830 € jährlich je häuslichem Arbeitsplatz"
)
DESTATIS_TIME = "Zeitwerttabelle Verwaltung, Destatis, Jan. 2025 (sekundär), methods §4"
Q_CRITERIA = [
    ("Nachnutzung vorhandener Technik", 25),
    ("Plattform- und Herstellerunabhängigkeit", 25),
    ("Qualität der Aufgabenerfüllung", 25),
    ("Personalwirtschaftliche Effekte (Arbeitgeberattraktivität)", 25),
]


def create_measures(municipality, units, fields, deferred=None):
    """Create the measures; forecast moves go to ``deferred`` (if given) for ``apply_moves``."""
    ctx = {"municipality": municipality, "units": units, "fields": fields, "deferred": deferred}
    _mobile_work(ctx)
    _pilot_fb40(ctx)
    _dms(ctx)
    _ozg(ctx)
    _portal(ctx)
    _security(ctx)
    _gigabit(ctx)
    _double_licences(ctx)


def _measure(ctx, code, fields, lead, partners=(), **kwargs):
    measure = Measure.objects.create(
        municipality=ctx["municipality"], code=code, lead_department=ctx["units"][lead], **kwargs
    )
    measure.fields_of_action.set([ctx["fields"][f] for f in fields])
    measure.partners.set([ctx["units"][p] for p in partners])
    return measure


def _line(measure, year, kind, group, category, label, visibility=PUBLIC, **kwargs):
    kwargs.setdefault("budget_relevant", True)
    return Line.objects.create(
        municipality=measure.municipality,
        measure=measure,
        year=year,
        kind=kind,
        group=group,
        category=category,
        label=label,
        visibility=visibility,
        **kwargs,
    )


def apply_moves(deferred):
    """Move the forecasts recorded by ``create_measures`` (each with its reason)."""
    for milestone, moves in deferred:
        for new_date, reason in moves:
            milestone.change_forecast(new_date, reason)


def _milestone(
    measure,
    title,
    baseline,
    forecast=None,
    actual=None,
    moves=(),
    visibility=PUBLIC,
    deferred=None,
    after=None,
):
    milestone = Milestone.objects.create(
        municipality=measure.municipality,
        measure=measure,
        after=after,
        title=title,
        visibility=visibility,
        baseline_date=baseline,
        forecast_date=forecast or baseline,
        actual_date=actual,
    )
    if deferred is not None:
        deferred.append((milestone, moves))
    else:
        apply_moves([(milestone, moves)])
    return milestone


def _scores(measure, module, scores, criteria=Q_CRITERIA):
    for (label, weight), (score, why) in zip(criteria, scores, strict=True):
        Criterion.objects.create(
            measure=measure,
            module=module,
            label=label,
            weight=D(weight),
            score=score,
            rationale=why,
        )


def _benefit(measure, number, category, description, **kwargs):
    measurements = kwargs.pop("measurements", [])
    benefit = Benefit.objects.create(
        municipality=measure.municipality,
        measure=measure,
        number=number,
        category=category,
        description=description,
        visibility=kwargs.pop("visibility", PUBLIC),
        **kwargs,
    )
    for day, value, note in measurements:
        BenefitMeasurement.objects.create(benefit=benefit, measured_on=day, value=D(value), note=note)
    return benefit


def _mobile_work(ctx):
    m = _measure(
        ctx,
        "M-01",
        ["1"],
        "FB 04",
        ["FB 11", "ivl"],
        visibility=PUBLIC,
        status="in_progress",
        progress=60,
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2024, 12, 31),
        title="Homeoffice-Befähigung und mobile Arbeitsplätze",
        description="867 der rund 1.700 Mitarbeitenden können von zu Hause arbeiten; 200 "
        "zusätzliche Notebooks ersetzen stationäre Altgeräte, BYOD-Nutzung und IGEL-Sticks; "
        "weitere 143 Homeoffice-Anträge liegen vor, die Anschaffung weiterer Notebooks ist "
        "geplant [S1]. Desksharing-Modelle werden erarbeitet [S3].",
        goals="Mobile Arbeit für alle geeigneten Arbeitsplätze; standardisierte Büroausstattung "
        "als Voraussetzung für Desksharing; Arbeitgeberattraktivität [S3].",
        assumptions="Stückkosten je Arbeitsplatz: " + HAMBURG + ". Die Ratsunterlagen nennen "
        "keine Beträge. Einsparungen durch Desksharing und die Kosten der übrigen mobilen "
        "Arbeitsplätze berechnet das Arbeitsplatzmodell (Szenario Quote 0,8; Antrag 2023/2362, Punkt 3).",
    )
    _line(
        m,
        2021,
        "cost",
        "development",
        "hardware",
        "200 Notebooks (Ablöse Altgeräte, BYOD, IGEL-Sticks) à 971 €",
        amount=D("194200"),
        low=D("160000"),
        high=D("260000"),
        risk_surcharge=D("15"),
        note=HAMBURG,
    )
    _line(
        m,
        2022,
        "cost",
        "development",
        "hardware",
        "Ausstattung für 143 weitere Homeoffice-Anträge à 971 €",
        amount=D("138853"),
        low=D("115000"),
        high=D("190000"),
        risk_surcharge=D("15"),
        note=HAMBURG,
    )
    for year in range(2022, 2029):
        _line(
            m,
            year,
            "cost",
            "operation",
            "hardware",
            "Laufende Kosten 343 mobile Arbeitsplätze à 1.830 €/Jahr",
            amount=D("627690"),
            low=D("500000"),
            high=D("750000"),
            note=HAMBURG,
        )
    _milestone(
        m,
        "Dienstvereinbarung „Mobile Arbeit“ abgeschlossen",
        dt.date(2021, 12, 31),
        actual=dt.date(2023, 9, 13),
    )
    _benefit(
        m,
        1,
        "non_cash",
        "Mehr Beschäftigte können mobil arbeiten",
        owner="FB 04 (Leitung)",
        kpi="Anteil mobil arbeitsfähiger Beschäftigter",
        unit="%",
        data_source="Sachstandsbericht FB 04 an den Finanz- und Digitalisierungsausschuss",
        baseline_value=D("51.0"),
        baseline_date=dt.date(2021, 6, 18),
        target_value=D("59.4"),
        target_date=dt.date(2022, 6, 30),
        measurements=[(dt.date(2021, 6, 18), "51.0", "867 von rund 1.700 Mitarbeitenden [S1]")],
    )
    _scores(
        m,
        "Q",
        [
            (6, "Standardhardware der ivl"),
            (4, "gerätegebundene Lizenzen"),
            (8, "Arbeitsfähigkeit in der Pandemie"),
            (10, "Arbeitgebermarke [S3]"),
        ],
    )


def _pilot_fb40(ctx):
    m = _measure(
        ctx,
        "M-02",
        ["1"],
        "FB 04",
        ["FB 40", "FB 11"],
        visibility=PUBLIC,
        status="completed",
        start_date=dt.date(2020, 10, 1),
        end_date=dt.date(2023, 9, 13),
        title="Pilotprojekt Modernes Arbeiten im FB 40 und Dienstvereinbarung Mobile Arbeit",
        description="Testläufe zum Umfang und zur Umsetzung des modernen Arbeitens im Fachbereich "
        "Schulen (40) abgeschlossen; Ergebnisse flossen in den Entwurf der Dienstvereinbarung "
        "„Mobile Arbeit“ einer interdisziplinären Projektgruppe unter Leitung von FB 04 [S1]. "
        "Die Dienstvereinbarung ist abgeschlossen [S3].",
        assumptions="Abschluss der Dienstvereinbarung: spätestens 13.09.2023 (Stellungnahme [S3] "
        "nennt sie als geltend); geplant war Ende 2021 [S1]. Beginn des Pilots: Demo-Annahme.",
    )
    _milestone(m, "Testläufe Pilot FB 40 abgeschlossen", dt.date(2021, 6, 18), actual=dt.date(2021, 6, 18))
    _benefit(
        m,
        1,
        "qualitative",
        "Geregelte mobile Arbeit für alle Fachbereiche",
        owner="FB 11",
        kpi="Dienstvereinbarung in Kraft (1 = ja)",
        unit="",
        data_source="Personalrat/FB 11",
        baseline_value=D("0"),
        baseline_date=dt.date(2021, 6, 18),
        target_value=D("1"),
        target_date=dt.date(2021, 12, 31),
        measurements=[(dt.date(2023, 9, 13), "1", "Stellungnahme vom 13.09.2023 [S3]")],
    )


def _dms(ctx):
    m = _measure(
        ctx,
        "M-03",
        ["2"],
        "FB 11",
        ["FB 04", "ivl"],
        visibility=PUBLIC,
        status="in_progress",
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2026, 12, 31),
        baseline_cost=D("1800000"),
        title="Zentrales Dokumentenmanagementsystem (DMS/E-Akte)",
        description="Die für den Beginn des Jahres 2021 geplante Ausschreibung hat sich wegen "
        "beschaffungsrechtlicher Fragen verzögert. Letter of Intent zur Auftragsvergabe durch "
        "die ivl, Ratssitzung 28.06.2021; europaweite Ausschreibung im Q3/2021 (Vergabemarktplatz "
        "Rheinland); Beauftragung Q1/2022; Pilotierung in ersten Fachbereichen bis Ende Q2/2022 "
        "[S1]. Voraussetzung für das Ende von Doppelstrukturen: verwaltungsübergreifende E-Akte, "
        "digitalisierte Eingangspost, gescannte Bestandsakten [S3].",
        goals="Verwaltungsübergreifende digitale Akte; Wegfall papiergebundener Ablage und Doppelarbeit.",
        assumptions="Alle Beträge und Mengen sind Demo-Annahmen (die Ratsunterlagen nennen keine): "
        "Ablage-/Archivzeit 10 Minuten je Vorgang (mittlerer Wert, " + DESTATIS_TIME + ") bei "
        "angenommen 100.000 Vorgängen/Jahr; Kosten laut Planungsstand 1,8 Mio. €. "
        "„Beginn des Jahres“ als Basisplan 31.03.2021 erfasst.",
    )
    _milestone(m, "Letter of Intent – Beschluss im Rat", dt.date(2021, 6, 28), actual=dt.date(2021, 6, 28))
    tender = _milestone(
        m,
        "Europaweite Ausschreibung durch die ivl",
        dt.date(2021, 3, 31),
        moves=[
            (
                dt.date(2021, 9, 30),
                "Verzögerung durch Klärung beschaffungsrechtlicher "
                "Fragestellungen; Absichtserklärung (LoI) der ivl erst im Rat am 28.06.2021 [S1]",
            )
        ],
        deferred=ctx["deferred"],
    )
    award = _milestone(m, "Beauftragung eines Anbieters", dt.date(2022, 3, 31), after=tender)
    pilot = _milestone(m, "Pilotierung in den ersten Fachbereichen", dt.date(2022, 6, 30), after=award)
    _line(
        m,
        2022,
        "cost",
        "development",
        "external",
        "Einführung DMS durch Anbieter/ivl",
        amount=D("450000"),
        low=D("380000"),
        high=D("700000"),
        risk_surcharge=D("30"),
        visibility=COUNCIL,
        note="Demo-Annahme; vertraulich bis zum Zuschlag",
    )
    _line(
        m,
        2022,
        "cost",
        "development",
        "own_staff",
        "Projektleitung und Organisation FB 11",
        hours=D("3200"),
        career_level="gd",
        budget_relevant=False,
        note="Demo-Annahme: 2 Personenjahre (2 × 1.600 h)",
    )
    _line(
        m,
        2023,
        "cost",
        "development",
        "training",
        "Schulungen Pilotbereiche",
        amount=D("60000"),
        note="Demo-Annahme",
    )
    for year in range(2023, 2029):
        _line(
            m,
            year,
            "cost",
            "operation",
            "usage_fee",
            "Lizenz- und Betriebsentgelt DMS (ivl)",
            amount=D("180000"),
            low=D("150000"),
            high=D("240000"),
            note="Demo-Annahme",
        )
    for year, hours in (
        (2023, 4000),
        (2024, 8000),
        (2025, 16667),
        (2026, 16667),
        (2027, 16667),
        (2028, 16667),
    ):
        _line(
            m,
            year,
            "benefit",
            "operation",
            "staff_time",
            "Wegfall papiergebundener Ablage (10 min je Vorgang)",
            hours=D(hours),
            career_level="md",
            budget_relevant=False,
            low=D(hours) * D("0.5"),
            high=D(hours),
            note="Demo-Annahme: 100.000 Vorgänge × 10 min; Hochlauf 2023–2024; " + DESTATIS_TIME,
        )
    _benefit(
        m,
        1,
        "non_cash",
        "Weniger Zeit für Ablage und Aktensuche",
        owner="FB 11",
        kpi="Vorgänge in der E-Akte je Jahr",
        unit="Vorgänge",
        data_source="DMS-Statistik (ivl)",
        baseline_value=D("0"),
        baseline_date=dt.date(2021, 6, 18),
        target_value=D("100000"),
        target_date=dt.date(2025, 12, 31),
        milestone=pilot,
    )
    _scores(
        m,
        "Q",
        [
            (6, "Rahmenvertrag über ivl"),
            (6, "Ausschreibung offen"),
            (8, "durchgängige E-Akte"),
            (6, "ortsunabhängiges Arbeiten"),
        ],
    )


def _ozg(ctx):
    m = _measure(
        ctx,
        "M-04",
        ["3"],
        "FB 04",
        ["KDN", "FB 11", "ivl"],
        visibility=PUBLIC,
        status="in_progress",
        progress=40,
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2022, 12, 31),
        title="Umsetzung Onlinezugangsgesetz (OZG) in Wellen",
        description="Rund 100 OZG-Leistungen sind Leverkusen durch die zentrale Koordinierungsstelle "
        "(Kompetenzzentrum Digitalisierung im KDN) zugeordnet. Erste Welle ab Q3/2021 mit dem Start "
        "des Kommunalportal.NRW; weitere Leistungen bis Ende 2022. Priorisierung nach Fallzahlen "
        "[S1]. Fehlende Schnittstellen verursachen Medienbrüche; analoge Antragswege bleiben "
        "erhalten [S3].",
        goals="Medienbruchfreie Online-Dienste einschließlich E-Payment bis in die Fachverfahren.",
        assumptions="Personaleinsatz Programmbüro und Fallzahlen sind Demo-Annahmen: 1 "
        "Personenjahr gehobener Dienst je Jahr; 20.000 Online-Anträge/Jahr ab 2023 mit 15 Minuten "
        "Ersparnis je Fall (Eingangsbestätigung/Nachforderung 10 min + Formalprüfung 5 min, "
        + DESTATIS_TIME
        + ").",
    )
    _milestone(m, "Erste Welle online (mit Start Kommunalportal.NRW)", dt.date(2021, 9, 30))
    wave2 = _milestone(m, "Weitere Leistungen digitalisiert", dt.date(2022, 12, 31))
    for year in range(2021, 2025):
        _line(
            m,
            year,
            "cost",
            "development",
            "own_staff",
            "Programmbüro E-Government (OZG)",
            hours=D("1600"),
            career_level="gd",
            budget_relevant=False,
            note="Demo-Annahme: 1 Personenjahr",
        )
    for year in range(2023, 2029):
        _line(
            m,
            year,
            "benefit",
            "operation",
            "staff_time",
            "Entlastung Sachbearbeitung durch Online-Anträge (20.000 × 15 min)",
            hours=D("5000"),
            career_level="md",
            budget_relevant=False,
            low=D("2000"),
            high=D("6000"),
            note="Demo-Annahme; " + DESTATIS_TIME,
        )
    _benefit(
        m,
        1,
        "non_cash",
        "Online verfügbare OZG-Leistungen",
        owner="FB 04 Programmbüro",
        kpi="OZG-Leistungen online (Reifegrad ≥ 3)",
        unit="Leistungen",
        data_source="OZG-Umsetzungsplan FB 04 / KDN",
        baseline_value=D("0"),
        baseline_date=dt.date(2021, 6, 18),
        target_value=D("100"),
        target_date=dt.date(2022, 12, 31),
        milestone=wave2,
    )
    _benefit(
        m,
        2,
        "dis_benefit",
        "Doppelstrukturen: analoge und digitale Antragswege parallel",
        owner="FB 04",
        kpi="Anteil Online-Anträge mit Medienbruch",
        unit="%",
        data_source="Fachverfahren",
        baseline_value=D("100"),
        baseline_date=dt.date(2021, 6, 18),
        target_value=D("0"),
        target_date=dt.date(2026, 12, 31),
    )
    _scores(
        m,
        "Q",
        [(10, "Nachnutzung EfA/Landesdienste"), (6, "Landesportal"), (8, "Bürgerservice"), (4, "")],
    )


def _portal(ctx):
    m = _measure(
        ctx,
        "M-05",
        ["3"],
        "FB 04",
        ["KDN"],
        visibility=PUBLIC,
        status="in_progress",
        progress=70,
        start_date=dt.date(2021, 1, 1),
        end_date=dt.date(2024, 12, 31),
        title="Kommunalportal.NRW statt eigenem Bürgerportal",
        description="Der Verwaltungsvorstand hat 2020 beschlossen, anstelle eines eigenen "
        "Bürgerportals das vom KDN bereitgestellte Kommunalportal.NRW zu nutzen. Informationen aus "
        "„Rathaus-Online“ werden sukzessive überführt; eine Planstelle im FB 04 (Stellenplan "
        "2021) deckt redaktionelle und technische Aufgaben ab [S1].",
        assumptions="Kosten der Planstelle: 1 Personenjahr gehobener Dienst (Lohnsatz Destatis, "
        "methods §3). Die vermiedenen Kosten eines eigenen Portals sind nicht beziffert und daher "
        "qualitativ bewertet.",
    )
    _milestone(m, "Kommunalportal.NRW live", dt.date(2021, 3, 31), actual=dt.date(2021, 3, 31))
    _milestone(
        m,
        "Anmeldung nur noch mit BundID (Servicekonto.NRW abgeschaltet)",
        dt.date(2024, 5, 1),
        actual=dt.date(2024, 5, 1),
    )
    for year in range(2021, 2029):
        _line(
            m,
            year,
            "cost",
            "operation",
            "own_staff",
            "Planstelle Portalredaktion FB 04",
            hours=D("1600"),
            career_level="gd",
            budget_relevant=True,
            note="Stellenplan 2021 [S1]; Lohnsatz Destatis",
        )
    _benefit(
        m,
        1,
        "qualitative",
        "Zentrale Anlaufstelle ohne pflegeaufwändige Mehrfachinformationen",
        owner="FB 04",
        kpi="Leistungsbeschreibungen im Kommunalportal",
        unit="Leistungen",
        data_source="Kommunalportal.NRW",
        baseline_value=D("0"),
        baseline_date=dt.date(2021, 3, 31),
        target_value=D("100"),
        target_date=dt.date(2024, 12, 31),
    )


def _security(ctx):
    m = _measure(
        ctx,
        "M-07",
        ["4"],
        "FB 04",
        ["ivl"],
        visibility=COUNCIL,
        status="planned",
        title="Informationssicherheitsmanagement (ISMS)",
        description="Einhaltung datenschutzrechtlicher und informationssicherheitstechnischer "
        "Vorgaben einschließlich Prüfung und Dokumentation als Voraussetzung digitaler "
        "Verfahren [S3]. Details nicht öffentlich.",
    )
    _scores(m, "Q", [(6, ""), (6, ""), (8, "Voraussetzung digitaler Verfahren"), (4, "")])


def _gigabit(ctx):
    m = _measure(
        ctx,
        "M-06",
        ["6"],
        "FB 04",
        [],
        visibility=PUBLIC,
        status="in_progress",
        start_date=dt.date(2022, 1, 1),
        title="Koordination Gigabit- und Mobilfunkausbau",
        description="Hauptprojekt im Digitalisierungsbericht [S3]. Eine Nutzenaussage fehlt noch.",
        assumptions="Personaleinsatz: Demo-Annahme 0,5 Personenjahre je Jahr.",
    )
    for year in range(2022, 2026):
        _line(
            m,
            year,
            "cost",
            "operation",
            "own_staff",
            "Koordination Breitband/Mobilfunk",
            hours=D("800"),
            career_level="gd",
            budget_relevant=False,
            note="Demo-Annahme",
        )


def _double_licences(ctx):
    m = _measure(
        ctx,
        "M-08",
        ["1"],
        "FB 04",
        ["ivl"],
        visibility=INTERNAL,
        status="idea",
        title="Prüfung gerätebezogener Doppellizenzen",
        description="Laufende Lizenzverträge sehen zum Teil eine hardwareabhängige doppelte "
        "Nutzungsgebühr vor, wenn eine Person zwei Geräte nutzt [S3]. Prüfauftrag intern.",
    )
    _scores(m, "Q", [(4, ""), (8, "Verhandlung mit Anbietern"), (4, ""), (2, "")])
