"""Onboard a municipality: ``digitalbilanz municipality create SLUG --name … [--admin USER --email …]``."""

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from digitalbilanz.core import onboarding

PASSWORD_VARIABLE = "DIGITALBILANZ_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = "Eine Kommune anlegen (create), optional mit ihrer ersten Administration."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Kommune anlegen")
        create.add_argument("slug", help="Kurzname in den Adressen, z. B. neustadt")
        create.add_argument("--name", default="", help="Name, z. B. „Stadt Neustadt“")
        create.add_argument(
            "--type", dest="kind", default="Stadt", metavar="Stadt|Gemeinde|Kreis", help="Art der Kommune"
        )
        create.add_argument("--ags", default="", help="Amtlicher Gemeindeschlüssel (8 Ziffern)")
        create.add_argument("--ars", default="", help="Amtlicher Regionalschlüssel (12 Ziffern)")
        create.add_argument("--admin", default="", help="Benutzername der ersten Administration")
        create.add_argument("--email", default="", help="E-Mail-Adresse eines neuen Benutzers")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, slug, name, kind, ags, ars, admin, email, **_):
        if not name.strip():
            raise CommandError("Bitte mit --name den Namen der Kommune angeben.")
        if email and not admin:
            raise CommandError("--email gehört zu --admin: bitte auch den Benutzernamen angeben.")
        try:
            result = onboarding.onboard(
                slug,
                name,
                onboarding.kind_from_label(kind),
                ags,
                ars,
                admin=admin,
                email=email,
                password=os.environ.get(PASSWORD_VARIABLE) or None,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        town = result.municipality
        self.stdout.write(self.style.SUCCESS(f"Kommune „{town.name}“ ({town.get_kind_display()}) angelegt."))
        self.stdout.write(f"  Anwendung: /app/{town.slug}/   Portal: /{town.slug}/")
        if result.user is not None:
            self._report_admin(result)

    def _report_admin(self, result):
        user = result.user
        if not result.user_created:
            self.stdout.write(
                f"Bestehender Benutzer „{user.username}“ ist jetzt Administration dieser Kommune; "
                "sein Passwort bleibt unverändert."
            )
            return
        self.stdout.write(f"Benutzer „{user.username}“ angelegt, Rolle Administration.")
        if result.password:
            self.stdout.write(f"  Erzeugtes Passwort (wird nur jetzt angezeigt): {result.password}")
        else:
            self.stdout.write(f"  Passwort aus der Umgebungsvariable {PASSWORD_VARIABLE} gesetzt.")
        self.stdout.write(f"  Ändern mit: digitalbilanz manage changepassword {user.username}")
