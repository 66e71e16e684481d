"""Indicators: named time series per municipality with their values, targets and limits
(a limit can change by resolution), and derived indicators computed from other series."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import PublishableModel
from digitalbilanz.indicators.choices import Formula, LimitKind, Topic, Unit

NEEDS_B = {Formula.RATIO, Formula.DIFFERENCE}


class Indicator(PublishableModel):
    """A named series: measured (its own values) or derived from one or two other series."""

    key = models.CharField(
        _("Kürzel"),
        max_length=60,
        validators=[RegexValidator(r"^[a-z0-9_]+$", _("Nur Kleinbuchstaben, Ziffern und Unterstrich."))],
    )
    name = models.CharField(_("Bezeichnung"), max_length=200)
    topic = models.CharField(_("Bereich"), max_length=8, choices=Topic.choices)
    unit = models.CharField(_("Einheit"), max_length=8, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(
        _("Nachkommastellen"),
        default=1,
        validators=[MaxValueValidator(4)],
        help_text=_("Für € in Mio. €: Stellen der Mio.-Angabe."),
    )
    higher_is_better = models.BooleanField(_("höher ist besser"), default=True)
    formula = models.CharField(_("Berechnung"), max_length=14, choices=Formula.choices, blank=True)
    input_a = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="+", verbose_name=_("Reihe A")
    )
    input_b = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.RESTRICT, related_name="+", verbose_name=_("Reihe B")
    )
    warning_threshold = models.DecimalField(
        _("Schwelle „Achtung“"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    critical_threshold = models.DecimalField(
        _("Schwelle „kritisch“"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    description = models.TextField(_("Erläuterung"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=100)

    class Meta:
        verbose_name = _("Kennzahl")
        verbose_name_plural = _("Kennzahlen")
        ordering = ["topic", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="indicator_key_unique")]

    def __str__(self):
        return self.name

    @property
    def derived(self) -> bool:
        return bool(self.formula)

    def clean(self):
        errors = {}
        if self.formula and self.input_a_id is None:
            errors["input_a"] = _("Eine berechnete Kennzahl braucht die Reihe A.")
        if self.formula in NEEDS_B and self.input_b_id is None:
            errors["input_b"] = _("Diese Berechnung braucht die Reihe B.")
        if not self.formula and (self.input_a_id or self.input_b_id):
            errors["formula"] = _(
                "Eine gemessene Kennzahl hat keine Eingangsreihen; bitte eine Berechnung wählen."
            )
        for name in ("input_a", "input_b"):
            other = getattr(self, name)
            if other is None:
                continue
            if self.pk and other.pk == self.pk:
                errors[name] = _("Eine Kennzahl kann nicht aus sich selbst berechnet werden.")
            elif self.municipality_id and other.municipality_id != self.municipality_id:
                errors[name] = _("Die Reihe gehört zu einer anderen Kommune.")
        a, b = self.input_a if self.input_a_id else None, self.input_b if self.input_b_id else None
        expected = _expected_unit(self.formula, a, b)
        if expected and self.unit and self.unit != expected and "input_a" not in errors:
            errors["unit"] = _("Diese Berechnung ergibt die Einheit „%(unit)s“.") % {
                "unit": Unit(expected).label
            }
        if self.formula == Formula.DIFFERENCE and a and b and a.unit != b.unit:
            errors["input_b"] = _(
                "A und B haben verschiedene Einheiten (%(a)s, %(b)s); die Differenz ist sinnlos."
            ) % {
                "a": a.get_unit_display(),
                "b": b.get_unit_display(),
            }
        if errors:
            raise ValidationError(errors)


def _expected_unit(formula, a, b):
    if formula in (Formula.RATIO, Formula.UTILISATION):
        return Unit.PERCENT
    if formula in (Formula.DIFFERENCE, Formula.CHANGE_PRIOR_YEAR, Formula.CHANGE_PRIOR_PERIOD) and a:
        return a.unit
    return None


class Observation(PublishableModel):
    """One value of a measured indicator on a date, with its source. The unit is entered with
    the value and must be the indicator's: a value in the wrong unit is refused."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", verbose_name=_("Kennzahl")
    )
    date = models.DateField(_("Stichtag"))
    value = models.DecimalField(_("Wert"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("Einheit"), max_length=8, choices=Unit.choices)
    source = models.CharField(_("Quelle"), max_length=300)
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)
    visibility_paths = ("visibility", "indicator__visibility")

    class Meta:
        verbose_name = _("Messwert")
        verbose_name_plural = _("Messwerte")
        ordering = ["indicator", "date"]
        constraints = [models.UniqueConstraint(fields=["indicator", "date"], name="observation_unique")]

    def __str__(self):
        return f"{self.indicator.name} {self.date:%d.%m.%Y}"

    def clean(self):
        errors = {}
        if self.indicator_id is None:
            return
        indicator = self.indicator
        if indicator.derived:
            # not a field of the value forms: the indicator comes from the URL or the API parent
            errors[NON_FIELD_ERRORS] = _("„%(name)s“ wird berechnet; Werte werden nicht erfasst.") % {
                "name": indicator
            }
        if self.unit and self.unit != indicator.unit:
            errors["unit"] = _("„%(name)s“ wird in „%(expected)s“ geführt, nicht in „%(given)s“.") % {
                "name": indicator,
                "expected": indicator.get_unit_display(),
                "given": Unit(self.unit).label,
            }
        if self.value is not None and self.unit == Unit.PERCENT and not (0 <= self.value <= 100):
            errors["value"] = _("Ein Anteil liegt zwischen 0 und 100 %.")
        if self.value is not None and self.unit in (Unit.COUNT, Unit.HOURS) and self.value < 0:
            errors["value"] = _("Anzahl und Stunden können nicht negativ sein.")
        if errors:
            raise ValidationError(errors)


class Limit(PublishableModel):
    """A target (e.g. the budget estimate) or a ceiling (e.g. of cash credits) of an indicator,
    valid from a date until the next one, set by a resolution."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="limits", verbose_name=_("Kennzahl")
    )
    kind = models.CharField(_("Art"), max_length=8, choices=LimitKind.choices)
    value = models.DecimalField(_("Wert"), max_digits=16, decimal_places=4)
    valid_from = models.DateField(_("gültig ab"))
    resolution = models.CharField(_("Beschluss"), max_length=300, help_text=_("z. B. Haushaltssatzung 2021"))
    source = models.CharField(_("Quelle"), max_length=300, blank=True)
    visibility_paths = ("visibility", "indicator__visibility")

    class Meta:
        verbose_name = _("Ziel/Obergrenze")
        verbose_name_plural = _("Ziele/Obergrenzen")
        ordering = ["indicator", "kind", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "kind", "valid_from"], name="limit_unique")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.indicator.name} ab {self.valid_from:%d.%m.%Y}"

    def clean(self):
        if self.kind == LimitKind.CEILING and self.value is not None and self.value <= 0:
            raise ValidationError({"value": _("Eine Obergrenze muss größer als 0 sein.")})
        if (
            self.indicator_id
            and self.indicator.unit == "percent"
            and self.value is not None
            and not (0 <= self.value <= 100)
        ):
            raise ValidationError({"value": _("Ein Anteil liegt zwischen 0 und 100 %.")})
