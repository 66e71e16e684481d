"""The Leverkusen demo's online services (OZG) with case numbers and process costs.

From the seeds [S1]: about 100 OZG services are assigned to Leverkusen by the state coordination
(KDN); the first wave starts in Q3/2021 together with Kommunalportal.NRW in the areas public
order and road traffic, registry office, foreigners and registration, building supervision and
schools; further services until the end of 2022; the Bauportal.NRW and the
Wirtschafts-Serviceportal.NRW serve their procedures; priorities follow the case numbers.

Everything else is a labelled assumption ("Demo-Annahme"): the individual services and their
keys (demo ids ``DEMO-…``, no official OZG ids or LeiKa keys), case numbers, channel shares,
fixed costs and the end-to-end state. Minutes per case follow the Destatis time-value table for
administration (Methoden §4, secondary source).
"""

import datetime as dt
from decimal import Decimal as D

from simple_history.utils import bulk_create_with_history

from digitalbilanz.core.choices import OrgUnitKind, Visibility
from digitalbilanz.core.models import OrgUnit
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.services import imports
from digitalbilanz.services.derive import update_measure_lines
from digitalbilanz.services.models import Activity, ChannelCost, Service

REASON = "Demo-Daten: Online-Dienste Leverkusen (Ratsunterlagen 2021; Einzelwerte Demo-Annahmen)"
DESTATIS_TIME = (
    "Destatis, Zeitwerttabelle Verwaltung (einfach/mittel), Stand Jan. 2025 (sekundär: Wert aus einer "
    "Transkription der amtlichen Quelle)"
)
COST_NOTE = (
    "Demo-Annahme. Minuten je Fall: " + DESTATIS_TIME + "; online entfallen formale Prüfung und "
    "Eingangsbestätigung, mit E-Payment die Zahlungsbearbeitung, mit E-Akte die Ablage; Medienbruch "
    "(ohne Schnittstelle ins Fachverfahren) = Abtippen/Ausdrucken wie Eingangsbestätigung + Ablage. "
    "Fixkosten Online-Kanal 1.200 €/Jahr (Redaktion, Betrieb), analoge Zusatzkosten für Scannen/Druck "
    "600 €/Jahr ohne E-Akte; Sachkosten Post 0,95 € je Fall (Porto Standardbrief 0,85 € + Druck). "
    "Fallzahlen: Größenordnung für eine Großstadt geschätzt, keine Zahlen der Stadt."
)

WAVE1, WAVE1_DUE = "1. Welle Q3/2021", dt.date(2021, 9, 30)
WAVE2, WAVE2_DUE = "2. Welle bis Ende 2022", dt.date(2022, 12, 31)
WAVE3, WAVE3_DUE = "weitere Leistungen (ohne Termin)", None

UNITS = [
    ("OSV", "Ordnung und Straßenverkehr"),
    ("STA", "Standesamt"),
    ("AMW", "Ausländer- und Meldewesen (Bürgerbüro)"),
    ("BAU", "Bauaufsicht"),
    ("SOZ", "Soziales und Wohnen"),
    ("JUG", "Kinder und Jugend"),
    ("STE", "Steuern und Abgaben"),
    ("UMW", "Umwelt"),
    ("KUL", "Kultur und Bildung"),
]

