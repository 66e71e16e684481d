"""Soak test: the Leverkusen demo served by gunicorn under a steady mix of reads and writes.

Loads the demo into a database of its own (the PostgreSQL database ``db_soak_bench``, dropped
and re-created, or with ``--sqlite`` a temporary SQLite file), serves it with gunicorn on a free
loopback port and lets ``--clients`` closed-loop clients (each waits for its answer before the
next request) send, for ``--seconds``, a fixed mix of

* anonymous portal reads (overview, measure list and pages, open-data CSV),
* API reads with a read-only key (lists and records),
* editor writes through the API: read a measure, PATCH its progress with ``If-Match`` (each
  writing client owns its own measures, so a 412 would be a real lost-update bug).

Every write raises the municipality's data version, so the anonymous reads keep missing the
response cache and recomputing pages, as in real use. Prints requests, errors, median and p95 per
kind and the resident memory (RSS) of the gunicorn master plus workers after the warm-up and at
the end. Targets: 0 errors, memory growth ≤ 10 %. Gunicorn runs without ``--max-requests`` here,
so a leak is not hidden by recycled workers. Exit code 1 if a target is missed.

    .venv/bin/python bench/soak.py                    # 60 s, PostgreSQL, 3 workers
    .venv/bin/python bench/soak.py --seconds 600
    .venv/bin/python bench/soak.py --sqlite --workers 1

SQLite lets one writer in at a time: with several gunicorn workers, concurrent writes fail with
"database is locked" (500). Use SQLite with one worker only (docs/operations.md).
"""

from __future__ import annotations

import argparse
import io
import json
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
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
PG_DB = "db_soak_bench"
SLUG = "leverkusen"
# kind → share of requests
MIX = {"portal": 6, "api_read": 3, "write": 1}
sys.path.insert(0, str(ROOT))


def environment(tmp: Path, postgres: bool) -> dict:
    database = f"{PG}/{PG_DB}" if postgres else f"sqlite:///{tmp / 'soak.sqlite3'}"
    return dict(
        os.environ,
        DIGITALBILANZ_PRODUCTION="true",
        SECRET_KEY="soak-only-not-a-secret",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database,
        DIGITALBILANZ_VAR_DIR=str(tmp / "var"),
        CACHE_URL=f"file://{tmp / 'cache'}",
        DIGITALBILANZ_API_ANON_RATE="0",  # the limiter would answer 429 to the load generator
        DJANGO_SETTINGS_MODULE="digitalbilanz.settings",
    )


def recreate_postgres():
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
        conn.execute(f"CREATE DATABASE {PG_DB}")


def load_demo(env: dict) -> dict:
    """Migrate, load the demo, issue the keys; returns what the clients need."""
    os.environ.update(env)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connections

    from digitalbilanz.api.models import ApiKey
    from digitalbilanz.core.models import Municipality
    from digitalbilanz.portfolio.models import Measure

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    town = Municipality.objects.get(slug=SLUG)
    users = get_user_model().objects
    _, reader = ApiKey.issue(town, users.get(username="lesen"), "Soak lesen")
    _, editor = ApiKey.issue(town, users.get(username="redaktion"), "Soak Redaktion", read_write=True)
    data = {
        "public": list(Measure.objects.for_audience(town, "public").values_list("pk", flat=True)),
        "all": list(Measure.objects.filter(municipality=town).values_list("pk", flat=True)),
        "reader": reader,
        "editor": editor,
    }
    connections.close_all()
    return data


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    cmd = [str(gunicorn), "digitalbilanz.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    cmd += ["--workers", str(workers), "--timeout", "120", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=env["DIGITALBILANZ_VAR_DIR"], env=env)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not start")


