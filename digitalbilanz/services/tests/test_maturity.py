"""Maturity always with its model version: 1.1 → 0–4, 2.0 → 0–7, never compared across models."""

import pytest
from django.core.exceptions import ValidationError

from digitalbilanz.services import maturity
from digitalbilanz.services.forms import ServiceForm
from digitalbilanz.services.models import Service


def test_levels_per_model_version():
    maturity.check("1.1", 4)
    maturity.check("2.0", 7)
    with pytest.raises(maturity.MaturityError, match="zwischen 0 und 4"):
        maturity.check("1.1", 5)
    with pytest.raises(maturity.MaturityError, match="Unbekanntes Reifegradmodell"):
        maturity.check("3.0", 1)
    with pytest.raises(maturity.MaturityError):
        maturity.check("2.0", -1)


def test_overall_level_is_the_minimum_over_the_criteria():
    assert maturity.overall("1.1", {"Antragsprozess": 3, "Bezahlung": 2, "Nachweise": 4}) == 2
    assert maturity.overall("1.1", {}) is None
    with pytest.raises(maturity.MaturityError, match="Kriterium „Bezahlung“"):
        maturity.overall("1.1", {"Antragsprozess": 3, "Bezahlung": 6})


def test_levels_of_different_models_are_never_compared():
    assert maturity.compare(("1.1", 3), ("1.1", 2)) == 1
    assert maturity.compare(("2.0", 4), ("2.0", 4)) == 0
    with pytest.raises(maturity.MaturityError, match="nicht vergleichbar"):
        maturity.compare(("1.1", 3), ("2.0", 5))


def test_the_model_refuses_a_level_outside_its_version(town):
    service = Service(municipality=town, ozg_id="1", name="X", maturity_model="1.1", maturity_level=6)
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "maturity_level" in error.value.message_dict
    service.maturity_model = "2.0"
    service.full_clean()  # 6 is fine in model 2.0
    assert service.maturity_label == "6 von 7 (Modell 2.0)"


def test_the_form_names_the_field_and_the_rule(town):
    data = {
        "ozg_id": "99",
        "name": "Test",
        "solution": "none",
        "status": "planned",
        "maturity_model": "1.1",
        "maturity_level": "5",
        "coverage": "not_assessed",
        "media_break_minutes": "0",
        "media_break_level": "md",
        "analog_fixed_change": "0",
        "visibility": "internal",
        "change_reason": "neu",
    }
    form = ServiceForm(data, municipality=town)
    assert not form.is_valid()
    assert "zwischen 0 und 4" in form.errors["maturity_level"][0]
