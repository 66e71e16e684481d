"""Online services (OZG): catalogue, end-to-end checklist, process costs and case numbers.

* :class:`Service` — one service of a municipality's catalogue (audited, public/council/internal);
* :class:`Activity` — staff minutes per case, channel and career level (the standard cost model);
* :class:`ChannelCost` — material cost per case and fixed annual cost of one channel;
* :class:`CaseCount` — bulk data: cases per service, period and channel, written only through
  imports (``core.imports.bulk_import``), readable only where its service is.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.choices import CareerLevel
from digitalbilanz.core.models import (
    BulkTenantModel,
    Municipality,
    OrgUnit,
    PublishableModel,
    TimestampedModel,
)
from digitalbilanz.core.visibility import VisibilityQuerySet
from digitalbilanz.services import maturity
from digitalbilanz.services.choices import (
    CHECKLIST,
    Channel,
    Coverage,
    MaturityModel,
    PeriodKind,
    ServiceStatus,
    Solution,
)

MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}


class Service(PublishableModel):
    """An online service (OZG service / LeiKa service) of the municipality's catalogue."""

    ozg_id = models.CharField(
        _("OZG-ID"),
        max_length=20,
        validators=[
            RegexValidator(r"^[A-Za-z0-9.\-]+$", _("Nur Buchstaben, Ziffern, Punkt und Bindestrich."))
        ],
    )
    leika_key = models.CharField(
        _("LeiKa-Schlüssel"),
        max_length=14,
        blank=True,
        validators=[RegexValidator(r"^\d{14}$", _("Der LeiKa-Schlüssel besteht aus genau 14 Ziffern."))],
    )
    name = models.CharField(_("Bezeichnung"), max_length=200)
    subject_area = models.CharField(_("Themenfeld"), max_length=120, blank=True)
    department = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("zuständiger Fachbereich"),
    )
    wave = models.CharField(
        _("Umsetzungswelle"), max_length=40, blank=True, help_text=_("z. B. „1. Welle Q3/2021“")
    )
    wave_due = models.DateField(
        _("Welle fällig bis"), null=True, blank=True, help_text=_("Ende der Umsetzungswelle (TT.MM.JJJJ).")
    )
    solution = models.CharField(_("Lösung"), max_length=16, choices=Solution.choices, default=Solution.NONE)
    maturity_model = models.CharField(
        _("Reifegradmodell"), max_length=3, choices=MaturityModel.choices, default=MaturityModel.V1_1
    )
    maturity_level = models.PositiveSmallIntegerField(
        _("Reifegrad"),
        null=True,
        blank=True,
        help_text=_("Modell 1.1: 0–4, Modell 2.0: 0–7; das Minimum über die Kriterien."),
    )
    coverage = models.CharField(
        _("Abdeckung"), max_length=14, choices=Coverage.choices, default=Coverage.NOT_ASSESSED
    )
    url = models.URLField(_("Adresse des Online-Dienstes"), blank=True)
    status = models.CharField(
        _("Status"), max_length=12, choices=ServiceStatus.choices, default=ServiceStatus.PLANNED
    )
    measures = models.ManyToManyField(
        "portfolio.Measure",
        blank=True,
        related_name="services",
        verbose_name=_("verknüpfte Maßnahmen"),
        help_text=_("Die freigesetzten Stunden gehen zu gleichen Teilen in ihre Wirtschaftlichkeit ein."),
    )
    # End-to-end checklist (methods §5)
    online_application = models.BooleanField(_("Online-Antrag"), default=False)
    e_payment = models.BooleanField(_("E-Payment"), default=False)
    interface = models.BooleanField(_("Schnittstelle ins Fachverfahren"), default=False)
    e_file = models.BooleanField(_("E-Akte/DMS"), default=False)
    account_login = models.BooleanField(_("Login mit Nutzerkonto (BundID)"), default=False)
    written_form_removed = models.BooleanField(_("Schriftformerfordernis entfallen"), default=False)
    # Process-cost model (methods §4, §5)
    media_break_minutes = models.DecimalField(
        _("Zusatzminuten je Online-Fall mit Medienbruch"),
        max_digits=7,
        decimal_places=1,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text=_("Ausdrucken, Abtippen ins Fachverfahren, Nachforderungen auf Papier (t_mb)."),
    )
    media_break_level = models.CharField(
        _("Laufbahngruppe Medienbruch"),
        max_length=3,
        choices=CareerLevel.choices,
        default=CareerLevel.BASIC_MIDDLE,
    )
    analog_fixed_change = models.DecimalField(
        _("Änderung analoger Fixkosten ΔC_ana (€/Jahr)"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("Durch den Online-Kanal zusätzliche (+) oder entfallende (−) analoge Fixkosten."),
    )
    cost_note = models.TextField(_("Quelle der Minuten und Kosten"), blank=True)

    class Meta:
        verbose_name = _("Online-Dienst")
        verbose_name_plural = _("Online-Dienste")
        ordering = ["ozg_id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "ozg_id"], name="service_unique_ozg_id")
        ]

    def __str__(self):
        return f"{self.ozg_id} {self.name}"

    def get_absolute_url(self):
        return f"/app/{self.municipality.slug}/dienste/{self.pk}/"

    def clean(self):
        try:
            maturity.check(self.maturity_model, self.maturity_level)
        except maturity.MaturityError as exc:
            raise ValidationError({"maturity_level": str(exc)}) from None

    @property
    def checklist(self) -> list[tuple[str, str, bool]]:
        return [(name, str(label), getattr(self, name)) for name, label in CHECKLIST]

    @property
    def missing_preconditions(self) -> list[str]:
        return [label for _name, label, done in self.checklist if not done]

    @property
    def end_to_end(self) -> bool:
        return not self.missing_preconditions

    @property
    def maturity_label(self) -> str:
        return maturity.label(self.maturity_model, self.maturity_level)


class Activity(TimestampedModel):
    """Staff minutes per case for one activity on one channel, with the career level doing it."""

    tenant_path = "service__municipality"
    visibility_paths = ("service__visibility",)

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="activities", verbose_name=_("Dienst")
    )
    channel = models.CharField(_("Kanal"), max_length=8, choices=Channel.choices)
    label = models.CharField(_("Tätigkeit"), max_length=120)
    minutes = models.DecimalField(
        _("Minuten je Fall"), max_digits=7, decimal_places=1, validators=[MinValueValidator(0)]
    )
    career_level = models.CharField(_("Laufbahngruppe"), max_length=3, choices=CareerLevel.choices)

    class Meta:
        verbose_name = _("Tätigkeit")
        verbose_name_plural = _("Tätigkeiten")
        ordering = ["channel", "pk"]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.label}"


