"""Backup and restore: the whole installation in one archive (docs/operations.md).

The archive (tar.gz) holds

* ``database.json`` — every table as Django serialised JSON (``dumpdata`` with natural foreign
  keys), so it restores into SQLite or PostgreSQL alike. Content types, permissions and sessions
  are left out: ``migrate`` creates the first two in every database (with its own ids, which is
  why references to them are natural keys), and sessions are not worth keeping. History tables
  (django-simple-history) are ordinary models and travel with their apps.
* ``files/editions/…`` — the rendered files of every report edition. They live in the database
  (``EditionFile.content``); they are taken out of the JSON so that each one is a plain file in
  the archive with its own hash, and put back on restore.
* ``media/…`` — uploaded files below ``MEDIA_ROOT``, if one is configured.
* ``manifest.json`` — format version, creation time, application version, database vendor,
  applied migrations, rows per model and the SHA-256 of every other file in the archive.

A restore checks every hash before it writes anything, loads everything in one transaction,
checks each edition file against the SHA-256 recorded when the edition was published, and
moves media files into place only after the transaction has committed.
"""

import base64
import datetime as dt
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import grouped

FORMAT = "digitalbilanz-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
EDITIONS_DIR = "files/editions"
MEDIA_DIR = "media"
# Created by ``migrate`` in every database, or not worth keeping.
EXCLUDED = ("contenttypes", "auth.permission", "sessions")
STORED_FILES = "reports.editionfile"


class BackupError(Exception):
    """The archive cannot be written or restored; the message is German and says why."""


@dataclass
class Restored:
    """What a restore wrote: rows per model and the edition files it verified."""

    counts: dict = field(default_factory=dict)
    verified_files: int = 0
    media_files: int = 0


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Backup ---------------------------------------------------------------------------------


def write_backup(target, using="default") -> dict:
    """Write the archive to ``target`` (a path); returns its manifest."""
    rows = _dump(using)
    members = {}
    for row in rows:
        if row["model"] == STORED_FILES:
            content = base64.b64decode(row["fields"].pop("content"))
            members[f"{EDITIONS_DIR}/{row['pk']}.{row['fields']['format']}"] = content
    members[DATABASE] = json.dumps(rows, ensure_ascii=False, indent=1).encode()
    members.update(_media_members())
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "application_version": _app_version(),
        "database_vendor": connections[using].vendor,
        "migrations": applied_migrations(using),
        "counts": dict(sorted(Counter(row["model"] for row in rows).items())),
        "files": {name: sha256(data) for name, data in sorted(members.items())},
    }
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    _write_tar(Path(target), members)
    return manifest


def _dump(using) -> list:
    """All rows as one consistent snapshot (one transaction; repeatable read on PostgreSQL)."""
    connection = connections[using]
    out = io.StringIO()
    # Inside an outer transaction (a caller's atomic block) the isolation level is already
    # fixed: SET TRANSACTION must be the first statement of a transaction.
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            exclude=list(EXCLUDED),
            natural_foreign=True,
            use_base_manager=True,
            database=using,
            format="json",
            stdout=out,
            verbosity=0,
        )
    return json.loads(out.getvalue() or "[]")


