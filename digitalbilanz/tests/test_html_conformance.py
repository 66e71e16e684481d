"""The Nu HTML Checker (the W3C validator's engine) over the rendered pages of the demo: public
pages, app pages and a form with errors must be valid HTML (a dangling ``aria-describedby`` or a
``<style>`` inside ``<main>`` is an error there).

The checker is the npm package ``vnu-jar`` (``make vnu`` installs it below ``var/vnu``; Java from
Debian runs it). Without it the test is skipped with a visible reason, except where
``DIGITALBILANZ_REQUIRE_VNU`` is set (CI), where a missing checker fails.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "var" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
REQUIRED = bool(os.environ.get("DIGITALBILANZ_REQUIRE_VNU"))

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="Rendering checks laufen einmal, im SQLite-Durchlauf (sie hängen nicht von der Datenbank ab)",
)


def _checker():
    if VNU.exists() and shutil.which("java"):
        return ["java", "-Xss4m", "-jar", str(VNU)]
    if REQUIRED:
        pytest.fail(f"Nu HTML Checker fehlt ({VNU} oder java): `make vnu` installiert ihn")
    pytest.skip("Nu HTML Checker nicht installiert (`make vnu`)")


def _pages(town):
    from digitalbilanz.portal.tests.test_pages import portal_urls
    from digitalbilanz.portfolio.models import Line, Measure

    measure = Measure.objects.filter(municipality=town).first()
    line = (
        Line.objects.filter(measure=measure, derivation__isnull=True).first()
        or Line.objects.filter(measure__municipality=town, derivation__isnull=True).first()
    )
    app = f"/app/{town.slug}"
    return portal_urls(town) + [
        "/api/v1/docs/",
        "/anmelden/",
        f"/{town.slug}/gibt-es-nicht/",
        f"{app}/",
        f"{app}/massnahmen/",
        f"{app}/massnahmen/{measure.pk}/",
        f"{app}/massnahmen/{line.measure_id}/zeilen/{line.pk}/",
        f"{app}/massnahmen/{measure.pk}/aenderungen/",
        f"{app}/strategie/",
        f"{app}/parameter/",
        f"{app}/berichte/",
        f"{app}/excel/",
    ], (f"{app}/massnahmen/{line.measure_id}/zeilen/{line.pk}/", line)


def test_rendered_pages_are_valid_html(db, tmp_path):
    from django.contrib.auth import get_user_model

    from digitalbilanz.demo import leverkusen

    checker = _checker()
    town = leverkusen.load()[0]
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    urls, (line_url, line) = _pages(town)
    files = {}
    for i, url in enumerate(urls):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        files[f"p{i:02d}.html"] = (url, response.content)
    invalid = client.post(line_url, {"label": "", "year": "", "lock_version": line.lock_version})
    assert invalid.status_code == 400
    files["form-errors.html"] = ("form with errors", invalid.content)
    for name, (_url, content) in files.items():
        (tmp_path / name).write_bytes(content)
    result = subprocess.run(
        [*checker, "--errors-only", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [
        f"{files[Path(m['url']).name][0]}: {m.get('message')} – {m.get('extract', '')[:80]!r}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not problems, "\n".join(problems)
