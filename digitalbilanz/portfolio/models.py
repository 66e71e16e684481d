"""Portfolio: strategies, fields of action, measures, milestones, cost/benefit lines, scores, benefits."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.choices import CareerLevel
from digitalbilanz.core.datachanges import DataQuerySet
from digitalbilanz.core.models import OrgUnit, PublishableModel, TimestampedModel
from digitalbilanz.core.visibility import VisibilityQuerySet
from digitalbilanz.portfolio import rules
from digitalbilanz.portfolio.choices import (
    BenefitCategory,
    BenefitStatus,
    CriterionModule,
    LineCategory,
    LineGroup,
    LineKind,
    MeasureStatus,
    PublicTotals,
    StrategyKind,
)


class Strategy(PublishableModel):
    """A strategy (e-government, digitalisation, IT, smart city), optionally part of another."""

    title = models.CharField(_("Titel"), max_length=200)
    kind = models.CharField(_("Art"), max_length=12, choices=StrategyKind.choices)
    version = models.CharField(_("Version"), max_length=30, blank=True)
    adopted_on = models.DateField(_("beschlossen am"), null=True, blank=True)
    adopting_decision = models.CharField(_("Beschluss"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("übergeordnete Strategie"),
    )
    summary = models.TextField(_("Zusammenfassung"), blank=True)

    class Meta:
        verbose_name = _("Strategie")
        verbose_name_plural = _("Strategien")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("Eine Strategie kann nicht Teil ihrer selbst sein.")})
            ancestor = ancestor.parent


class StrategyRevision(TimestampedModel):
    """A later adjustment of a strategy and the decision that made it."""

    tenant_path = "strategy__municipality"

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("Strategie")
    )
    decided_on = models.DateField(_("beschlossen am"), null=True, blank=True)
    title = models.CharField(_("Anpassung"), max_length=300)
    decision = models.CharField(_("Beschluss"), max_length=300, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    class Meta:
        verbose_name = _("Strategieanpassung")
        verbose_name_plural = _("Strategieanpassungen")
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return self.title


class FieldOfAction(PublishableModel):
    """A field of action (Handlungsfeld) of a strategy."""

    strategy = models.ForeignKey(
        Strategy,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fields",
        verbose_name=_("Strategie"),
    )
    code = models.CharField(_("Nummer"), max_length=20, blank=True)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["order", "title"]

    def __str__(self):
        return self.title


class MeasureQuerySet(VisibilityQuerySet):
    def with_relations(self):
        lines = models.Prefetch("lines", queryset=Line.objects.select_related("derivation"))
        return self.select_related("lead_department").prefetch_related(
            "fields_of_action", "partners", "milestones", lines, "benefits", "criteria"
        )


class Measure(PublishableModel):
    """A digitalisation measure or project with money, benefits and schedule."""

    code = models.CharField(_("Nummer"), max_length=20)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    goals = models.TextField(_("Ziele"), blank=True)
    fields_of_action = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="measures", verbose_name=_("Handlungsfelder")
    )
    lead_department = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_measures",
        verbose_name=_("federführende Organisationseinheit"),
    )
    partners = models.ManyToManyField(
        OrgUnit, blank=True, related_name="partner_measures", verbose_name=_("Beteiligte")
    )
    status = models.CharField(
        _("Status"), max_length=12, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Leer lassen: Standardwert des Status."),
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende (geplant)"), null=True, blank=True)
    baseline_cost = models.DecimalField(
        _("Kosten laut Planungsstand (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Gesamtkosten bei Beschluss; Grundlage der Kostenabweichung."),
    )
    assumptions = models.TextField(
        _("Annahmen und Quellen"),
        blank=True,
        help_text=_("Woher stammen Zahlen, die nicht aus Beschlüssen oder Rechnungen kommen?"),
    )

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["municipality", "code"], name="measure_unique_code")]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende liegt vor dem Beginn.")})
        if self.pk is not None:
            problem = self.period_problem()
            if problem:
                raise ValidationError({"start_date": problem})

    def period_problem(
        self, extra_year: int | None = None, without: int | None = None, only_extra: bool = False
    ) -> str:
        """German message if a line year (all lines, readable or not, plus ``extra_year``) would
        fall outside the appraisal period: from the start date's year (else the first line year)
        for the horizon's number of years. "" if every line fits."""
        from digitalbilanz.core.parameters import ParameterSet

        horizon = ParameterSet.for_municipality(self.municipality).horizon
        years = set()
        if self.pk is not None:
            years = set(
                Line.objects.filter(measure_id=self.pk).exclude(pk=without).values_list("year", flat=True)
            )
        if extra_year is not None:
            years.add(extra_year)
        if not years:
            return ""
        start = self.start_date.year if self.start_date else min(years)
        end = start + horizon - 1
        outside = sorted(y for y in years if not start <= y <= end)
        if only_extra:  # a line answers for its own year; the other lines are the measure's matter
            outside = [y for y in outside if y == extra_year]
        if not outside:
            return ""
        return _(
            "Das Jahr %(years)s liegt außerhalb des Betrachtungszeitraums %(start)s–%(end)s dieser "
            "Maßnahme (Beginn %(start)s, %(horizon)s Jahre). Zeilen sind nur innerhalb des "
            "Zeitraums möglich; der Zeitraum kann nur verkürzt oder verschoben werden, wenn keine "
            "Zeile außerhalb liegt."
        ) % {"years": ", ".join(str(y) for y in outside), "start": start, "end": end, "horizon": horizon}

    @property
    def effective_progress(self) -> int | None:
        return rules.effective_progress(self.status, self.progress)

    @property
    def first_year(self) -> int:
        years = [line.year for line in self.lines.all()]
        if self.start_date:
            years.append(self.start_date.year)
        return min(years) if years else dt.date.today().year

    def has_costs(self) -> bool:
        return any(line.kind == LineKind.COST for line in self.lines.all())

    def has_benefit_statement(self) -> bool:
        """A monetary benefit line, a benefit in the register or a qualitative score (motion point 2)."""
        if any(line.kind == LineKind.BENEFIT for line in self.lines.all()):
            return True
        if any(b.category != BenefitCategory.DIS_BENEFIT for b in self.benefits.all()):
            return True
        return any(c.score is not None for c in self.criteria.all())

    @property
    def lacks_benefit(self) -> bool:
        return self.has_costs() and not self.has_benefit_statement()

    @property
    def max_open_slip(self) -> int:
        slips = [m.slip_days for m in self.milestones.all() if m.actual_date is None]
        return max(slips, default=0)

    def rag(self, total_cost: Decimal | None = None, today: dt.date | None = None) -> str:
        return rules.rag(self, total_cost=total_cost, today=today)


