"""Workplaces and mobile work: dated snapshots and desk-sharing scenarios (methods §6).

A snapshot counts staff, mobile work, devices, desks and office space of the municipality (or
one department) on a day. A scenario sets a desk ratio for a snapshot; the workplace model
(``economics.workplace_model``, bridged in ``workplaces/calc.py``) turns it into desks freed,
saving, extra cost and net effect, and — if a measure is linked — into that measure's derived
cost and benefit lines.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.datachanges import grouped
from digitalbilanz.core.models import OrgUnit, PublishableModel
from digitalbilanz.registry.derivations import recompute_derived

COUNT = {"validators": [MinValueValidator(0)]}


class WorkplaceSnapshot(PublishableModel):
    """Staff, mobile work, devices, desks and office space on one day."""

    as_of = models.DateField(_("Stichtag"))
    org_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workplace_snapshots",
        verbose_name=_("Fachbereich"),
        help_text=_("Leer: die ganze Verwaltung."),
    )
    headcount = models.PositiveIntegerField(_("Beschäftigte"), validators=[MinValueValidator(1)])
    mobile_capable = models.PositiveIntegerField(_("davon mobil arbeitsfähig"), **COUNT)
    pending_applications = models.PositiveIntegerField(_("offene Anträge auf mobile Arbeit"), default=0)
    notebooks = models.PositiveIntegerField(_("Notebooks"), default=0)
    desktops = models.PositiveIntegerField(_("Stationäre PCs"), default=0)
    thin_clients = models.PositiveIntegerField(_("Thin Clients/IGEL-Sticks"), default=0)
    private_devices = models.PositiveIntegerField(_("Privatgeräte (BYOD)"), default=0)
    two_devices = models.PositiveIntegerField(
        _("Beschäftigte mit zwei Geräten"),
        default=0,
        help_text=_("Z. B. Notebook und stationärer PC: gerätebezogene Lizenzen fallen doppelt an."),
    )
    desks = models.PositiveIntegerField(_("Büroarbeitsplätze"), default=0)
    office_space_m2 = models.DecimalField(
        _("Bürofläche (m²)"), max_digits=10, decimal_places=1, default=Decimal(0), **COUNT
    )
    source = models.TextField(_("Quelle"), blank=True)

    class Meta:
        verbose_name = _("Arbeitsplatz-Stand")
        verbose_name_plural = _("Arbeitsplatz-Stände")
        ordering = ["-as_of", "org_unit__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "org_unit", "as_of"], name="workplace_snapshot_unique"
            ),
        ]

    def __str__(self):
        unit = self.org_unit.code if self.org_unit_id else _("Gesamtverwaltung")
        return f"{unit}, {self.as_of:%d.%m.%Y}"

    def get_absolute_url(self):
        return reverse("workplaces:snapshot", args=[self.municipality.slug, self.pk])

    def save(self, *args, **kwargs):
        """Save and recompute the derived lines that read snapshots (scenarios, double fees)."""
        with transaction.atomic(), grouped():
            super().save(*args, **kwargs)
            recompute_derived(self.municipality, reason=_("Arbeitsplatz-Stand %(s)s geändert") % {"s": self})

    def delete(self, *args, **kwargs):
        with transaction.atomic(), grouped():
            result = super().delete(*args, **kwargs)
            recompute_derived(self.municipality, reason=_("Arbeitsplatz-Stand %(s)s gelöscht") % {"s": self})
            return result

    @property
    def mobile_share(self) -> Decimal:
        """Share of staff able to work mobile, in per cent with one decimal (867/1,700 → 51.0)."""
        return (Decimal(self.mobile_capable) * 100 / Decimal(self.headcount)).quantize(Decimal("0.1"))

    @property
    def devices(self) -> int:
        return self.notebooks + self.desktops + self.thin_clients + self.private_devices

    def clean(self):
        errors = {}
        if self.headcount and self.mobile_capable is not None and self.mobile_capable > self.headcount:
            errors["mobile_capable"] = _(
                "Es können nicht mehr Beschäftigte mobil arbeiten (%(m)s) als es Beschäftigte gibt (%(h)s)."
            ) % {"m": self.mobile_capable, "h": self.headcount}
        if self.headcount and self.two_devices is not None and self.two_devices > self.headcount:
            errors["two_devices"] = _(
                "Es können nicht mehr Beschäftigte zwei Geräte haben (%(m)s) als es Beschäftigte "
                "gibt (%(h)s)."
            ) % {"m": self.two_devices, "h": self.headcount}
        if self.org_unit_id and self.org_unit.municipality_id != self.municipality_id:
            errors["org_unit"] = _("Der Fachbereich gehört zu einer anderen Kommune.")
        if errors:
            raise ValidationError(errors)


class WorkplaceScenario(PublishableModel):
    """A desk ratio for one snapshot; linked to a measure, it feeds that measure's economics."""

    snapshot = models.ForeignKey(
        WorkplaceSnapshot, on_delete=models.CASCADE, related_name="scenarios", verbose_name=_("Stand")
    )
    name = models.CharField(_("Bezeichnung"), max_length=120)
    desk_ratio = models.DecimalField(
        _("Arbeitsplatzquote (Arbeitsplätze je Beschäftigtem)"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1.00"))],
    )
    space_given_up = models.BooleanField(
        _("Fläche wird tatsächlich aufgegeben"),
        default=False,
        help_text=_("Nur dann ist die Einsparung haushaltswirksam (Miete fällt weg)."),
    )
    start_year = models.PositiveSmallIntegerField(_("Erstes Jahr"))
    years = models.PositiveSmallIntegerField(
        _("Anzahl Jahre"), default=8, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    measure = models.ForeignKey(
        "portfolio.Measure",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="workplace_scenarios",
        verbose_name=_("Maßnahme"),
        help_text=_("Die Einsparungen und Kosten dieses Szenarios gehen in ihre Wirtschaftlichkeit ein."),
    )
    already_costed = models.PositiveIntegerField(
        _("mobile Arbeitsplätze, die die Maßnahme schon selbst führt"),
        default=0,
        help_text=_(
            "Deren Kosten stehen bereits in eigenen Zeilen der Maßnahme und werden nicht doppelt gezählt."
        ),
    )
    note = models.TextField(_("Anmerkung/Quelle"), blank=True)
    visibility_paths = ("visibility", "snapshot__visibility")

    class Meta:
        verbose_name = _("Arbeitsplatz-Szenario")
        verbose_name_plural = _("Arbeitsplatz-Szenarien")
        ordering = ["snapshot", "-desk_ratio", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure"],
                condition=models.Q(measure__isnull=False),
                name="workplace_scenario_one_per_measure",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.snapshot})"

    def get_absolute_url(self):
        return (
            reverse("workplaces:snapshot", args=[self.municipality.slug, self.snapshot_id])
            + f"#szenario-{self.pk}"
        )

    def clean(self):
        errors = {}
        snapshot = self.snapshot if self.snapshot_id else None
        if snapshot is not None and self.already_costed > snapshot.mobile_capable:
            errors["already_costed"] = _(
                "Höchstens so viele wie mobil arbeitsfähige Beschäftigte im Stand (%(n)s)."
            ) % {"n": snapshot.mobile_capable}
        if self.measure_id and self.measure.municipality_id != self.municipality_id:
            errors["measure"] = _("Die Maßnahme gehört zu einer anderen Kommune.")
        if self.measure_id:
            taken = WorkplaceScenario.objects.filter(measure_id=self.measure_id).exclude(pk=self.pk).first()
            if taken is not None:
                errors["measure"] = _(
                    "Mit dieser Maßnahme ist schon das Szenario „%(s)s“ verbunden; je Maßnahme nur eines, "
                    "sonst würden Einsparungen doppelt gezählt."
                ) % {"s": taken.name}
        if errors:
            raise ValidationError(errors)
