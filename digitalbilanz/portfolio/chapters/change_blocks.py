"""Blocks of the portfolio's "what changed" entries: lists and tables per group."""

from django.utils.translation import gettext as _

from digitalbilanz.registry import blocks as b


def change_blocks(entries: list[dict]) -> list[dict]:
    """The portfolio's change entries grouped by kind (see ``changes.py``) as lists and tables."""
    ch: dict[str, list[dict]] = {}
    for e in entries:
        ch.setdefault(e["kind"], []).append(e.get("data") or {})
    return _measure_lists(ch) + _milestones(ch) + _money(ch) + _indicators(ch)


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
