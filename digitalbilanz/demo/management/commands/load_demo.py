from django.core.management.base import BaseCommand

from digitalbilanz.demo import leverkusen
from digitalbilanz.demo.users import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Lädt die Demo-Kommune Leverkusen (idempotent; --reset lädt sie neu)."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Demo-Daten löschen und neu laden")

    def handle(self, *args, reset=False, **options):
        municipality, created = leverkusen.load(reset=reset)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo „{municipality}“ geladen."))
        else:
            self.stdout.write(f"Demo „{municipality}“ ist bereits vorhanden – nichts geändert.")
        self.stdout.write(f"Demo-Anmeldungen (Passwort für alle: {DEMO_PASSWORD}):")
        for username, _role, _units, description in DEMO_USERS:
            self.stdout.write(f"  {username:<10} {description}")
