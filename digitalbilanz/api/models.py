"""API keys: per municipality, read-only or read-write, stored hashed, revocable."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import Municipality

PREFIX_LENGTH = 8


def digest(secret: str) -> str:
    # Keys are 256-bit random tokens, so a plain SHA-256 is enough (no password stretching needed).
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A key acts for its owner in one municipality; the owner's role decides what it may read.

    Read-write keys may write what the owner may edit (``core.permissions``). Only the SHA-256
    digest is stored; the key itself is shown once, when it is created.
    """

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="api_keys", verbose_name=_("Kommune")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("handelt für"),
    )
    name = models.CharField(_("Bezeichnung"), max_length=100)
    prefix = models.CharField(_("Präfix"), max_length=PREFIX_LENGTH, unique=True, editable=False)
    hashed = models.CharField(_("Prüfsumme"), max_length=64, editable=False)
    read_write = models.BooleanField(_("darf schreiben"), default=False)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("zuletzt benutzt"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()
    is_api_key = True  # lets core.visibility recognise a key as principal

    class Meta:
        verbose_name = _("API-Schlüssel")
        verbose_name_plural = _("API-Schlüssel")
        ordering = ["municipality", "name"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, municipality, user, name, read_write=False) -> tuple["ApiKey", str]:
        """Create a key; returns it with the secret (``db_<prefix>_<token>``), shown only now."""
        prefix = secrets.token_hex(PREFIX_LENGTH // 2)
        secret = f"db_{prefix}_{secrets.token_urlsafe(32)}"
        key = cls.objects.create(
            municipality=municipality,
            user=user,
            name=name,
            prefix=prefix,
            hashed=digest(secret),
            read_write=read_write,
        )
        return key, secret

    @classmethod
    def authenticate(cls, secret: str) -> "ApiKey | None":
        parts = secret.split("_")
        if len(parts) < 3 or parts[0] != "db":
            return None
        key = cls.objects.active().select_related("user", "municipality").filter(prefix=parts[1]).first()
        if key is None or not secrets.compare_digest(key.hashed, digest(secret)):
            return None
        return key

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active

    @property
    def is_authenticated(self) -> bool:
        return True

    def acts_in(self, municipality) -> bool:
        return self.is_active and municipality is not None and self.municipality_id == municipality.pk
