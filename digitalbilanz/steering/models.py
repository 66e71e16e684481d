"""Steering signals per measure (methods §Steuerung): delivery confidence per report period with
the owner's reasoned rating, the follow-up review a red rating triggers, and the review record
that says when a measure was last looked at ("zuletzt geprüft")."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import PublishableModel
from digitalbilanz.economics import delivery
from digitalbilanz.steering import periods
from digitalbilanz.steering.choices import Confidence, Decision

DIMENSION = dict(max_length=8, choices=Confidence.choices, blank=True)


class Rating(PublishableModel):
    """The delivery confidence of one measure in one report period (half-year).

    The computed part (figure and rating per dimension) is frozen when the rating is stored, so the
    trend over periods stays what was reported at the time. ``published`` is the worse of the
    computed and the owner's rating.
    """

    measure = models.ForeignKey(
        "portfolio.Measure", on_delete=models.CASCADE, related_name="ratings", verbose_name=_("Maßnahme")
    )
    period = models.CharField(_("Berichtszeitraum"), max_length=7, help_text=_("z. B. 2026-H2"))
    rated_on = models.DateField(_("bewertet am"))
    schedule_days = models.IntegerField(_("Terminverzug (Tage)"), null=True, blank=True)
    schedule_rating = models.CharField(_("Termin"), **DIMENSION)
    cost_overrun_pct = models.DecimalField(
        _("Kostenabweichung (%)"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    cost_rating = models.CharField(_("Kosten"), **DIMENSION)
    benefit_share_pct = models.DecimalField(
        _("Anteil gefährdeter/verfehlter Nutzen (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    benefit_rating = models.CharField(_("Nutzen"), **DIMENSION)
    computed = models.CharField(_("berechnete Bewertung"), max_length=8, choices=Confidence.choices)
    thresholds = models.CharField(_("angewandte Schwellen"), max_length=300, blank=True)
    owner_rating = models.CharField(
        _("Einschätzung der Verantwortlichen"), max_length=8, choices=Confidence.choices
    )
    owner_reason = models.TextField(_("Begründung der Einschätzung"))
    published = models.CharField(
        _("veröffentlichte Bewertung"), max_length=8, choices=Confidence.choices, blank=True, editable=False
    )
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("bewertet von"),
    )
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("Lieferzuversicht")
        verbose_name_plural = _("Lieferzuversicht")
        ordering = ["measure", "period"]
        constraints = [models.UniqueConstraint(fields=["measure", "period"], name="steering_rating_unique")]

    def __str__(self):
        return f"{self.measure.code} {periods.label(self.period)}"

    @property
    def period_label(self) -> str:
        return periods.label(self.period)

    def clean(self):
        errors = {}
        try:
            periods.bounds(self.period)
        except ValidationError as exc:
            errors["period"] = exc.messages[0]
        if not (self.owner_reason or "").strip():
            errors["owner_reason"] = _("Die eigene Einschätzung braucht eine Begründung.")
        if self.measure_id and self.measure.municipality_id != self.municipality_id:
            errors["measure"] = _("Die Maßnahme gehört zu einer anderen Kommune.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.published = delivery.worse(self.computed, self.owner_rating) or self.computed
        super().save(*args, **kwargs)


class FollowUpReview(PublishableModel):
    """What a red rating triggers: a review due some months later with an options paper for the
    council (causes; continue, re-scope or stop, with their cost) until it is decided."""

    rating = models.OneToOneField(
        Rating, on_delete=models.CASCADE, related_name="follow_up", verbose_name=_("Bewertung")
    )
    due_date = models.DateField(_("Folgeprüfung fällig am"))
    causes = models.TextField(_("Ursachen"), blank=True)
    option_continue = models.TextField(_("Option fortführen (mit Kosten)"), blank=True)
    option_rescope = models.TextField(_("Option neu zuschneiden (mit Kosten)"), blank=True)
    option_stop = models.TextField(_("Option beenden (mit Kosten)"), blank=True)
    decision = models.CharField(_("Entscheidung"), max_length=10, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("entschieden am"), null=True, blank=True)
    tenant_path = "municipality"
    visibility_paths = ("visibility", "rating__visibility", "rating__measure__visibility")

    class Meta:
        verbose_name = _("Folgeprüfung")
        verbose_name_plural = _("Folgeprüfungen")
        ordering = ["due_date", "pk"]

    def __str__(self):
        return _("Folgeprüfung %(m)s") % {"m": self.rating.measure.code}

    @property
    def is_open(self) -> bool:
        return not self.decision

    def clean(self):
        if self.decision and not self.decided_on:
            raise ValidationError({"decided_on": _("Bitte das Datum der Entscheidung angeben.")})
        if self.decided_on and not self.decision:
            raise ValidationError({"decision": _("Bitte die Entscheidung angeben.")})


class Review(PublishableModel):
    """An editor looked at the measure: „unverändert geprüft“ or after a change (freshness)."""

    measure = models.ForeignKey(
        "portfolio.Measure", on_delete=models.CASCADE, related_name="reviews", verbose_name=_("Maßnahme")
    )
    reviewed_on = models.DateField(_("geprüft am"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("geprüft von"),
    )
    note = models.CharField(_("Vermerk"), max_length=200, default="unverändert geprüft")
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("Prüfvermerk")
        verbose_name_plural = _("Prüfvermerke")
        ordering = ["measure", "-reviewed_on", "-pk"]

    def __str__(self):
        return f"{self.measure.code} {self.reviewed_on:%d.%m.%Y}"


def measure_url(measure):
    return reverse("steering:measure", args=[measure.municipality.slug, measure.pk])


class Approval(models.TextChoices):
    REVIEWER = "reviewer", _("Freigabe durch die Administration (Prüfrolle)")
    COUNCIL = "council", _("Ratsbeschluss")


class ApprovedChange(PublishableModel):
    """What every approved change of a baseline carries: reason and approval (administration or
    council resolution). The concrete models keep the original, the previous and the new value."""

    reason = models.TextField(_("Begründung"))
    approval = models.CharField(_("Freigabe"), max_length=10, choices=Approval.choices)
    resolution = models.CharField(_("Ratsbeschluss (Drucksache, Datum)"), max_length=200, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("freigegeben von"),
    )
    approved_on = models.DateField(_("freigegeben am"))

    class Meta:
        abstract = True

    def approval_errors(self) -> dict:
        errors = {}
        if not (self.reason or "").strip():
            errors["reason"] = _("Ein neuer Basisplan braucht eine Begründung.")
        if not self.approval:
            errors["approval"] = _("Ein neuer Basisplan braucht eine Freigabe.")
        if self.approval == Approval.COUNCIL and not (self.resolution or "").strip():
            errors["resolution"] = _("Bitte den Ratsbeschluss angeben, der den neuen Basisplan freigibt.")
        if self.approval == Approval.REVIEWER and self.approved_by_id is None:
            errors["approval"] = _("Die Freigabe durch die Administration braucht eine freigebende Person.")
        return errors


class Rebaseline(ApprovedChange):
    """An approved change of a milestone's baseline; the original baseline is kept here."""

    milestone = models.ForeignKey(
        "portfolio.Milestone",
        on_delete=models.CASCADE,
        related_name="rebaselines",
        verbose_name=_("Meilenstein"),
    )
    original_date = models.DateField(_("ursprünglicher Basisplan"))
    old_date = models.DateField(_("bisheriger Basisplan"))
    new_date = models.DateField(_("neuer Basisplan"))
    visibility_paths = ("visibility", "milestone__visibility", "milestone__measure__visibility")

    class Meta:
        verbose_name = _("neuer Basisplan")
        verbose_name_plural = _("neue Basispläne")
        ordering = ["milestone", "approved_on", "pk"]

    def __str__(self):
        return f"{self.milestone}: {self.old_date:%d.%m.%Y} → {self.new_date:%d.%m.%Y}"

    def clean(self):
        errors = self.approval_errors()
        if self.new_date and self.old_date and self.new_date == self.old_date:
            errors["new_date"] = _("Der neue Basisplan ist derselbe wie der bisherige.")
        if errors:
            raise ValidationError(errors)


