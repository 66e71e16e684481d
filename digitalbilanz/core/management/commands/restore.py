"""Restore a backup archive: ``digitalbilanz restore FILE [--force]`` (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError

from digitalbilanz import backup


class Command(BaseCommand):
    help = (
        "Eine Sicherung in eine leere Datenbank einspielen; prüft alle Prüfsummen vorher und "
        "jede Berichtsdatei danach. Alles oder nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Sicherungsarchiv von „digitalbilanz backup“")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Vorhandene Daten löschen und durch die Sicherung ersetzen (nicht rückgängig zu machen)",
        )
        parser.add_argument("--database", default="default", help="Datenbank-Alias (Standard: default)")

    def handle(self, *args, file, force, database, **options):
        try:
            result = backup.restore(file, using=database, force=force)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Sicherung „{file}“ wiederhergestellt."))
        for label, count in result.counts.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            f"{sum(result.counts.values())} Datensätze, {result.verified_files} Berichtsdateien mit gültiger "
            f"SHA-256, {result.media_files} hochgeladene Dateien."
        )
