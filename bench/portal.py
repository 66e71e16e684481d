"""Benchmark: the public portal and API v1 on a large synthetic installation in PostgreSQL.

Generates 400 municipalities × 150 measures (4 cost/benefit lines and 3 milestones each) in the
database ``db_portal_bench`` (dropped and re-created), serves it with gunicorn on a free
loopback port and drives each endpoint with concurrent clients from a separate process.
Prints median, p95 and throughput per endpoint. Target: p95 < 100 ms for API lists.

    .venv/bin/python bench/portal.py                      # 400 × 150, 16 clients, 20 s/endpoint
    .venv/bin/python bench/portal.py --quick              # 20 × 150, 8 clients, 3 s/endpoint
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "db_portal_bench"
CACHE_DIR = Path(tempfile.mkdtemp(prefix="digitalbilanz-bench-cache-"))
PG = "postgres://postgres@127.0.0.1:5432"
sys.path.insert(0, str(ROOT))


def env():
    return dict(
        os.environ,
        DATABASE_URL=f"{PG}/{DB_NAME}",
        SECRET_KEY="bench-only-not-a-secret",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        DIGITALBILANZ_API_ANON_RATE="0",  # the limiter would answer 429 to the load generator
        CACHE_URL=f"file://{CACHE_DIR}",  # a fresh response cache for every run
        DJANGO_SETTINGS_MODULE="digitalbilanz.settings",
    )


def recreate_database():
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def setup_django():
    os.environ.update(env())
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(municipalities: int, measures: int, seed: int = 7):
    from digitalbilanz.core.models import Municipality, OrgUnit
    from digitalbilanz.portfolio.models import FieldOfAction, Line, Measure, Milestone, Strategy

    rng = random.Random(seed)
    towns = Municipality.objects.bulk_create(
        Municipality(name=f"Benchstadt {i:03d}", slug=f"bench-{i:03d}", ags="05316000", ars="053160000000")
        for i in range(municipalities)
    )
    # No Parameter rows: every town uses the registered defaults, as a newly onboarded one does.
    units = OrgUnit.objects.bulk_create(
        OrgUnit(municipality=t, kind="department", code=f"FB {j}", name=f"Fachbereich {j}")
        for t in towns
        for j in range(5)
    )
    strategies = Strategy.objects.bulk_create(
        Strategy(municipality=t, title="Digitalisierungsstrategie", kind="digital", visibility="public")
        for t in towns
    )
    fields = FieldOfAction.objects.bulk_create(
        FieldOfAction(
            municipality=s.municipality,
            strategy=s,
            code=str(j),
            title=f"Handlungsfeld {j}",
            visibility="public",
        )
        for s in strategies
        for j in range(6)
    )
    statuses = ["idea", "planned", "in_progress", "in_progress", "completed", "on_hold"]
    new = []
    for i, town in enumerate(towns):
        for j in range(measures):
            vis = rng.choices(["public", "council", "internal"], [8, 1, 1])[0]
            new.append(
                Measure(
                    municipality=town,
                    code=f"M-{j:03d}",
                    title=f"Maßnahme {j} Digitale Akte Portal",
                    description="Einführung eines digitalen Verfahrens mit E-Akte und Onlinedienst.",
                    status=rng.choice(statuses),
                    visibility=vis,
                    lead_department=units[i * 5 + j % 5],
                    start_date=dt.date(2023, 1 + j % 12, 1),
                    end_date=dt.date(2026, 12, 31),
                )
            )
    created = Measure.objects.bulk_create(new, batch_size=5000)
    through = Measure.fields_of_action.through
    through.objects.bulk_create(
        (
            through(measure_id=m.pk, fieldofaction_id=fields[(k // measures) * 6 + k % 6].pk)
            for k, m in enumerate(created)
        ),
        batch_size=10000,
    )
    Line.objects.bulk_create(_lines(created, rng), batch_size=10000)
    Milestone.objects.bulk_create(_milestones(created), batch_size=10000)
    return len(towns), len(created)


def _lines(measures, rng):
    from digitalbilanz.portfolio.models import Line

    for m in measures:
        yield Line(
            municipality_id=m.municipality_id,
            measure=m,
            kind="cost",
            group="development",
            category="software",
            year=2023,
            label="Einführung",
            amount=Decimal(rng.randint(10, 500) * 1000),
            visibility="public",
        )
        for year in (2024, 2025):
            yield Line(
                municipality_id=m.municipality_id,
                measure=m,
                kind="cost",
                group="operation",
                category="hosting",
                year=year,
                label="Betrieb",
                amount=Decimal(rng.randint(5, 50) * 1000),
                visibility="public",
            )
        yield Line(
            municipality_id=m.municipality_id,
            measure=m,
            kind="benefit",
            group="operation",
            category="avoided",
            year=2025,
            label="Einsparung",
            amount=Decimal(rng.randint(5, 200) * 1000),
            visibility="public",
        )


def _milestones(measures):
    from digitalbilanz.portfolio.models import Milestone

    for m in measures:
        for k, title in enumerate(("Ausschreibung", "Pilot", "Rollout")):
            base = dt.date(2023 + k, 6, 30)
            yield Milestone(
                municipality_id=m.municipality_id,
                measure=m,
                title=title,
                baseline_date=base,
                forecast_date=base + dt.timedelta(days=30 * k),
                order=k,
                visibility="public",
            )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port, workers):
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "digitalbilanz.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env())
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/", timeout=1)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not start")


def _client(args):
    """One load process: ``threads`` clients hitting random municipalities until the deadline.

    With ``once`` set, the clients instead share the list of municipalities and request each
    exactly once (the cold pass: every response is computed, nothing comes from the cache).
    """
    base, template, slugs, ids, threads, seconds, once = args
    deadline = time.monotonic() + seconds
    times, errors = [], [0]
    queue = list(slugs) if once else None
    lock = threading.Lock()

    def next_slug(rng):
        if queue is None:
            return rng.choice(slugs) if time.monotonic() < deadline else None
        with lock:
            return queue.pop() if queue else None

    def worker(n):
        rng = random.Random(n)
        while (slug := next_slug(rng)) is not None:
            url = base + template.format(slug=slug, id=rng.choice(ids))
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    r.read()
                times.append(time.perf_counter() - start)
            except OSError:
                errors[0] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return times, errors[0]


def measure(base, template, slugs, ids, clients, seconds, processes=2, once=False):
    per = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    parts = [slugs[i::processes] for i in range(processes)] if once else [slugs] * processes
    started = time.perf_counter()
    with ProcessPoolExecutor(processes) as pool:
        jobs = [(base, template, part, ids, n, seconds, once) for n, part in zip(per, parts, strict=True)]
        results = list(pool.map(_client, jobs))
    elapsed = seconds if not once else time.perf_counter() - started
    times = sorted(t for r in results for t in r[0])
    errors = sum(r[1] for r in results)
    if not times:
        return None
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return statistics.median(times) * 1000, p95 * 1000, len(times) / elapsed, len(times), errors


ENDPOINTS = [
    ("API measures list (50)", "/api/v1/{slug}/measures/"),
    ("API lines list (50)", "/api/v1/{slug}/lines/"),
    ("API milestones list (50)", "/api/v1/{slug}/milestones/"),
    ("API measures filtered", "/api/v1/{slug}/measures/?status=in_progress&page_size=20"),
    ("API measures search", "/api/v1/{slug}/measures/?q=Akte"),
    ("Portal measure list", "/{slug}/massnahmen/"),
    ("Portal overview", "/{slug}/"),
    ("Open data measures.csv", "/{slug}/daten/measures.csv"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--municipalities", type=int, default=400)
    parser.add_argument("--measures", type=int, default=150)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if args.quick:
        args.municipalities, args.clients, args.seconds = 20, 8, 3
    t0 = time.perf_counter()
    recreate_database()
    setup_django()
    towns, count = generate(args.municipalities, args.measures)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"generated {towns} municipalities, {count} measures, {count * 4} lines, {count * 3} milestones "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    slugs = [f"bench-{i:03d}" for i in range(towns)]
    connection.close()
    port = free_port()
    server = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    print(
        f"gunicorn: {args.workers} sync workers; {args.clients} concurrent clients, "
        f"{args.seconds:.0f} s per endpoint, "
        f"{os.cpu_count()} CPU cores (clients share them)"
    )
    print(f"{'endpoint':40} {'median ms':>10} {'p95 ms':>9} {'req/s':>8} {'requests':>9} {'errors':>7}")
    try:
        for label, template in ENDPOINTS:
            # Cold: each municipality once, empty response cache (every page is computed).
            # Warm: random municipalities for the given time (data unchanged, so cached).
            for phase, once in (("cold", True), ("warm", False)):
                result = measure(base, template, slugs, [0], args.clients, args.seconds, once=once)
                name = f"{label} [{phase}]"
                if result is None:
                    print(f"{name:40} no successful request")
                    continue
                med, p95, rps, n, errors = result
                print(f"{name:40} {med:10.1f} {p95:9.1f} {rps:8.1f} {n:9d} {errors:7d}", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=20)
        if not args.keep:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        shutil.rmtree(CACHE_DIR, ignore_errors=True)
    print(f"total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
