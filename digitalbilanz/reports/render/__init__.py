"""Render a report snapshot as PDF (Typst), HTML or Excel — all three from the same blocks."""

import datetime as dt

from django.utils.translation import gettext as _

from digitalbilanz.registry.blocks import in_format
from digitalbilanz.registry.chapters import chapter_title, chapters_for
from digitalbilanz.reports.snapshot import upgrade

FORMATS = ("pdf", "html", "xlsx")


class RenderError(Exception):
    """A report could not be rendered; the message is meant for the user (German)."""


def document(snapshot: dict, fmt: str) -> dict:
    """Title data and the chapters (with their blocks for ``fmt``) of a snapshot of any schema."""
    snapshot = upgrade(snapshot)
    chapters = [
        {
            "key": chapter.key,
            "title": chapter_title(chapter),
            "blocks": [block for block in chapter.blocks(snapshot) if in_format(block, fmt)],
        }
        for chapter in chapters_for(snapshot)
    ]
    return {**meta(snapshot), "chapters": chapters}


def meta(snapshot: dict) -> dict:
    audience = snapshot["audience"]
    audience_label = (
        _("Öffentliche Ausgabe") if audience == "public" else _("Ausgabe für den Rat – nicht öffentlich")
    )
    edition = snapshot.get("edition") or {}
    number = edition.get("number", 1)
    status = edition.get("state_label") or _("Entwurf")
    ref = dt.date.fromisoformat(snapshot["reference_date"])
    generated = dt.datetime.fromisoformat(snapshot["generated_at"])
    return {
        "title": _("Digitalisierungsbericht %(period)s") % {"period": snapshot["period_label"]},
        "subtitle": _("Stand, Kosten und Nutzen der Digitalisierung"),
        "municipality": snapshot["municipality"]["name"],
        "audience_label": audience_label,
        "edition_label": _("%(period)s, Ausgabe %(n)s") % {"period": snapshot["period"], "n": number},
        "date": [generated.year, generated.month, generated.day],
        "facts": [
            [_("Berichtszeitraum"), snapshot["period_label"]],
            [_("Stichtag"), ref.strftime("%d.%m.%Y")],
            [_("Zielgruppe"), audience_label],
            [_("Ausgabe"), f"{number} ({status})"],
            [_("Datenstand erzeugt"), generated.strftime("%d.%m.%Y %H:%M")],
        ],
        "cover_note": _(
            "Erstellt mit Digitalbilanz. Alle Zahlen stammen aus dem eingefrorenen Datenstand "
            "dieser Ausgabe; Methodik, Parameter und Quellen stehen im Anhang. Werte, die nicht aus "
            "Ratsbeschlüssen oder Rechnungen stammen, sind in den Maßnahmen als Annahmen gekennzeichnet."
        ),
        "labels": {"toc": _("Inhalt"), "page": _("Seite"), "of": _("von")},
    }


def render(snapshot: dict, fmt: str) -> bytes:
    """Bytes of the rendered report; raises RenderError with a German message."""
    from digitalbilanz.reports.render import html, pdf, xlsx

    renderers = {"pdf": pdf.render_pdf, "html": html.render_html, "xlsx": xlsx.render_xlsx}
    if fmt not in renderers:
        raise RenderError(_("Unbekanntes Format „%(fmt)s“ (pdf, html oder xlsx).") % {"fmt": fmt})
    try:
        return renderers[fmt](snapshot)
    except RenderError:
        raise
    except Exception as exc:  # noqa: BLE001 - any engine failure becomes one clear message
        raise RenderError(
            _("Der Bericht konnte nicht als %(fmt)s erzeugt werden: %(error)s")
            % {"fmt": fmt.upper(), "error": exc}
        ) from exc