def _media_members() -> dict:
    root = _media_root()
    if root is None or not root.is_dir():
        return {}
    return {
        f"{MEDIA_DIR}/{path.relative_to(root).as_posix()}": path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _media_root():
    return Path(settings.MEDIA_ROOT) if settings.MEDIA_ROOT else None


def _write_tar(target: Path, members: dict) -> None:
    # Written next to the target and renamed: a failed backup never leaves half an archive.
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz") as tar:
        for name in [MANIFEST, *sorted(n for n in members if n != MANIFEST)]:
            info = tarfile.TarInfo(name)
            info.size = len(members[name])
            info.mtime = int(timezone.now().timestamp())
            info.mode = 0o600
            tar.addfile(info, io.BytesIO(members[name]))
    partial.replace(target)


def applied_migrations(using) -> dict:
    applied = MigrationRecorder(connections[using]).applied_migrations()
    by_app = {}
    for app, name in sorted(applied):
        by_app.setdefault(app, []).append(name)
    return by_app


def _app_version() -> str:
    try:
        return metadata.version("digitalbilanz")
    except metadata.PackageNotFoundError:
        return "unbekannt"


# --- Reading and verifying an archive --------------------------------------------------------


def read_archive(source) -> tuple[dict, dict]:
    """The manifest and every member's bytes, after checking each against the manifest."""
    try:
        with tarfile.open(source, "r:gz") as tar:
            members = _read_members(tar)
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(
            _("Die Sicherung „%(file)s“ ist nicht lesbar: %(error)s") % {"file": source, "error": error}
        ) from None
    manifest = _manifest(members)
    listed = manifest["files"]
    missing = sorted(set(listed) - set(members))
    unlisted = sorted(set(members) - set(listed) - {MANIFEST})
    if missing or unlisted:
        raise BackupError(
            _(
                "Die Sicherung ist unvollständig oder verändert: fehlt %(missing)s, "
                "nicht verzeichnet %(extra)s."
            )
            % {"missing": ", ".join(missing) or "–", "extra": ", ".join(unlisted) or "–"}
        )
    for name, expected in listed.items():
        if sha256(members[name]) != expected:
            raise BackupError(
                _(
                    "Die Prüfsumme von „%(name)s“ stimmt nicht mit dem Manifest überein; "
                    "nichts wurde geschrieben."
                )
                % {"name": name}
            )
    return manifest, members


def _read_members(tar) -> dict:
    members = {}
    for info in tar.getmembers():
        path = PurePosixPath(info.name)
        if not info.isfile() or path.is_absolute() or ".." in path.parts:
            raise BackupError(
                _("Die Sicherung enthält einen unzulässigen Eintrag: %(name)s") % {"name": info.name}
            )
        members[info.name] = tar.extractfile(info).read()
    return members


def _manifest(members) -> dict:
    try:
        manifest = json.loads(members[MANIFEST])
    except (KeyError, ValueError):
        raise BackupError(
            _("Die Datei ist keine Sicherung von Digitalbilanz (manifest.json fehlt).")
        ) from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("Unbekanntes Sicherungsformat %(format)s, Version %(version)s.")
            % {"format": manifest.get("format"), "version": manifest.get("format_version")}
        )
    return manifest


# --- Restore ---------------------------------------------------------------------------------


def restore(source, using="default", force=False) -> Restored:
    """Restore ``source`` into an empty database (``force``: replace what is there)."""
    manifest, members = read_archive(source)
    _check_migrations(manifest, using)
    existing = existing_rows(using)
    if existing and not force:
        summary = ", ".join(f"{label}: {n}" for label, n in sorted(existing.items())[:5])
        raise BackupError(
            _(
                "Die Datenbank enthält bereits Daten (%(summary)s). Eine Sicherung wird nur in eine "
                "leere Datenbank eingespielt; --force ersetzt die vorhandenen Daten."
            )
            % {"summary": summary}
        )
    rows = _rows_with_files(members)
    with tempfile.TemporaryDirectory(prefix="digitalbilanz-restore-") as tmp:
        staged_media = _stage_media(members)
        try:
            with transaction.atomic(using=using):
                if force:
                    _flush(using)
                with grouped():  # loaddata's saves count as one data change, not thousands
                    result = _load(rows, Path(tmp), using)
                _check_counts(manifest, result.counts)
                result.verified_files = verify_stored_files(using)
                _raise_data_versions(using)
        except BaseException:
            if staged_media is not None:
                shutil.rmtree(staged_media, ignore_errors=True)
            raise
    result.media_files = _move_media(staged_media)
    # Pages cached before the restore may carry the data versions that the restored data
    # carries too; none of them may be served again.
    cache.clear()
    return result


def _flush(using) -> None:
    # PostgreSQL refuses to TRUNCATE a table with deferred constraint checks still pending in
    # this transaction; checking them first (they hold) clears the queue.
    connections[using].check_constraints()
    call_command("flush", interactive=False, database=using, verbosity=0)


