"""The council chapter of the Digitalisierungsbericht: decisions and the mandates they gave the
administration; overdue mandates feed the report's "open problems"."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry

from . import queries
from .rules import is_overdue


class Council(Chapter):
    key = "council"
    title = N_("Ratsbeschlüsse und Aufträge")
    order = 78

    def collect(self, context):
        m = context["municipality"]
        today = context.get("reference_date") or dt.date.today()
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        levels = levels_for_audience(context["audience"])
        rows = list(queries.mandates(m, levels).prefetch_related(queries.readable_measures(levels)))
        links = list(queries.measure_paper_links(m, levels))
        if not rows and not links:
            return None
        return {
            "today": today.isoformat(),
            "links": [
                {
                    "measure": link.measure.code,
                    "measure_title": link.measure.title,
                    "paper": link.paper.reference or "",
                    "paper_name": link.paper.name,
                    "date": link.paper.date.isoformat() if link.paper.date else None,
                    "role": str(link.get_role_display()),
                }
                for link in links
            ],
            "mandates": [
                {
                    "id": row.pk,
                    "paper": (row.paper.reference or row.paper.name) if row.paper else "",
                    "label": row.label,
                    "text": row.text,
                    "owner": row.owner_display,
                    "due": row.due_date.isoformat() if row.due_date else None,
                    "status": row.status,
                    "status_text": str(row.get_status_display()),
                    "measures": [measure.code for measure in row.readable_measures],
                }
                for row in rows
            ],
        }

    def blocks(self, snapshot):
        s = self.section(snapshot)
        out = []
        if s["mandates"]:
            out.append(
                b.table(
                    _("Aufträge aus Ratsbeschlüssen"),
                    _("Aufträge"),
                    [
                        (_("Vorlage"), "text"),
                        (_("Punkt"), "text"),
                        (_("Auftrag"), "text"),
                        (_("zuständig"), "text"),
                        (_("fällig am"), "date"),
                        (_("Stand"), "text"),
                        (_("Maßnahmen"), "text"),
                    ],
                    [
                        [
                            x["paper"],
                            x["label"],
                            x["text"],
                            x["owner"],
                            x["due"],
                            x["status_text"],
                            ", ".join(x.get("measures", [])),
                        ]
                        for x in s["mandates"]
                    ],
                )
            )
        if s.get("links"):
            out.append(
                b.table(
                    _("Ratsvorlagen zu den Maßnahmen"),
                    _("Vorlagen"),
                    [
                        (_("Maßnahme"), "text"),
                        (_("Vorlage"), "text"),
                        (_("Datum"), "date"),
                        (_("Bezug"), "text"),
                    ],
                    [
                        [
                            f"{x['measure']} {x['measure_title']}",
                            " – ".join(p for p in (x["paper"], x["paper_name"]) if p),
                            x["date"],
                            x["role"],
                        ]
                        for x in s["links"]
                    ],
                )
            )
        return out

    def changes(self, previous, current):
        if not current:
            return []
        before = {x["id"]: x for x in (previous or {}).get("mandates", [])}
        items = []
        for x in current["mandates"]:
            old = before.get(x["id"])
            name = " ".join(p for p in (x["paper"], x["label"]) if p) or x["text"][:60]
            if old is None:
                items.append(entry("new_mandate", _("Neuer Auftrag: %(n)s") % {"n": name}, ref=str(x["id"])))
            elif old.get("status") != x["status"]:
                items.append(
                    entry(
                        "mandate_status",
                        _("Auftrag %(n)s: %(s)s") % {"n": name, "s": x["status_text"]},
                        ref=str(x["id"]),
                    )
                )
        return items

    def problems(self, section):
        if not section:
            return []
        today = dt.date.fromisoformat(section["today"])
        found = []
        for x in section["mandates"]:
            due = dt.date.fromisoformat(x["due"]) if x["due"] else None
            if is_overdue(x["status"], due, today):
                name = " ".join(p for p in (x["paper"], x["label"]) if p) or x["text"][:60]
                found.append(
                    entry(
                        "overdue_mandate",
                        _("Auftrag %(n)s ist seit %(d)s überfällig (%(o)s).")
                        % {
                            "n": name,
                            "d": b.format_cell(x["due"], "date"),
                            "o": x["owner"] or _("ohne Zuständigkeit"),
                        },
                        ref=str(x["id"]),
                    )
                )
        return found
