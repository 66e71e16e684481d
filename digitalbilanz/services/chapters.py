"""The report chapter "Online-Dienste (OZG)" with its "what changed" and "open problems" hooks."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter, entry
from digitalbilanz.services import summary
from digitalbilanz.services.models import Service

RISE = 0.10  # duplicate cost rising by more than 10 % against the year before is an open point


class OnlineServices(Chapter):
    key = "services"
    title = N_("Online-Dienste (OZG)")
    order = 60

    def collect(self, context):
        services = Service.objects.for_audience(context["municipality"], context["audience"])
        if not services.exists():
            return None
        reference = context.get("reference_date") or dt.date.today()
        # Case numbers of the last full year up to the reference date.
        until = reference.year if (reference.month, reference.day) == (12, 31) else reference.year - 1
        section = summary.collect(services, context["municipality"], until_year=until)
        section["reference_date"] = reference.isoformat()
        section["year"] = until
        return section

    def blocks(self, snapshot):
        section = self.section(snapshot)
        totals, rows = section["totals"], section["services"]
        share = totals["online_share"]
        out = [
            b.figures(
                [
                    (_("Online-Dienste im Katalog"), totals["count"], "int"),
                    (_("davon online"), totals["online"], "int"),
                    (_("Ende-zu-Ende digital"), totals["end_to_end"], "int"),
                    (_("Online-Anteil aller Fälle"), share * 100 if share is not None else None, "pct"),
                    (_("Kosten des Parallelbetriebs pro Jahr"), totals["duplicate_cost"], "eur"),
                    (_("freigesetzte Stunden pro Jahr"), totals["hours_freed"], "hours"),
                ]
            ),
            b.para(
                _(
                    "Doppelstrukturen enden erst, wenn ein Dienst Ende-zu-Ende digital ist (Online-Antrag, "
                    "E-Payment, Schnittstelle ins Fachverfahren, E-Akte, Nutzerkonto, Wegfall der "
                    "Schriftform) und die Bürgerinnen und Bürger ihn nutzen. Der Break-even-Anteil ist der "
                    "Online-Anteil, ab dem die Personaleinsparung die Fixkosten des Online-Wegs deckt."
                )
            ),
            b.table(
                _("Online-Dienste"),
                _("Online-Dienste"),
                [
                    (_("OZG-ID"), "text"),
                    (_("Dienst"), "text"),
                    (_("Welle"), "text"),
                    (_("Lösung"), "text"),
                    (_("Reifegrad"), "text"),
                    (_("Fälle/Jahr"), "int"),
                    (_("Online-Anteil"), "pct"),
                    (_("Kosten/Jahr"), "eur"),
                    (_("Break-even"), "pct"),
                    (_("fehlende Voraussetzungen"), "int"),
                ],
                [
                    [
                        r["ozg_id"],
                        r["name"],
                        r["wave"],
                        r["solution_label"],
                        r["maturity_label"],
                        r["cases"],
                        None if r["online_share"] is None else r["online_share"] * 100,
                        r["total_cost"],
                        None if r["break_even"] is None else r["break_even"] * 100,
                        len(r["missing"]),
                    ]
                    for r in rows
                ],
            ),
        ]
        ranked = sorted((r for r in rows if r["rank"]), key=lambda r: r["rank"])[:10]
        if ranked:
            out.append(
                b.table(
                    _("Priorität: die zehn Dienste mit dem größten Hebel"),
                    _("Priorität"),
                    [
                        (_("Rang"), "int"),
                        (_("Dienst"), "text"),
                        (_("Fälle/Jahr"), "int"),
                        (_("fehlende Voraussetzungen"), "text"),
                    ],
                    [[r["rank"], r["name"], r["cases"], ", ".join(r["missing"]) or "–"] for r in ranked],
                    row_header=False,
                )
            )
        return out

    def changes(self, previous, current):
        old = {s["ozg_id"]: s for s in (previous or {}).get("services", [])}
        new = {s["ozg_id"]: s for s in (current or {}).get("services", [])}
        entries = []
        for ozg_id in sorted(new.keys() - old.keys()):
            entries.append(entry("new", _("Neu im Katalog: %(n)s") % {"n": new[ozg_id]["name"]}, ref=ozg_id))
        for ozg_id in sorted(old.keys() - new.keys()):
            entries.append(
                entry("removed", _("Nicht mehr im Katalog: %(n)s") % {"n": old[ozg_id]["name"]}, ref=ozg_id)
            )
        for ozg_id in sorted(new.keys() & old.keys()):
            a, c = old[ozg_id], new[ozg_id]
            if a["status"] != c["status"]:
                entries.append(
                    entry(
                        "status",
                        _("%(n)s: Status %(a)s → %(c)s")
                        % {"n": c["name"], "a": a["status_label"], "c": c["status_label"]},
                        ref=ozg_id,
                    )
                )
            if a["maturity_model"] != c["maturity_model"]:
                entries.append(
                    entry(
                        "maturity_model",
                        _(
                            "%(n)s: Reifegrad jetzt nach Modell %(m)s (%(l)s) – "
                            "mit dem früheren Wert nicht vergleichbar"
                        )
                        % {"n": c["name"], "m": c["maturity_model"], "l": c["maturity_label"]},
                        ref=ozg_id,
                    )
                )
            elif a["maturity_level"] != c["maturity_level"]:
                entries.append(
                    entry(
                        "maturity",
                        _("%(n)s: Reifegrad %(a)s → %(c)s")
                        % {"n": c["name"], "a": a["maturity_label"], "c": c["maturity_label"]},
                        ref=ozg_id,
                    )
                )
            if len(c["missing"]) < len(a["missing"]):
                done = sorted(set(a["missing"]) - set(c["missing"]))
                entries.append(
                    entry(
                        "precondition",
                        _("%(n)s: jetzt erfüllt: %(d)s") % {"n": c["name"], "d": ", ".join(done)},
                        ref=ozg_id,
                    )
                )
        if previous and current:
            a, c = previous["totals"]["online_share"], current["totals"]["online_share"]
            if a is not None and c is not None and round(a, 3) != round(c, 3):
                entries.append(
                    entry(
                        "share",
                        _("Online-Anteil aller Fälle %(a)s → %(c)s")
                        % {"a": b.format_cell(a * 100, "pct"), "c": b.format_cell(c * 100, "pct")},
                    )
                )
        return entries

    def problems(self, section):
        reference = section.get("reference_date") or dt.date.today().isoformat()
        out = []
        for s in section["services"]:
            if s["solution"] == "none" and s["wave_due"] and s["wave_due"] < reference:
                out.append(
                    entry(
                        "no_solution",
                        _("%(n)s: keine Lösung, obwohl die Welle „%(w)s“ am %(d)s endete.")
                        % {"n": s["name"], "w": s["wave"] or "–", "d": b.format_cell(s["wave_due"], "date")},
                        ref=s["ozg_id"],
                    )
                )
            before, now = s["duplicate_cost_previous"], s["duplicate_cost"]
            if before and now > before * (1 + RISE):
                out.append(
                    entry(
                        "duplicate_cost",
                        _("%(n)s: Kosten des Parallelbetriebs steigen von %(a)s auf %(c)s pro Jahr.")
                        % {"n": s["name"], "a": b.format_cell(before, "eur"), "c": b.format_cell(now, "eur")},
                        ref=s["ozg_id"],
                    )
                )
        return out

    def appendix(self, snapshot):
        return [
            b.heading(_("Online-Dienste: Methode"), 2),
            b.para(
                _(
                    "Standardkostenmodell (Methoden §4, §5): Kosten je Kanal = Fälle × (Minuten je Fall / 60 "
                    "× Stundensatz der Laufbahngruppe × (1 + Gemeinkostenzuschlag) + Sachkosten je Fall) + "
                    "Fixkosten. Einsparung = Online-Fälle × (Personalkosten je analogem − je Online-Fall "
                    "einschließlich Medienbruch). Break-even-Anteil s* = (C_dig + ΔC_ana) / (N × Δc). "
                    "Kosten des Parallelbetriebs: Kosten aller Kanäle eines Dienstes, dessen Fälle online "
                    "und analog eingehen. Reifegrade stehen immer mit ihrem Modell (1.1: 0–4, 2.0: 0–7) "
                    "und werden nicht über Modelle verglichen. Fallzahlen: letztes Jahr mit Daten."
                )
            ),
        ]
