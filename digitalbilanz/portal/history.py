"""The public change history of a measure: the one rule of ``core.history`` for the public.

Only the fields the portal shows anyway are diffed; author names are never shown (data
protection). Which rows and values may appear is decided by ``core.history.history_entries``.
"""

from django.utils.translation import gettext as _

from digitalbilanz.core.history import history_entries
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.portfolio.models import Line, Measure, Milestone
from digitalbilanz.portfolio.queries import measure_history_rows

PUBLIC_FIELDS = {
    Measure: [
        "code",
        "title",
        "description",
        "goals",
        "status",
        "progress",
        "start_date",
        "end_date",
        "baseline_cost",
    ],
    Line: ["year", "kind", "label", "amount", "hours", "low", "high", "risk_surcharge"],
    Milestone: ["title", "baseline_date", "forecast_date", "actual_date"],
}


def public_changes(measure) -> list[dict]:
    """Entries (newest first): when, what record, which fields from what to what, why."""
    labels = {Measure: _("Maßnahme"), Line: _("Zeile"), Milestone: _("Meilenstein")}
    return history_entries(
        measure_history_rows(measure),
        levels_for_audience("public"),
        fields=PUBLIC_FIELDS,
        with_users=False,
        labels=labels,
    )
