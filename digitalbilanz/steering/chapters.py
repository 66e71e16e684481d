"""The „Steuerung“ chapter of the Digitalisierungsbericht: delivery confidence per measure and
report period with its trend, red measures with their follow-up review, approved re-baselines
(original, previous and new baseline), success checks and freshness."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.economics import delivery
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry
from digitalbilanz.steering import calc, periods
from digitalbilanz.steering.choices import Decision
from digitalbilanz.steering.models import (
    Approval,
    BenefitRebaseline,
    CostRebaseline,
    FollowUpReview,
    Rating,
    Rebaseline,
    Result,
    Review,
    SuccessCheck,
)

LABELS = {"green": N_("grün"), "amber": N_("gelb"), "red": N_("rot")}


def _label(value):
    return _(LABELS[value]) if value in LABELS else "–"


class Steering(Chapter):
    key = "steering"
    title = N_("Steuerung")
    order = 72

    def collect(self, context):
        m = context["municipality"]
        audience = context["audience"]
        today = context.get("reference_date") or dt.date.today()
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        levels = levels_for_audience(audience)
        # an edition shows the periods up to its own, and the reviews made by its reference date
        period = periods.period_of(today)
        ratings = Rating.objects.for_municipality(m).with_levels(levels).filter(period__lte=period)
        reviews = Review.objects.for_municipality(m).with_levels(levels).filter(reviewed_on__lte=today)
        rows = calc.rows(audience_measures(m, audience), ratings, reviews, today)
        checks = list(
            SuccessCheck.objects.for_municipality(m)
            .with_levels(levels)
            .filter(go_live__lte=today)
            .select_related("measure", "benefit")
        )
        rebaselines = approved_rebaselines(m, levels, today)
        if not any(r.ratings for r in rows) and not checks and not rebaselines:
            return None
        follow_ups = (
            FollowUpReview.objects.for_municipality(m).with_levels(levels).select_related("rating__measure")
        )
        return {
            "today": today.isoformat(),
            "period": period,
            "measures": [
                {
                    "id": r.measure.pk,
                    "name": str(r.measure),
                    "ratings": [
                        {
                            "period": x.period,
                            "computed": x.computed,
                            "owner": x.owner_rating,
                            "published": x.published,
                        }
                        for x in r.ratings
                    ],
                    "trend": r.trend,
                    "last_review": r.last_review.reviewed_on.isoformat() if r.last_review else None,
                    "stale": r.stale,
                }
                for r in rows
            ],
            "success_checks": [
                {
                    "id": c.pk,
                    "name": f"{c.measure.code} {c.benefit.description}",
                    "target": float(c.benefit.target_value),
                    "measured": float(c.measured_value) if c.measured_value is not None else None,
                    "due": c.due_date.isoformat(),
                    "result": c.result if c.checked_on and c.checked_on <= today else "",
                    "overdue": c.due_date < today and not (c.checked_on and c.checked_on <= today),
                }
                for c in checks
            ],
            "rebaselines": rebaselines,
            "follow_ups": [
                {
                    "id": f.pk,
                    "measure_id": f.rating.measure_id,
                    "name": str(f.rating.measure),
                    "period": f.rating.period,
                    "due": f.due_date.isoformat(),
                    "causes": f.causes,
                    "options": [f.option_continue, f.option_rescope, f.option_stop],
                    "decision": f.decision,
                }
                for f in follow_ups
            ],
        }

    def blocks(self, snapshot):
        s = self.section(snapshot)
        all_periods = sorted({x["period"] for m in s["measures"] for x in m["ratings"]})[-4:]
        rows = []
        for m in s["measures"]:
            by = {x["period"]: x["published"] for x in m["ratings"]}
            rows.append(
                [m["name"]]
                + [_label(by.get(p)) for p in all_periods]
                + [
                    {"worse": _("schlechter"), "better": _("besser")}.get(m["trend"], _("unverändert")),
                    _("nicht aktualisiert") if m["stale"] else _("aktuell"),
                ]
            )
        result = [
            b.para(
                _(
                    "Lieferzuversicht je Maßnahme und Halbjahr: veröffentlicht ist die schlechtere von "
                    "berechneter Bewertung (Termin, Kosten, Nutzen gegen dokumentierte Schwellen) und "
                    "eigener, begründeter Einschätzung der Verantwortlichen."
                )
            ),
            b.table(
                _("Lieferzuversicht und Trend"),
                _("Lieferzuversicht"),
                [(_("Maßnahme"), "text")]
                + [(periods.label(p), "text") for p in all_periods]
                + [(_("Trend"), "text"), (_("Aktualität"), "text")],
                rows,
            ),
        ]
        if s["follow_ups"]:
            decisions = dict(Decision.choices)
            result.append(b.heading(_("Rot bewertete Maßnahmen und Folgeprüfungen"), 2))
            result.append(
                b.table(
                    _("Folgeprüfungen"),
                    _("Folgeprüfungen"),
                    [
                        (_("Maßnahme"), "text"),
                        (_("fällig am"), "date"),
                        (_("Ursachen"), "text"),
                        (_("Optionen: fortführen / neu zuschneiden / beenden"), "text"),
                        (_("Entscheidung"), "text"),
                    ],
                    [
                        [
                            f["name"],
                            f["due"],
                            f["causes"] or "–",
                            " / ".join(o or "–" for o in f["options"]),
                            str(decisions.get(f["decision"], "")) if f["decision"] else _("offen"),
                        ]
                        for f in s["follow_ups"]
                    ],
                )
            )
        changed = s.get("rebaselines", [])
        if changed:
            approvals = dict(Approval.choices)
            result.append(b.heading(_("Freigegebene neue Basispläne"), 2))
            result.append(
                b.table(
                    _("Neue Basispläne: ursprünglich, bisher, neu"),
                    _("Neue Basispläne"),
                    [
                        (_("Maßnahme und Gegenstand"), "text"),
                        (_("ursprünglich"), "text"),
                        (_("bisher"), "text"),
                        (_("neu"), "text"),
                        (_("Begründung"), "text"),
                        (_("Freigabe"), "text"),
                    ],
                    [
                        [
                            r["name"],
                            baseline_text(r, "original"),
                            baseline_text(r, "old"),
                            baseline_text(r, "new"),
                            r["reason"],
                            f"{approvals.get(r['approval'], '')} {r['resolution']}".strip()
                            + f", {b.format_cell(r['approved_on'], 'date')}",
                        ]
                        for r in changed
                    ],
                )
            )
        checks = s.get("success_checks", [])
        if checks:
            results = dict(Result.choices)
            share = delivery.realisation([c["result"] for c in checks])
            result.append(b.heading(_("Erfolgskontrollen nach Go-live"), 2))
            result.append(
                b.table(
                    _("Erfolgskontrollen"),
                    _("Erfolgskontrollen"),
                    [
                        (_("Nutzen"), "text"),
                        (_("Ziel"), "dec2"),
                        (_("gemessen"), "dec2"),
                        (_("fällig am"), "date"),
                        (_("Ergebnis"), "text"),
                    ],
                    [
                        [
                            c["name"],
                            c["target"],
                            c["measured"],
                            c["due"],
                            str(results[c["result"]])
                            if c["result"]
                            else (_("überfällig") if c["overdue"] else _("offen")),
                        ]
                        for c in checks
                    ],
                )
            )
            result.append(
                b.para(
                    _("Nutzenrealisierung des Portfolios: %(p)s (erreicht zählt voll, teilweise zur Hälfte).")
                    % {"p": f"{share * 100:.0f} %".replace(".", ",") if share is not None else "–"}
                )
            )
        return result

    def changes(self, previous, current):
        if not current:
            return []
        before = {m["id"]: m for m in (previous or {}).get("measures", [])}
        items = []
        for m in current["measures"]:
            now = m["ratings"][-1]["published"] if m["ratings"] else None
            old = before.get(m["id"])
            then = old["ratings"][-1]["published"] if old and old["ratings"] else None
            if now and then and now != then:
                items.append(
                    entry(
                        "confidence",
                        _("Lieferzuversicht %(n)s: %(a)s → %(b)s")
                        % {"n": m["name"], "a": _label(then), "b": _label(now)},
                        ref=str(m["id"]),
                        data={"before": then, "after": now},
                    )
                )
        return items

    def problems(self, section):
        if not section:
            return []
        overdue = [
            entry(
                "success_check",
                _("Erfolgskontrolle überfällig: %(n)s (fällig am %(d)s).")
                % {"n": c["name"], "d": b.format_cell(c["due"], "date")},
                ref=f"check-{c['id']}",
            )
            for c in section.get("success_checks", [])
            if c["overdue"]
        ]
        return overdue + [
            entry(
                "follow_up",
                _("%(n)s ist rot bewertet: Folgeprüfung fällig am %(d)s, Entscheidung offen.")
                % {"n": f["name"], "d": b.format_cell(f["due"], "date")},
                ref=str(f["id"]),
            )
            for f in section["follow_ups"]
            if not f["decision"]
        ]


def approved_rebaselines(municipality, levels, today) -> list[dict]:
    """Approved new baselines up to ``today`` readable at ``levels``: milestone dates (``date``),
    cost plans (``eur``) and benefit targets (``target``: value and date)."""
    result = []
    approval = ("reason", "approval", "resolution")

    def common(r, name, kind):
        return {
            "id": f"{kind}-{r.pk}",
            "kind": kind,
            "name": name,
            "approved_on": r.approved_on.isoformat(),
        } | {k: getattr(r, k) for k in approval}

    def visible(model, related):
        return (
            model.objects.for_municipality(municipality)
            .with_levels(levels)
            .filter(approved_on__lte=today)
            .select_related(related)
            .order_by("approved_on", "pk")
        )

    for r in visible(Rebaseline, "milestone__measure"):
        result.append(
            common(r, f"{r.milestone.measure.code}: {r.milestone.title}", "date")
            | {
                "original": r.original_date.isoformat(),
                "old": r.old_date.isoformat(),
                "new": r.new_date.isoformat(),
            }
        )
    for r in visible(CostRebaseline, "measure"):
        result.append(
            common(r, f"{r.measure.code}: {_('Kostenplan')}", "eur")
            | {"original": float(r.original_cost), "old": float(r.old_cost), "new": float(r.new_cost)}
        )
    for r in visible(BenefitRebaseline, "benefit__measure"):
        item = common(r, f"{r.benefit.measure.code}: {r.benefit}", "target")
        for when in ("original", "old", "new"):
            item[when] = [
                float(getattr(r, f"{when}_target_value")),
                getattr(r, f"{when}_target_date").isoformat(),
            ]
        result.append(item)
    return result


def baseline_text(item, when) -> str:
    value = item[when]
    if item["kind"] == "target":
        return f"{b.format_cell(value[0], 'dec2')} ({b.format_cell(value[1], 'date')})"
    return b.format_cell(value, item["kind"])
