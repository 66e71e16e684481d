"""Core entities: the municipality (tenant), its organisation, memberships and parameters."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from digitalbilanz.core.choices import MunicipalityKind, OrgUnitKind, PublicFigures, Role, Visibility
from digitalbilanz.core.datachanges import DataQuerySet, grouped
from digitalbilanz.core.parameters import parameter_spec
from digitalbilanz.core.versioning import conditional_update
from digitalbilanz.core.visibility import VisibilityQuerySet
from digitalbilanz.german import AuthorityName
from digitalbilanz.registry.derivations import recompute_derived


class VersionedModel(models.Model):
    """Root of every domain model: timestamps, optimistic locking and data changes.

    ``lock_version`` rises with every save; saving an instance loaded before someone else's
    save raises ``StaleRecordError`` and writes nothing (``core.versioning``). ``tenant_path``
    names the lookup to the owning municipality, which decides whose data version a change
    raises (``core.datachanges``).
    """

    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    lock_version = models.PositiveIntegerField(_("Bearbeitungsstand"), default=0, editable=False)

    objects = DataQuerySet.as_manager()
    tenant_path: str | None = None
    # Fields a plain save() never writes (they are maintained by UPDATE statements elsewhere).
    unsaved_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        if self.unsaved_fields:
            values = [v for v in values if v[0].name not in self.unsaved_fields]
        if update_fields is not None and "lock_version" not in update_fields:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        return conditional_update(self, base_qs, pk_val, values)


class TimestampedModel(VersionedModel):
    """A model whose every change is kept: who, when, what, why (django-simple-history)."""

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
    public_figures = models.CharField(
        _("Öffentliche Kennzahlen"),
        max_length=8,
        choices=PublicFigures.choices,
        default=PublicFigures.NOTICE,
        help_text=_(
            "Nicht öffentliche Zeilen fehlen in öffentlichen Kennzahlen (mit Hinweis) oder gehen als "
            "„nicht einzeln veröffentlichte Positionen“ je Jahr und Art in die Summen ein – nur wo "
            "mindestens zwei solche Zeilen zusammenfallen, damit keine einzelne Zeile erkennbar wird."
        ),
    )
    # Comparison between municipalities (the ``comparison`` app): per-inhabitant figures need
    # the official number of inhabitants with its reference date and source; a municipality
    # appears in the comparison, its catalogue, file and API only after opting in.
    inhabitants = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    inhabitants_as_of = models.DateField(_("Stichtag der Einwohnerzahl"), null=True, blank=True)
    inhabitants_source = models.CharField(
        _("Quelle der Einwohnerzahl"),
        max_length=300,
        blank=True,
        help_text=_("Amtliche Quelle (z. B. Landesamt für Statistik) oder „Demo-Annahme“."),
    )
    comparison_opt_in = models.BooleanField(
        _("nimmt am Vergleich der Kommunen teil"),
        default=False,
        help_text=_(
            "Öffentliche Kennzahlen erscheinen unter /vergleich/, im bundesweiten Katalog, in der "
            "Vergleichsdatei und in der API. Ohne Zustimmung erscheint die Kommune dort nicht."
        ),
    )
    # Raised on every change of the municipality's data (core.signals); part of the key of
    # cached public responses, so a change is visible at once in every server process.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    tenant_path = ""
    unsaved_fields = ("data_version",)

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def named(self):
        """The name declined with its type: ``named.located`` → "in der Stadt Leverkusen",
        ``named.genitive`` → "der Stadt Leverkusen", ``named.nominative`` → "die Stadt Leverkusen"."""
        return AuthorityName(self.name, self.kind)

    def clean(self):
        super().clean()
        if self.inhabitants is not None and not (self.inhabitants_as_of and self.inhabitants_source.strip()):
            raise ValidationError(
                _("Zur Einwohnerzahl gehören Stichtag und Quelle."),
                code="inhabitants_reference",
            )
        if self.comparison_opt_in and self.inhabitants is None:
            raise ValidationError(
                {
                    "comparison_opt_in": _(
                        "Für den Vergleich wird die Einwohnerzahl (mit Stichtag und Quelle) benötigt."
                    )
                }
            )


class TenantModel(TimestampedModel):
    """A record owned by one municipality, with full history (the audit trail)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, verbose_name=_("Kommune"), related_name="+"
    )
    tenant_path = "municipality"

    class Meta:
        abstract = True


class BulkTenantModel(VersionedModel):
    """A record owned by one municipality *without* per-row history, for bulk data (case
    numbers, mirrored council data). Write it through an :class:`ImportRun`, which is the
    audit trail of the bulk write (who, when, which file, counts, problems)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, verbose_name=_("Kommune"), related_name="+"
    )
    import_run = models.ForeignKey(
        "core.ImportRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("zuletzt geschrieben durch Import"),
    )
    tenant_path = "municipality"

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
        # A name that already begins with the code ("ivl GmbH", code "ivl") is not repeated after it.
        if self.name == self.code or self.name.startswith(
            (f"{self.code} ", f"{self.code}-", f"{self.code},")
        ):
            return self.name
        return f"{self.code} – {self.name}"


class Membership(TimestampedModel):
    """A user's role in one municipality; editors may be limited to some departments."""

    tenant_path = None  # who may log in is no public data

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

    def save(self, *args, **kwargs):
        """Save and recompute every derived line of the municipality in the same transaction."""
        with transaction.atomic(), grouped():
            super().save(*args, **kwargs)
            self._recompute(_("Parameter „%(label)s“ geändert"))

    def delete(self, *args, **kwargs):
        """Back to the default: derived lines follow in the same transaction."""
        with transaction.atomic(), grouped():
            result = super().delete(*args, **kwargs)
            self._recompute(_("Parameter „%(label)s“ auf den Standardwert gesetzt"))
            return result

    def _recompute(self, reason):
        recompute_derived(self.municipality, reason=str(reason) % {"label": self.label})

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


class ImportRun(TenantModel):
    """The audit record of one bulk write (an import): who, when, which file, what happened.

    Rows of a ``BulkTenantModel`` keep no history of their own; this record is their trail.
    Create it with ``core.imports.bulk_import``.
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("läuft")
        DONE = "done", _("abgeschlossen")
        FAILED = "failed", _("abgelehnt, nichts geändert")

    kind = models.CharField(_("Art des Imports"), max_length=80)
    file_name = models.CharField(_("Datei"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("SHA-256 der Datei"), max_length=64, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ausgeführt von"),
    )
    started_at = models.DateTimeField(_("begonnen am"), auto_now_add=True)
    finished_at = models.DateTimeField(_("beendet am"), null=True, blank=True)
    status = models.CharField(_("Ergebnis"), max_length=10, choices=Status.choices, default=Status.RUNNING)
    created_count = models.PositiveIntegerField(_("neu"), default=0)
    updated_count = models.PositiveIntegerField(_("geändert"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unverändert"), default=0)
    deleted_count = models.PositiveIntegerField(_("entfernt"), default=0)
    problems = models.JSONField(_("Probleme"), default=list, blank=True)

    class Meta:
        verbose_name = _("Importlauf")
        verbose_name_plural = _("Importläufe")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.kind} {self.started_at:%d.%m.%Y %H:%M}"

    def problem(self, row: int | None, column: str, message: str) -> None:
        """Record a problem with a row and column (1-based row of the file, column title)."""
        self.problems.append({"row": row, "column": column, "message": str(message)})
