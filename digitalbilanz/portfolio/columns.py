"""Documented columns of the portfolio's open-data tables (also the API's field list)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.portfolio.appraisal import as_decimal
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import choice_label, id_column

MEASURE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Maßnahme.")),
    C("code", "string", _("Nummer"), _("Nummer der Maßnahme in der Kommune.")),
    C("title", "string", _("Titel"), _("Titel der Maßnahme.")),
    C("description", "string", _("Beschreibung"), _("Beschreibung der Maßnahme.")),
    C("goals", "string", _("Ziele"), _("Ziele der Maßnahme.")),
    C(
        "status",
        "string",
        _("Status (Schlüssel)"),
        _("idea, planned, in_progress, on_hold, completed oder cancelled."),
    ),
    C("status_label", "string", _("Status"), _("Status in Worten."), choice_label("status")),
    C(
        "progress",
        "integer",
        _("Fortschritt"),
        _("Fortschritt in Prozent (leer: unbekannt)."),
        lambda m: m.effective_progress,
        "%",
    ),
    C("start_date", "date", _("Beginn"), _("Beginn der Maßnahme (ISO 8601).")),
    C("end_date", "date", _("Ende (geplant)"), _("Geplantes Ende (ISO 8601).")),
    C(
        "lead_department",
        "string",
        _("Federführung"),
        _("Kürzel der federführenden Organisationseinheit."),
        lambda m: m.lead_department.code if m.lead_department else None,
    ),
    C(
        "lead_department_name",
        "string",
        _("Federführung (Name)"),
        _("Name der federführenden Organisationseinheit."),
        lambda m: m.lead_department.name if m.lead_department else None,
    ),
    C(
        "fields_of_action",
        "string",
        _("Handlungsfelder"),
        _("Kennungen der Handlungsfelder, getrennt durch Semikolon."),
        lambda m: ";".join(str(f.pk) for f in m.fields_of_action.all()),
    ),
    C(
        "baseline_cost",
        "number",
        _("Kosten laut Planungsstand"),
        _("Gesamtkosten bei Beschluss in Euro."),
        unit="EUR",
    ),
    C(
        "updated_at",
        "date",
        _("zuletzt geändert"),
        _("Datum der letzten Änderung."),
        lambda m: m.updated_at.date(),
    ),
)

# The measure a child row belongs to (lines, milestones, benefits).
MEASURE_REF = C(
    "measure",
    "integer",
    _("Maßnahme"),
    _("Kennung der Maßnahme (Tabelle measures)."),
    lambda x: x.measure_id,
)

LINE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Zeile.")),
    MEASURE_REF,
    C("year", "integer", _("Jahr"), _("Jahr, in dem die Kosten oder der Nutzen anfallen.")),
    C("kind", "string", _("Art"), _("cost (Kosten) oder benefit (Nutzen).")),
    C("group", "string", _("Gruppe"), _("development (einmalig) oder operation (laufend).")),
    C(
        "category",
        "string",
        _("Kategorie (Schlüssel)"),
        _("Kategorie nach WiBe, z. B. external, software, staff_time."),
    ),
    C("category_label", "string", _("Kategorie"), _("Kategorie in Worten."), choice_label("category")),
    C(
        "budget_relevant",
        "boolean",
        _("haushaltswirksam"),
        _("true: zahlungswirksam im Haushalt; false: z. B. frei werdende Arbeitszeit."),
    ),
    C("label", "string", _("Bezeichnung"), _("Bezeichnung der Zeile.")),
    C("amount", "number", _("Betrag"), _("Betrag in Euro (leer, wenn in Stunden angegeben)."), unit="EUR"),
    C("hours", "number", _("Stunden"), _("Arbeitsstunden (leer, wenn in Euro angegeben)."), unit="h"),
    C("career_level", "string", _("Laufbahngruppe"), _("md, gd, hd oder avg; bestimmt den Stundensatz.")),
    C("low", "number", _("Schätzung niedrig"), _("Untere Schätzung in derselben Einheit wie der Wert.")),
    C("high", "number", _("Schätzung hoch"), _("Obere Schätzung in derselben Einheit wie der Wert.")),
    C("risk_surcharge", "number", _("Risikozuschlag"), _("Risikozuschlag in Prozent."), unit="%"),
    C("note", "string", _("Anmerkung/Quelle"), _("Herkunft der Zahl.")),
)

MILESTONE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Meilensteins.")),
    MEASURE_REF,
    C("title", "string", _("Titel"), _("Titel des Meilensteins.")),
    C("baseline_date", "date", _("Basisplan"), _("Ursprünglich geplantes Datum.")),
    C("forecast_date", "date", _("Prognose"), _("Aktuell prognostiziertes Datum.")),
    C("actual_date", "date", _("erreicht am"), _("Datum, an dem der Meilenstein erreicht wurde.")),
    C("slip_days", "integer", _("Verzug"), _("Tage gegenüber dem Basisplan; negativ = früher."), unit="d"),
    C("order", "integer", _("Reihenfolge"), _("Reihenfolge innerhalb der Maßnahme.")),
)

BENEFIT_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Nutzens.")),
    MEASURE_REF,
    C("number", "integer", _("Nr."), _("Nummer im Nutzenregister der Maßnahme.")),
    C("category", "string", _("Kategorie"), _("cash, non_cash, qualitative oder dis_benefit.")),
    C("description", "string", _("Beschreibung"), _("Beschreibung des Nutzens.")),
    C("kpi", "string", _("Kennzahl"), _("Messgröße des Nutzens.")),
    C("unit", "string", _("Einheit"), _("Einheit der Kennzahl.")),
    C("baseline_value", "number", _("Ausgangswert"), _("Wert der Kennzahl vor der Maßnahme.")),
    C("baseline_date", "date", _("Ausgangswert vom"), _("Datum des Ausgangswerts.")),
    C("target_value", "number", _("Zielwert"), _("Angestrebter Wert der Kennzahl.")),
    C("target_date", "date", _("Ziel bis"), _("Datum, bis zu dem der Zielwert erreicht sein soll.")),
    C(
        "latest_value",
        "number",
        _("zuletzt gemessen"),
        _("Letzter gemessener Wert."),
        lambda b: b.latest_measurement.value if b.latest_measurement else None,
    ),
    C(
        "latest_date",
        "date",
        _("gemessen am"),
        _("Datum der letzten Messung."),
        lambda b: b.latest_measurement.measured_on if b.latest_measurement else None,
    ),
)


def _money(attr):
    # A measure that cannot be appraised gets no figures at all (see the column "problem").
    return lambda row: None if row.figures.unappraisable else as_decimal(getattr(row.figures, attr))


def _npv(attr):
    return lambda row: as_decimal(getattr(row.figures.appraisal, attr)) if row.figures.appraisal else None


FIGURE_COLUMNS = (
    C(
        "measure",
        "integer",
        _("Maßnahme"),
        _("Kennung der Maßnahme (Tabelle measures)."),
        lambda r: r.measure.pk,
    ),
    C("code", "string", _("Nummer"), _("Nummer der Maßnahme."), lambda r: r.measure.code),
    C(
        "investment",
        "number",
        _("Investitionen"),
        _("Summe der einmaligen Kosten (Euro, nominal)."),
        _money("investment"),
        "EUR",
    ),
    C(
        "running_costs",
        "number",
        _("laufende Kosten"),
        _("Summe der laufenden Kosten (Euro, nominal)."),
        _money("running_costs"),
        "EUR",
    ),
    C(
        "cash_savings",
        "number",
        _("Einsparungen"),
        _("Summe des haushaltswirksamen Nutzens (Euro, nominal)."),
        _money("cash_savings"),
        "EUR",
    ),
    C(
        "work_hours",
        "number",
        _("Arbeitsverbesserung"),
        _("Summe der frei werdenden Arbeitsstunden."),
        _money("work_hours"),
        "h",
    ),
    C(
        "npv_kn",
        "number",
        _("Kapitalwert KN"),
        _("Kapitalwert nach WiBe (Barwert Nutzen − Kosten, Euro)."),
        _npv("npv_kn"),
        "EUR",
    ),
    C(
        "npv_kn_h",
        "number",
        _("KN/h"),
        _("Kapitalwert nur haushaltswirksamer Zeilen (Euro)."),
        _npv("npv_kn_h"),
        "EUR",
    ),
    C(
        "npv_kn_nh",
        "number",
        _("KN/nh"),
        _("Kapitalwert nicht haushaltswirksamer Zeilen (Euro)."),
        _npv("npv_kn_nh"),
        "EUR",
    ),
    C("npv_kn_r", "number", _("KN/R"), _("Risikoangepasster Kapitalwert (Euro)."), _npv("npv_kn_r"), "EUR"),
    C(
        "payback_year",
        "integer",
        _("Amortisation"),
        _(
            "Jahr, ab dem der kumulierte Barwert bis zum Ende des Betrachtungszeitraums ≥ 0 bleibt "
            "(leer: keine Amortisation)."
        ),
        lambda r: r.figures.appraisal.payback_year if r.figures.appraisal else None,
    ),
    C(
        "problem",
        "string",
        _("Grund fehlender Kennzahlen"),
        _(
            "Warum die Maßnahme nicht bewertet werden kann (z. B. eine Zeile außerhalb des "
            "Betrachtungszeitraums); dann sind alle Kennzahlen dieser Zeile leer und die Maßnahme "
            "ist in keiner Summe enthalten. Leer: bewertet."
        ),
        lambda r: r.figures.error,
    ),
    C(
        "start_year",
        "integer",
        _("Jahr 0"),
        _(
            "Erstes Jahr der Betrachtung (t = 0): das Jahr des Beginns der Maßnahme, sonst das "
            "erste Jahr aller ihrer Zeilen, auch nicht öffentlicher."
        ),
        lambda r: r.figures.appraisal.yearly[0].year if r.figures.appraisal else None,
    ),
    C(
        "withheld_lines",
        "integer",
        _("nicht enthaltene Zeilen"),
        _(
            "Zahl der nicht öffentlichen Kosten-/Nutzenzeilen, ohne die die Kennzahlen dieser Zeile "
            "berechnet sind (0: vollständig oder zusammengefasst)."
        ),
        lambda r: r.figures.omitted_count,
    ),
    C(
        "folded_lines",
        "integer",
        _("zusammengefasste Zeilen"),
        _(
            "Zahl der nicht öffentlichen Zeilen, die als „nicht einzeln veröffentlichte Positionen“ "
            "je Jahr, Art und Haushaltswirksamkeit in den Kennzahlen enthalten sind (nur wo "
            "mindestens zwei zusammenfallen)."
        ),
        lambda r: r.figures.folded_count,
    ),
    C(
        "notice",
        "string",
        _("Hinweis"),
        _("Hinweis zu den Kennzahlen, z. B. „berechnet ohne 1 nicht öffentliche Zeile“ (leer: vollständig)."),
        lambda r: " ".join(t for t in (r.figures.notice, r.figures.folded_notice) if t),
    ),
)

STRATEGY_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Strategie.")),
    C(
        "parent",
        "integer",
        _("übergeordnete Strategie"),
        _("Kennung der übergeordneten Strategie (leer: oberste Ebene)."),
        lambda s: s.public_parent_id,
    ),
    C("title", "string", _("Titel"), _("Titel der Strategie.")),
    C("kind", "string", _("Art"), _("egov, digital, it oder smartcity.")),
    C("version", "string", _("Version"), _("Fassung der Strategie.")),
    C("adopted_on", "date", _("beschlossen am"), _("Datum des Beschlusses.")),
    C("adopting_decision", "string", _("Beschluss"), _("Beschluss (Gremium, Vorlagennummer).")),
    C("summary", "string", _("Zusammenfassung"), _("Zusammenfassung der Strategie.")),
)

FIELD_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Handlungsfelds.")),
    C(
        "strategy",
        "integer",
        _("Strategie"),
        _("Kennung der Strategie (Tabelle strategies)."),
        lambda f: f.public_strategy_id,
    ),
    C("code", "string", _("Nummer"), _("Nummer des Handlungsfelds.")),
    C("title", "string", _("Titel"), _("Titel des Handlungsfelds.")),
    C("description", "string", _("Beschreibung"), _("Beschreibung des Handlungsfelds.")),
)
