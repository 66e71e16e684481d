"""Time to render the Digitalisierungsbericht (prints measured numbers only).

cold = a fresh Python process: Django setup, database, snapshot and render of one format;
warm = the second render in the same process. Uses its own temporary SQLite database.

    .venv/bin/python bench/report.py
"""

import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FORMATS = ("pdf", "html", "xlsx")
LARGE_SLUG, LARGE_MEASURES = "grossstadt", 400


def setup_django(var_dir):
    os.environ["DIGITALBILANZ_VAR_DIR"] = var_dir
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digitalbilanz.settings")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, ROOT)
    import django

    django.setup()


def prepare(var_dir):
    """Migrate, load the demo and a synthetic municipality with 400 measures."""
    setup_django(var_dir)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from digitalbilanz.demo import leverkusen

    leverkusen.load()
    _large()


def _large():
    import datetime as dt
    import random

    from digitalbilanz.portfolio.models import FieldOfAction
    from digitalbilanz.testing import Factory

    rng = random.Random(7)
    town = Factory.municipality(slug=LARGE_SLUG, name="Synthetische Großstadt")
    fields = [
        FieldOfAction.objects.create(
            municipality=town, code=str(i), title=f"Handlungsfeld {i}", order=i, visibility="public"
        )
        for i in range(1, 9)
    ]
    for n in range(LARGE_MEASURES):
        m = Factory.measure(town, code=f"M-{n:03d}", title=f"Maßnahme {n}", status="in_progress")
        m.fields_of_action.set([fields[n % 8]])
        Factory.line(m, year=2024, amount=str(rng.randint(10, 500) * 1000), low="5000", high="600000")
        for year in range(2025, 2029):
            Factory.line(
                m, year=year, kind="benefit", amount=str(rng.randint(5, 200) * 1000), budget_relevant=True
            )
        for k in range(2):
            base = dt.date(2024, 3 + 3 * k, 28)
            Factory.milestone(
                m,
                baseline=base,
                forecast=base + dt.timedelta(days=rng.randint(0, 90)),
                title=f"Meilenstein {k + 1}",
            )


def render_once(slug, period, fmt):
    from digitalbilanz.core.models import Municipality
    from digitalbilanz.reports.changes import compare
    from digitalbilanz.reports.render import render
    from digitalbilanz.reports.snapshot import build_snapshot

    snapshot = build_snapshot(Municipality.objects.get(slug=slug), period, "public")
    snapshot["changes"] = compare(None, snapshot)
    return render(snapshot, fmt)


def child(var_dir, slug, period, fmt):
    start = time.perf_counter()
    setup_django(var_dir)
    first = time.perf_counter()
    size = len(render_once(slug, period, fmt))
    cold = time.perf_counter() - start
    second = time.perf_counter()
    render_once(slug, period, fmt)
    warm = time.perf_counter() - second
    print(f"{cold:.3f} {warm:.3f} {size} {first - start:.3f}")


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "--child":
        child(*sys.argv[2:])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--prepare":
        prepare(sys.argv[2])
        return
    with tempfile.TemporaryDirectory(prefix="digitalbilanz-bench-") as var_dir:
        t = time.perf_counter()
        env = dict(os.environ, DIGITALBILANZ_VAR_DIR=var_dir, SECRET_KEY="bench-only-not-a-secret")
        subprocess.run([sys.executable, __file__, "--prepare", var_dir], check=True, env=env, cwd=ROOT)
        print(
            f"Vorbereitung (Migration, Demo, {LARGE_MEASURES} synthetische Maßnahmen): "
            f"{time.perf_counter() - t:.1f} s"
        )
        print(f"{'Bericht':<34} {'Format':<6} {'kalt (s)':>9} {'warm (s)':>9} {'Größe':>10}")
        for label, slug, period in (
            ("Leverkusen 2021-H2", "leverkusen", "2021-H2"),
            (f"Synthetisch ({LARGE_MEASURES} Maßnahmen)", LARGE_SLUG, "2024-H2"),
        ):
            for fmt in FORMATS:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", var_dir, slug, period, fmt],
                    check=True,
                    env=env,
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                cold, warm, size, _setup = out.stdout.split()[-4:]
                print(
                    f"{label:<34} {fmt:<6} {float(cold):>9.2f} {float(warm):>9.2f} {int(size):>10,}".replace(
                        ",", "."
                    )
                )
                if fmt == "pdf" and slug == LARGE_SLUG:
                    per_measure = int(size) / LARGE_MEASURES / 1000
                    print(f"{'':<34} PDF je Maßnahme: {per_measure:.1f} KB".replace(".", ","))


if __name__ == "__main__":
    main()
