"""Onboard a municipality without the demo: the tenant and its first administrator, atomically.

Used by ``digitalbilanz municipality create`` (docs/operations.md, "Onboarding a municipality").
A new municipality needs nothing else: parameters fall back to the registered defaults
(``core.parameters``), portal settings are created on first use, and every page has an empty state.
"""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digitalbilanz.core.choices import MunicipalityKind, Role
from digitalbilanz.core.models import Membership, Municipality

# First path segments the site itself uses (digitalbilanz/urls.py); a municipality with one of
# these short names would have an unreachable portal at /<kurzname>/.
RESERVED_SLUGS = {"admin", "anmelden", "abmelden", "api", "app", "healthz", "static", "media", "vergleich"}


@dataclass
class Onboarded:
    """What was created; ``password`` is set only when it was generated here (shown once)."""

    municipality: Municipality
    user: object = None
    user_created: bool = False
    password: str = ""


def kind_from_label(label: str) -> str:
    """``Stadt``/``Gemeinde``/``Kreis`` (any case) → the stored value."""
    for value, name in MunicipalityKind.choices:
        if label.strip().lower() in (value, str(name).lower()):
            return value
    allowed = ", ".join(str(name) for name in MunicipalityKind.labels)
    raise ValidationError(
        _("Unbekannte Art „%(kind)s“: erlaubt sind %(allowed)s.") % {"kind": label, "allowed": allowed}
    )


def new_municipality(slug, name, kind=MunicipalityKind.CITY, ags="", ars="") -> Municipality:
    """A validated, unsaved municipality; raises ``ValidationError`` with German messages."""
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("Der Kurzname „%(slug)s“ ist für die Anwendung reserviert.") % {"slug": slug})
    existing = Municipality.objects.filter(slug=slug).first()
    if existing is not None:
        raise ValidationError(
            _("Der Kurzname „%(slug)s“ ist bereits vergeben (Kommune „%(name)s“).")
            % {"slug": slug, "name": existing.name}
        )
    municipality = Municipality(slug=slug, name=name.strip(), kind=kind, ags=ags, ars=ars)
    _full_clean(municipality)
    return municipality


def new_admin(username, email="", password=None):
    """The existing user ``username`` or a validated, unsaved new one (with its password)."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user, ""
    if not email:
        raise ValidationError(
            _("Der Benutzer „%(user)s“ ist neu: bitte mit --email seine E-Mail-Adresse angeben.")
            % {"user": username}
        )
    user = User(username=username, email=email)
    _full_clean(user, exclude=["password"])
    generated = "" if password else secrets.token_urlsafe(15)
    validate_password(password or generated, user)
    user.set_password(password or generated)
    return user, generated


def _full_clean(instance, exclude=None):
    """``full_clean`` whose messages name the field, e.g. „Amtlicher Gemeindeschlüssel (AGS): …“."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise ValidationError(
            [
                f"{_field_label(instance, field)}{message}"
                for field, messages in error.message_dict.items()
                for message in messages
            ]
        ) from None


def _field_label(instance, field):
    if field == NON_FIELD_ERRORS:
        return ""
    return f"{instance._meta.get_field(field).verbose_name}: "


def onboard(slug, name, kind=MunicipalityKind.CITY, ags="", ars="", admin="", email="", password=None):
    """Create the municipality and (optionally) its first admin; all or nothing."""
    municipality = new_municipality(slug, name, kind, ags, ars)
    user, generated = new_admin(admin, email, password) if admin else (None, "")
    with transaction.atomic():
        municipality._change_reason = _("Kommune angelegt (digitalbilanz municipality create)")
        municipality.save()
        result = Onboarded(municipality)
        if user is not None:
            result.user_created = user.pk is None
            if result.user_created:
                user.save()
            Membership.objects.create(user=user, municipality=municipality, role=Role.ADMIN)
            result.user, result.password = user, generated
    return result
