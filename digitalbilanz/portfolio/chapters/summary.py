"""The report's summary of the portfolio: key figures, status, flags, delayed milestones."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.german import AuthorityName
from digitalbilanz.portfolio.chapters import charts
from digitalbilanz.portfolio.chapters.base import PortfolioChapter
from digitalbilanz.registry import blocks as b


class Summary(PortfolioChapter):
    key = "summary"
    title = N_("Zusammenfassung")
    order = 10

    def has_data(self, snapshot):
        return self.section(snapshot) is not None

    def blocks(self, snapshot):
        data = self.section(snapshot)
        p, measures = data["totals"], data["measures"]
        out = [
            b.para(
                _(
                    "Dieser Bericht stellt Stand, Kosten und Nutzen der Digitalisierungsmaßnahmen "
                    "%(name)s zum Stichtag %(date)s dar. Er umfasst %(n)s Maßnahmen. Beträge "
                    "in Euro; Kapitalwerte nach WiBe 5.0 (Methodik im Anhang)."
                )
                % {
                    # Editions stored before the kind was recorded infer the type from the name.
                    "name": AuthorityName(
                        snapshot["municipality"]["name"], snapshot["municipality"].get("kind")
                    ).genitive,
                    "date": b.format_cell(snapshot["reference_date"], "date"),
                    "n": len(measures),
                },
                "lead",
            ),
            b.heading(_("Kennzahlen"), 2),
            b.figures(
                [
                    (_("Maßnahmen"), len(measures), "int"),
                    (_("Investitionen (einmalig)"), p["investment"], "eur"),
                    (_("laufende Kosten im Betrachtungszeitraum"), p["running_costs"], "eur"),
                    (_("Einsparungen (haushaltswirksam)"), p["cash_savings"], "eur"),
                    (_("Arbeitsverbesserung gesamt (Std.)"), p["work_hours"], "hours"),
                    (_("VZÄ im stärksten Jahr"), p["fte_peak"], "fte"),
                    (_("Kapitalwert KN"), p["npv_kn"], "eur"),
                    (_("davon KN/h (haushaltswirksam)"), p["npv_kn_h"], "eur"),
                    (_("davon KN/nh (nicht haushaltswirksam)"), p["npv_kn_nh"], "eur"),
                ]
            ),
        ]
        if p.get("excluded"):  # editions before this key existed had every measure in the totals
            text = _(
                "Nicht in diesen Summen enthalten, weil nicht bewertbar (siehe Offene Punkte): %(codes)s."
            )
            out.append(b.para(text % {"codes": ", ".join(p["excluded"])}, "note"))
        out += self._status(p)
        out += self._flags(data)
        out += self._slips(data)
        return out

    def _slips(self, data):
        rows = [
            [m["code"], ms["title"], ms["baseline"], ms["forecast"], ms["slip_days"]]
            for m in data["measures"]
            for ms in m["milestones"]
            if not ms["actual"] and ms["slip_days"] > 0
        ]
        if not rows:
            return [
                b.heading(_("Verschobene und überfällige Meilensteine"), 2),
                b.para(_("Keine offenen Meilensteine im Verzug.")),
            ]
        rows.sort(key=lambda r: -r[4])
        return [
            b.heading(_("Verschobene und überfällige Meilensteine"), 2),
            slip_chart(data),
            b.table(
                _("Offene Meilensteine im Verzug"),
                _("Verzug"),
                [
                    (_("Nr."), "text"),
                    (_("Meilenstein"), "text"),
                    (_("Basisplan"), "date"),
                    (_("Prognose"), "date"),
                    (_("Verzug"), "days"),
                ],
                rows,
            ),
        ]

    def _status(self, p):
        rag = p["by_rag"]
        return [
            b.heading(_("Maßnahmen nach Status"), 2),
            b.table(
                _("Maßnahmen nach Status"),
                _("Status"),
                [(_("Status"), "text"), (_("Anzahl"), "int")],
                p["by_status"],
            ),
            b.para(
                _("Ampel: %(red)s kritisch, %(amber)s gefährdet, %(green)s im Plan, %(none)s nicht bewertet.")
                % {k: rag.get(k, 0) for k in ("red", "amber", "green", "none")}
            ),
        ]

    def _flags(self, data):
        lacking = [m for m in data["measures"] if m["lacks_benefit"]]
        out = [b.heading(_("Maßnahmen mit Kosten, aber ohne Nutzenaussage"), 2)]
        if not lacking:
            return out + [b.para(_("Jede Maßnahme mit Kosten nennt ihren Nutzen."))]
        out.append(
            b.para(
                _(
                    "Für diese Maßnahmen ist weder ein monetärer noch ein qualitativer Nutzen "
                    "angegeben (Antrag 2023/2362, Punkt 2):"
                ),
                "warn",
            )
        )
        return out + [b.bullet_list(f"{m['code']} {m['title']}" for m in lacking)]


def slip_chart(data, limit=15):
    rows = [
        {"label": f"{m['code']}: {ms['title'][:40]}", "days": ms["slip_days"]}
        for m in data["measures"]
        for ms in m["milestones"]
        if not ms["actual"] and ms["slip_days"] > 0
    ]
    rows.sort(key=lambda r: -r["days"])
    rows = rows[:limit]
    if not rows:
        return None
    alt = _("Balkendiagramm: Verzug offener Meilensteine gegenüber dem Basisplan. ") + "; ".join(
        f"{r['label']}: {b.format_cell(r['days'], 'days')}" for r in rows
    )
    return b.chart(_("Verzug offener Meilensteine"), alt, charts.slips(rows))