class Milestone(PublishableModel):
    """A milestone with baseline, current forecast and actual date; every forecast change has a reason."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("Maßnahme")
    )
    title = models.CharField(_("Titel"), max_length=200)
    baseline_date = models.DateField(_("Basisplan"))
    forecast_date = models.DateField(_("aktuelle Prognose"))
    actual_date = models.DateField(_("erreicht am"), null=True, blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    after = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followers",
        verbose_name=_("nach Meilenstein"),
        help_text=_("Kann erst nach diesem Meilenstein derselben Maßnahme erreicht werden."),
    )
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["baseline_date", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def slip_days(self) -> int:
        """Days the milestone is (or was) late against its baseline; negative = early."""
        return ((self.actual_date or self.forecast_date) - self.baseline_date).days

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return self.actual_date is None and self.forecast_date < today

    def delay_days(self, today: dt.date | None = None) -> int:
        """Days late against the baseline as of ``today``: a reached milestone by its actual date;
        an open one whose forecast has passed by ``today`` (a passed forecast is no forecast any
        more); otherwise by its forecast. Negative = early."""
        today = today or dt.date.today()
        if self.is_overdue(today):
            return (today - self.baseline_date).days
        return self.slip_days

    @property
    def date(self) -> dt.date:
        """When it is (actual date) or is expected to be (forecast) reached."""
        return self.actual_date or self.forecast_date

    @property
    def delay(self) -> int:
        """:meth:`delay_days` as of today (pages show the current state)."""
        return self.delay_days()

    @property
    def late_without_reason(self) -> bool:
        """Reached after its baseline, but no forecast change records why (the editor should say)."""
        return (
            self.actual_date is not None
            and self.actual_date > self.baseline_date
            and not any(c.reason for c in self.forecast_changes.all())
        )

    def change_forecast(self, new_date: dt.date, reason: str, user=None) -> "ForecastChange":
        """Move the forecast; a reason is mandatory and is kept with the change."""
        if not reason or not reason.strip():
            raise ValidationError({"reason": _("Eine Änderung der Prognose braucht eine Begründung.")})
        change = ForecastChange(
            milestone=self,
            old_date=self.forecast_date,
            new_date=new_date,
            reason=reason.strip(),
            changed_by=user if user and user.is_authenticated else None,
        )
        self.forecast_date = new_date
        self._change_reason = reason.strip()
        self.save()
        change.save()
        return change


class ForecastChange(models.Model):
    """One move of a milestone's forecast, with its reason (the slip log)."""

    tenant_path = "milestone__municipality"

    milestone = models.ForeignKey(
        Milestone,
        on_delete=models.CASCADE,
        related_name="forecast_changes",
        verbose_name=_("Meilenstein"),
    )
    old_date = models.DateField(_("bisherige Prognose"))
    new_date = models.DateField(_("neue Prognose"))
    reason = models.TextField(_("Begründung"))
    changed_at = models.DateTimeField(_("geändert am"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("geändert von"),
    )

    objects = DataQuerySet.as_manager()

    class Meta:
        verbose_name = _("Prognoseänderung")
        verbose_name_plural = _("Prognoseänderungen")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.milestone}: {self.old_date} → {self.new_date}"

    @property
    def shift_days(self) -> int:
        return (self.new_date - self.old_date).days


