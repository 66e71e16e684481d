"""Full-text index of measures for SQLite (FTS5), kept current by triggers.

PostgreSQL needs no extra table: portfolio/search.py uses its German full-text search directly.
"""

from django.db import migrations

from digitalbilanz.portal.migrations._search_sql import CREATE, DROP


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
