"""The files in deploy/ work as documented: the systemd unit passes ``systemd-analyze verify``,
gunicorn started exactly as its ExecStart says serves ``/healthz``, the container entry point
is valid shell. (Container images cannot be built without a container engine; see
docs/operations.md, "Containers".)"""

import configparser
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "digitalbilanz.service"
OPERATIONS = ROOT / "docs" / "operations.md"
INSTALLED_GUNICORN = "/opt/digitalbilanz/venv/bin/gunicorn"
LOCAL_GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def unit():
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNIT)
    return parser


def exec_start() -> list[str]:
    return shlex.split(unit()["Service"]["ExecStart"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_unit_runs_gunicorn_as_a_dedicated_user_with_hardening():
    service = unit()["Service"]
    assert service["User"] == "digitalbilanz"
    assert service["EnvironmentFile"] == "/etc/digitalbilanz/env"
    assert service["NoNewPrivileges"] == "yes" and service["ProtectSystem"] == "strict"
    argv = exec_start()
    assert argv[0] == INSTALLED_GUNICORN and argv[1] == "digitalbilanz.wsgi:application"
    assert argv[argv.index("--bind") + 1].startswith("127.0.0.1:")


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_the_unit_passes_systemd_analyze_verify(tmp_path):
    # verify insists that ExecStart's program exists: point it at this checkout's gunicorn.
    copy = tmp_path / UNIT.name
    copy.write_text(UNIT.read_text().replace(INSTALLED_GUNICORN, LOCAL_GUNICORN))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60
    )
    # Unknown or misspelt keys are only warnings (exit code 0): any line about the unit fails.
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if UNIT.name in line]
    assert result.returncode == 0 and not complaints, result.stderr


def environment_file() -> dict[str, str]:
    lines = (DEPLOY / "env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_the_environment_template_sets_every_documented_production_setting():
    section = OPERATIONS.read_text().split("## Production settings", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    documented = {line.split("=", 1)[0] for line in block.splitlines() if "=" in line}
    assert documented <= environment_file().keys()


def test_gunicorn_started_as_the_unit_says_answers_the_health_check(tmp_path):
    port = free_port()
    argv = exec_start()
    argv[0] = LOCAL_GUNICORN
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    # The environment file of deploy/, with a database and directory of this test only.
    env = environment_file() | {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "WEB_CONCURRENCY": "1",
        "SECRET_KEY": "deploy-test-not-a-secret-" + "x" * 40,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DIGITALBILANZ_VAR_DIR": str(tmp_path / "var"),
    }
    setup = subprocess.run(
        [str(Path(sys.executable).parent / "digitalbilanz"), "setup"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert setup.returncode == 0, setup.stderr
    server = subprocess.Popen(argv, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, body = wait_for_health(port, server, deadline=time.monotonic() + 60)
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode(errors="replace")
    assert status == 200, output
    assert body == b'{"status": "ok", "database": "ok", "cache": "ok"}'


def wait_for_health(port, server, deadline):
    # As the proxy forwards it: the public host name, and HTTPS (or SSL redirect answers 301).
    headers = {"Host": "digitalbilanz.example.de", "X-Forwarded-Proto": "https"}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers=headers)
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError:
            time.sleep(0.2)
    return None, b""


def test_the_container_entry_point_is_valid_shell_and_the_containerfile_copies_what_exists():
    subprocess.run(["sh", "-n", str(DEPLOY / "container-start.sh")], check=True, timeout=10)
    assert os.access(DEPLOY / "container-start.sh", os.X_OK)
    for line in (DEPLOY / "Containerfile").read_text().splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source