class DerivedLineError(ValidationError):
    """A derived line was to be changed by hand; only its source module may replace it."""

    def __init__(self, line):
        self.line = line
        super().__init__(line.read_only_reason())


class Derivation(PublishableModel):
    """The lines of one measure that another module computes from one of its records.

    A module never writes lines itself: it calls ``portfolio.derived.replace_derived_lines``,
    which replaces all lines of the (measure, source) pair at once. The derivation is the audit
    trail of those lines (one history row per replacement, with the reason and the new totals);
    the lines themselves carry no per-row history.
    """

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="derivations", verbose_name=_("Maßnahme")
    )
    source_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("Art der Quelle")
    )
    source_id = models.PositiveBigIntegerField(_("Quelle (Nr.)"))
    source = GenericForeignKey("source_type", "source_id")
    source_label = models.CharField(_("Quelle"), max_length=300)
    source_url = models.CharField(_("Adresse der Quelle"), max_length=300, blank=True)
    method = models.CharField(_("Verfahren"), max_length=300, blank=True)
    line_count = models.PositiveIntegerField(_("Zeilen"), default=0)
    cost_total = models.DecimalField(_("Summe Kosten (€)"), max_digits=16, decimal_places=2, default=0)
    benefit_total = models.DecimalField(_("Summe Nutzen (€)"), max_digits=16, decimal_places=2, default=0)
    hours_total = models.DecimalField(_("Summe Stunden"), max_digits=14, decimal_places=1, default=0)
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("Berechnung von Zeilen")
        verbose_name_plural = _("Berechnungen von Zeilen")
        ordering = ["source_label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "source_type", "source_id"], name="derivation_unique_source"
            )
        ]
        indexes = [models.Index(fields=["source_type", "source_id"], name="derivation_source_idx")]

    def __str__(self):
        return _("berechnet aus „%(source)s“") % {"source": self.source_label}


