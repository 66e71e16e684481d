"""Atom feeds (RFC 4287) of the public change history: per public measure and per municipality.

The entries are exactly those of the public change history page (``portal.history``), i.e. the
one rule of ``core.history.history_entries`` for the public audience: a change appears only if the
record and its parents were public before and after it; author names never appear. The
municipality's feed joins the feeds of its public measures (``portfolio.queries``, the one
visibility rule), newest first.
"""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from digitalbilanz.portal import history
from digitalbilanz.portal.views.common import AUDIENCE, portal_view
from digitalbilanz.portal.views.measures import public_measure_or_404
from digitalbilanz.portfolio.queries import audience_measures

LIMIT = 100  # entries of the municipality's feed


@portal_view
def measure_feed(request, municipality, pk):
    measure = public_measure_or_404(municipality, pk)
    page = reverse("portal:measure_history", args=[municipality.slug, measure.pk])
    feed = _feed(
        request,
        municipality,
        title=_("Änderungen: %(m)s") % {"m": f"{measure.code} {measure.title}"},
        description=_("Änderungen an den öffentlichen Angaben dieser Maßnahme."),
        page=page,
        feed_url=reverse("portal:measure_feed", args=[municipality.slug, measure.pk]),
    )
    for entry in history.public_changes(measure):
        _add(request, feed, municipality, measure, entry)
    return _response(feed)


@portal_view
def municipality_feed(request, municipality):
    entries = []
    for measure in audience_measures(municipality, AUDIENCE).prefetch_related(None):
        entries += [(entry, measure) for entry in history.public_changes(measure)]
    entries.sort(key=lambda pair: (pair[0]["date"], pair[0]["row"].history_id), reverse=True)
    feed = _feed(
        request,
        municipality,
        title=_("Änderungen: Digitalisierung %(m)s") % {"m": municipality.named.located},
        description=_("Änderungen an den öffentlichen Angaben aller öffentlichen Maßnahmen."),
        page=reverse("portal:measures", args=[municipality.slug]),
        feed_url=reverse("portal:feed", args=[municipality.slug]),
    )
    for entry, measure in entries[:LIMIT]:
        _add(request, feed, municipality, measure, entry)
    return _response(feed)


def _feed(request, municipality, *, title, description, page, feed_url):
    return Atom1Feed(
        title=title,
        link=request.build_absolute_uri(page),
        description=description,
        feed_url=request.build_absolute_uri(feed_url),
        feed_guid=request.build_absolute_uri(feed_url),
        language="de",
        author_name=municipality.name,
    )


def _add(request, feed, municipality, measure, entry):
    row = entry["row"]
    model = row.instance_type._meta.label_lower
    page = request.build_absolute_uri(reverse("portal:measure_history", args=[municipality.slug, measure.pk]))
    lines = [f"{c['field']}: {c['old']} → {c['new']}" for c in entry["changes"]] or [entry["kind_text"]]
    if entry["reason"]:
        lines.append(_("Grund: %(r)s") % {"r": entry["reason"]})
    feed.add_item(
        title=f"{measure.code}: {entry['object']} „{entry['name']}“ – {entry['kind_text']}",
        link=page,
        description="\n".join(lines),
        unique_id=f"{page}#{model}-{row.history_id}",
        pubdate=entry["date"],
        updateddate=entry["date"],
    )


def _response(feed):
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
