import json

from django.core.management.base import BaseCommand, CommandError

from digitalbilanz import economics as eco
from digitalbilanz.core.models import Municipality
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.templatetags.dbformat import de_number
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.queries import measures_for_levels
from digitalbilanz.portfolio.summary import summarise


class Command(BaseCommand):
    help = "Wirtschaftlichkeitsbetrachtung (WiBe) einer Maßnahme oder des Portfolios ausgeben."

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Kurzname, z. B. leverkusen")
        parser.add_argument("--measure", help="Nummer der Maßnahme, z. B. M-03")
        parser.add_argument("--draws", type=int, default=2000, help="Monte-Carlo-Ziehungen")
        parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")

    def handle(self, *args, municipality, measure=None, draws=2000, json=False, **options):
        try:
            muni = Municipality.objects.get(slug=municipality)
        except Municipality.DoesNotExist as exc:
            raise CommandError(f"Unbekannte Kommune: {municipality}") from exc
        params = ParameterSet.for_municipality(muni)
        measures = measures_for_levels(muni, ["public", "council", "internal"])
        if measure:
            self._one(measures, params, measure, json)
        else:
            self._portfolio(measures, params, draws, json)

    def _one(self, measures, params, code, as_json):
        found = measures.filter(code=code).first()
        if found is None:
            raise CommandError(f"Unbekannte Maßnahme: {code}")
        figures = figures_for(found, params)
        if figures.error:
            raise CommandError(figures.error)
        if figures.appraisal is None:
            raise CommandError("Die Maßnahme hat keine Kosten- oder Nutzenzeilen.")
        a = figures.appraisal
        if as_json:
            self.stdout.write(
                json.dumps(
                    a.explanation.as_dict()
                    | {
                        "npv_kn": a.npv_kn,
                        "npv_kn_h": a.npv_kn_h,
                        "npv_kn_nh": a.npv_kn_nh,
                        "npv_kn_r": a.npv_kn_r,
                        "payback_year": a.payback_year,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        self.stdout.write(f"{found}")
        for label, value in (
            ("KN", a.npv_kn),
            ("KN/h", a.npv_kn_h),
            ("KN/nh", a.npv_kn_nh),
            ("KN/R", a.npv_kn_r),
        ):
            self.stdout.write(f"  Kapitalwert {label:<6} {de_number(value, 2):>18} €")
        self.stdout.write(f"  Amortisation       {a.payback_year or 'nicht im Betrachtungszeitraum'}")
        self.stdout.write(f"  Methode: {a.explanation.method}; {a.explanation.formula}")
        for p in a.explanation.parameters:
            source = f" – {p['source']}, Stand {p['as_of']}" if p["source"] else ""
            self.stdout.write(f"  Parameter {p['label']}: {p['display']}{source}")
        for step in a.explanation.steps:
            self.stdout.write(f"  – {step}")

    def _portfolio(self, measures, params, draws, as_json):
        if draws < 1:
            raise CommandError("Die Zahl der Ziehungen muss mindestens 1 sein.")
        try:
            summary = summarise(measures, params, draws=draws)
        except eco.EconomicsError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            self.stdout.write(json.dumps(portfolio_record(summary), ensure_ascii=False, indent=2))
            return
        if not summary.rows:
            self.stdout.write("Noch keine Maßnahmen erfasst.")
        for row in summary.rows:
            a = row.figures.appraisal
            npv = de_number(a.npv_kn, 0) if a else "–"
            self.stdout.write(f"{row.measure.code:<6} {row.measure.title[:60]:<60} KN {npv:>14} €")
        self.stdout.write(
            f"Portfolio KN {de_number(summary.npv_kn, 0)} € "
            f"(KN/h {de_number(summary.npv_kn_h, 0)} €, "
            f"KN/nh {de_number(summary.npv_kn_nh, 0)} €, "
            f"KN/R {de_number(summary.npv_kn_r, 0)} €)"
        )


NPV_KEYS = ("npv_kn", "npv_kn_h", "npv_kn_nh", "npv_kn_r")


def portfolio_record(summary) -> dict:
    """The portfolio as JSON: each measure's net present values and payback year, and the totals."""
    measures = []
    for row in summary.rows:
        a = row.figures.appraisal
        record = {"code": row.measure.code, "title": row.measure.title}
        record |= {key: getattr(a, key) if a else None for key in NPV_KEYS}
        record["payback_year"] = a.payback_year if a else None
        measures.append(record)
    return {"measures": measures, "portfolio": {key: getattr(summary, key) for key in NPV_KEYS}}
