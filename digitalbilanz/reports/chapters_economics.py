"""Chapters: what changed, portfolio economics (with Monte Carlo) and the methods appendix."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.reports import blocks as b
from digitalbilanz.reports import charts
from digitalbilanz.reports.changes import has_changes
from digitalbilanz.reports.chapters import Chapter
from digitalbilanz.reports.chapters_portfolio import cols


class Changes(Chapter):
    key = "changes"
    title = N_("Änderungen seit der letzten Ausgabe")
    order = 20

    def has_data(self, snapshot):
        return "changes" in snapshot

    def blocks(self, snapshot):
        return change_blocks(snapshot.get("changes") or {})


def change_blocks(ch: dict) -> list[dict]:
    prev = ch.get("previous")
    if not prev:
        return [b.para(_("Dies ist die erste Ausgabe; es gibt keine Vorgängerausgabe zum Vergleich."))]
    out = [
        b.para(
            _("Verglichen wird mit der Ausgabe %(label)s (Stichtag %(date)s).")
            % {"label": prev["period_label"], "date": b.format_cell(prev["reference_date"], "date")},
            "lead",
        )
    ]
    if not has_changes(ch):
        out.append(b.para(_("Seit der letzten Ausgabe hat sich an den Maßnahmen nichts geändert.")))
    out += _measure_lists(ch)
    out += _milestones(ch)
    out += _money(ch)
    out += _indicators(ch)
    return out


def _measure_lists(ch):
    out = []
    for key, title in (
        ("new_measures", _("Neue Maßnahmen")),
        ("finished_measures", _("Abgeschlossene Maßnahmen")),
        ("removed_measures", _("Nicht mehr enthaltene Maßnahmen")),
    ):
        if ch.get(key):
            out += [b.heading(title, 2), b.bullet_list(f"{m['code']} {m['title']}" for m in ch[key])]
    if ch.get("status_changes"):
        out += [
            b.heading(_("Statusänderungen"), 2),
            b.table(
                _("Statusänderungen"),
                _("Änderungen Status"),
                [
                    (_("Nr."), "text"),
                    (_("Maßnahme"), "text"),
                    (_("bisher"), "text"),
                    (_("jetzt"), "text"),
                    (_("Fortschritt bisher"), "pct"),
                    (_("Fortschritt jetzt"), "pct"),
                ],
                [
                    [r["code"], r["title"], r["old"], r["new"], r["old_progress"], r["new_progress"]]
                    for r in ch["status_changes"]
                ],
            ),
        ]
    return out


def _milestones(ch):
    rows = ch.get("milestones") or []
    if not rows:
        return []
    labels = {"verschoben": _("verschoben"), "erreicht": _("erreicht"), "neu": _("neu")}
    table_rows = [
        [
            r["code"],
            r["milestone"],
            labels.get(r["kind"], r["kind"]),
            r["baseline"],
            r["previous"],
            r["current"],
            r["shift_days"],
            r["slip_days"],
            "; ".join(r["reasons"]),
        ]
        for r in rows
    ]
    return [
        b.heading(_("Meilensteine: Verschiebungen und Erreichtes"), 2),
        b.para(
            _(
                "Basisplan, Prognose der letzten Ausgabe und aktuelle Prognose (oder erreichtes "
                "Datum); Verschiebung in Tagen gegenüber der letzten Ausgabe und gegenüber dem "
                "Basisplan."
            )
        ),
        b.table(
            _("Meilensteine seit der letzten Ausgabe"),
            _("Änderungen Meilensteine"),
            [
                (_("Nr."), "text"),
                (_("Meilenstein"), "text"),
                (_("Änderung"), "text"),
                (_("Basisplan"), "date"),
                (_("bisher"), "date"),
                (_("jetzt"), "date"),
                (_("Verschiebung"), "days"),
                (_("Verzug ggü. Basisplan"), "days"),
                (_("Begründung"), "text"),
            ],
            table_rows,
        ),
    ]


def _money(ch):
    out = []
    if ch.get("money"):
        out += [
            b.heading(_("Kosten, Nutzen und Kapitalwerte je Maßnahme"), 2),
            b.table(
                _("Veränderte Beträge je Maßnahme"),
                _("Änderungen Beträge"),
                [
                    (_("Nr."), "text"),
                    (_("Kennzahl"), "text"),
                    (_("bisher"), "int"),
                    (_("jetzt"), "int"),
                    (_("Veränderung"), "int"),
                ],
                [[r["code"], _(r["figure"]), r["old"], r["new"], r["delta"]] for r in ch["money"]],
            ),
        ]
    if ch.get("portfolio"):
        out += [
            b.heading(_("Portfolio insgesamt"), 2),
            b.para(_("Beträge in Euro, Arbeitsverbesserung in Stunden."), "note"),
            b.table(
                _("Portfolio im Vergleich"),
                _("Änderungen Portfolio"),
                [
                    (_("Kennzahl"), "text"),
                    (_("bisher"), "int"),
                    (_("jetzt"), "int"),
                    (_("Veränderung"), "int"),
                ],
                [[_(r["figure"]), r["old"], r["new"], r["delta"]] for r in ch["portfolio"]],
            ),
        ]
    return out


def _indicators(ch):
    if not ch.get("indicators"):
        return []
    return [
        b.heading(_("Kennzahlen des Nutzens"), 2),
        b.table(
            _("Veränderte Kennzahlen"),
            _("Änderungen Kennzahlen"),
            [
                (_("Nr."), "text"),
                (_("Kennzahl"), "text"),
                (_("bisher"), "dec1"),
                (_("jetzt"), "dec1"),
                (_("Ziel"), "dec1"),
                (_("Status"), "text"),
            ],
            [
                [r["code"], r["indicator"], r["old"], r["new"], r["target"], r["status"]]
                for r in ch["indicators"]
            ],
        ),
    ]


class Economics(Chapter):
    key = "economics"
    title = N_("Wirtschaftlichkeit des Portfolios")
    order = 50

    def has_data(self, snapshot):
        return any(m["npv_kn"] is not None for m in snapshot["measures"])

    def blocks(self, snapshot):
        p = snapshot["portfolio"]
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
        out += self._npv(snapshot)
        out += self._monte_carlo(snapshot)
        return out

    def _npv(self, snapshot):
        ms = [m for m in snapshot["measures"] if m["npv_kn"] is not None]
        ms.sort(key=lambda m: -abs(m["npv_kn"]))
        top = ms[:15]
        rows = [{"code": m["code"], "kn_h": m["npv_kn_h"], "kn_nh": m["npv_kn_nh"]} for m in top]
        alt = _("Balkendiagramm der Kapitalwerte je Maßnahme, aufgeteilt in KN/h und KN/nh: ") + "; ".join(
            f"{m['code']}: KN/h {b.format_cell(m['npv_kn_h'], 'eur')}, KN/nh "
            f"{b.format_cell(m['npv_kn_nh'], 'eur')}"
            for m in top
        )
        note = _("Die %(n)s Maßnahmen mit dem betragsmäßig größten Kapitalwert.") % {"n": len(top)}
        return [
            b.heading(_("Kapitalwert je Maßnahme"), 2),
            b.chart(_("Kapitalwert je Maßnahme (KN/h und KN/nh)"), alt, charts.npv_by_measure(rows), note),
        ]

    def _monte_carlo(self, snapshot):
        mc = snapshot["portfolio"].get("monte_carlo")
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
            for m in snapshot["measures"]
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


class Methods(Chapter):
    key = "methods"
    title = N_("Anhang: Methodik, Parameter und Datengrundlage")
    order = 900

    def has_data(self, snapshot):
        return True

    def blocks(self, snapshot):
        return [
            b.para(METHOD_TEXT),
            b.bullet_list(_(item) for item in METHOD_ITEMS),
            b.heading(_("Parameter mit Quelle und Stand"), 2),
            b.table(
                _("Parameter"),
                _("Parameter"),
                [(_("Parameter"), "text"), (_("Wert"), "dec2"), (_("Quelle"), "text"), (_("Stand"), "date")],
                [[p["label"], p["value"], p["source"], p["as_of"]] for p in snapshot["parameters"]],
            ),
            *self._problems(snapshot),
            b.heading(_("Datengrundlage: Kosten- und Nutzenzeilen"), 2),
            b.para(
                _(
                    "Mit diesen Zeilen und den Parametern lässt sich jeder Kapitalwert nachrechnen. "
                    "Stunden werden mit Lohnsatz × (1 + Gemeinkostenzuschlag) bewertet."
                ),
                "note",
            ),
            *self._lines(snapshot),
        ]

    def _lines(self, snapshot):
        rows = line_rows(snapshot)
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

    def _problems(self, snapshot):
        items = snapshot.get("confirmed_problems") or []
        if not items:
            return []
        return [
            b.heading(_("Bei Veröffentlichung bestätigte offene Punkte"), 2),
            b.bullet_list(p["text"] for p in items),
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
    N_(
        "Datenstand: Der Bericht beruht auf einem bei Veröffentlichung eingefrorenen Datenstand; "
        "die Dateien sind mit ihrer SHA-256-Prüfsumme gespeichert."
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


def line_rows(snapshot):
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
        for m in snapshot["measures"]
        for x in m["lines"]
    ]
