"""Core entities: the municipality (tenant), its organisation, memberships and parameters."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from digitalbilanz.core.choices import MunicipalityKind, OrgUnitKind, Role, Visibility
from digitalbilanz.core.parameters import parameter_spec
from digitalbilanz.core.visibility import VisibilityQuerySet


class TimestampedModel(models.Model):
    """Base of every domain model: timestamps and a full change history (who, when, what, why)."""

    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True


class Municipality(TimestampedModel):
    """A municipality (Kommune): the tenant that owns every domain record."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname"), unique=True)
    kind = models.CharField(
        _("Art"), max_length=10, choices=MunicipalityKind.choices, default=MunicipalityKind.CITY
    )
    # Optional: a new municipality can be onboarded before its keys are looked up; the open-data
    # catalogue then leaves out the political geocoding.
    ags = models.CharField(
        _("Amtlicher Gemeindeschlüssel (AGS)"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^\d{8}$", _("Der AGS besteht aus genau 8 Ziffern."))],
    )
    ars = models.CharField(
        _("Amtlicher Regionalschlüssel (ARS)"),
        max_length=12,
        blank=True,
        validators=[RegexValidator(r"^\d{12}$", _("Der ARS besteht aus genau 12 Ziffern."))],
    )
    state = models.CharField(_("Bundesland"), max_length=60, blank=True)
    website = models.URLField(_("Website"), blank=True)
    # Raised on every change of the municipality's data (core.signals); part of the key of
    # cached public responses, so a change is visible at once in every server process.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TenantModel(TimestampedModel):
    """A record owned by one municipality."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, verbose_name=_("Kommune"), related_name="+"
    )

    class Meta:
        abstract = True


class PublishableModel(TenantModel):
    """A tenant record with a visibility level, read only through ``visible_to``."""

    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    objects = VisibilityQuerySet.as_manager()
    visibility_paths = ("visibility",)

    class Meta:
        abstract = True


class OrgUnit(TenantModel):
    """A division (Dezernat), department (Fachbereich) or an external partner such as the IT provider."""

    kind = models.CharField(_("Art"), max_length=12, choices=OrgUnitKind.choices)
    code = models.CharField(_("Kürzel"), max_length=30)
    name = models.CharField(_("Bezeichnung"), max_length=200)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("übergeordnete Einheit"),
    )

    class Meta:
        verbose_name = _("Organisationseinheit")
        verbose_name_plural = _("Organisationseinheiten")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"], name="orgunit_unique_code")]

    def __str__(self):
        return f"{self.code} – {self.name}"


class Membership(TimestampedModel):
    """A user's role in one municipality; editors may be limited to some departments."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Benutzer"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("Kommune"),
    )
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices)
    org_units = models.ManyToManyField(
        OrgUnit,
        blank=True,
        verbose_name=_("beschränkt auf Organisationseinheiten"),
        help_text=_("Nur für die Redaktion: leer = alle Organisationseinheiten."),
    )

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [models.UniqueConstraint(fields=["user", "municipality"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} @ {self.municipality}: {self.get_role_display()}"

    @classmethod
    def of(cls, user, municipality):
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        cache = user.__dict__.setdefault("_membership_cache", {})
        if municipality.pk not in cache:
            cache[municipality.pk] = (
                cls.objects.filter(user=user, municipality=municipality).prefetch_related("org_units").first()
            )
        return cache[municipality.pk]

    @classmethod
    def role_of(cls, user, municipality):
        membership = cls.of(user, municipality)
        return membership.role if membership else None


class Parameter(TenantModel):
    """A municipality's own value for a registered parameter (``core.parameters``).

    Without a row the registered default applies; ``key`` is checked against the registry,
    so a new app adds parameters without a migration here.
    """

    key = models.CharField(_("Parameter"), max_length=30)
    value = models.DecimalField(_("Wert"), max_digits=12, decimal_places=4)
    source = models.CharField(_("Quelle"), max_length=400)
    as_of = models.DateField(_("Stand"))
    note = models.TextField(_("Anmerkung"), blank=True)

    class Meta:
        verbose_name = _("Parameter")
        verbose_name_plural = _("Parameter")
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="parameter_unique_key")]

    def __str__(self):
        return f"{self.label}: {self.value}"

    @property
    def spec(self):
        return parameter_spec(self.key)

    @property
    def label(self) -> str:
        return str(self.spec.label) if self.spec else self.key

    def clean(self):
        if self.spec is None:
            raise ValidationError({"key": _("Unbekannter Parameter „%(key)s“.") % {"key": self.key}})
        try:
            self.spec.validate(self.value)
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from None