def rss_mib(pid: int) -> float:
    """Resident memory of the gunicorn master and its workers, in MiB (Linux /proc)."""
    pids = [pid] + [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    total = 0
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


class Client:
    """One closed-loop client. ``owned`` are the measures only this client writes."""

    def __init__(self, base: str, data: dict, owned: list[int], seed: int):
        self.base, self.data, self.owned = base, data, owned
        self.rng = random.Random(seed)

    def request(self, path, key=None, method="GET", body=None, headers=None):
        headers = dict(headers or {})
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=body, method=method, headers=headers)
        with urllib.request.urlopen(req, timeout=60) as response:
            response.read()
            return response

    def portal(self):
        public = self.data["public"]
        path = self.rng.choice(
            [
                f"/{SLUG}/",
                f"/{SLUG}/massnahmen/",
                f"/{SLUG}/massnahmen/{self.rng.choice(public)}/",
                f"/{SLUG}/daten/measures.csv",
            ]
        )
        self.request(path)

    def api_read(self):
        path = self.rng.choice(
            [
                f"/api/v1/{SLUG}/measures/",
                f"/api/v1/{SLUG}/lines/?page_size=100",
                f"/api/v1/{SLUG}/measures/{self.rng.choice(self.data['all'])}/",
            ]
        )
        self.request(path, key=self.data["reader"])

    def write(self):
        path = f"/api/v1/{SLUG}/measures/{self.rng.choice(self.owned)}/"
        etag = self.request(path, key=self.data["editor"]).headers["ETag"]
        body = {"progress": self.rng.randint(0, 100), "change_reason": "Lasttest"}
        self.request(path, key=self.data["editor"], method="PATCH", body=body, headers={"If-Match": etag})


def drive(base, data, clients, seconds, seed=1) -> tuple[dict, dict, list]:
    """Run the mix; returns durations and error counts per kind, and the first few errors."""
    kinds = list(MIX)
    weights = [MIX[k] for k in kinds]
    times = {k: [] for k in kinds}
    errors = {k: 0 for k in kinds}
    samples, lock = [], threading.Lock()
    deadline = time.monotonic() + seconds

    def run(n):
        client = Client(base, data, data["all"][n::clients] or data["all"], seed * 1000 + n)
        while time.monotonic() < deadline:
            kind = client.rng.choices(kinds, weights)[0]
            start = time.perf_counter()
            try:
                getattr(client, kind)()
            except (OSError, KeyError) as error:  # HTTPError (4xx/5xx) is an OSError
                with lock:
                    errors[kind] += 1
                    if len(samples) < 5:
                        samples.append(f"{kind}: {error}")
                continue
            with lock:
                times[kind].append(time.perf_counter() - start)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, samples


def report(times, errors, seconds):
    print(f"{'kind':10} {'requests':>9} {'errors':>7} {'req/s':>7} {'median ms':>10} {'p95 ms':>8}")
    for kind in MIX:
        done = sorted(times[kind])
        if not done:
            print(f"{kind:10} {0:9d} {errors[kind]:7d}")
            continue
        p95 = done[min(len(done) - 1, int(len(done) * 0.95))]
        print(
            f"{kind:10} {len(done):9d} {errors[kind]:7d} {len(done) / seconds:7.1f} "
            f"{statistics.median(done) * 1000:10.1f} {p95 * 1000:8.1f}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=10, help="seconds of the same mix before")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--sqlite", action="store_true", help=f"a temporary SQLite file, not {PG}/{PG_DB}")
    args = parser.parse_args()
    args.postgres = not args.sqlite

    tmp = Path(tempfile.mkdtemp(prefix="digitalbilanz-soak-"))
    env = environment(tmp, args.postgres)
    server = None
    try:
        if args.postgres:
            recreate_postgres()
        t0 = time.perf_counter()
        data = load_demo(env)
        database = "PostgreSQL" if args.postgres else "SQLite"
        print(
            f"demo loaded in {time.perf_counter() - t0:.1f} s ({database}, "
            f"{len(data['all'])} measures, {len(data['public'])} public)"
        )
        port = free_port()
        server = start_server(env, port, args.workers)
        base = f"http://127.0.0.1:{port}"
        booted = rss_mib(server.pid)
        drive(base, data, args.clients, args.warmup, seed=0)
        before = rss_mib(server.pid)
        print(
            f"gunicorn: {args.workers} sync workers; {args.clients} clients, mix {MIX}, "
            f"{args.seconds:.0f} s after {args.warmup:.0f} s warm-up; {os.cpu_count()} CPU cores (shared)"
        )
        times, errors, samples = drive(base, data, args.clients, args.seconds)
        after = rss_mib(server.pid)
        report(times, errors, args.seconds)
        total = sum(len(t) for t in times.values())
        failed = sum(errors.values())
        growth = (after - before) / before * 100
        print(f"total      {total:9d} {failed:7d} {total / args.seconds:7.1f}")
        print(
            f"memory (RSS master + workers): {booted:.0f} MiB after start, {before:.0f} MiB after "
            f"warm-up, {after:.0f} MiB at the end: {growth:+.1f} % (target ≤ 10 %)"
        )
        for sample in samples:
            print("error:", sample)
        return 0 if failed == 0 and growth <= 10 else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.postgres:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
