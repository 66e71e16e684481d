"""Full-text search over measures: PostgreSQL full text (German) or SQLite FTS5.

Used by the portal's measure list and by the API (``Table.search`` of the measures table).
SQLite keeps an FTS5 index ``portal_measure_fts`` in step with ``portfolio_measure`` through
triggers (created by migration ``portal 0002``, where the search began; the name stays).
Terms are reduced to word characters, so user input never reaches the query syntax of either
engine; every term must match (prefix match, so "Akte" finds "E-Akte").
"""

import re

from django.db import connection
from django.db.models.expressions import RawSQL

MAX_TERMS = 8


def terms(text: str) -> list[str]:
    return re.findall(r"\w+", text or "")[:MAX_TERMS]


def search_measures(queryset, text: str):
    words = terms(text)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        return _postgres(queryset, words)
    if connection.vendor == "sqlite":
        match = " ".join(f'"{w}"*' for w in words)
        ids = RawSQL("SELECT rowid FROM portal_measure_fts WHERE portal_measure_fts MATCH %s", (match,))
        return queryset.filter(pk__in=ids)
    return _fallback(queryset, words)


def _postgres(queryset, words):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("code", "title", "description", "goals", config="german")
    query = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="german")
    # ts_rank is not a match test: filter with @@ first, then order by rank.
    return (
        queryset.annotate(document=vector)
        .filter(document=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", "code")
    )


def _fallback(queryset, words):
    from django.db.models import Q

    for word in words:
        queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return queryset
