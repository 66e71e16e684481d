"""Weighted scoring for the modules Q and E."""

import pytest

from digitalbilanz.economics import Criterion, EconomicsError, score


def q_module(*scores):
    weights = (0.4, 0.3, 0.2, 0.1)
    labels = ("Nachnutzung", "Herstellerunabhängigkeit", "Aufgabenerfüllung", "Personal")
    return [
        Criterion(f"q{i}", label, weight, s)
        for i, (label, weight, s) in enumerate(zip(labels, weights, scores, strict=True))
    ]


def test_points_are_weighted_sum_times_ten():
    # 0.4 × 10 × 10 + 0.3 × 6 × 10 + 0.2 × 4 × 10 + 0.1 × 0 × 10 = 40 + 18 + 8 + 0 = 66
    result = score(q_module(10, 6, 4, 0))
    assert result.points == 66.0
    assert [c["points"] for c in result.contributions] == pytest.approx([40, 18, 8, 0])
    assert result.max_points == 100.0


def test_all_tens_give_one_hundred_points_and_all_zeros_none():
    assert score(q_module(10, 10, 10, 10)).points == 100.0
    assert score(q_module(0, 0, 0, 0)).points == 0.0


def test_explanation_lists_each_criterion_in_german():
    explanation = score(q_module(10, 6, 4, 0)).explanation
    assert "Herstellerunabhängigkeit: Gewicht 30 % × 6 von 10 × 10 = 18,00 Punkte." in (explanation.steps)
    assert explanation.steps[-1] == "Summe: 66,00 von 100 Punkten."
    assert explanation.inputs[0]["key"] == "q0"


def test_threshold_is_reported_when_given():
    result = score(q_module(10, 6, 4, 0), threshold=50)
    assert result.meets_threshold is True
    assert "Schwelle von 50,00 Punkten erreicht." in result.explanation.steps
    assert score(q_module(0, 0, 0, 0), threshold=50).meets_threshold is False


def test_weights_within_tolerance_of_hundred_percent_are_accepted():
    criteria = [
        Criterion("a", "A", 1 / 3, 2),
        Criterion("b", "B", 1 / 3, 4),
        Criterion("c", "C", 1 / 3, 6),
    ]
    assert score(criteria).points == pytest.approx(40.0)


@pytest.mark.parametrize("bad", [1, 5, 11, -2, 12, 4.5, True, "4"])
def test_score_outside_zero_to_ten_in_steps_of_two_is_rejected(bad):
    with pytest.raises(EconomicsError, match="muss 0, 2, 4, 6, 8 oder 10 Punkte betragen"):
        Criterion("q1", "Nachnutzung", 1.0, bad)


def test_weights_not_summing_to_hundred_percent_are_rejected():
    criteria = [Criterion("a", "A", 0.5, 2), Criterion("b", "B", 0.4, 4)]
    with pytest.raises(EconomicsError) as error:
        score(criteria)
    assert str(error.value) == "Die Gewichte müssen zusammen 100 % ergeben (Summe: 90 %)."


def test_negative_weight_is_rejected():
    with pytest.raises(EconomicsError, match="Gewicht .* nicht negativ"):
        Criterion("a", "A", -0.1, 2)


def test_duplicate_criterion_is_rejected():
    with pytest.raises(EconomicsError, match="doppelt"):
        score([Criterion("a", "A", 0.5, 2), Criterion("a", "A", 0.5, 2)])


def test_empty_module_is_rejected():
    with pytest.raises(EconomicsError, match="mindestens ein Kriterium"):
        score([])
