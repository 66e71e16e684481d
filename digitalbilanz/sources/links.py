"""The page of the record behind a source (``Source.linked_type``/``linked_id``).

The register never imports the app whose records stand behind its sources. That app registers,
for its model, a function that answers — for one municipality, a reader's levels and the ids of
the linked records — the URL of each record's page the reader may open: the portal's page for
public readers, the app's page otherwise; a record the reader may not read gets none::

    register_linked_pages("council.paper", council.sources.paper_pages)   # council/register.py

The source list then links a source's title to that page (and keeps its own ``url``, e.g. the
council information system, as a second link).
"""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType

_pages: dict[str, Callable] = {}


def register_linked_pages(label: str, pages: Callable) -> None:
    """``pages(municipality, ids, levels, *, public) -> {id: url}``; ``label`` is the model's
    ``app_label.model_name``."""
    _pages[label] = pages


def unregister_linked_pages(label: str) -> None:
    _pages.pop(label, None)


def annotate_pages(municipality, sources, levels, *, public: bool) -> list:
    """``sources`` with ``page_url`` set (None where there is no readable linked page); one call
    per kind of linked record."""
    by_label: dict[str, list] = {}
    for source in sources:
        source.page_url = None
        if source.linked_type_id and source.linked_id:
            kind = ContentType.objects.get_for_id(source.linked_type_id)  # cached per process
            label = f"{kind.app_label}.{kind.model}"
            by_label.setdefault(label, []).append(source)
    for label, linked in by_label.items():
        pages = _pages.get(label)
        if pages is None:
            continue
        urls = pages(municipality, [s.linked_id for s in linked], tuple(levels), public=public)
        for source in linked:
            source.page_url = urls.get(source.linked_id)
    return sources
