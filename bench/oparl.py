"""Benchmark: the OParl import of a generated body from the local fake OParl server.

A body of 20,000 papers with two consultations each (plus 2,000 meetings carrying the 40,000
agenda items, the papers' main files, bodies and a person) is served by the fake server the
tests use (``council/oparl/testing.py``: 127.0.0.1, pages of 500 with ``links.next``) and
imported through the product's real path (``import_oparl``: loader with its thread pool,
staging of the raw JSON, mapping into the council models in one ``bulk_import`` run). Then the
same body is read again in full: every row must come out unchanged, nothing is written.

Prints objects per second: OParl objects read (top-level list entries) and council rows
written (organisations, meetings, agenda items, papers, consultations, files). The database is
a fresh SQLite file in a temporary directory unless ``--database-url`` names another one
(PostgreSQL: an empty database).

    .venv/bin/python bench/oparl.py                   # 20,000 papers
    .venv/bin/python bench/oparl.py --papers 2000     # smaller run
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        SECRET_KEY="bench-only-not-a-secret",
        DJANGO_SETTINGS_MODULE="digitalbilanz.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=20_000)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="oparl-bench-") as tmp:
        setup_django(args.database_url or f"sqlite:///{tmp}/bench.sqlite3")
        from digitalbilanz.core.models import Municipality
        from digitalbilanz.council.oparl.importer import import_oparl
        from digitalbilanz.council.oparl.loader import Loader
        from digitalbilanz.council.oparl.testing import FakeOParl

        town, _ = Municipality.objects.get_or_create(slug="benchstadt", defaults={"name": "Benchstadt"})
        with FakeOParl() as server:
            started = time.perf_counter()
            server.add_body(papers=args.papers, page_size=args.page_size, consultations=2)
            print(f"body generated: {args.papers:,} papers in {time.perf_counter() - started:.1f} s")
            loader = Loader(timeout=60, retries=2, backoff=0.5, workers=4)

            started = time.perf_counter()
            first = import_oparl(town, server.url("/system"), loader=loader)
            took = time.perf_counter() - started
            run = first.run
            assert first.ok and first.complete and not run.problems, run.problems[:5]
            written = run.created_count
            print(
                f"first import: {first.fetched:,} OParl objects read, {written:,} council rows written "
                f"in {took:.1f} s → {first.fetched / took:,.0f} objects/s read, "
                f"{written / took:,.0f} rows/s written"
            )
            for name, counts in first.per_type.items():
                print(f"  {name:<13} {counts.created:>7,} new")

            started = time.perf_counter()
            again = import_oparl(town, server.url("/system"), loader=loader, full=True)
            took_again = time.perf_counter() - started
            assert again.ok and again.run.created_count == again.run.updated_count == 0
            print(
                f"second full read (nothing changed): {again.run.unchanged_count:,} rows unchanged "
                f"in {took_again:.1f} s → {again.fetched / took_again:,.0f} objects/s read"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
