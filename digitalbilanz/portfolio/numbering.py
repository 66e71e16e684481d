"""Measure numbers that reveal no hidden measure.

Measure numbers (``Measure.code``, e.g. „M-06“) are chosen by the editors and stay stable — the
API, open data, feeds and published reports refer to them. What an audience sees must not have
gaps: if the public list shows M-05 and M-07, anyone can tell that a hidden M-06 exists. So the
numbers are handed out by visibility: public measures carry the lowest numbers of their prefix,
measures for the council the next ones, internal ones the highest; every audience then sees an
unbroken sequence from 1.

The measure form (and with it the API) refuses a number or visibility that would open a new gap
for an audience unless the editor explicitly accepts it (there is no other way to withdraw a
measure from the middle of the sequence).
"""

import re
from collections import defaultdict

from digitalbilanz.core.visibility import levels_for_audience

NUMBERED = re.compile(r"^(?P<prefix>.*?)(?P<number>[0-9]+)$")
AUDIENCES = ("public", "council")


def gaps(codes) -> list[str]:
    """The numbers missing from 1 to the highest number, per prefix: ``["M-06"]``."""
    groups: dict[str, dict[int, int]] = defaultdict(dict)
    for code in codes:
        match = NUMBERED.match((code or "").strip())
        if match:
            groups[match["prefix"]][int(match["number"])] = len(match["number"])
    out = []
    for prefix, numbers in sorted(groups.items()):
        width = max(numbers.values())
        out += [f"{prefix}{n:0{width}d}" for n in range(1, max(numbers) + 1) if n not in numbers]
    return out


def audience_gaps(municipality, audience) -> list[str]:
    from digitalbilanz.portfolio.models import Measure

    return gaps(Measure.objects.for_audience(municipality, audience).values_list("code", flat=True))


def new_gaps(municipality, pk, code, visibility) -> dict[str, list[str]]:
    """Per audience, the gaps that saving measure ``pk`` with ``code`` and ``visibility`` opens."""
    from digitalbilanz.portfolio.models import Measure

    out = {}
    for audience in AUDIENCES:
        others = list(
            Measure.objects.for_audience(municipality, audience).exclude(pk=pk).values_list("code", flat=True)
        )
        current = list(Measure.objects.for_audience(municipality, audience).values_list("code", flat=True))
        after = others + ([code] if visibility in levels_for_audience(audience) else [])
        opened = [g for g in gaps(after) if g not in set(gaps(current))]
        if opened:
            out[audience] = opened
    return out


def next_free(municipality, audience, prefix="M-", width=2) -> str:
    """The next number of an unbroken sequence for the audience."""
    from digitalbilanz.portfolio.models import Measure

    numbers = [
        int(m["number"])
        for code in Measure.objects.for_audience(municipality, audience).values_list("code", flat=True)
        if (m := NUMBERED.match(code or "")) and m["prefix"] == prefix
    ]
    return f"{prefix}{(max(numbers) if numbers else 0) + 1:0{width}d}"
