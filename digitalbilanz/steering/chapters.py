"""The „Steuerung“ chapter of the Digitalisierungsbericht: delivery confidence per measure and
report period with its trend, red measures with their follow-up review, and freshness."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry
from digitalbilanz.steering import calc, periods
from digitalbilanz.steering.choices import Decision
from digitalbilanz.steering.models import FollowUpReview, Rating, Review

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
        if not any(r.ratings for r in rows):
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
        return [
            entry(
                "follow_up",
                _("%(n)s ist rot bewertet: Folgeprüfung fällig am %(d)s, Entscheidung offen.")
                % {"n": f["name"], "d": b.format_cell(f["due"], "date")},
                ref=str(f["id"]),
            )
            for f in section["follow_ups"]
            if not f["decision"]
        ]
