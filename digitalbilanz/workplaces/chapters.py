"""The workplaces chapter of the Digitalisierungsbericht: mobile work and desk-sharing scenarios."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry
from digitalbilanz.workplaces.calc import scenario_result
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

NOT_CASH = N_(
    "Szenario „%(n)s“: die Einsparung ist nicht haushaltswirksam, solange keine Fläche aufgegeben wird."
)


class Workplaces(Chapter):
    key = "workplaces"
    title = N_("Arbeitsplätze und mobile Arbeit")
    order = 70

    def collect(self, context):
        m, audience = context["municipality"], context["audience"]
        snapshots = WorkplaceSnapshot.objects.for_audience(m, audience).filter(org_unit__isnull=True)
        if context.get("reference_date"):  # the report shows the state on its reference date
            snapshots = snapshots.filter(as_of__lte=context["reference_date"])
        snapshot = snapshots.order_by("-as_of").first()
        if snapshot is None:
            return None
        params = ParameterSet.for_municipality(m)
        scenarios = []
        for s in WorkplaceScenario.objects.for_audience(m, audience).filter(snapshot=snapshot):
            r = scenario_result(s, params).result
            if r is not None:
                scenarios.append(
                    {
                        "name": s.name,
                        "desk_ratio": float(s.desk_ratio),
                        "desks_freed": r.desks_freed,
                        "saving": r.annual_saving,
                        "cash": r.saving_budget_relevant,
                        "extra": r.annual_extra_cost,
                        "net": r.net_per_year,
                        "net_cash": r.net_cash_per_year,
                    }
                )
        return {
            "as_of": snapshot.as_of.isoformat(),
            "headcount": snapshot.headcount,
            "mobile": snapshot.mobile_capable,
            "share": float(snapshot.mobile_share),
            "pending": snapshot.pending_applications,
            "notebooks": snapshot.notebooks,
            "desks": snapshot.desks,
            "source": snapshot.source,
            "scenarios": scenarios,
        }

    def blocks(self, snapshot):
        s = self.section(snapshot)
        result = [
            b.figures(
                [
                    (_("Beschäftigte"), s["headcount"], "int"),
                    (_("mobil arbeitsfähig"), s["mobile"], "int"),
                    (_("Anteil mobil arbeitsfähig"), s["share"], "pct"),
                    (_("offene Anträge"), s["pending"], "int"),
                    (_("Notebooks"), s["notebooks"], "int"),
                ]
            ),
            b.para(
                _("Stand %(d)s. Quelle: %(s)s") % {"d": b.format_cell(s["as_of"], "date"), "s": s["source"]},
                "note",
            ),
        ]
        if s["scenarios"]:
            result.append(
                b.table(
                    _("Desksharing-Szenarien (Antrag 2023/2362, Punkt 3)"),
                    _("Arbeitsplätze"),
                    [
                        (_("Szenario"), "text"),
                        (_("Quote"), "dec2"),
                        (_("frei"), "int"),
                        (_("Einsparung/Jahr"), "eur"),
                        (_("Mehrkosten/Jahr"), "eur"),
                        (_("Netto/Jahr"), "eur"),
                        (_("davon haushaltswirksam"), "eur"),
                    ],
                    [
                        [
                            r["name"],
                            r["desk_ratio"],
                            r["desks_freed"],
                            r["saving"],
                            r["extra"],
                            r["net"],
                            r["net_cash"],
                        ]
                        for r in s["scenarios"]
                    ],
                )
            )
        return result

    def changes(self, previous, current):
        if not current:
            return []
        if not previous:
            return [entry("new", _("Neu im Bericht: Arbeitsplätze und mobile Arbeit."), ref="workplaces")]
        items = []
        if previous.get("mobile") != current.get("mobile"):
            items.append(
                entry(
                    "mobile",
                    _("Mobil arbeitsfähig: %(a)s → %(b)s Beschäftigte.")
                    % {"a": previous.get("mobile"), "b": current["mobile"]},
                    ref="mobile",
                )
            )
        return items

    def problems(self, section):
        if not section:
            return []
        found = []
        if section.get("pending"):
            found.append(
                entry(
                    "pending",
                    _("%(n)s Anträge auf mobile Arbeit sind offen.") % {"n": section["pending"]},
                    ref="pending",
                )
            )
        for r in section.get("scenarios", []):
            if r["saving"] > 0 and not r["cash"]:
                found.append(
                    entry(
                        "no_cash",
                        _(NOT_CASH) % {"n": r["name"]},
                        ref=r["name"],
                    )
                )
        return found
