"""The contracts chapter of the Digitalisierungsbericht: obligations and earliest exits."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.contracts import calc
from digitalbilanz.contracts.models import Contract
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry

SOON_DAYS = 120  # a notice deadline this close is an open point


class Contracts(Chapter):
    key = "contracts"
    title = N_("Verträge und Verpflichtungen")
    order = 75

    def collect(self, context):
        m = context["municipality"]
        today = context.get("reference_date") or dt.date.today()
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        years = calc.default_years(today)
        levels = levels_for_audience(context["audience"])
        contracts = Contract.objects.for_audience(m, context["audience"]).filter(start__lte=today)
        rows = calc.figures(contracts, m, levels, today, years)
        if not rows:
            return None
        return {
            "today": today.isoformat(),
            "contracts": [
                {
                    "id": r.contract.pk,
                    "name": str(r.contract),
                    "kind": str(r.contract.get_kind_display()),
                    "annual_cost": float(r.annual_cost) if r.values else None,
                    "notice_by": r.exit.notice_by.isoformat() if r.exit.notice_by else None,
                    "end": r.exit.end.isoformat(),
                }
                for r in rows
            ],
            "years": [
                {"year": t.year, "running": t.running, "bound": t.bound, "reducible": t.reducible}
                for t in calc.totals(rows, years)
            ],
        }

    def blocks(self, snapshot):
        s = self.section(snapshot)
        return [
            b.table(
                _("Verträge mit frühestem Ausstieg"),
                _("Verträge"),
                [
                    (_("Vertrag"), "text"),
                    (_("Art"), "text"),
                    (_("Jahreskosten"), "eur"),
                    (_("Kündigung bis"), "date"),
                    (_("frühestes Ende"), "date"),
                ],
                [[c["name"], c["kind"], c["annual_cost"], c["notice_by"], c["end"]] for c in s["contracts"]],
            ),
            b.table(
                _("Verpflichtungen je Jahr"),
                _("Verpflichtungen"),
                [
                    (_("Jahr"), "year"),
                    (_("laufend"), "eur"),
                    (_("gebunden"), "eur"),
                    (_("reduzierbar"), "eur"),
                ],
                [[y["year"], y["running"], y["bound"], y["reducible"]] for y in s["years"]],
            ),
            b.para(
                _(
                    "Gebunden ist, was auch bei Kündigung zum frühestmöglichen Termin noch anfällt; "
                    "reduzierbar ist der Rest. Verträge ohne veröffentlichte Werte zählen nicht mit."
                ),
                "note",
            ),
        ]

    def changes(self, previous, current):
        if not current:
            return []
        before = {c["id"]: c for c in (previous or {}).get("contracts", [])}
        items = []
        for c in current["contracts"]:
            old = before.get(c["id"])
            if old is None:
                items.append(entry("new", _("Neuer Vertrag: %(n)s") % {"n": c["name"]}, ref=str(c["id"])))
            elif old.get("annual_cost") != c["annual_cost"] and c["annual_cost"] is not None:
                items.append(
                    entry(
                        "cost",
                        _("Jahreskosten geändert: %(n)s") % {"n": c["name"]},
                        ref=str(c["id"]),
                        data={"before": old.get("annual_cost"), "after": c["annual_cost"]},
                    )
                )
        return items

    def problems(self, section):
        if not section:
            return []
        today = dt.date.fromisoformat(section["today"])
        found = []
        for c in section["contracts"]:
            if c["notice_by"] and (dt.date.fromisoformat(c["notice_by"]) - today).days <= SOON_DAYS:
                found.append(
                    entry(
                        "notice",
                        _("Kündigungsfrist „%(n)s“ endet am %(d)s – verlängern oder kündigen?")
                        % {"n": c["name"], "d": b.format_cell(c["notice_by"], "date")},
                        ref=str(c["id"]),
                    )
                )
        return found
