"""`digitalbilanz backup` / `restore`: one archive, verified before and after, all or nothing.

The round trip empties the test database with ``flush`` (what a freshly migrated database
holds: content types and permissions only) and restores into it, so the same test runs on
SQLite and on PostgreSQL (CI sets ``DATABASE_URL``).
"""

import io
import json
import tarfile

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from digitalbilanz import backup
from digitalbilanz.cli import main
from digitalbilanz.core.models import Municipality
from digitalbilanz.demo import leverkusen
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.reports import service
from digitalbilanz.reports.models import Edition, EditionFile
from digitalbilanz.reports.render import render
from digitalbilanz.testing import Factory


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def empty_database():
    """A database as ``digitalbilanz setup`` leaves it, with content type ids unlike the source's."""
    connection.check_constraints()  # PostgreSQL: no pending deferred checks block TRUNCATE
    call_command("flush", interactive=False, verbosity=0)
    # Re-create one content type so that ids differ from the backed-up database: references to
    # content types must travel by natural key.
    ContentType.objects.filter(app_label="portfolio", model="measure").delete()
    ContentType.objects.get_for_model(Measure)


def rewrite(archive, changes, fix_manifest):
    """Copy of ``archive`` with members replaced; ``fix_manifest`` also updates their hashes."""
    with tarfile.open(archive, "r:gz") as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    members.update(changes)
    if fix_manifest:
        manifest = json.loads(members["manifest.json"])
        manifest["files"].update({name: backup.sha256(data) for name, data in changes.items()})
        members["manifest.json"] = json.dumps(manifest).encode()
    target = archive.with_name("changed.tar.gz")
    with tarfile.open(target, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


@pytest.fixture
def small_archive(db, tmp_path):
    """A municipality with a draft edition file, backed up, then the database emptied."""
    town = Factory.municipality(slug="neustadt", name="Neustadt")
    Factory.measure(town, title="Digitale Akte")
    edition = Edition.objects.create(municipality=town, period="2023-H2", audience="public")
    EditionFile(edition=edition, format="pdf", content=b"%PDF-1.7 Bericht").save()
    archive = tmp_path / "sicherung.tar.gz"
    run("backup", "-o", str(archive))
    empty_database()
    return archive


def test_the_demo_round_trips_with_identical_report_bytes_and_no_stale_page(db, client, tmp_path):
    leverkusen.load()
    town = Municipality.objects.get(slug="leverkusen")
    stored = {
        (f.edition.period, f.edition.audience, f.format): bytes(f.content) for f in EditionFile.objects.all()
    }
    second = Edition.objects.published().get(period="2021-H2", audience="public")
    rendered = render(second.snapshot, "pdf")
    users, history = get_user_model().objects.count(), Measure.history.count()
    archive = tmp_path / "sicherung.tar.gz"
    assert "Sicherung geschrieben" in run("backup", "-o", str(archive))

    # Changed after the backup and served once: that page must never come back after the restore.
    measure = Measure.objects.filter(municipality=town).order_by("pk").first()
    measure.title = "VERALTETER TITEL"
    measure.save()
    assert "VERALTETER TITEL" in client.get(f"/{town.slug}/massnahmen/").content.decode()

    empty_database()
    out = run("restore", str(archive))

    assert "reports.editionfile: 12" in out and "12 Berichtsdateien mit gültiger SHA-256" in out
    after = {
        (f.edition.period, f.edition.audience, f.format): bytes(f.content) for f in EditionFile.objects.all()
    }
    assert after == stored and len(after) == 12
    restored = Edition.objects.published().get(period="2021-H2", audience="public")
    assert service.render_edition(restored, "pdf") == stored[("2021-H2", "public", "pdf")]
    assert render(restored.snapshot, "pdf") == rendered
    assert (get_user_model().objects.count(), Measure.history.count()) == (users, history)
    assert authenticate(username="redaktion", password="demo-digitalbilanz") is not None
    page = client.get(f"/{town.slug}/massnahmen/").content.decode()
    assert "VERALTETER TITEL" not in page and Measure.objects.get(pk=measure.pk).title in page
    # The first change after the restore counts the version up again; it must not meet the
    # page cached before the restore either.
    Measure.objects.get(pk=measure.pk).save()
    assert "VERALTETER TITEL" not in client.get(f"/{town.slug}/massnahmen/").content.decode()


def test_the_manifest_lists_version_vendor_counts_and_a_hash_for_every_file(small_archive):
    with tarfile.open(small_archive, "r:gz") as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())
        database = tar.extractfile("database.json").read()
    assert manifest["format"] == "digitalbilanz-backup" and manifest["format_version"] == 1
    assert manifest["application_version"] and manifest["created_at"]
    assert manifest["database_vendor"] in ("sqlite", "postgresql")
    assert manifest["counts"]["core.municipality"] == 1 and manifest["counts"]["reports.editionfile"] == 1
    assert sorted(manifest["files"]) == sorted(n for n in names if n != "manifest.json")
    assert manifest["files"]["database.json"] == backup.sha256(database)
    assert b"%PDF-1.7 Bericht" not in database  # the file travels beside the JSON, not inside


def test_restore_refuses_a_database_with_data_in_german_with_exit_code_1(small_archive, capsys, monkeypatch):
    from django.db import connections

    Factory.municipality(slug="andere", name="Andere")
    # A command run from the command line closes all connections when it ends; in a test that
    # would end the test's own transaction (PostgreSQL).
    monkeypatch.setattr(connections, "close_all", lambda: None)
    with pytest.raises(SystemExit) as exit:
        main(["restore", str(small_archive)])
    assert exit.value.code == 1
    assert "Die Datenbank enthält bereits Daten" in capsys.readouterr().err
    assert list(Municipality.objects.values_list("slug", flat=True)) == ["andere"]


def test_force_replaces_the_data_that_is_there(small_archive):
    Factory.municipality(slug="andere", name="Andere")
    run("restore", "--force", str(small_archive))
    assert list(Municipality.objects.values_list("slug", flat=True)) == ["neustadt"]
    assert Measure.objects.get().title == "Digitale Akte"


def test_a_changed_archive_is_refused_before_anything_is_written(small_archive):
    with tarfile.open(small_archive, "r:gz") as tar:
        database = tar.extractfile("database.json").read()
    changed = rewrite(small_archive, {"database.json": database.replace(b"Neustadt", b"Altstadt")}, False)
    with pytest.raises(CommandError, match="Prüfsumme von „database.json“ stimmt nicht"):
        run("restore", str(changed))
    assert not Municipality.objects.exists()


def test_an_edition_file_unlike_its_published_hash_rolls_the_whole_restore_back(small_archive):
    # The manifest was rewritten to match: only the hash stored with the edition can tell.
    with tarfile.open(small_archive, "r:gz") as tar:
        (name,) = [n for n in tar.getnames() if n.startswith("files/editions/")]
    changed = rewrite(small_archive, {name: b"%PDF-1.7 gefaelscht"}, True)
    with pytest.raises(CommandError, match="SHA-256"):
        run("restore", str(changed))
    assert not Municipality.objects.exists() and not EditionFile.objects.exists()
