"""A real PostgreSQL streaming replica behind the portal: routing and replication end to end.

Creates a temporary PostgreSQL primary (``initdb`` in a temporary directory, its own free port,
so the machine's own PostgreSQL and its ``pg_hba.conf`` stay untouched), copies it with
``pg_basebackup -R`` into a streaming replica on another free port, and runs the application
in this process with ``DATABASE_URL`` on the primary and ``DATABASE_REPLICA_URLS`` on the
replica. With the Django test client it shows:

1. an anonymous visit of a measure's portal page is answered from the replica;
2. a change on the primary reaches the anonymous page through streaming replication (polled,
   the time it took is printed);
3. while the replica's replay is paused, anonymous visitors still see the old title, a
   logged-in editor sees the new one at once (editors read the primary), and after the replay
   resumes the anonymous page catches up.

Both PostgreSQL servers and the directory are removed in every case. Without the PostgreSQL
server programs (``initdb``, ``pg_ctl``, ``pg_basebackup``) it prints why and exits with 0.

    .venv/bin/python bench/replica.py          # or: make bench-replica
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMEOUT = 30.0
DB_NAME = "digitalbilanz"


def server_bindir() -> Path | None:
    """The directory with initdb/pg_ctl/pg_basebackup: ``pg_config --bindir`` or the newest
    ``/usr/lib/postgresql/<version>/bin`` (Debian and Ubuntu keep the server programs there)."""
    candidates = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(found.stdout.strip())
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    candidates.extend(reversed(versions))
    for directory in candidates:
        tools = ("initdb", "pg_ctl", "pg_basebackup")
        if directory and all((Path(directory) / tool).exists() for tool in tools):
            return Path(directory)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """The PostgreSQL server programs, run as the ``postgres`` user when this process is root
    (PostgreSQL refuses to run as root)."""

    def __init__(self, bindir: Path, workdir: Path):
        self.bindir = bindir
        self.workdir = workdir
        self.as_postgres = os.geteuid() == 0
        self.started: list[Path] = []

    def run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self, datadir: Path, port: int) -> None:
        options = f"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.workdir}"
        self.run("pg_ctl", "-D", str(datadir), "-o", options, "-l", str(datadir) + ".log", "-w", "start")
        self.started.append(datadir)

    def stop_all(self) -> None:
        for datadir in reversed(self.started):
            try:
                self.run("pg_ctl", "-D", str(datadir), "-m", "immediate", "-w", "stop")
            except subprocess.SubprocessError as exc:
                print(f"  (stopping {datadir.name} failed: {exc})")
        self.started.clear()


def poll(condition, timeout: float = TIMEOUT) -> float:
    """Seconds until ``condition()`` held; raises after ``timeout``."""
    begin = time.monotonic()
    while not condition():
        if time.monotonic() - begin > timeout:
            raise TimeoutError(f"not reached within {timeout:.0f} s")
        time.sleep(0.05)
    return time.monotonic() - begin


def main() -> int:
    bindir = server_bindir()
    if bindir is None:
        print("SKIP: PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) not found")
        return 0
    if os.geteuid() == 0 and not shutil.which("runuser"):
        print("SKIP: running as root without runuser; PostgreSQL refuses to run as root")
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="digitalbilanz-replica-"))
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    cluster = Cluster(bindir, workdir)
    primary_port, replica_port = free_port(), free_port()
    print(f"PostgreSQL programs: {bindir}")
    try:
        primary_dir, replica_dir = workdir / "primary", workdir / "replica"
        cluster.run("initdb", "-D", str(primary_dir), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        cluster.start(primary_dir, primary_port)
        import psycopg

        primary_url = f"postgres://postgres@127.0.0.1:{primary_port}"
        replica_url = f"postgres://postgres@127.0.0.1:{replica_port}"
        with psycopg.connect(f"{primary_url}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DB_NAME}")
        started = time.monotonic()
        cluster.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary_port), "-U", "postgres",
            "-D", str(replica_dir), "-R", "-X", "stream", "-c", "fast",
        )  # fmt: skip
        cluster.start(replica_dir, replica_port)
        print(f"primary on port {primary_port}, streaming replica on port {replica_port} "
              f"(base backup and start {time.monotonic() - started:.1f} s)")  # fmt: skip
        return exercise(f"{primary_url}/{DB_NAME}", f"{replica_url}/{DB_NAME}", replica_url)
    except subprocess.CalledProcessError as exc:
        print(f"FAILED: {' '.join(exc.cmd)}\n{exc.stderr}")
        return 1
    finally:
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django not set up yet
            pass
        cluster.stop_all()
        shutil.rmtree(workdir, ignore_errors=True)
        print(f"stopped both servers, removed {workdir}")


def exercise(primary: str, replica: str, replica_server: str) -> int:
    os.environ.update(
        DATABASE_URL=primary,
        DATABASE_REPLICA_URLS=replica,
        SECRET_KEY="bench-only-not-a-secret",
        ALLOWED_HOSTS="testserver",
        CACHE_URL="locmem://",
        DJANGO_SETTINGS_MODULE="digitalbilanz.settings",
    )
    import django

    django.setup()
    import psycopg
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from digitalbilanz.core.choices import Role
    from digitalbilanz.testing import Factory

    started = time.monotonic()
    call_command("migrate", verbosity=0)  # on the primary only; the replica follows by WAL
    print(f"migrated the primary in {time.monotonic() - started:.1f} s")
    with connections["replica_1"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone() == (True,), "replica_1 is not a standby"

    town = Factory.municipality(slug="replikstadt", name="Replikstadt")
    measure = Factory.measure(town, title="Digitale Akte")
    Factory.line(measure, year=2025)
    editor = Factory.user(town, Role.EDITOR)
    url = f"/replikstadt/massnahmen/{measure.pk}/"
    anonymous, logged_in = Client(), Client()
    logged_in.force_login(editor)

    def anonymous_sees(text: str) -> bool:
        response = anonymous.get(url)
        return response.status_code == 200 and text in response.content.decode()

    seconds = poll(lambda: anonymous_sees("Digitale Akte"))
    print(f"1. new measure visible to anonymous visitors after {seconds:.2f} s")
    cache.clear()  # a full page build, not the cached response
    with CaptureQueriesContext(connections["replica_1"]) as on_replica:
        with CaptureQueriesContext(connections["default"]) as on_primary:
            assert anonymous_sees("Digitale Akte")
    reads = [q for q in on_primary.captured_queries if q["sql"].split()[0].upper() == "SELECT"]
    print(f"   anonymous page: {len(on_replica)} queries on the replica, {len(reads)} reads on the primary")
    assert len(on_replica) > 0 and not reads

    measure.title = "Digitale Akte (erweitert)"
    measure.save()
    seconds = poll(lambda: anonymous_sees("Digitale Akte (erweitert)"))
    print(f"2. change on the primary reached the anonymous page from the replica after {seconds:.2f} s")

    with psycopg.connect(f"{replica_server}/postgres", autocommit=True) as standby:
        standby.execute("SELECT pg_wal_replay_pause()")
        try:
            measure.title = "Digitale Akte für alle Ämter"
            measure.save()
            time.sleep(1.0)  # well beyond the replication delay measured above
            stale = anonymous_sees("Digitale Akte (erweitert)")
            editor_page = logged_in.get(url).content.decode()
            fresh = "Digitale Akte für alle Ämter" in editor_page
            print(f"3. replay paused: anonymous sees the old title: {stale}; the editor the new one: {fresh}")
            assert stale and fresh
        finally:
            standby.execute("SELECT pg_wal_replay_resume()")
    seconds = poll(lambda: anonymous_sees("Digitale Akte für alle Ämter"))
    print(f"   replay resumed: anonymous page caught up after {seconds:.2f} s")
    print("OK: anonymous reads from the streaming replica, editors from the primary")
    return 0


if __name__ == "__main__":
    sys.exit(main())
