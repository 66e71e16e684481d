"""Demo logins (printed by ``make demo``). Only for the demo database."""

from django.contrib.auth import get_user_model

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Membership

DEMO_PASSWORD = "demo-digitalbilanz"

DEMO_USERS = [
    # username, role, limited to org units, description
    ("admin", Role.ADMIN, [], "Administration (alle Rechte)"),
    ("redaktion", Role.EDITOR, [], "Redaktion FB 04 (alle Maßnahmen)"),
    ("fb11", Role.EDITOR, ["FB 11"], "Redaktion nur für FB 11"),
    ("rat", Role.COUNCIL, [], "Ratsmitglied (öffentlich + Rat)"),
    ("lesen", Role.READER, [], "Lesezugriff Verwaltung"),
]


def ensure_demo_users(municipality, units):
    User = get_user_model()
    for username, role, limited, _ in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role == Role.ADMIN
            user.save()
        membership, _ = Membership.objects.get_or_create(
            user=user, municipality=municipality, defaults={"role": role}
        )
        if limited:
            membership.org_units.set([units[code] for code in limited])
