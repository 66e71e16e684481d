"""Upkeep of the SQLite full-text index of measures that ``portfolio.search`` queries.

The index ``portal_measure_fts`` and its triggers are created by migration ``portal 0002``.
"""


def ensure_sqlite_index(sender=None, using="default", **kwargs):
    """Re-create the FTS5 triggers after every migration run (post_migrate).

    SQLite rebuilds a table for some schema changes (e.g. dropping a column) and drops its
    triggers with it; a later migration of ``portfolio_measure`` would otherwise silently stop
    the index from following edits. Idempotent; rebuilds the index when triggers were missing.
    """
    from django.db import connections

    from digitalbilanz.portal.migrations import _search_sql as sql

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name LIKE %s",
            [f"{sql.TABLE}_%"],
        )
        if cursor.fetchone()[0] == len(sql.TRIGGERS):
            return
        for statement in sql.CREATE:
            cursor.execute(statement)
