"""A real PostgreSQL streaming replica behind the portal (``bench/replica.py``).

The script builds a temporary primary and a replica with ``pg_basebackup -R``, runs the
application against both and asserts: anonymous portal reads are answered by the replica, a
change on the primary reaches them, a logged-in editor reads the primary while the replica's
replay is paused. It runs in its own process (its own settings) and takes about a minute, so
it runs only with the PostgreSQL suite (``make test-pg``); without the PostgreSQL server
programs the script reports why and the test is skipped.
"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "replica.py"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs with the PostgreSQL suite only")
def test_portal_reads_from_a_real_streaming_replica():
    result = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=600, check=False
    )
    output = result.stdout + result.stderr
    if result.returncode == 0 and output.startswith("SKIP:"):
        pytest.skip(output.strip())
    assert result.returncode == 0, output
    assert "anonymous sees the old title: True; the editor the new one: True" in output, output
    assert "OK: anonymous reads from the streaming replica, editors from the primary" in output, output