class Line(PublishableModel):
    """A cost or benefit line of a measure for one year (WiBe style)."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="lines", verbose_name=_("Maßnahme")
    )
    kind = models.CharField(_("Art"), max_length=8, choices=LineKind.choices)
    group = models.CharField(_("Gruppe"), max_length=12, choices=LineGroup.choices)
    category = models.CharField(_("Kategorie"), max_length=12, choices=LineCategory.choices)
    budget_relevant = models.BooleanField(
        _("haushaltswirksam"),
        default=True,
        help_text=_("h = zahlungswirksam im Haushalt; nh = z. B. frei werdende Arbeitszeit."),
    )
    year = models.PositiveSmallIntegerField(_("Jahr"))
    label = models.CharField(_("Bezeichnung"), max_length=200)
    amount = models.DecimalField(
        _("Betrag (€)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    hours = models.DecimalField(
        _("Stunden"),
        max_digits=12,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    career_level = models.CharField(
        _("Laufbahngruppe"), max_length=3, choices=CareerLevel.choices, blank=True
    )
    low = models.DecimalField(
        _("Schätzung niedrig"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In derselben Einheit wie der Wert (€ oder h)."),
    )
    high = models.DecimalField(
        _("Schätzung hoch"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    risk_surcharge = models.DecimalField(
        _("Risikozuschlag (%)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    note = models.TextField(_("Anmerkung/Quelle"), blank=True)
    public_totals = models.CharField(
        _("In öffentlichen Summen"),
        max_length=4,
        choices=PublicTotals.choices,
        default=PublicTotals.DEFAULT,
        blank=True,
        help_text=_(
            "Nur für nicht öffentliche Zeilen: „Betrag vertraulich, in Summen enthalten“ fasst die "
            "Zeile mit mindestens einer weiteren solchen Zeile desselben Jahres und derselben Art "
            "zusammen; eine einzelne Zeile wird nie zusammengefasst."
        ),
    )
    derivation = models.ForeignKey(
        "Derivation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="lines",
        editable=False,
        verbose_name=_("berechnet aus"),
        help_text=_("Von einem anderen Modul berechnete Zeile (nicht von Hand zu ändern)."),
    )
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("Kosten-/Nutzenzeile")
        verbose_name_plural = _("Kosten-/Nutzenzeilen")
        ordering = ["year", "kind", "pk"]
        indexes = [models.Index(fields=["municipality", "year"])]

    def __str__(self):
        return f"{self.year} {self.label}"

    @property
    def uses_hours(self) -> bool:
        return self.hours is not None

    @property
    def is_derived(self) -> bool:
        return self.derivation_id is not None

    def read_only_reason(self) -> str:
        """Why this row may not be changed by hand ("" if it may): forms, API and save() ask."""
        if not self.is_derived:
            return ""
        return _("Diese Zeile wird aus „%(source)s“ berechnet und kann nicht von Hand geändert werden.") % {
            "source": self.derivation.source_label
        }

    def save(self, *args, **kwargs):
        if self.is_derived and self.pk is not None:
            raise DerivedLineError(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_derived:
            raise DerivedLineError(self)
        return super().delete(*args, **kwargs)

    def clean(self):
        errors = rules.line_errors(self)
        if "year" not in errors and self.year is not None and self.measure_id is not None:
            problem = self.measure.period_problem(extra_year=self.year, without=self.pk, only_extra=True)
            if problem:
                errors["year"] = problem
        if errors:
            raise ValidationError(errors)


class Criterion(TimestampedModel):
    """A qualitative (Q) or external-effects (E) criterion, scored 0–10 in steps of 2."""

    tenant_path = "measure__municipality"
    visibility_paths = ("measure__visibility",)

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("Maßnahme")
    )
    module = models.CharField(_("Modul"), max_length=1, choices=CriterionModule.choices)
    label = models.CharField(_("Kriterium"), max_length=200)
    weight = models.DecimalField(
        _("Gewicht (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    score = models.PositiveSmallIntegerField(
        _("Punkte (0–10)"),
        null=True,
        blank=True,
        choices=[(v, str(v)) for v in range(0, 11, 2)],
    )
    rationale = models.CharField(_("Begründung"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Bewertungskriterium")
        verbose_name_plural = _("Bewertungskriterien")
        ordering = ["module", "pk"]

    def __str__(self):
        return self.label


class BenefitQuerySet(VisibilityQuerySet):
    def with_levels(self, levels):
        """Benefits readable with ``levels``; their delivering milestone only if it is readable
        too — a benefit's status derived from a milestone must not reveal a hidden one."""
        readable = Milestone.objects.with_levels(levels)
        return super().with_levels(levels).prefetch_related(models.Prefetch("milestone", queryset=readable))