# (area, unit, wave, name, cases per year, complexity, solution, status)
K, EFA, BP, WSP, OWN, NONE = "kommunalportal", "efa", "bauportal", "wsp", "own", "none"
SERVICES = [
    # 1st wave: public order and road traffic
    ("Ordnung und Straßenverkehr", "OSV", 1, "Bewohnerparkausweis", 6000, "s", K, "online"),
    (
        "Ordnung und Straßenverkehr",
        "OSV",
        1,
        "Parkerleichterung für Menschen mit Behinderung",
        900,
        "s",
        K,
        "online",
    ),
    (
        "Ordnung und Straßenverkehr",
        "OSV",
        1,
        "Sondernutzungserlaubnis öffentliche Straße",
        1500,
        "m",
        K,
        "online",
    ),
    (
        "Ordnung und Straßenverkehr",
        "OSV",
        1,
        "Verkehrsrechtliche Anordnung (Baustelle)",
        2500,
        "m",
        K,
        "online",
    ),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Halteverbotszone für Umzug", 3000, "s", K, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Fundsache melden und abholen", 2500, "s", K, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Veranstaltung anzeigen", 400, "m", K, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Erlaubnis zum Abbrennen von Feuerwerk", 60, "s", K, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Anhörung im Bußgeldverfahren", 20000, "s", K, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Waffenrechtliche Erlaubnis", 150, "m", NONE, "planned"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Gaststättenerlaubnis", 120, "m", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Gewerbeanmeldung", 2000, "s", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Gewerbeummeldung", 700, "s", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 1, "Gewerbeabmeldung", 1600, "s", WSP, "online"),
    (
        "Ordnung und Straßenverkehr",
        "OSV",
        1,
        "Schwertransport (Ausnahmegenehmigung)",
        300,
        "m",
        EFA,
        "online",
    ),
    # 1st wave: registry office
    ("Standesamt", "STA", 1, "Geburtsurkunde", 6000, "s", K, "online"),
    ("Standesamt", "STA", 1, "Eheurkunde", 2500, "s", K, "online"),
    ("Standesamt", "STA", 1, "Sterbeurkunde", 4000, "s", K, "online"),
    ("Standesamt", "STA", 1, "Anmeldung der Eheschließung", 900, "m", K, "in_progress"),
    ("Standesamt", "STA", 1, "Kirchenaustritt", 1800, "s", NONE, "planned"),
    ("Standesamt", "STA", 1, "Namenserklärung", 300, "m", K, "online"),
    ("Standesamt", "STA", 1, "Lebenspartnerschaftsurkunde", 100, "s", K, "online"),
    ("Standesamt", "STA", 1, "Beurkundung der Geburt", 3000, "m", EFA, "in_progress"),
    # 1st wave: foreigners and registration
    ("Ausländer- und Meldewesen", "AMW", 1, "Wohnsitzanmeldung", 15000, "s", EFA, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Abmeldung ins Ausland", 1500, "s", K, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Meldebescheinigung", 8000, "s", K, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Einfache Melderegisterauskunft", 9000, "s", K, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Übermittlungssperren im Melderegister", 700, "s", K, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Wohnungsgeberbestätigung", 12000, "s", K, "online"),
    (
        "Ausländer- und Meldewesen",
        "AMW",
        1,
        "Personalausweis beantragen (Terminvereinbarung)",
        20000,
        "s",
        K,
        "online",
    ),
    (
        "Ausländer- und Meldewesen",
        "AMW",
        1,
        "Reisepass beantragen (Terminvereinbarung)",
        9000,
        "s",
        K,
        "online",
    ),
    ("Ausländer- und Meldewesen", "AMW", 1, "Aufenthaltstitel verlängern", 8000, "m", EFA, "in_progress"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Verpflichtungserklärung", 1200, "m", K, "online"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Einbürgerung", 900, "m", EFA, "in_progress"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Niederlassungserlaubnis", 1000, "m", NONE, "planned"),
    ("Ausländer- und Meldewesen", "AMW", 1, "Blaue Karte EU", 200, "m", EFA, "online"),
    # 1st wave: building supervision
    ("Bauaufsicht", "BAU", 1, "Baugenehmigung", 900, "m", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Vereinfachtes Baugenehmigungsverfahren", 700, "m", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Bauvorbescheid", 150, "m", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Abbruchanzeige", 200, "s", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Genehmigungsfreistellung", 250, "m", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Baulastenauskunft", 1800, "s", K, "online"),
    ("Bauaufsicht", "BAU", 1, "Nutzungsänderung", 200, "m", BP, "online"),
    ("Bauaufsicht", "BAU", 1, "Abgeschlossenheitsbescheinigung", 300, "m", NONE, "planned"),
    ("Bauaufsicht", "BAU", 1, "Denkmalrechtliche Erlaubnis", 250, "m", K, "in_progress"),
    # 1st wave: schools
    ("Schulen", "FB 40", 1, "Anmeldung an einer Grundschule", 1600, "s", K, "online"),
    ("Schulen", "FB 40", 1, "Anmeldung an einer weiterführenden Schule", 1700, "s", OWN, "online"),
    ("Schulen", "FB 40", 1, "Schülerfahrkosten", 4000, "s", K, "online"),
    ("Schulen", "FB 40", 1, "Anmeldung Offene Ganztagsschule", 2500, "s", K, "in_progress"),
    ("Schulen", "FB 40", 1, "Bildung und Teilhabe (Schulbedarf, Lernförderung)", 5000, "m", NONE, "planned"),
    ("Schulen", "FB 40", 1, "Befreiung vom Sportunterricht/Beurlaubung", 400, "s", NONE, "not_planned"),
    # 2nd wave
    ("Soziales und Wohnen", "SOZ", 2, "Wohngeld", 5000, "m", EFA, "online"),
    ("Soziales und Wohnen", "SOZ", 2, "Wohnberechtigungsschein", 2500, "s", K, "online"),
    ("Soziales und Wohnen", "SOZ", 2, "Hilfe zum Lebensunterhalt", 1200, "m", NONE, "planned"),
    (
        "Soziales und Wohnen",
        "SOZ",
        2,
        "Grundsicherung im Alter und bei Erwerbsminderung",
        3500,
        "m",
        NONE,
        "planned",
    ),
    ("Soziales und Wohnen", "SOZ", 2, "Blindengeld/Pflegewohngeld", 800, "m", K, "in_progress"),
    ("Soziales und Wohnen", "SOZ", 2, "Leistungen für Asylbewerber", 1500, "m", NONE, "not_planned"),
    (
        "Soziales und Wohnen",
        "SOZ",
        2,
        "Schwerbehindertenausweis (Verlängerung)",
        3000,
        "s",
        EFA,
        "in_progress",
    ),
    ("Soziales und Wohnen", "SOZ", 2, "Rundfunkbeitragsbefreiung (Bescheinigung)", 1000, "s", K, "online"),
    ("Kinder und Jugend", "JUG", 2, "Kita-Platz-Vormerkung", 3500, "s", OWN, "online"),
    ("Kinder und Jugend", "JUG", 2, "Elternbeitrag Kita (Einkommenserklärung)", 6000, "m", K, "in_progress"),
    ("Kinder und Jugend", "JUG", 2, "Unterhaltsvorschuss", 1800, "m", EFA, "online"),
    ("Kinder und Jugend", "JUG", 2, "Kindertagespflege (Erlaubnis)", 150, "m", K, "online"),
    ("Kinder und Jugend", "JUG", 2, "Beistandschaft", 600, "m", NONE, "planned"),
    ("Kinder und Jugend", "JUG", 2, "Vaterschaftsanerkennung (Termin)", 700, "s", K, "online"),
    ("Kinder und Jugend", "JUG", 2, "Ferienfreizeiten anmelden", 1200, "s", OWN, "online"),
    ("Kinder und Jugend", "JUG", 2, "Jugendschutz: Ausnahmegenehmigung", 50, "s", NONE, "planned"),
    ("Steuern und Abgaben", "STE", 2, "Hundesteuer anmelden", 2500, "s", K, "online"),
    ("Steuern und Abgaben", "STE", 2, "Hundesteuer abmelden", 2000, "s", K, "online"),
    ("Steuern und Abgaben", "STE", 2, "Zweitwohnungsteuer", 600, "s", K, "online"),
    ("Steuern und Abgaben", "STE", 2, "SEPA-Lastschriftmandat Grundbesitzabgaben", 5000, "s", K, "online"),
    (
        "Steuern und Abgaben",
        "STE",
        2,
        "Gewerbesteuer: Anpassung der Vorauszahlung",
        1500,
        "m",
        NONE,
        "planned",
    ),
    ("Steuern und Abgaben", "STE", 2, "Vergnügungsteuer anmelden", 200, "s", NONE, "planned"),
    (
        "Steuern und Abgaben",
        "STE",
        2,
        "Stundung/Ratenzahlung städtischer Forderungen",
        1200,
        "m",
        K,
        "in_progress",
    ),
    ("Umwelt", "UMW", 2, "Baumfällgenehmigung", 900, "m", K, "online"),
    ("Umwelt", "UMW", 2, "Wasserrechtliche Erlaubnis", 150, "m", NONE, "planned"),
    ("Umwelt", "UMW", 2, "Anzeige Erdwärmesonde", 200, "m", K, "online"),
    ("Umwelt", "UMW", 2, "Sperrmüll anmelden", 14000, "s", OWN, "online"),
    ("Umwelt", "UMW", 2, "Mängelmelder (Straßen, Grün, Beleuchtung)", 9000, "s", OWN, "online"),
    ("Umwelt", "UMW", 2, "Grabnutzungsrecht verlängern", 1500, "s", NONE, "planned"),
    ("Umwelt", "UMW", 2, "Bestattung anmelden", 2500, "m", NONE, "planned"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Marktzulassung (Wochenmarkt)", 150, "s", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Reisegewerbekarte", 100, "m", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Erlaubnis Spielhalle", 20, "m", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Erlaubnis Bewachungsgewerbe", 30, "m", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Erlaubnis Makler/Bauträger", 40, "m", WSP, "online"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Taxi- und Mietwagenkonzession", 60, "m", NONE, "planned"),
    ("Ordnung und Straßenverkehr", "OSV", 2, "Anwohnerbeschwerde Lärm", 800, "s", NONE, "not_planned"),
    ("Kultur und Bildung", "KUL", 2, "Bibliotheksausweis", 4000, "s", OWN, "online"),
    ("Kultur und Bildung", "KUL", 2, "Anmeldung Musikschule", 900, "s", OWN, "online"),
    ("Kultur und Bildung", "KUL", 2, "Volkshochschulkurs buchen", 12000, "s", OWN, "online"),
    ("Kultur und Bildung", "KUL", 2, "Raumvergabe für Vereine", 600, "s", NONE, "planned"),
    ("Kultur und Bildung", "KUL", 2, "Sportstättenvergabe", 500, "s", NONE, "planned"),
    ("Ausländer- und Meldewesen", "AMW", 2, "Briefwahlunterlagen beantragen", 25000, "s", OWN, "online"),
    (
        "Ausländer- und Meldewesen",
        "AMW",
        2,
        "Führungszeugnis (Antrag über Meldebehörde)",
        4000,
        "s",
        EFA,
        "online",
    ),
    (
        "Ausländer- und Meldewesen",
        "AMW",
        2,
        "Auskunft aus dem Gewerbezentralregister",
        500,
        "s",
        EFA,
        "online",
    ),
    ("Ausländer- und Meldewesen", "AMW", 2, "Beglaubigung von Dokumenten", 3000, "s", NONE, "not_planned"),
    ("Soziales und Wohnen", "SOZ", 3, "Wohnungsnotfallhilfe", 400, "m", NONE, "planned"),
    (
        "Soziales und Wohnen",
        "SOZ",
        3,
        "Betreuungsbehörde: Beratung und Beglaubigung",
        300,
        "m",
        NONE,
        "planned",
    ),
    ("Bauaufsicht", "BAU", 3, "Werbeanlage genehmigen", 200, "m", BP, "in_progress"),
    ("Umwelt", "UMW", 3, "Kleineinleitung Abwasser", 50, "m", NONE, "planned"),
]

# Channel split of the analog cases (counter, post, e-mail, phone) — Demo-Annahme.
ANALOG_SPLIT = {"counter": 0.55, "post": 0.25, "email": 0.15, "phone": 0.05}
# Minutes per case (Destatis time-value table, simple / medium): formal check, receipt /
# missing documents, content check and data entry, decision, payments, copy/archive.
MINUTES = {
    "s": {"formal": 5, "receipt": 5, "content": 8, "decision": 5, "payment": 1, "archive": 2},
    "m": {"formal": 30, "receipt": 10, "content": 60, "decision": 60, "payment": 5, "archive": 10},
}
LEVEL = {"s": "md", "m": "gd"}
LABELS = {
    "formal": "Prüfung auf formelle Vollständigkeit",
    "receipt": "Eingangsbestätigung/Nachforderung",
    "content": "Inhaltliche Prüfung und Datenerfassung",
    "decision": "Bescheid erstellen",
    "payment": "Zahlung bearbeiten",
    "archive": "Kopieren/Ablegen",
}
YEARS = range(2019, 2025)


def load(municipality):
    """Create the units, the ~100 services, their case numbers (through the import path) and
    the derived lines of measure M-04 (OZG in waves)."""
    units = _units(municipality)
    ozg = Measure.objects.get(municipality=municipality, code="M-04")
    _replace_hand_estimate(ozg)
    services, rows = [], []
    for number, spec in enumerate(SERVICES, start=1):
        service = _service(municipality, units, number, spec)
        services.append(service)
        rows += _case_rows(service, number, spec)
    parsed = imports.Parsed(rows=rows, total=len(rows))
    imports.write(municipality, parsed, file_name="Demo-Fallzahlen 2019–2024 (Demo-Annahme)")
    params = ParameterSet.for_municipality(municipality)
    for service in services:  # linked after the import, so the lines are computed once
        service.measures.add(ozg)
        update_measure_lines(service, reason=REASON, params=params)
    return services


def delete(municipality):
    """Services go before the units they point to (PROTECT)."""
    Service.objects.filter(municipality=municipality).delete()


def _units(municipality):
    units = {u.code: u for u in OrgUnit.objects.filter(municipality=municipality)}
    for code, name in UNITS:
        if code not in units:
            unit = OrgUnit(
                municipality=municipality,
                kind=OrgUnitKind.DEPARTMENT,
                code=code,
                name=f"{name} (Demo-Annahme: Zuschnitt)",
            )
            unit._change_reason = REASON
            unit.save()
            units[code] = unit
    return units


def _replace_hand_estimate(measure):
    """M-04's flat estimate (20.000 × 15 min) is now computed per service: drop it, say so."""
    Line.objects.filter(measure=measure, label__startswith="Entlastung Sachbearbeitung durch Online").delete()
    measure.assumptions += (
        " Die Entlastung der Sachbearbeitung wird aus dem Dienstekatalog berechnet (Fallzahlen je "
        "Kanal × Minuten je Fall, Standardkostenmodell) und ersetzt die pauschale Schätzung."
    )
    measure._change_reason = REASON
    measure.save()


def _flags(number, spec):
    """End-to-end checklist (Demo-Annahme): what a service on that solution typically has."""
    _area, _unit, wave, _name, _n, _c, solution, status = spec
    online = status == "online"
    if online and number % 10 == 0:  # a few services already end to end (Demo-Annahme)
        return dict.fromkeys(
            (
                "online_application",
                "account_login",
                "e_payment",
                "interface",
                "e_file",
                "written_form_removed",
            ),
            True,
        )
    return {
        "online_application": online or status == "in_progress" and number % 2 == 0,
        "account_login": online and solution in (K, EFA, BP, WSP),
        "e_payment": online and solution in (K, EFA, WSP) and number % 3 != 0,
        "interface": online and (solution in (BP, OWN) or number % 4 == 0),
        "e_file": online and wave == 1 and number % 5 == 0,
        "written_form_removed": online and number % 3 == 1,
    }


def _maturity(number, spec):
    status, solution = spec[7], spec[6]
    if status == "online":
        if solution == BP:
            return "2.0", 4  # Bauportal.NRW re-assessed under model 2.0 (Demo-Annahme)
        return "1.1", 3 if number % 4 else 2
    if status == "in_progress":
        return "1.1", 2
    return "1.1", 1 if status == "planned" else 0


def _service(municipality, units, number, spec):
    area, unit, wave, name, _n, complexity, solution, status = spec
    wave_label, due = {1: (WAVE1, WAVE1_DUE), 2: (WAVE2, WAVE2_DUE), 3: (WAVE3, WAVE3_DUE)}[wave]
    model, level = _maturity(number, spec)
    flags = _flags(number, spec)
    service = Service(
        municipality=municipality,
        visibility=Visibility.INTERNAL if status == "not_planned" else Visibility.PUBLIC,
        ozg_id=f"DEMO-{number:03d}",
        name=name,
        subject_area=area,
        department=units[unit],
        wave=wave_label,
        wave_due=due,
        solution=solution,
        status=status,
        maturity_model=model,
        maturity_level=level,
        coverage="statewide"
        if solution in (K, BP, WSP)
        else ("nationwide" if solution == EFA else "not_assessed"),
        url="https://kommunalportal.nrw/" if solution == K and status == "online" else "",
        media_break_minutes=D(0),
        media_break_level=LEVEL[complexity],
        analog_fixed_change=D(0) if flags["e_file"] or status != "online" else D(600),
        cost_note=COST_NOTE,
        **flags,
    )
    minutes = MINUTES[complexity]
    if not flags["interface"]:
        service.media_break_minutes = D(minutes["receipt"] + minutes["archive"])
    service._change_reason = REASON
    service.full_clean()
    service.save()
    level_code = LEVEL[complexity]
    activities = []
    for channel in ("online", "counter", "post", "email", "phone"):
        for key, value in minutes.items():
            if channel == "online" and (
                key in ("formal", "receipt")
                or key == "payment"
                and flags["e_payment"]
                or key == "archive"
                and flags["e_file"]
            ):
                continue
            activities.append(
                Activity(
                    service=service,
                    channel=channel,
                    label=LABELS[key],
                    minutes=D(value),
                    career_level=level_code,
                )
            )
    bulk_create_with_history(activities, Activity, default_change_reason=REASON)
    costs = [
        ChannelCost(service=service, channel="online", fixed_cost=D(1200) if status == "online" else D(0)),
        ChannelCost(service=service, channel="post", material_cost=D("0.95")),
    ]
    bulk_create_with_history(costs, ChannelCost, default_change_reason=REASON)
    return service


def _online_share(year, number, spec):
    """Online share per year (Demo-Annahme): 0 before go-live, then rising to the service's uptake."""
    wave, status = spec[2], spec[7]
    if status != "online":
        return 0.0
    live = 2021 if wave == 1 else 2022
    if year < live:
        return 0.0
    uptake = 0.25 + (number % 6) * 0.1  # 25 % … 75 %
    return round(uptake * min(1.0, (year - live + 1) / 4), 3)


def _case_rows(service, number, spec):
    n = spec[4]
    rows = []
    for year in YEARS:
        total = round(n * (1 + 0.02 * (year - 2021)))  # slight growth, Covid dip left out
        online = round(total * _online_share(year, number, spec))
        analog = total - online
        start = dt.date(year, 1, 1)
        rows.append((service.pk, "year", start, "online", online))
        split = list(ANALOG_SPLIT.items())
        rest = analog
        for channel, part in split[:-1]:
            value = round(analog * part)
            rows.append((service.pk, "year", start, channel, value))
            rest -= value
        rows.append((service.pk, "year", start, split[-1][0], rest))
    return rows
