"""The report's „Quellen“ appendix: every source the edition cites that its audience may read.

``collect`` freezes the readable sources into the snapshot; ``appendix`` lists those whose marker
occurs anywhere else in the snapshot. The chapter has no pages of its own.
"""

import json

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter
from digitalbilanz.sources.markers import cited_keys
from digitalbilanz.sources.models import Source


class Sources(Chapter):
    key = "sources"
    title = N_("Quellen")
    order = 895

    def collect(self, context):
        rows = Source.objects.for_audience(context["municipality"], context["audience"])
        return {
            "sources": [
                {
                    "key": s.key,
                    "kind": s.get_kind_display(),
                    "title": s.title,
                    "reference": s.reference,
                    "date": s.date.isoformat() if s.date else None,
                    "url": s.url,
                }
                for s in sorted(rows, key=lambda s: s.number)
            ]
        }

    def has_data(self, snapshot):
        return False  # only the appendix

    def blocks(self, snapshot):
        return []

    def cited(self, snapshot) -> list[dict]:
        section = self.section(snapshot) or {}
        rest = {k: v for k, v in snapshot.items() if k != "sections"}
        rest["sections"] = {k: v for k, v in snapshot.get("sections", {}).items() if k != self.section_key}
        keys = cited_keys(json.dumps(rest, ensure_ascii=False, default=str))
        return [s for s in section.get("sources", []) if s["key"] in keys]

    def appendix(self, snapshot):
        rows = self.cited(snapshot)
        if not rows:
            return []
        return [
            b.heading(_("Quellen"), 2),
            b.para(_("Texte dieses Berichts verweisen mit Kürzeln in eckigen Klammern auf diese Quellen.")),
            b.table(
                _("Quellen"),
                _("Quellen"),
                [
                    (_("Kürzel"), "text"),
                    (_("Titel"), "text"),
                    (_("Art"), "text"),
                    (_("Fundstelle"), "text"),
                    (_("Datum"), "date"),
                    (_("Link"), "text"),
                ],
                [[f"[{s['key']}]", s["title"], s["kind"], s["reference"], s["date"], s["url"]] for s in rows],
            ),
        ]