def _check_migrations(manifest, using) -> None:
    here = applied_migrations(using)
    if not any(here.values()):
        raise BackupError(
            _("Die Datenbank ist nicht eingerichtet: bitte zuerst „digitalbilanz setup“ ausführen.")
        )
    theirs = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    ours = {(app, name) for app, names in here.items() for name in names}
    if theirs != ours:
        raise BackupError(
            _(
                "Die Sicherung stammt von Version %(version)s mit einem anderen Datenbankschema "
                "(abweichend: %(diff)s). Bitte mit derselben Version wiederherstellen und danach "
                "aktualisieren."
            )
            % {
                "version": manifest.get("application_version"),
                "diff": ", ".join(f"{a}.{n}" for a, n in sorted(theirs ^ ours)[:5]),
            }
        )


def existing_rows(using) -> dict:
    """Rows per model in the database, leaving out what ``migrate`` creates by itself."""
    found = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.proxy or label.split(".")[0] in EXCLUDED or label in EXCLUDED:
            continue
        count = model._base_manager.using(using).count()
        if count:
            found[label] = count
    root = _media_root()
    if root is not None and root.is_dir() and any(p.is_file() for p in root.rglob("*")):
        found["media"] = sum(1 for p in root.rglob("*") if p.is_file())
    return found


def _rows_with_files(members) -> list:
    rows = json.loads(members[DATABASE])
    for row in rows:
        if row["model"] == STORED_FILES:
            name = f"{EDITIONS_DIR}/{row['pk']}.{row['fields']['format']}"
            if name not in members:
                raise BackupError(_("Die Datei „%(name)s“ fehlt in der Sicherung.") % {"name": name})
            row["fields"]["content"] = base64.b64encode(members[name]).decode()
    return rows


def _load(rows, tmp: Path, using) -> Restored:
    fixture = tmp / "restore.json"
    fixture.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    call_command("loaddata", str(fixture), database=using, verbosity=0)
    counts = Counter(row["model"] for row in rows)
    return Restored(counts=dict(sorted(counts.items())))


def _check_counts(manifest, counts) -> None:
    if manifest["counts"] != counts:
        raise BackupError(_("Die Zeilenzahlen der Sicherung stimmen nicht mit dem Manifest überein."))


def verify_stored_files(using) -> int:
    """Check every edition file against the SHA-256 recorded at publication; returns the count."""
    model = apps.get_model(STORED_FILES)
    checked = 0
    for pk, content, expected, size in model._base_manager.using(using).values_list(
        "pk", "content", "sha256", "size"
    ):
        data = bytes(content)
        if sha256(data) != expected or len(data) != size:
            raise BackupError(
                _(
                    "Berichtsdatei %(pk)s stimmt nicht mit ihrer bei der Veröffentlichung "
                    "gespeicherten SHA-256 überein."
                )
                % {"pk": pk}
            )
        checked += 1
    return checked


def _raise_data_versions(using) -> None:
    # The restored versions were used before: by the backed-up installation and by whatever
    # happened after the backup until the restore. A response cached under one of them (in a
    # cache this process cannot clear) must never be taken for current, so every version jumps
    # past any value counted up since — to the current time in milliseconds.
    municipality = apps.get_model("core", "Municipality")
    now = int(time.time() * 1000)
    municipality._base_manager.using(using).update(data_version=Greatest(F("data_version") + 1, Value(now)))


def _stage_media(members):
    names = [n for n in members if n.startswith(MEDIA_DIR + "/")]
    root = _media_root()
    if not names:
        return None
    if root is None:
        raise BackupError(_("Die Sicherung enthält hochgeladene Dateien, aber MEDIA_ROOT ist nicht gesetzt."))
    root.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".restore-", dir=root.parent))
    for name in names:
        path = staged / PurePosixPath(name).relative_to(MEDIA_DIR)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(members[name])
    return staged


def _move_media(staged) -> int:
    if staged is None:
        return 0
    root = _media_root()
    count = sum(1 for p in staged.rglob("*") if p.is_file())
    if root.exists():
        old = root.with_name(
            root.name + ".vor-wiederherstellung-" + dt.datetime.now().strftime("%Y%m%d%H%M%S")
        )
        root.rename(old)
    staged.rename(root)
    return count
