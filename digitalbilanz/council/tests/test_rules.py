"""The council rules: public flag → level, paper type → category, deciding or advisory, overdue."""

import datetime as dt

import pytest

from digitalbilanz.council.rules import (
    category_for_paper_type,
    is_deciding,
    is_overdue,
    visibility_for_public_flag,
)


@pytest.mark.parametrize(("flag", "level"), [(True, "public"), (False, "council"), (None, "council")])
def test_only_an_explicit_public_flag_is_public(flag, level):
    assert visibility_for_public_flag(flag) == level


@pytest.mark.parametrize(
    ("raw", "category"),
    [
        ("Antrag", "motion"),
        ("Änderungsantrag", "amendment"),
        ("Anfrage", "inquiry"),
        ("Beantwortung einer Anfrage", "answer"),
        ("Stellungnahme der Verwaltung", "statement"),
        ("Beschlussvorlage", "proposal"),
        ("Mitteilungsvorlage", "communication"),
        ("Berichtsvorlage", "communication"),
        ("Verwaltungsvorlage", "proposal"),
        ("  ", "other"),
        (None, "other"),
        ("Niederschrift", "other"),
    ],
)
def test_paper_type_categories(raw, category):
    assert category_for_paper_type(raw) == category


def test_deciding_or_advisory():
    assert is_deciding(False, "Entscheidung", True) is False  # authoritative wins
    assert is_deciding(None, "Entscheidung") is True
    assert is_deciding(None, "Vorberatung") is False
    assert is_deciding(None, "Kenntnisnahme") is False
    assert is_deciding(None, "", body_is_council=True) is True
    assert is_deciding(None, "") is None


def test_overdue():
    today = dt.date(2024, 1, 10)
    assert is_overdue("open", dt.date(2024, 1, 9), today)
    assert is_overdue("in_progress", dt.date(2023, 12, 31), today)
    assert not is_overdue("open", dt.date(2024, 1, 10), today)  # due today is not overdue
    assert not is_overdue("done", dt.date(2023, 1, 1), today)
    assert not is_overdue("dropped", dt.date(2023, 1, 1), today)
    assert not is_overdue("open", None, today)
