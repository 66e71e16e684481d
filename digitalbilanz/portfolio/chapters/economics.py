"""Portfolio economics (yearly balance, NPV, Monte Carlo) and its part of the appendix."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.portfolio.chapters import charts
from digitalbilanz.portfolio.chapters.base import PortfolioChapter, cols
from digitalbilanz.registry import blocks as b


class Economics(PortfolioChapter):
    key = "economics"
    title = N_("Wirtschaftlichkeit des Portfolios")
    order = 50

    def has_data(self, snapshot):
        data = self.section(snapshot)
        return bool(data) and any(m["npv_kn"] is not None for m in data["measures"])

    def blocks(self, snapshot):
        data = self.section(snapshot)
        p = data["totals"]
        out = [b.heading(_("Jährlicher Saldo"), 2)]
        yearly = p["yearly"]
        if yearly:
            alt = _("Säulendiagramm des jährlichen Saldos (Nutzen minus Kosten) in Euro: ") + "; ".join(
                f"{y}: {b.format_cell(v, 'eur')}" for y, v in yearly.items()
            )
            out += [
                b.chart(_("Jährlicher Saldo des Portfolios"), alt, charts.yearly_balance(yearly)),
                b.table(
                    _("Jährlicher Saldo des Portfolios"),
                    _("Saldo je Jahr"),
                    [(_("Jahr"), "year"), (_("Saldo"), "eur")],
                    [[int(y), v] for y, v in yearly.items()],
                ),
            ]
        out += self._npv(data)
        out += self._monte_carlo(data)
        return out

    def _npv(self, data):
        ms = [m for m in data["measures"] if m["npv_kn"] is not None]
        ms.sort(key=lambda m: -abs(m["npv_kn"]))
        top = ms[:15]
        rows = [{"code": m["code"], "kn_h": m["npv_kn_h"], "kn_nh": m["npv_kn_nh"]} for m in top]
        alt = _("Balkendiagramm der Kapitalwerte je Maßnahme, aufgeteilt in KN/h und KN/nh: ") + "; ".join(
            f"{m['code']}: KN/h {b.format_cell(m['npv_kn_h'], 'eur')}, KN/nh "
            f"{b.format_cell(m['npv_kn_nh'], 'eur')}"
            for m in top
        )
        note = _("Die %(n)s Maßnahmen mit dem betragsmäßig größten Kapitalwert.") % {"n": len(top)}
        out = [
            b.heading(_("Kapitalwert je Maßnahme"), 2),
            b.chart(_("Kapitalwert je Maßnahme (KN/h und KN/nh)"), alt, charts.npv_by_measure(rows), note),
        ]
        # Figures computed without lines this audience may not read say so (older snapshots
        # carry no notice).
        partial = [
            f"{m['code']}: {text}"
            for m in data["measures"]
            for text in (m.get("notice"), m.get("folded_notice"))
            if text
        ]
        if partial:
            out.append(b.para(_("Hinweise zu den Kennzahlen: ") + "; ".join(partial) + "."))
        return out

    def _monte_carlo(self, data):
        mc = data["totals"].get("monte_carlo")
        if not mc:
            return []
        text = _(
            "Monte-Carlo-Simulation mit %(draws)s Ziehungen (Startwert %(seed)s): Kapitalwert des "
            "Portfolios mit 90 %% Wahrscheinlichkeit zwischen %(p5)s und %(p95)s, Median %(p50)s; "
            "Wahrscheinlichkeit eines nicht negativen Kapitalwerts %(prob)s. Die Spanne beruht auf "
            "den Schätzspannen (niedrig/wahrscheinlich/hoch) der Kosten- und Nutzenzeilen."
        ) % {
            "draws": b.format_cell(mc["draws"], "int"),
            "seed": mc["seed"],
            "p5": b.format_cell(mc["p5"], "eur"),
            "p95": b.format_cell(mc["p95"], "eur"),
            "p50": b.format_cell(mc["p50"], "eur"),
            "prob": b.format_cell(mc["prob_nonnegative"] * 100, "pct"),
        }
        rows = [
            [
                m["code"],
                m["npv_kn"],
                m["mc"]["p5"],
                m["mc"]["p50"],
                m["mc"]["p95"],
                m["mc"]["payback_probability"] * 100,
            ]
            for m in data["measures"]
            if m.get("mc")
        ]
        return [
            b.heading(_("Unsicherheit (Monte-Carlo-Simulation)"), 2),
            b.para(text),
            b.table(
                _("Spannweite des Kapitalwerts je Maßnahme"),
                _("Monte Carlo"),
                [
                    (_("Nr."), "text"),
                    (_("KN (wahrscheinlich)"), "eur"),
                    (_("5 %-Perzentil"), "eur"),
                    (_("Median"), "eur"),
                    (_("95 %-Perzentil"), "eur"),
                    (_("Wahrsch. Amortisation"), "pct"),
                ],
                rows,
            ),
        ]

    def appendix(self, snapshot):
        """Method, parameters and the cost and benefit lines: every NPV can be recomputed."""
        data = self.section(snapshot)
        if not data:
            return []
        return [
            b.heading(_("Wirtschaftlichkeit nach WiBe 5.0"), 2),
            b.para(_(METHOD_TEXT)),
            b.bullet_list(_(item) for item in METHOD_ITEMS),
            b.heading(_("Parameter mit Quelle und Stand"), 2),
            b.table(
                _("Parameter"),
                _("Parameter"),
                [(_("Parameter"), "text"), (_("Wert"), "dec2"), (_("Quelle"), "text"), (_("Stand"), "date")],
                [[p["label"], p["value"], p["source"], p["as_of"]] for p in data["parameters"]],
            ),
            b.heading(_("Datengrundlage: Kosten- und Nutzenzeilen"), 2),
            b.para(
                _(
                    "Mit diesen Zeilen und den Parametern lässt sich jeder Kapitalwert nachrechnen. "
                    "Stunden werden mit Lohnsatz × (1 + Gemeinkostenzuschlag) bewertet."
                ),
                "note",
            ),
            *self._lines(data),
        ]

    def _lines(self, data):
        rows = line_rows(data)
        if len(rows) <= MAX_PRINTED_LINES:
            return [b.table(_("Kosten- und Nutzenzeilen"), _("Zeilen"), cols(LINE_COLUMNS), rows)]
        return [
            b.para(
                _("Die %(n)s Zeilen stehen vollständig in der Excel-Ausgabe (Blatt „Zeilen“).")
                % {"n": b.format_cell(len(rows), "int")},
                formats=["pdf"],
            ),
            b.table(
                _("Kosten- und Nutzenzeilen"), _("Zeilen"), cols(LINE_COLUMNS), rows, formats=["html", "xlsx"]
            ),
        ]


METHOD_TEXT = N_(
    "Die Wirtschaftlichkeit folgt WiBe 5.0. Kapitalwert KN = Σ (Nutzen − Kosten) / (1 + i)^t über "
    "den Betrachtungszeitraum; t = 0 ist das erste Jahr der Maßnahme. KN/h enthält nur "
    "haushaltswirksame Zeilen, KN/nh die übrigen (z. B. frei werdende Arbeitszeit); KN = KN/h + KN/nh."
)
METHOD_ITEMS = [
    N_(
        "Amortisationsjahr: erstes Jahr, ab dem der kumulierte abgezinste Saldo bis zum Ende des "
        "Betrachtungszeitraums nicht mehr negativ ist."
    ),
    N_(
        "Arbeitsverbesserung: Stunden × Lohnsatz der Laufbahngruppe × (1 + Gemeinkostenzuschlag); "
        "VZÄ = Stunden im stärksten Jahr / Jahresarbeitsstunden je VZÄ."
    ),
    N_(
        "Monte-Carlo-Simulation: Zeilen mit Schätzspanne werden dreiecksverteilt gezogen "
        "(niedrig, wahrscheinlich, hoch); fester Startwert, daher reproduzierbar."
    ),
    N_(
        "Ampel: kritisch bei mehr als 90 Tagen Verzug, überschrittener Prognose oder mehr als 20 % "
        "Kostenüberschreitung; gefährdet ab 30 Tagen Verzug oder 10 % Kostenüberschreitung."
    ),
    N_(
        "Ohne Nutzenaussage: Kosten, aber weder Nutzenzeile noch Eintrag im Nutzenregister noch "
        "qualitative Bewertung (Antrag 2023/2362, Punkt 2)."
    ),
]
MAX_PRINTED_LINES = 400
LINE_COLUMNS = [
    (N_("Nr."), "text"),
    (N_("Jahr"), "year"),
    (N_("Art"), "text"),
    (N_("Gruppe"), "text"),
    (N_("h"), "text"),
    (N_("Bezeichnung"), "text"),
    (N_("Betrag"), "eur"),
    (N_("Stunden"), "int"),
    (N_("LG"), "text"),
    (N_("niedrig"), "dec1"),
    (N_("hoch"), "dec1"),
    (N_("Risiko %"), "dec1"),
    (N_("Quelle/Anmerkung"), "text"),
]


def line_rows(data):
    return [
        [
            m["code"],
            x["year"],
            x["kind"],
            x["group"].split(" ")[0],
            "h" if x["budget_relevant"] else "nh",
            x["label"],
            x["amount"],
            x["hours"],
            x["career_level"],
            x["low"],
            x["high"],
            x["risk_surcharge"],
            x["note"],
        ]
        for m in data["measures"]
        for x in m["lines"]
    ]
