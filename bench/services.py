"""Benchmark: importing case numbers of online services into PostgreSQL, and the duplicate-
structure model for many services × municipalities.

1. Writes a CSV of 1,000,000 case-number rows (600 services × 5 channels × 334 months, German
   formats: ``;``, ``dd.mm.yyyy``, thousands ``.``) and imports it through the product's real
   path (``services.imports.apply``: the file read in pieces, validation of every cell,
   duplicate check, ``bulk_import`` with its ImportRun, valid rows by ``COPY`` in chunks into a
   temporary table, then ``UPDATE … FROM`` for changed counts and ``INSERT … SELECT`` for
   new rows, one data change). The peak memory printed is the step's own (it includes the
   file's bytes, read whole as an upload is).
2. Baseline: the same rows as model instances stored with a plain Django ``bulk_create``
   (batches of 10,000, no validation, no upsert) into the emptied table.
3. The same file again (nothing changes: every row "unchanged").
4. ``duplicate_structure_arrays`` for 600 services × 400 municipalities.

Each step runs in its own process so that its peak memory is its own. The database
``db_services_bench`` is dropped and re-created. Targets: the import under 20 s on 2 cores and at
least 3× the baseline's rows per second, memory bounded; the model under 2 s.

    .venv/bin/python bench/services.py                 # 1,000,000 rows
    .venv/bin/python bench/services.py --rows 100000   # smaller run
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "db_services_bench"
PG = "postgres://postgres@127.0.0.1:5432"
SERVICES = 600
CHANNELS = ("online", "Schalter", "Post", "E-Mail", "Telefon")
sys.path.insert(0, str(ROOT))


def setup_django():
    os.environ.update(
        DATABASE_URL=f"{PG}/{DB_NAME}",
        SECRET_KEY="bench-only-not-a-secret",
        DJANGO_SETTINGS_MODULE="digitalbilanz.settings",
    )
    import django

    django.setup()


def peak_mb() -> float:
    """Peak resident memory of this process. ``ru_maxrss`` survives ``exec`` on Linux (a step
    would report its parent's peak), so the kernel's high-water mark of this process comes first."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def months(count: int):
    year, month = 2026, 1
    out = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(dt.date(year, month, 1))
    return out


def prepare(rows: int, path: Path):
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from digitalbilanz.core.models import Municipality
    from digitalbilanz.services.models import Service

    town = Municipality.objects.create(name="Benchstadt", slug="benchstadt")
    Service.objects.bulk_create(
        Service(municipality=town, ozg_id=f"S{n:04d}", name=f"Dienst {n}") for n in range(1, SERVICES + 1)
    )
    per_service = -(-rows // SERVICES)
    periods = months(-(-per_service // len(CHANNELS)))
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n")
        for n in range(1, SERVICES + 1):
            for start in periods:
                day = start.strftime("%d.%m.%Y")
                for c, channel in enumerate(CHANNELS):
                    if written == rows:
                        break
                    cases = (n * 37 + start.month * 11 + c * 1013) % 25000
                    text = f"{cases:,}".replace(",", ".")
                    out.write(f"S{n:04d};Monat;{day};{channel};{text}\n")
                    written += 1
    print(
        f"File: {written:,} rows, {path.stat().st_size / 1e6:,.1f} MB "
        f"({SERVICES} services, {len(periods)} months)"
    )


def step_import(path: Path):
    setup_django()
    from digitalbilanz.core.models import Municipality
    from digitalbilanz.services import imports

    town = Municipality.objects.get(slug="benchstadt")
    data = path.read_bytes()
    start = time.perf_counter()
    run = imports.apply(town, path.name, data)
    seconds = time.perf_counter() - start
    rows = run.created_count + run.updated_count + run.unchanged_count
    print(
        f"{'real import path':<28} {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s  "
        f"peak {peak_mb():,.0f} MB  "
        f"(new {run.created_count:,}, changed {run.updated_count:,}, unchanged {run.unchanged_count:,})"
    )
    return seconds


def step_baseline(path: Path):
    setup_django()
    from django.db import connection, transaction

    from digitalbilanz.core.models import Municipality
    from digitalbilanz.services.models import CaseCount, Service

    town = Municipality.objects.get(slug="benchstadt")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {CaseCount._meta.db_table}")
    ids = dict(Service.objects.filter(municipality=town).values_list("ozg_id", "pk"))
    channel = dict(zip(CHANNELS, ("online", "counter", "post", "email", "phone"), strict=True))
    start = time.perf_counter()
    count = 0
    with transaction.atomic(), path.open(encoding="utf-8") as lines:
        next(lines)
        batch = []
        for line in lines:
            ozg, _kind, day, chan, cases = line.rstrip("\n").split(";")
            batch.append(
                CaseCount(
                    municipality=town,
                    service_id=ids[ozg],
                    period_kind="month",
                    period_start=dt.date(int(day[6:]), int(day[3:5]), int(day[:2])),
                    channel=channel[chan],
                    cases=int(cases.replace(".", "")),
                )
            )
            if len(batch) == 10_000:
                CaseCount.objects.bulk_create(batch)
                count += len(batch)
                batch = []
        CaseCount.objects.bulk_create(batch)
        count += len(batch)
    seconds = time.perf_counter() - start
    print(
        f"{'baseline bulk_create':<28} {seconds:7.2f} s  {count / seconds:>10,.0f} rows/s  "
        f"peak {peak_mb():,.0f} MB"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {CaseCount._meta.db_table}")


def step_model():
    import numpy as np

    sys.path.insert(0, str(ROOT / "bench"))
    from process_cost import synthetic

    from digitalbilanz.economics.process_cost import duplicate_structure_arrays

    inputs = synthetic(600, 400)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = duplicate_structure_arrays(**inputs)
        times.append(time.perf_counter() - start)
    median = sorted(times)[1]
    reachable = int(np.sum(result.status == 0))
    print(
        f"{'duplicate-structure model':<28} {median:7.3f} s  600 × 400 = 240,000 pairs (median of 3), "
        f"{reachable:,} with a reachable break-even, peak {peak_mb():,.0f} MB"
    )


def child(step: str, path: Path) -> str:
    result = subprocess.run(
        [sys.executable, __file__, "--step", step, "--file", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"step {step} failed")
    sys.stdout.write(result.stdout)
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--step", choices=("import", "baseline", "model"))
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.step == "import":
        return step_import(Path(args.file))
    if args.step == "baseline":
        return step_baseline(Path(args.file))
    if args.step == "model":
        return step_model()
    with tempfile.TemporaryDirectory(prefix="digitalbilanz-services-bench-") as tmp:
        path = Path(tmp) / "fallzahlen.csv"
        prepare(args.rows, path)
        load = ", ".join(f"{n:.2f}" for n in os.getloadavg())
        print(f"PostgreSQL database {DB_NAME}; {os.cpu_count()} CPU(s) visible; load average {load}")
        base = child("baseline", path)
        first = child("import", path)
        child("import", path)  # the same file again: every row unchanged
        child("model", path)
        base_rate = float(base.split("rows/s")[0].split()[-1].replace(",", ""))
        rate = float(first.split("rows/s")[0].split()[-1].replace(",", ""))
        print(f"Import rows/s ÷ baseline rows/s = {rate / base_rate:.1f}×")


if __name__ == "__main__":
    main()
