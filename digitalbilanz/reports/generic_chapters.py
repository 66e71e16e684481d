"""The report's own chapters, filled from every registered chapter's hooks.

* "Änderungen seit der letzten Ausgabe" — ``changes`` entries, shown by each chapter's
  ``change_blocks``;
* "Offene Punkte" — ``problems`` entries (in a published edition: the confirmed ones);
* the appendix — each chapter's ``appendix`` blocks and the note on the frozen data.

The title page is part of the renderers (``render.meta``).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, all_chapters, entry_blocks, section_owners


class WhatChanged(Chapter):
    key = "changes"
    title = N_("Änderungen seit der letzten Ausgabe")
    order = 20

    def has_data(self, snapshot):
        return "changes" in snapshot

    def blocks(self, snapshot):
        return change_blocks(snapshot.get("changes") or {})


def change_blocks(changes: dict) -> list[dict]:
    """Blocks of a ``reports.changes.compare`` result (also used by the comparison view)."""
    prev = changes.get("previous")
    if not prev:
        return [b.para(_("Dies ist die erste Ausgabe; es gibt keine Vorgängerausgabe zum Vergleich."))]
    out = [
        b.para(
            _("Verglichen wird mit der Ausgabe %(label)s (Stichtag %(date)s).")
            % {"label": prev["period_label"], "date": b.format_cell(prev["reference_date"], "date")},
            "lead",
        )
    ]
    groups = changes.get("entries") or {}
    if not any(groups.values()):
        out.append(b.para(_("Seit der letzten Ausgabe hat sich nichts geändert.")))
    owners = section_owners()
    for key, chapter in owners.items():
        if groups.get(key):
            out += chapter.change_blocks(groups[key])
    for key in sorted(set(groups) - set(owners)):  # a module that is no longer installed
        if groups[key]:
            out += entry_blocks(key, groups[key])
    return out


class OpenProblems(Chapter):
    key = "problems"
    title = N_("Offene Punkte")
    order = 880

    def has_data(self, snapshot):
        return bool(self._items(snapshot)[1])

    def _items(self, snapshot):
        """(confirmed?, entries): a published edition shows what was confirmed."""
        if "confirmed_problems" in snapshot:
            return True, snapshot["confirmed_problems"] or []
        return False, snapshot.get("problems") or []

    def blocks(self, snapshot):
        confirmed, items = self._items(snapshot)
        if confirmed:
            style = ""
            intro = _("Diese offenen Punkte wurden bei der Veröffentlichung ausdrücklich bestätigt.")
        else:
            style = "warn"
            intro = _(
                "Diese offenen Punkte müssen vor der Veröffentlichung geklärt oder ausdrücklich "
                "bestätigt werden."
            )
        return [
            b.para(intro, style),
            b.bullet_list([p["text"] for p in items], formats=["pdf", "html"]),
            b.table(
                _("Offene Punkte"),
                _("Offene Punkte"),
                [(_("Bezug"), "text"), (_("Offener Punkt"), "text")],
                [[p.get("ref", ""), p["text"]] for p in items],
                row_header=False,
                formats=["xlsx"],
            ),
        ]


class Appendix(Chapter):
    key = "appendix"
    title = N_("Anhang: Methodik, Parameter und Datengrundlage")
    order = 900

    def has_data(self, snapshot):
        return True

    def blocks(self, snapshot):
        others = [chapter for chapter in all_chapters() if chapter is not self]
        return [block for chapter in others for block in chapter.appendix(snapshot)] + [
            b.heading(_("Datenstand"), 2),
            b.para(
                _(
                    "Der Bericht beruht auf einem bei Veröffentlichung eingefrorenen Datenstand; die "
                    "Dateien sind mit ihrer SHA-256-Prüfsumme gespeichert."
                )
            ),
        ]
