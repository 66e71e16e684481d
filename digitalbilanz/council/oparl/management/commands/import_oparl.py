"""``digitalbilanz import-oparl SYSTEM_URL --municipality SLUG [--body ID] [--since DATETIME] [--full]``"""

from django.core.management.base import BaseCommand, CommandError

from digitalbilanz.core.models import Municipality
from digitalbilanz.council.oparl.importer import import_oparl
from digitalbilanz.council.oparl.loader import parse_datetime


class Command(BaseCommand):
    help = "Importiert Gremien, Sitzungen und Vorlagen aus dem Ratsinformationssystem (OParl 1.0/1.1)."

    def add_arguments(self, parser):
        parser.add_argument(
            "system_url", nargs="?", help="Adresse des OParl-System-Objekts (sonst die eingetragene)"
        )
        parser.add_argument("--municipality", required=True, help="Kürzel der Kommune (slug)")
        parser.add_argument("--body", default="", help="OParl-ID der Körperschaft (sonst die erste)")
        parser.add_argument(
            "--since", default="", help="nur seit diesem Zeitpunkt geänderte Objekte (ISO 8601)"
        )
        parser.add_argument("--full", action="store_true", help="alles neu lesen statt nur der Änderungen")

    def handle(self, *args, system_url=None, municipality, body, since, full, **options):
        town = Municipality.objects.filter(slug=municipality).first()
        if town is None:
            raise CommandError(f"Unbekannte Kommune: {municipality}")
        moment = None
        if since:
            moment = parse_datetime(since)
            if moment is None:
                raise CommandError(f"Kein gültiger Zeitpunkt: {since} (z. B. 2024-01-31T12:00:00+01:00)")
        try:
            outcome = import_oparl(town, system_url, body_id=body, since=moment, full=full)
        except ValueError as error:
            raise CommandError(str(error)) from None
        run = outcome.run
        self.stdout.write(
            f"Importlauf {run.pk}: {run.get_status_display()} – gelesen {outcome.fetched}, "
            f"neu {run.created_count}, geändert {run.updated_count}, unverändert {run.unchanged_count}, "
            f"entfernt {run.deleted_count}, Probleme {len(run.problems)}"
        )
        if outcome.vendor:
            self.stdout.write(f"Server: {outcome.vendor}")
        for problem in run.problems[:50]:
            self.stdout.write(f"  {problem['column']}: {problem['message']}")
        if len(run.problems) > 50:
            self.stdout.write(f"  … und {len(run.problems) - 50} weitere Probleme")
        if not outcome.ok:
            raise CommandError("Der Import ist fehlgeschlagen; es wurde nichts geändert.")
