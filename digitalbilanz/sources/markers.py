"""Source markers in texts: „[S1]“ or „[S1, S3]“ become links to the readable sources.

The text is escaped first and linked afterwards, so nothing typed into a text becomes markup.
A marker whose source does not exist or may not be read by the reader stays plain text: its
title is never shown, and neither is whether it exists.
"""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from digitalbilanz.core.visibility import levels_for, levels_for_audience
from digitalbilanz.sources.models import KEY_PATTERN, Source

MARKER = re.compile(rf"\[({KEY_PATTERN}(?:\s*[,;]\s*{KEY_PATTERN})*)\]")
KEY = re.compile(KEY_PATTERN)


@dataclass(frozen=True)
class Target:
    key: str
    title: str
    url: str


def cited_keys(text: str) -> set[str]:
    """Every key cited in the text (``[S1, S3]`` cites S1 and S3)."""
    return {key for match in MARKER.finditer(text or "") for key in KEY.findall(match.group(1))}


def public_url(municipality, source) -> str:
    return reverse("portal:sources", args=[municipality.slug]) + "#" + source.anchor


def app_url(municipality, source) -> str:
    return reverse("sources:list", args=[municipality.slug]) + "#" + source.anchor


def targets(municipality, *, user=None, audience=None) -> dict[str, Target]:
    """The sources the reader may read, by key: public ones link to the portal's page, the others
    (only for members) to the app's register."""
    levels = levels_for_audience(audience) if audience else levels_for(user, municipality)
    rows = (
        Source.objects.for_municipality(municipality).with_levels(levels).only("key", "title", "visibility")
    )
    out = {}
    for source in rows:
        public = source.visibility == "public" or audience == "public"
        url = public_url(municipality, source) if public else app_url(municipality, source)
        out[source.key] = Target(source.key, source.title, url)
    return out


def link_markers(text, readable: dict[str, Target], *, linebreaks: bool = False):
    """The escaped text with its readable markers linked (safe HTML)."""
    if text is None:
        return ""
    escaped = str(conditional_escape(text))

    def key_link(match):
        target = readable.get(match.group(0))
        if target is None:
            return match.group(0)
        return str(
            format_html('<a class="source" href="{}" title="{}">{}</a>', target.url, target.title, target.key)
        )

    def marker(match):
        return "[" + KEY.sub(key_link, match.group(1)) + "]"

    html = MARKER.sub(marker, escaped)
    if linebreaks:
        html = html.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    return mark_safe(html)  # noqa: S308 - escaped above, links built by format_html
