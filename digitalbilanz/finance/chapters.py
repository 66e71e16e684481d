"""The budget chapters of the Digitalisierungsbericht: plan and result per product group and
year, the comparison for the budget plan, and the status of the budgets with the finance
indicators (as the finance report to the committee gives them)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.economics.budget_plan import COLUMNS
from digitalbilanz.finance.comparison import (
    COLUMN_FORMATS as FORMATS,
)
from digitalbilanz.finance.comparison import (
    as_section,
    build_comparison,
    column_label,
    default_budget_year,
)
from digitalbilanz.finance.models import BudgetFigure, BudgetStatus
from digitalbilanz.indicators.chapters import (
    indicator_changes,
    indicator_problems,
    indicator_rows,
    indicator_table,
)
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry


class Budget(Chapter):
    key = "budget"
    title = N_("Haushalt")
    order = 80

    def collect(self, context):
        """Rows of the budget figures the audience may read (a list; empty: no chapter)."""
        rows = BudgetFigure.objects.for_audience(context["municipality"], context["audience"])
        rows = rows.select_related("product_group").order_by(
            "year", "product_group__number", "kind", "plan", "line_number"
        )
        return [
            {
                "product_group": str(f.product_group),
                "year": f.year,
                "kind": str(f.get_kind_display()),
                "line": f"{f.get_plan_display()} Z. {f.line_number} {f.line_label}".strip()
                if f.line_number
                else "",
                "amount": float(f.amount),
                "source": f.source,
            }
            for f in rows
        ]

    def blocks(self, snapshot):
        rows = self.section(snapshot)
        return [
            b.table(
                _("Haushaltsansätze und -ergebnisse"),
                _("Haushalt"),
                [
                    (_("Produktgruppe"), "text"),
                    (_("Jahr"), "year"),
                    (_("Art"), "text"),
                    (_("Planzeile"), "text"),
                    (_("Betrag"), "meur"),
                    (_("Quelle"), "text"),
                ],
                [
                    [r["product_group"], r["year"], r["kind"], r.get("line", ""), r["amount"], r["source"]]
                    for r in rows
                ],
            ),
        ]


def total_row(section) -> dict:
    return next(r for r in section["rows"] if r["group"] is None)


class BudgetPlan(Chapter):
    """The comparison for the budget plan: one table per column, years as columns."""

    key = "budget_plan"
    title = N_("Gegenüberstellung für den Haushaltsplan")
    order = 82

    def collect(self, context):
        municipality = context["municipality"]
        levels = levels_for_audience(context["audience"])
        today = context.get("reference_date")
        year = default_budget_year(municipality, levels, today)
        section = as_section(build_comparison(municipality, levels, year))
        return section if len(section["rows"]) > 1 else None

    def blocks(self, snapshot):
        section = self.section(snapshot)
        years = section["years"]
        result = [
            b.para(
                _(
                    "Kosten und Nutzen der Maßnahmen für den Haushalt %(year)s und die Planungsjahre bis "
                    "%(last)s, je Produktgruppe. Nettoeffekt = Einsparungen − Investition − laufende "
                    "Kosten (haushaltswirksam); die Arbeitsverbesserung (frei werdende Arbeitszeit) steht "
                    "daneben."
                )
                % {"year": section["budget_year"], "last": years[-1]}
            )
        ]
        subtotals = [r for r in section["rows"] if not r["measure"] and r["group"] is not None]
        for row in section["rows"]:
            if row["measure"] or (len(subtotals) == 1 and row["group"] is not None):
                continue  # one product group only: its subtotal is the total
            title = (
                _("Summe insgesamt")
                if row["group"] is None
                else _("Summe %(group)s") % {"group": row["group"]}
            )
            cells = [row["cells"][str(y)] for y in years]
            foot = [_("Summe")] + [
                sum(c[col] for c in cells)
                if col != "work_fte"
                else round(sum(c["work_hours"] for c in cells) / section["hours_per_fte"], 2)
                for col in COLUMNS
            ]
            result.append(
                b.table(
                    title,
                    _("Gegenüberstellung"),
                    [(_("Jahr"), "text")] + [(column_label(c), FORMATS[c]) for c in COLUMNS],
                    [[str(y)] + [c[col] for col in COLUMNS] for y, c in zip(years, cells, strict=True)],
                    foot=foot,
                )
            )
        return result

    def changes(self, previous, current):
        if not current:
            return []
        now = total_row(current)
        if not previous or previous.get("budget_year") != current["budget_year"]:
            return [
                entry(
                    "budget_year",
                    _("Gegenüberstellung für den Haushalt %(year)s neu aufgestellt.")
                    % {"year": current["budget_year"]},
                    ref=str(current["budget_year"]),
                )
            ]
        before = total_row(previous)
        found = []
        for year in current["years"]:
            old = before["cells"].get(str(year), {}).get("net_effect")
            new = now["cells"][str(year)]["net_effect"]
            if old is not None and round(old, 2) != round(new, 2):
                found.append(
                    entry(
                        "net_effect",
                        _("Nettoeffekt %(year)s: %(old)s → %(new)s.")
                        % {"year": year, "old": b.format_cell(old, "eur"), "new": b.format_cell(new, "eur")},
                        ref=str(year),
                    )
                )
        return found

    def problems(self, section):
        return [
            entry(
                "unassigned",
                _(
                    "%(measure)s ist keiner Produktgruppe zugeordnet; "
                    "ihre Beträge fehlen in den Produktgruppen."
                )
                % {"measure": row["measure"]},
                ref=row["measure"],
            )
            for row in (section or {}).get("rows", [])
            if row["measure"] and row.get("unassigned")
        ]


class FinanceStatus(Chapter):
    """Budget status per year with the finance indicators (cash credits, annual result, trade tax)."""

    key = "finance_status"
    title = N_("Finanzen: Haushaltsstand und Kennzahlen")
    order = 84

    def collect(self, context):
        municipality, audience = context["municipality"], context["audience"]
        statuses = [
            {
                "year": s.year,
                "stage": str(s.get_stage_display()),
                "adopted_on": s.adopted_on.isoformat() if s.adopted_on else None,
                "submitted_on": s.submitted_on.isoformat() if s.submitted_on else None,
                "approved_on": s.approved_on.isoformat() if s.approved_on else None,
                "note": s.note,
            }
            for s in BudgetStatus.objects.for_audience(municipality, audience).order_by("-year")
        ]
        indicators = indicator_rows(municipality, levels_for_audience(audience), "finance")
        if not statuses and not indicators:
            return None
        return {"statuses": statuses, "indicators": indicators}

    def blocks(self, snapshot):
        section = self.section(snapshot)
        result = []
        if section["statuses"]:
            result.append(
                b.table(
                    _("Stand der Haushalte"),
                    _("Haushaltsstand"),
                    [
                        (_("Haushaltsjahr"), "year"),
                        (_("Stand"), "text"),
                        (_("Beschluss des Rates"), "date"),
                        (_("Anzeige bei der Aufsichtsbehörde"), "date"),
                        (_("Genehmigung"), "date"),
                        (_("Erläuterung"), "text"),
                    ],
                    [
                        [
                            s["year"],
                            s["stage"],
                            s["adopted_on"],
                            s["submitted_on"],
                            s["approved_on"],
                            s["note"],
                        ]
                        for s in section["statuses"]
                    ],
                )
            )
        if section["indicators"]:
            result.append(indicator_table(_("Finanzkennzahlen"), section["indicators"]))
        return result

    def changes(self, previous, current):
        before = {s["year"]: s["stage"] for s in (previous or {}).get("statuses", [])}
        found = indicator_changes((previous or {}).get("indicators"), (current or {}).get("indicators"))
        return found + [
            entry(
                "budget_stage",
                _("Haushalt %(year)s: %(stage)s.") % {"year": s["year"], "stage": s["stage"]},
                ref=str(s["year"]),
            )
            for s in (current or {}).get("statuses", [])
            if before.get(s["year"]) != s["stage"]
        ]

    def problems(self, section):
        return indicator_problems((section or {}).get("indicators", []))