class CostRebaseline(ApprovedChange):
    """An approved change of a measure's cost baseline („Kosten laut Planungsstand“)."""

    measure = models.ForeignKey(
        "portfolio.Measure",
        on_delete=models.CASCADE,
        related_name="cost_rebaselines",
        verbose_name=_("Maßnahme"),
    )
    original_cost = models.DecimalField(_("ursprünglicher Kostenplan (€)"), max_digits=14, decimal_places=2)
    old_cost = models.DecimalField(_("bisheriger Kostenplan (€)"), max_digits=14, decimal_places=2)
    new_cost = models.DecimalField(_("neuer Kostenplan (€)"), max_digits=14, decimal_places=2)
    visibility_paths = ("visibility", "measure__visibility")

    class Meta:
        verbose_name = _("neuer Kostenplan")
        verbose_name_plural = _("neue Kostenpläne")
        ordering = ["measure", "approved_on", "pk"]

    def __str__(self):
        return f"{self.measure.code}: {self.old_cost} € → {self.new_cost} €"

    def clean(self):
        errors = self.approval_errors()
        if self.new_cost is not None and self.new_cost < 0:
            errors["new_cost"] = _("Die Kosten können nicht negativ sein.")
        elif self.new_cost is not None and self.old_cost is not None and self.new_cost == self.old_cost:
            errors["new_cost"] = _("Der neue Kostenplan ist derselbe wie der bisherige.")
        if errors:
            raise ValidationError(errors)


