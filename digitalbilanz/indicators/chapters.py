"""The indicator chapter of the Digitalisierungsbericht and the helpers the finance chapter uses
to show the finance indicators (cash credits, annual result, trade tax)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.indicators.choices import Status
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry


def indicator_rows(municipality, levels, topic) -> list[dict]:
    """The snapshot rows of one topic's indicators (values already formatted in their unit)."""
    rows = []
    for v in indicator_values(municipality, levels, topic):
        latest = v.latest
        target, ceiling = v.target, v.ceiling
        rows.append(
            {
                "key": v.indicator.key,
                "name": v.indicator.name,
                "date": latest.date.isoformat() if latest else None,
                "value": float(latest.value) if latest else None,
                "display": v.display() if latest else "–",
                "target": v.display(target.value) if target else "",
                "ceiling": v.display(ceiling.value) if ceiling else "",
                "ceiling_resolution": ceiling.resolution if ceiling else "",
                "status": v.status,
                "status_label": v.get_status_display(),
                "method": v.method(),
                "error": v.error,
            }
        )
    return rows


def indicator_table(title, rows):
    return b.table(
        title,
        _("Kennzahlen"),
        [
            (_("Kennzahl"), "text"),
            (_("Stichtag"), "date"),
            (_("Wert"), "text"),
            (_("Ziel/Ansatz"), "text"),
            (_("Obergrenze"), "text"),
            (_("Status"), "text"),
            (_("Quelle/Berechnung"), "text"),
        ],
        [
            [r["name"], r["date"], r["display"], r["target"], r["ceiling"], r["status_label"], r["method"]]
            for r in rows
        ],
    )


def indicator_problems(rows) -> list[dict]:
    found = []
    for r in rows:
        if r.get("error"):
            found.append(entry("indicator_error", _("%(name)s: %(error)s") % r, ref=r["key"]))
        elif r["status"] == Status.CRITICAL:
            found.append(
                entry("indicator_critical", _("%(name)s ist kritisch (%(display)s).") % r, ref=r["key"])
            )
    return found


def indicator_changes(previous, current) -> list[dict]:
    before = {r["key"]: r for r in previous or []}
    found = []
    for r in current or []:
        old = before.get(r["key"])
        if old and old["display"] != r["display"]:
            found.append(
                entry(
                    "indicator_value",
                    _("%(name)s: %(old)s → %(new)s.")
                    % {"name": r["name"], "old": old["display"], "new": r["display"]},
                    ref=r["key"],
                )
            )
        if old and old["status"] != r["status"]:
            found.append(
                entry(
                    "indicator_status",
                    _("%(name)s: Status jetzt „%(status)s“.")
                    % {"name": r["name"], "status": r["status_label"]},
                    ref=r["key"],
                )
            )
    return found


class DigitalIndicators(Chapter):
    key = "indicators"
    title = N_("Kennzahlen der Digitalisierung")
    order = 86

    def collect(self, context):
        rows = indicator_rows(context["municipality"], levels_for_audience(context["audience"]), "digital")
        return {"rows": rows} if rows else None

    def blocks(self, snapshot):
        return [indicator_table(_("Kennzahlen der Digitalisierung"), self.section(snapshot)["rows"])]

    def changes(self, previous, current):
        return indicator_changes((previous or {}).get("rows"), (current or {}).get("rows"))

    def problems(self, section):
        return indicator_problems((section or {}).get("rows", []))
