"""Council papers in the source register (``sources``).

A paper that stands behind the portfolio — linked to a measure or carrying a mandate — becomes
a source, so a text can cite it as „[S4]“ and the marker leads to the register entry with the
paper's reference, date and its page in the council information system. The register keeps its
own records (with history); the paper is linked through ``Source.linked_type``/``linked_id``:

* a source already in the register for the same paper (kind council paper, no link yet; same
  date and the paper's reference in its own, or a title beginning with the paper's) is linked,
  its editor's title kept;
* otherwise a new source takes the next free key, the paper's title, reference and date;
* a linked source is never more public than its paper: a paper that turns non-public or is
  deleted in the council information system takes its source down with it (never up again).

Run after every council import and after the demo (``sync_paper_sources``); mirrored papers
themselves keep no history, the register's entries do.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.visibility import stricter
from digitalbilanz.council.models import Paper
from digitalbilanz.sources.choices import SourceKind
from digitalbilanz.sources.models import Source


def sync_paper_sources(municipality, *, reason: str, user=None) -> int:
    """Make every portfolio-relevant paper a source and keep linked sources no more public than
    their papers. Returns how many sources were created or changed."""
    paper_type = ContentType.objects.get_for_model(Paper)
    register = list(Source.objects.filter(municipality=municipality))
    linked = {s.linked_id: s for s in register if s.linked_type_id == paper_type.pk}
    unlinked = [s for s in register if s.linked_type_id is None and s.kind == SourceKind.COUNCIL_PAPER]
    numbers = [s.number for s in register]
    next_number = max(numbers, default=0) + 1
    relevant = Q(measure_links__isnull=False) | Q(mandates__isnull=False) | Q(pk__in=list(linked))
    papers = Paper.objects.filter(municipality=municipality).filter(relevant).distinct()
    papers = papers.order_by("date", "pk")
    changed = 0
    for paper in papers:
        level = Visibility.INTERNAL if paper.deleted else paper.visibility
        source = linked.get(paper.pk) or _match(unlinked, paper)
        if source is None:
            if paper.deleted:
                continue
            source = Source(
                municipality=municipality,
                key=f"S{next_number}",
                kind=SourceKind.COUNCIL_PAPER,
                title=paper.name[:300],
                reference=f"Drucksache {paper.reference}"[:200] if paper.reference else "",
                date=paper.date,
                visibility=level,
            )
            next_number += 1
        before = (source.pk, source.linked_id, source.visibility, source.url)
        source.linked_type, source.linked_id = paper_type, paper.pk
        source.visibility = stricter(source.visibility, level)
        if not source.url and paper.web:
            source.url = paper.web[:500]
        if (source.pk, source.linked_id, source.visibility, source.url) != before:
            source._change_reason = reason
            if user is not None:
                source._history_user = user
            source.save()
            changed += 1
    return changed


def _match(unlinked: list, paper):
    """An unlinked council-paper source of the register naming this paper — the same date with
    the paper's reference in its own, or a title beginning with the paper's (without a date or
    with the same) —; taken out of ``unlinked`` so no source serves two papers."""
    for source in unlinked:
        same_date = source.date == paper.date
        by_reference = bool(paper.reference) and same_date and paper.reference in source.reference
        by_title = source.title.startswith(paper.name) and source.date in (None, paper.date)
        if by_reference or by_title:
            unlinked.remove(source)
            return source
    return None


def paper_pages(municipality, ids, levels, *, public: bool) -> dict:
    """The page of each linked paper the reader may read (``sources.links``): the portal's for
    public readers, the app's otherwise; deleted papers have none."""
    from django.urls import reverse

    papers = Paper.objects.with_levels(levels).filter(municipality=municipality, pk__in=ids, deleted=False)
    name = "portal:council_paper" if public else "council:paper"
    return {pk: reverse(name, args=[municipality.slug, pk]) for pk in papers.values_list("pk", flat=True)}
