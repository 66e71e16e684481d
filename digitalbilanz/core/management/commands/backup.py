"""Write a backup archive: ``digitalbilanz backup -o FILE`` (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from digitalbilanz import backup


class Command(BaseCommand):
    help = "Datenbank, Berichtsdateien und hochgeladene Dateien in ein Archiv (tar.gz) sichern."

    def add_arguments(self, parser):
        parser.add_argument(
            "-o", "--output", required=True, help="Zieldatei, z. B. sicherung-2026-12-01.tar.gz"
        )
        parser.add_argument("--database", default="default", help="Datenbank-Alias (Standard: default)")

    def handle(self, *args, output, database, **options):
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Das Verzeichnis „{target.parent}“ existiert nicht.")
        try:
            manifest = backup.write_backup(target, using=database)
        except (OSError, backup.BackupError) as error:
            raise CommandError(f"Sicherung fehlgeschlagen: {error}") from None
        rows = sum(manifest["counts"].values())
        files = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Sicherung geschrieben: {target} ({rows} Datensätze, {files} Dateien außer der Datenbank)"
            )
        )
