"""Full-text index of measures for SQLite (FTS5), kept current by triggers.

PostgreSQL needs no extra table: portal/search.py uses its German full-text search directly.
"""

from django.db import migrations

TABLE = "portal_measure_fts"
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "code, title, description, goals, content='portfolio_measure', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}(rowid, code, title, description, goals) "
    "VALUES (new.id, new.code, new.title, new.description, new.goals); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, code, title, description, goals) "
    "VALUES ('delete', old.id, old.code, old.title, old.description, old.goals); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, code, title, description, goals) "
    "VALUES ('delete', old.id, old.code, old.title, old.description, old.goals); "
    f"INSERT INTO {TABLE}(rowid, code, title, description, goals) "
    "VALUES (new.id, new.code, new.title, new.description, new.goals); END",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TABLE IF EXISTS {TABLE}",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial"), ("portfolio", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
