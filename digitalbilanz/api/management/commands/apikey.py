"""Issue, list and revoke API keys: ``digitalbilanz manage apikey create leverkusen redaktion --rw``."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.models import Membership, Municipality


class Command(BaseCommand):
    help = "API-Schlüssel anlegen (create), auflisten (list) oder widerrufen (revoke)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("municipality")
        create.add_argument("username")
        create.add_argument("--name", default="API")
        create.add_argument("--rw", action="store_true", help="Schreibrecht")
        listing = sub.add_parser("list")
        listing.add_argument("municipality")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, municipality, username, name, rw, **_):
        town = Municipality.objects.filter(slug=municipality).first()
        user = get_user_model().objects.filter(username=username).first()
        if town is None or user is None:
            raise CommandError("Kommune oder Benutzer unbekannt.")
        if Membership.of(user, town) is None and not user.is_superuser:
            raise CommandError("Der Benutzer ist nicht Mitglied dieser Kommune.")
        key, secret = ApiKey.issue(town, user, name, read_write=rw)
        self.stdout.write(f"{key.prefix}\t{secret}\n(Der Schlüssel wird nur jetzt angezeigt.)")

    def _list(self, municipality, **_):
        for key in ApiKey.objects.filter(municipality__slug=municipality).select_related("user"):
            state = "widerrufen" if key.revoked_at else ("lesen+schreiben" if key.read_write else "lesen")
            self.stdout.write(f"{key.prefix}\t{key.name}\t{key.user}\t{state}")

    def _revoke(self, prefix, **_):
        key = ApiKey.objects.filter(prefix=prefix).first()
        if key is None:
            raise CommandError("Unbekannter Schlüssel.")
        key.revoke()
        self.stdout.write(f"{prefix} widerrufen.")
