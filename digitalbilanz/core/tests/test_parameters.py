"""Parameters as a contract: registered specs with defaults, validation and own values."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from digitalbilanz.core import parameters
from digitalbilanz.core.models import Parameter
from digitalbilanz.core.parameters import ParameterSet, ParameterSpec, parameter_specs
from digitalbilanz.services.parameters import TARGET_SHARE
from digitalbilanz.steering.parameters import SPECS as STEERING_PARAMETERS
from digitalbilanz.testing import Factory
from digitalbilanz.workplaces.parameters import WORKPLACE_PARAMETERS

CORE_KEYS = {
    "discount_rate",
    "horizon",
    "overhead",
    "wage_md",
    "wage_gd",
    "wage_hd",
    "wage_avg",
    "hours_per_fte",
}


@pytest.fixture
def registry(monkeypatch):
    """A copy of the registry that a test may extend without leaking into other tests."""
    monkeypatch.setattr(parameters, "_SPECS", dict(parameters._SPECS))


def _spec(key="test_factor", **overrides):
    fields = {
        "key": key,
        "label": "Testfaktor",
        "unit": "%",
        "default": "5",
        "source": "Testquelle",
        "as_of": dt.date(2024, 1, 1),
        "minimum": 0,
    }
    return ParameterSpec(**(fields | overrides))


def _row(town, key, value, source="Test"):
    as_of = dt.date(2024, 5, 1)
    return Parameter(municipality=town, key=key, value=Decimal(value), source=source, as_of=as_of)


def test_core_and_portfolio_register_their_parameters_with_source_and_date():
    specs = {spec.key: spec for spec in parameter_specs()}
    modules = (*WORKPLACE_PARAMETERS, *STEERING_PARAMETERS, TARGET_SHARE)
    assert set(specs) == CORE_KEYS | {"score_threshold"} | {s.key for s in modules}
    assert specs["discount_rate"].default == Decimal("0.9")
    assert specs["hours_per_fte"].default == Decimal("1600")
    for spec in specs.values():
        assert spec.source and isinstance(spec.as_of, dt.date) and str(spec.unit)


def test_a_municipality_without_rows_uses_every_default(db):
    params = ParameterSet.for_municipality(Factory.municipality())
    assert all(item.is_default for item in params)
    assert params.discount_rate == pytest.approx(0.009)
    assert params.hours_per_fte == 1600
    assert params.hourly_cost("gd") == pytest.approx(42.20 * 1.2)


def test_an_own_value_replaces_the_default_of_its_key_only(db):
    town = Factory.municipality()
    _row(town, "overhead", "25", source="Ratsbeschluss").save()
    params = ParameterSet.for_municipality(town)
    assert not params.values["overhead"].is_default
    assert params.values["overhead"].cited_source == "Ratsbeschluss"
    assert params.hourly_cost("md") == pytest.approx(25.50 * 1.25)
    assert params.values["wage_md"].is_default
    assert ParameterSet.for_municipality(Factory.municipality()).number("overhead") == 20


def test_explanations_cite_a_default_as_default(db):
    params = ParameterSet.for_municipality(Factory.municipality())
    sources = params.economics_parameters(2024, {"gd"}).sources
    assert set(sources) == {"discount_rate", "horizon", "overhead", "wage_gd"}
    rate = sources["discount_rate"]
    assert rate.source.startswith("Standardwert")
    assert "BMF" in rate.source and rate.as_of == "2023-07-07"
    assert rate.label == "Kalkulationszinssatz (% p. a.)"


@pytest.mark.parametrize(
    "key, value, valid",
    [
        ("discount_rate", "-100", False),
        ("discount_rate", "-99.5", True),
        ("horizon", "2.5", False),
        ("horizon", "0", False),
        ("horizon", "51", False),
        ("horizon", "50", True),
        ("wage_gd", "-1", False),
        ("hours_per_fte", "0", False),
        ("score_threshold", "101", False),
    ],
)
def test_the_spec_decides_which_values_are_valid(db, key, value, valid):
    row = _row(Factory.municipality(), key, value)
    if valid:
        row.full_clean()
        return
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "Ungültiger Wert" in error.value.message_dict["value"][0]


def test_the_error_names_the_rule_in_german():
    spec = parameters.parameter_spec("horizon")
    with pytest.raises(ValidationError) as error:
        spec.validate(Decimal("51"))
    assert error.value.messages == [
        "Ungültiger Wert für „Betrachtungszeitraum“: erlaubt ist eine ganze Zahl von 1 bis 50 Jahre."
    ]


def test_an_unregistered_key_is_refused(db):
    row = _row(Factory.municipality(), "erfunden", "1")
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert "Unbekannter Parameter" in error.value.message_dict["key"][0]


def test_a_newly_registered_parameter_works_without_a_migration(db, registry):
    parameters.register_parameters(_spec())
    town = Factory.municipality()
    assert ParameterSet.for_municipality(town).number("test_factor") == 5
    row = _row(town, "test_factor", "7", source="Eigene")
    row.full_clean()
    row.save()
    assert ParameterSet.for_municipality(town).number("test_factor") == 7


def test_a_key_registered_twice_differently_is_a_configuration_error(registry):
    parameters.register_parameters(_spec())
    parameters.register_parameters(_spec())  # the same declaration again is harmless
    with pytest.raises(ImproperlyConfigured):
        parameters.register_parameters(_spec(default="6"))


def test_a_default_that_breaks_its_own_rule_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured):
        _spec(default="-1")
