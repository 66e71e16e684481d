"""The parameter contract: every app declares its parameters; a municipality may override them.

An app declares each parameter its calculations read as a :class:`ParameterSpec` (key, German
label, unit, default value with source and date, validation) and registers it from its own
``register.py``::

    register_parameters(ParameterSpec(key="score_threshold", label=_("…"), unit=_("Punkte"),
                                      default="50", source="…", as_of=dt.date(2015, 2, 1)))

A municipality overrides a default with a ``Parameter`` row. :class:`ParameterSet` combines both:
the municipality's own value where there is one, else the registered default — marked as such
in every explanation, so a municipality without any rows of its own works from the first day.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from digitalbilanz import economics as eco
from digitalbilanz.core.choices import CareerLevel
from digitalbilanz.core.templatetags.dbformat import de_number

# Keys of the generic economic parameters core's bridge to the economics package reads
# (their specs with defaults and sources: core/defaults.py).
DISCOUNT_RATE = "discount_rate"
HORIZON = "horizon"
OVERHEAD = "overhead"
HOURS_PER_FTE = "hours_per_fte"
WAGE_KEYS = {
    CareerLevel.BASIC_MIDDLE: "wage_md",
    CareerLevel.UPPER: "wage_gd",
    CareerLevel.SENIOR: "wage_hd",
    CareerLevel.AVERAGE: "wage_avg",
}


@dataclass(frozen=True)
class ParameterSpec:
    """What one parameter means, its default with source and date, and which values are valid."""

    key: str
    label: str  # German, lazily translated
    unit: str
    default: Decimal
    source: str
    as_of: dt.date
    minimum: Decimal | None = None  # inclusive
    maximum: Decimal | None = None  # inclusive
    greater_than: Decimal | None = None  # exclusive lower bound (discount rate > −100 %)
    integer: bool = False

    def __post_init__(self):
        for name in ("default", "minimum", "maximum", "greater_than"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, Decimal(str(value)))
        if self.problem(self.default):
            raise ImproperlyConfigured(f"Default of parameter {self.key!r} breaks its own rule.")

    @property
    def title(self) -> str:
        """Label with unit, e.g. „Lohnsatz gehobener Dienst (€/h)“."""
        return f"{self.label} ({self.unit})"

    def rule(self) -> str:
        """The valid values in words, e.g. „ganze Zahl von 1 bis 50“."""
        parts = [_("ganze Zahl") if self.integer else _("Zahl")]
        if self.greater_than is not None:
            parts.append(_("größer als %(n)s") % {"n": _plain(self.greater_than, self.unit)})
        if self.minimum is not None and self.maximum is not None:
            parts.append(
                _("von %(a)s bis %(b)s")
                % {"a": _plain(self.minimum, ""), "b": _plain(self.maximum, self.unit)}
            )
        elif self.minimum is not None:
            parts.append(_("ab %(n)s") % {"n": _plain(self.minimum, self.unit)})
        elif self.maximum is not None:
            parts.append(_("bis %(n)s") % {"n": _plain(self.maximum, self.unit)})
        return " ".join(parts)

    def problem(self, value) -> bool:
        value = Decimal(str(value))
        return (
            (self.integer and value != value.to_integral_value())
            or (self.greater_than is not None and value <= self.greater_than)
            or (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        )

    def validate(self, value):
        """Raise a ``ValidationError`` with a German message when ``value`` breaks the rule."""
        if value is not None and self.problem(value):
            raise ValidationError(
                _("Ungültiger Wert für „%(label)s“: erlaubt ist eine %(rule)s.")
                % {"label": self.label, "rule": self.rule()}
            )


def _plain(value: Decimal, unit: str) -> str:
    decimals = max(0, -value.normalize().as_tuple().exponent)
    number = de_number(value, decimals)
    return f"{number} {unit}".strip()


_SPECS: dict[str, ParameterSpec] = {}


def register_parameters(*specs: ParameterSpec):
    """Declare parameters (called from an app's ``register.py``); a key belongs to one app."""
    for spec in specs:
        known = _SPECS.get(spec.key)
        if known is not None and known != spec:
            raise ImproperlyConfigured(f"Parameter {spec.key!r} is registered twice.")
        _SPECS[spec.key] = spec


def parameter_specs() -> list[ParameterSpec]:
    """Every registered parameter, in registration order (core first, then by installed app)."""
    return list(_SPECS.values())


def parameter_spec(key: str) -> ParameterSpec | None:
    return _SPECS.get(key)


@dataclass(frozen=True)
class ParameterValue:
    """The value a municipality uses for one parameter: its own or the registered default."""

    spec: ParameterSpec
    value: Decimal
    source: str
    as_of: dt.date
    note: str = ""
    is_default: bool = False
    lock_version: int | None = None  # of the municipality's own row (None for a default)

    @property
    def key(self) -> str:
        return self.spec.key

    @property
    def label(self) -> str:
        return str(self.spec.label)

    @property
    def unit(self) -> str:
        return str(self.spec.unit)

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def cited_source(self) -> str:
        """The source as every explanation cites it; a default says that it is one."""
        if self.is_default:
            return _("Standardwert (keine eigene Festlegung der Kommune): %(source)s") % {
                "source": self.source
            }
        return self.source

    @classmethod
    def default_of(cls, spec: ParameterSpec) -> "ParameterValue":
        return cls(spec, spec.default, spec.source, spec.as_of, is_default=True)

    @classmethod
    def from_row(cls, spec: ParameterSpec, row) -> "ParameterValue":
        return cls(spec, row.value, row.source, row.as_of, row.note, lock_version=row.lock_version)


@dataclass
class ParameterSet:
    """A municipality's parameters as plain numbers plus their sources, for the economics."""

    values: dict[str, ParameterValue]

    @classmethod
    def defaults(cls) -> "ParameterSet":
        return cls({spec.key: ParameterValue.default_of(spec) for spec in parameter_specs()})

    @classmethod
    def for_municipality(cls, municipality) -> "ParameterSet":
        """Own rows override the registered defaults; rows of unregistered keys are ignored."""
        from digitalbilanz.core.models import Parameter

        rows = {row.key: row for row in Parameter.objects.filter(municipality=municipality)}
        return cls(
            {
                spec.key: ParameterValue.from_row(spec, rows[spec.key])
                if spec.key in rows
                else ParameterValue.default_of(spec)
                for spec in parameter_specs()
            }
        )

    def __iter__(self):
        return iter(self.values.values())

    def number(self, key: str) -> float:
        try:
            return float(self.values[key].value)
        except KeyError as exc:
            raise eco.EconomicsError(
                _("Der Parameter „%(key)s“ ist nicht registriert.") % {"key": key}
            ) from exc

    @property
    def discount_rate(self) -> float:
        return self.number(DISCOUNT_RATE) / 100

    @property
    def horizon(self) -> int:
        return int(self.number(HORIZON))

    @property
    def hours_per_fte(self) -> float:
        return self.number(HOURS_PER_FTE)

    def hourly_cost(self, career_level: str) -> float:
        """Full cost of one hour: wage rate × (1 + overhead) (full-cost approach, methods.md §1, §3)."""
        return self.number(WAGE_KEYS[career_level]) * (1 + self.number(OVERHEAD) / 100)

    def sources(self, keys) -> dict[str, eco.Source]:
        """The cited sources of ``keys`` (parameter names the economics package cites)."""
        return {
            str(key): eco.Source(
                value=float(item.value),
                source=item.cited_source,
                as_of=item.as_of.isoformat(),
                label=item.title,
            )
            for key in keys
            if (item := self.values.get(key)) is not None
        }

    def economics_parameters(self, start_year: int, wage_levels=()) -> eco.Parameters:
        keys = [DISCOUNT_RATE, HORIZON]
        if wage_levels:
            keys.append(OVERHEAD)
            keys.extend(WAGE_KEYS[level] for level in sorted(wage_levels))
        return eco.Parameters(
            discount_rate=self.discount_rate,
            start_year=start_year,
            horizon=self.horizon,
            sources=self.sources(keys),
        )