class ChannelCost(TimestampedModel):
    """Material cost per case and fixed annual cost of one channel of a service."""

    tenant_path = "service__municipality"
    visibility_paths = ("service__visibility",)

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="channel_costs", verbose_name=_("Dienst")
    )
    channel = models.CharField(_("Kanal"), max_length=8, choices=Channel.choices)
    material_cost = models.DecimalField(_("Sachkosten je Fall (€)"), default=Decimal("0"), **MONEY)
    fixed_cost = models.DecimalField(_("Fixkosten (€/Jahr)"), default=Decimal("0"), **MONEY)

    class Meta:
        verbose_name = _("Kanalkosten")
        verbose_name_plural = _("Kanalkosten")
        ordering = ["service", "channel"]
        constraints = [models.UniqueConstraint(fields=["service", "channel"], name="channelcost_unique")]

    def __str__(self):
        return f"{self.service.ozg_id} {self.get_channel_display()}"


def period_start(kind: str, year: int, number: int = 1) -> dt.date:
    """First day of a month (number 1–12), quarter (1–4) or year."""
    if kind == PeriodKind.MONTH:
        return dt.date(year, number, 1)
    if kind == PeriodKind.QUARTER:
        return dt.date(year, 3 * (number - 1) + 1, 1)
    return dt.date(year, 1, 1)


def period_label(kind: str, start: dt.date) -> str:
    if kind == PeriodKind.MONTH:
        return f"{start.month:02d}/{start.year}"
    if kind == PeriodKind.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1}/{start.year}"
    return str(start.year)


class CaseCount(BulkTenantModel):
    """Cases of a service in one period on one channel (bulk data, no per-row history).

    Unique per (service, period kind, period start, channel); written by imports and the API's
    batch write, both through ``core.imports.bulk_import``. Readable only where the service is.
    """

    # Bulk table: a million rows per import. The database checks only the service reference (one
    # lookup per row at commit); municipality and import run are set by the import itself from the
    # run it writes under, so their references are kept by Django (cascade, set null) without a
    # constraint check per row.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        verbose_name=_("Kommune"),
        related_name="+",
        db_constraint=False,
    )
    import_run = models.ForeignKey(
        "core.ImportRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("zuletzt geschrieben durch Import"),
        db_constraint=False,
        db_index=False,  # import runs are audit records; no query looks case numbers up by run
    )
    # No index of its own: the unique constraint below starts with the service.
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="case_counts",
        verbose_name=_("Dienst"),
        db_index=False,
    )
    period_kind = models.CharField(_("Zeitraum"), max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField(_("Beginn des Zeitraums"))
    channel = models.CharField(_("Kanal"), max_length=8, choices=Channel.choices)
    cases = models.PositiveIntegerField(_("Fälle"))

    objects = VisibilityQuerySet.as_manager()
    visibility_paths = ("service__visibility",)

    class Meta:
        verbose_name = _("Fallzahl")
        verbose_name_plural = _("Fallzahlen")
        ordering = ["service", "period_start", "period_kind", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "period_kind", "period_start", "channel"], name="casecount_unique"
            )
        ]

    def __str__(self):
        return f"{self.service_id} {self.period} {self.channel}: {self.cases}"

    @property
    def period(self) -> str:
        return period_label(self.period_kind, self.period_start)

    @property
    def year(self) -> int:
        return self.period_start.year