class Benefit(PublishableModel):
    """An entry of the benefits register (methods.md §7)."""

    measure = models.ForeignKey(
        Measure, on_delete=models.CASCADE, related_name="benefits", verbose_name=_("Maßnahme")
    )
    number = models.PositiveIntegerField(_("Nr."))
    category = models.CharField(_("Kategorie"), max_length=12, choices=BenefitCategory.choices)
    description = models.CharField(_("Beschreibung"), max_length=300)
    owner = models.CharField(_("verantwortlich"), max_length=200)
    kpi = models.CharField(_("Messgröße (Kennzahl)"), max_length=200)
    unit = models.CharField(_("Einheit"), max_length=30, blank=True)
    data_source = models.CharField(_("Datenquelle"), max_length=200)
    baseline_value = models.DecimalField(_("Ausgangswert"), max_digits=14, decimal_places=2)
    baseline_date = models.DateField(_("Ausgangswert vom"))
    target_value = models.DecimalField(_("Zielwert"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("Ziel bis"))
    milestone = models.ForeignKey(
        Milestone,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="benefits",
        verbose_name=_("liefernder Meilenstein"),
    )
    visibility_paths = ("visibility", "measure__visibility")

    objects = BenefitQuerySet.as_manager()

    class Meta:
        verbose_name = _("Nutzen")
        verbose_name_plural = _("Nutzen")
        ordering = ["number"]

    def __str__(self):
        return f"N{self.number} {self.description}"

    def clean(self):
        if self.baseline_date and self.target_date and self.target_date < self.baseline_date:
            raise ValidationError({"target_date": _("Das Zieldatum liegt vor dem Ausgangsdatum.")})
        if self.baseline_value is not None and self.baseline_value == self.target_value:
            raise ValidationError(
                {"target_value": _("Der Zielwert muss sich vom Ausgangswert unterscheiden.")}
            )
        if self.milestone_id and self.measure_id and self.milestone.measure_id != self.measure_id:
            raise ValidationError({"milestone": _("Der Meilenstein gehört zu einer anderen Maßnahme.")})

    @property
    def latest_measurement(self):
        measurements = sorted(self.measurements.all(), key=lambda m: m.measured_on)
        return measurements[-1] if measurements else None

    @property
    def milestone_slipped(self) -> bool:
        """Flag: the delivering milestone is late and not yet reached."""
        m = self.milestone
        return bool(m and m.actual_date is None and m.slip_days > 0)

    def status(self, today: dt.date | None = None) -> str:
        return rules.benefit_status(self, today or dt.date.today())

    def get_status_display(self):
        return BenefitStatus(self.status()).label


class BenefitMeasurement(TimestampedModel):
    """A realised value of a benefit's KPI at a date."""

    tenant_path = "benefit__municipality"
    visibility_paths = ("benefit__visibility", "benefit__measure__visibility")

    benefit = models.ForeignKey(
        Benefit, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("Nutzen")
    )
    measured_on = models.DateField(_("gemessen am"))
    value = models.DecimalField(_("Wert"), max_digits=14, decimal_places=2)
    note = models.CharField(_("Anmerkung/Quelle"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Nutzenmessung")
        verbose_name_plural = _("Nutzenmessungen")
        ordering = ["measured_on"]

    def __str__(self):
        return _("Messwert vom %(date)s") % {"date": self.measured_on.strftime("%d.%m.%Y")}
