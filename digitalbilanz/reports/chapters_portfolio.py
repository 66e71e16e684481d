"""Portfolio chapters: summary and the measures per field of action."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.reports import blocks as b
from digitalbilanz.reports import charts
from digitalbilanz.reports.chapters import Chapter

STATUS_COLUMNS = [
    (N_("Nr."), "text"),
    (N_("Maßnahme"), "text"),
    (N_("Status"), "text"),
    (N_("Fortschritt"), "pct"),
    (N_("Ampel"), "text"),
    (N_("Ende geplant"), "date"),
    (N_("größter Verzug"), "days"),
]
MONEY_COLUMNS = [
    (N_("Nr."), "text"),
    (N_("Investition"), "eur"),
    (N_("lfd. Kosten"), "eur"),
    (N_("Einsparungen"), "eur"),
    (N_("Arbeitsverb. Std."), "int"),
    (N_("VZÄ"), "fte"),
    (N_("KN"), "eur"),
    (N_("KN/h"), "eur"),
    (N_("KN/nh"), "eur"),
    (N_("Amortisation"), "year"),
]


def cols(columns, extra=()):
    return [(_(label), fmt) for label, fmt in [*extra, *columns]]


def max_slip(m):
    open_slips = [ms["slip_days"] for ms in m["milestones"] if not ms["actual"]]
    return max(open_slips, default=None)


def status_row(m):
    return [
        m["code"],
        m["title"],
        m["status_label"],
        m["progress"],
        m["rag_label"],
        m["end_date"],
        max_slip(m),
    ]


def money_row(m):
    return [
        m["code"],
        m["investment"],
        m["running_costs"],
        m["cash_savings"],
        m["work_hours"],
        m["fte_peak"],
        m["npv_kn"],
        m["npv_kn_h"],
        m["npv_kn_nh"],
        m["payback_year"],
    ]


class Summary(Chapter):
    key = "summary"
    title = N_("Zusammenfassung")
    order = 10

    def has_data(self, snapshot):
        return True

    def blocks(self, snapshot):
        p = snapshot["portfolio"]
        measures = snapshot["measures"]
        out = [
            b.para(
                _(
                    "Dieser Bericht stellt Stand, Kosten und Nutzen der Digitalisierungsmaßnahmen "
                    "von %(name)s zum Stichtag %(date)s dar. Er umfasst %(n)s Maßnahmen. Beträge "
                    "in Euro; Kapitalwerte nach WiBe 5.0 (Methodik im Anhang)."
                )
                % {
                    "name": snapshot["municipality"]["name"],
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
        out += self._status(p)
        out += self._flags(snapshot)
        out += self._slips(snapshot)
        out += self._budget(snapshot)
        return out

    def _slips(self, snapshot):
        rows = [
            [m["code"], ms["title"], ms["baseline"], ms["forecast"], ms["slip_days"]]
            for m in snapshot["measures"]
            for ms in m["milestones"]
            if not ms["actual"] and ms["slip_days"] > 0
        ]
        if not rows:
            return [
                b.heading(_("Verschobene Meilensteine"), 2),
                b.para(_("Keine offenen Meilensteine im Verzug.")),
            ]
        rows.sort(key=lambda r: -r[4])
        return [
            b.heading(_("Verschobene Meilensteine"), 2),
            slip_chart(snapshot),
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

    def _flags(self, snapshot):
        lacking = [m for m in snapshot["measures"] if m["lacks_benefit"]]
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

    def _budget(self, snapshot):
        rows = snapshot.get("budget") or []
        if not rows:
            return []
        return [
            b.heading(_("Haushalt"), 2),
            b.table(
                _("Haushaltsansätze und -ergebnisse"),
                _("Haushalt"),
                [
                    (_("Produktgruppe"), "text"),
                    (_("Jahr"), "year"),
                    (_("Art"), "text"),
                    (_("Betrag"), "meur"),
                    (_("Quelle"), "text"),
                ],
                [[r["product_group"], r["year"], r["kind"], r["amount"], r["source"]] for r in rows],
            ),
        ]


class Fields(Chapter):
    key = "fields"
    title = N_("Maßnahmen nach Handlungsfeldern")
    order = 30

    def has_data(self, snapshot):
        return bool(snapshot["measures"])

    def groups(self, snapshot):
        fields = snapshot["fields"]
        known = {f["id"] for f in fields}
        groups = []
        for f in fields:
            items = [m for m in snapshot["measures"] if m["fields"] and m["fields"][0] == f["id"]]
            if items:
                label = _("Handlungsfeld %(code)s: %(title)s") % f if f["code"] else f["title"]
                groups.append((label, f["description"], items))
        rest = [m for m in snapshot["measures"] if not m["fields"] or m["fields"][0] not in known]
        if rest:
            groups.append((_("Ohne Handlungsfeld"), "", rest))
        return groups

    def blocks(self, snapshot):
        out = [
            b.para(
                _(
                    "Je Handlungsfeld: Stand der Maßnahmen, Kosten und Nutzen, danach jede "
                    "Maßnahme mit Meilensteinen und Nutzen. Arbeitsverbesserung in Stunden über "
                    "den Betrachtungszeitraum; VZÄ im stärksten Jahr."
                ),
                "note",
            )
        ]
        for title, description, items in self.groups(snapshot):
            out.append(b.heading(title, 2))
            if description:
                out.append(b.para(description))
            out.append(self._status_table(title, items))
            out.append(self._money_table(title, items))
            for m in items:
                out += measure_blocks(m)
        out += self._sheets_only(snapshot)
        return out

    def _status_table(self, title, items):
        return b.table(
            _("Stand: %(f)s") % {"f": title},
            "",
            cols(STATUS_COLUMNS),
            [status_row(m) for m in items],
            formats=["pdf", "html"],
        )

    def _money_table(self, title, items):
        return b.table(
            _("Kosten und Nutzen: %(f)s") % {"f": title},
            "",
            cols(MONEY_COLUMNS),
            [money_row(m) for m in items],
            formats=["pdf", "html"],
        )

    def _sheets_only(self, snapshot):
        """One sheet per kind of table, with the field of action as a column."""
        rows_s, rows_m, rows_ms, rows_b = [], [], [], []
        for title, _d, items in self.groups(snapshot):
            for m in items:
                rows_s.append([title, *status_row(m)])
                rows_m.append([title, m["title"], *money_row(m)])
                rows_ms += [[m["code"], *milestone_row(ms)] for ms in m["milestones"]]
                rows_b += [[m["code"], *benefit_row(x)] for x in m["benefits"]]
        field = [(N_("Handlungsfeld"), "text")]
        xlsx = ["xlsx"]
        return [
            b.table(
                _("Stand der Maßnahmen"),
                _("Maßnahmen Stand"),
                cols(STATUS_COLUMNS, field),
                rows_s,
                formats=xlsx,
            ),
            b.table(
                _("Kosten und Nutzen der Maßnahmen"),
                _("Maßnahmen Kosten-Nutzen"),
                cols(MONEY_COLUMNS[:1] + [(N_("Maßnahme"), "text")] + MONEY_COLUMNS[1:], field),
                rows_m,
                formats=xlsx,
            ),
            b.table(
                _("Meilensteine"),
                _("Meilensteine"),
                cols(MILESTONE_COLUMNS, [(N_("Nr."), "text")]),
                rows_ms,
                formats=xlsx,
            ),
            b.table(
                _("Nutzen"), _("Nutzen"), cols(BENEFIT_COLUMNS, [(N_("Nr."), "text")]), rows_b, formats=xlsx
            ),
        ]


MILESTONE_COLUMNS = [
    (N_("Meilenstein"), "text"),
    (N_("Basisplan"), "date"),
    (N_("Prognose"), "date"),
    (N_("erreicht"), "date"),
    (N_("Verzug"), "days"),
    (N_("Begründung der Verschiebung"), "text"),
]
BENEFIT_COLUMNS = [
    (N_("Nutzen"), "text"),
    (N_("Kennzahl"), "text"),
    (N_("Ausgangswert"), "dec1"),
    (N_("aktuell"), "dec1"),
    (N_("Ziel"), "dec1"),
    (N_("Ziel bis"), "date"),
    (N_("Status"), "text"),
]


def milestone_row(ms):
    reasons = "; ".join(
        f"{b.format_cell(c['old'], 'date')} → {b.format_cell(c['new'], 'date')}: {c['reason']}"
        for c in ms["changes"]
    )
    return [ms["title"], ms["baseline"], ms["forecast"], ms["actual"], ms["slip_days"], reasons]


def benefit_row(x):
    kpi = f"{x['kpi']} ({x['unit']})" if x["unit"] else x["kpi"]
    return [x["description"], kpi, x["baseline"], x["latest"], x["target"], x["target_date"], x["status"]]


def measure_blocks(m):
    pdf_html = ["pdf", "html"]
    out = [b.heading(f"{m['code']} {m['title']}", 3)]
    facts = _("Status: %(s)s · Fortschritt: %(p)s · Ampel: %(r)s · federführend: %(l)s") % {
        "s": m["status_label"],
        "p": b.format_cell(m["progress"], "pct"),
        "r": m["rag_label"],
        "l": m["lead"] or "–",
    }
    out.append(b.para(facts, "note"))
    if m["description"]:
        out.append(b.para(m["description"]))
    if m["lacks_benefit"]:
        out.append(b.para(_("Kosten ohne Nutzenaussage (Antrag 2023/2362, Punkt 2)."), "warn"))
    if m["milestones"]:
        out.append(
            b.table(
                _("Meilensteine: %(c)s") % {"c": m["code"]},
                "",
                cols(MILESTONE_COLUMNS),
                [milestone_row(ms) for ms in m["milestones"]],
                formats=pdf_html,
            )
        )
    if m["benefits"]:
        out.append(
            b.table(
                _("Nutzen: %(c)s") % {"c": m["code"]},
                "",
                cols(BENEFIT_COLUMNS),
                [benefit_row(x) for x in m["benefits"]],
                formats=pdf_html,
            )
        )
    return out


def slip_chart(snapshot, limit=15):
    rows = [
        {"label": f"{m['code']}: {ms['title'][:40]}", "days": ms["slip_days"]}
        for m in snapshot["measures"]
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
