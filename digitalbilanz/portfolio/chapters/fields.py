"""The measures per field of action: status and money tables, then each measure in detail."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.portfolio.chapters.base import PortfolioChapter, cols
from digitalbilanz.registry import blocks as b

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


class Fields(PortfolioChapter):
    key = "fields"
    title = N_("Maßnahmen nach Handlungsfeldern")
    order = 30

    def has_data(self, snapshot):
        data = self.section(snapshot)
        return bool(data and data["measures"])

    def groups(self, snapshot):
        data = self.section(snapshot)
        fields = data["fields"]
        known = {f["id"] for f in fields}
        groups = []
        for f in fields:
            items = [m for m in data["measures"] if m["fields"] and m["fields"][0] == f["id"]]
            if items:
                label = _("Handlungsfeld %(code)s: %(title)s") % f if f["code"] else f["title"]
                groups.append((label, f["description"], items))
        rest = [m for m in data["measures"] if not m["fields"] or m["fields"][0] not in known]
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