class BenefitRebaseline(ApprovedChange):
    """An approved change of a benefit's target (value and/or date)."""

    benefit = models.ForeignKey(
        "portfolio.Benefit",
        on_delete=models.CASCADE,
        related_name="rebaselines",
        verbose_name=_("Nutzen"),
    )
    original_target_value = models.DecimalField(_("ursprünglicher Zielwert"), max_digits=14, decimal_places=2)
    old_target_value = models.DecimalField(_("bisheriger Zielwert"), max_digits=14, decimal_places=2)
    new_target_value = models.DecimalField(_("neuer Zielwert"), max_digits=14, decimal_places=2)
    original_target_date = models.DateField(_("ursprüngliches Zieldatum"))
    old_target_date = models.DateField(_("bisheriges Zieldatum"))
    new_target_date = models.DateField(_("neues Zieldatum"))
    visibility_paths = ("visibility", "benefit__visibility", "benefit__measure__visibility")

    class Meta:
        verbose_name = _("neues Nutzenziel")
        verbose_name_plural = _("neue Nutzenziele")
        ordering = ["benefit", "approved_on", "pk"]

    def __str__(self):
        return f"{self.benefit}: {self.old_target_value} → {self.new_target_value}"

    def clean(self):
        errors = self.approval_errors()
        same_value = self.new_target_value == self.old_target_value
        if same_value and self.new_target_date == self.old_target_date:
            errors["new_target_value"] = _("Das neue Nutzenziel ist dasselbe wie das bisherige.")
        benefit = self.benefit if self.benefit_id else None
        if benefit is not None and self.new_target_value is not None:
            if self.new_target_value == benefit.baseline_value:
                errors["new_target_value"] = _("Der Zielwert muss sich vom Ausgangswert unterscheiden.")
        if benefit is not None and self.new_target_date and self.new_target_date < benefit.baseline_date:
            errors["new_target_date"] = _("Das Zieldatum liegt vor dem Ausgangsdatum.")
        if errors:
            raise ValidationError(errors)


class Result(models.TextChoices):
    ACHIEVED = "achieved", _("erreicht")
    PARTLY = "partly", _("teilweise erreicht")
    MISSED = "missed", _("nicht erreicht")
    UNMEASURABLE = "unmeasurable", _("nicht messbar")


class SuccessCheck(PublishableModel):
    """The success check after go-live: planned benefits against measurements on the same
    indicators, due a configurable time after go-live (one result per benefit)."""

    measure = models.ForeignKey(
        "portfolio.Measure",
        on_delete=models.CASCADE,
        related_name="success_checks",
        verbose_name=_("Maßnahme"),
    )
    benefit = models.ForeignKey(
        "portfolio.Benefit", on_delete=models.CASCADE, related_name="success_checks", verbose_name=_("Nutzen")
    )
    benefit_owner = models.CharField(
        _("verantwortlich für den Nutzen"),
        max_length=200,
        help_text=_("Eine benannte Person, nicht die federführende Stelle der Maßnahme."),
    )
    go_live = models.DateField(_("Go-live"))
    closure_statement = models.TextField(_("Abschlusserklärung"))
    due_date = models.DateField(_("Erfolgskontrolle fällig am"))
    checked_on = models.DateField(_("geprüft am"), null=True, blank=True)
    measured_value = models.DecimalField(
        _("gemessener Wert"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    result = models.CharField(_("Ergebnis"), max_length=12, choices=Result.choices, blank=True)
    reason = models.TextField(_("Begründung des Ergebnisses"), blank=True)
    visibility_paths = ("visibility", "measure__visibility", "benefit__visibility")

    class Meta:
        verbose_name = _("Erfolgskontrolle")
        verbose_name_plural = _("Erfolgskontrollen")
        ordering = ["due_date", "pk"]
        constraints = [models.UniqueConstraint(fields=["benefit"], name="steering_success_check_unique")]

    def __str__(self):
        return _("Erfolgskontrolle %(b)s") % {"b": self.benefit}

    def is_overdue(self, today) -> bool:
        return not self.result and self.due_date < today

    def clean(self):
        errors = {}
        if not (self.closure_statement or "").strip():
            errors["closure_statement"] = _("Der Abschluss einer Maßnahme braucht eine Abschlusserklärung.")
        measure = self.measure if self.measure_id else None
        lead = measure.lead_department if measure is not None else None
        owner = (self.benefit_owner or "").strip().casefold()
        if lead is not None and owner in {lead.code.casefold(), lead.name.casefold()}:
            errors["benefit_owner"] = _(
                "Verantwortlich für den Nutzen ist eine benannte Person, nicht die federführende Stelle."
            )
        if self.benefit_id and measure is not None and self.benefit.measure_id != measure.pk:
            errors["benefit"] = _("Der Nutzen gehört zu einer anderen Maßnahme.")
        if self.checked_on and self.go_live and self.checked_on < self.go_live:
            errors["checked_on"] = _("Eine Erfolgskontrolle vor dem Go-live ist nicht möglich.")
        if self.result and not self.checked_on:
            errors["checked_on"] = _("Bitte angeben, wann geprüft wurde.")
        if self.result and not (self.reason or "").strip():
            errors["reason"] = _("Das Ergebnis braucht eine Begründung.")
        if self.result and self.result != Result.UNMEASURABLE and self.measured_value is None:
            errors["measured_value"] = _("Bitte den gemessenen Wert auf derselben Kennzahl angeben.")
        if errors:
            raise ValidationError(errors)
