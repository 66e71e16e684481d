"""Thresholds of the delivery confidence rating (methods §Steuerung), as parameters with source.

The schedule and cost defaults are those of the portfolio's RAG rule (``portfolio.rules``), so the
computed rating and the traffic light of the measure list agree unless a municipality sets its own.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSpec
from digitalbilanz.portfolio import rules

DK = "Statens It-råd, Risikovurdering af statslige it-projekter (Termin gelb 1–3 Monate, rot > 3 Monate)"
AS_OF = dt.date(2024, 1, 1)

SCHEDULE_AMBER = ParameterSpec(
    key="steering_schedule_amber_days",
    label=_("Lieferzuversicht: Terminverzug ab gelb"),
    unit=_("Tage"),
    default=str(rules.AMBER_SLIP_DAYS),
    source=f"{DK}; wie die Ampel der Maßnahmenliste",
    as_of=AS_OF,
    minimum=0,
    maximum=3650,
    integer=True,
)
SCHEDULE_RED = ParameterSpec(
    key="steering_schedule_red_days",
    label=_("Lieferzuversicht: Terminverzug ab rot"),
    unit=_("Tage"),
    default=str(rules.RED_SLIP_DAYS),
    source=f"{DK}; wie die Ampel der Maßnahmenliste",
    as_of=AS_OF,
    minimum=0,
    maximum=3650,
    integer=True,
)
COST_AMBER = ParameterSpec(
    key="steering_cost_amber_pct",
    label=_("Lieferzuversicht: Kostenüberschreitung ab gelb"),
    unit="%",
    default=str(rules.AMBER_OVERRUN * 100),
    source="Wie die Ampel der Maßnahmenliste (Methoden §RAG); Statens It-råd: rot über 10 %",
    as_of=AS_OF,
    minimum=0,
    maximum=1000,
)
COST_RED = ParameterSpec(
    key="steering_cost_red_pct",
    label=_("Lieferzuversicht: Kostenüberschreitung ab rot"),
    unit="%",
    default=str(rules.RED_OVERRUN * 100),
    source="Wie die Ampel der Maßnahmenliste (Methoden §RAG)",
    as_of=AS_OF,
    minimum=0,
    maximum=1000,
)
BENEFIT_AMBER = ParameterSpec(
    key="steering_benefit_amber_pct",
    label=_("Lieferzuversicht: Anteil gefährdeter/verfehlter Nutzen ab gelb"),
    unit="%",
    default="0",
    source="Demo-Annahme: jeder gefährdete oder verfehlte Nutzen macht die Maßnahme gelb",
    as_of=AS_OF,
    minimum=0,
    maximum=100,
)
BENEFIT_RED = ParameterSpec(
    key="steering_benefit_red_pct",
    label=_("Lieferzuversicht: Anteil gefährdeter/verfehlter Nutzen ab rot"),
    unit="%",
    default="50",
    source="Demo-Annahme: mehr als die Hälfte der Nutzen gefährdet oder verfehlt",
    as_of=AS_OF,
    minimum=0,
    maximum=100,
)
FOLLOW_UP_MONTHS = ParameterSpec(
    key="steering_follow_up_months",
    label=_("Folgeprüfung nach roter Bewertung"),
    unit=_("Monate"),
    default="6",
    source="UK Infrastructure and Projects Authority: Folgeprüfung etwa sechs Monate nach Rot",
    as_of=AS_OF,
    minimum=1,
    maximum=24,
    integer=True,
)

SPECS = (
    SCHEDULE_AMBER,
    SCHEDULE_RED,
    COST_AMBER,
    COST_RED,
    BENEFIT_AMBER,
    BENEFIT_RED,
    FOLLOW_UP_MONTHS,
)

SUCCESS_CHECK_MONTHS = ParameterSpec(
    key="steering_success_check_months",
    label=_("Erfolgskontrolle nach Go-live"),
    unit=_("Monate"),
    default="12",
    source="Bundesrechnungshof, Empfehlungen zu Wirtschaftlichkeitsuntersuchungen: Erfolgskontrolle "
    "nach dem ersten Betriebsjahr mit denselben Kennzahlen",
    as_of=AS_OF,
    minimum=1,
    maximum=60,
    integer=True,
)
SPECS = (*SPECS, SUCCESS_CHECK_MONTHS)
