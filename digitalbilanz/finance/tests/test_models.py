"""Product groups and budget figures: validation, uniqueness, ordering, visibility, history."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.finance.models import BudgetFigure, ProductGroup
from digitalbilanz.testing import Factory

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL


def group(municipality, number="0199", visibility=PUBLIC, **kwargs):
    kwargs.setdefault("name", "IT-Strategie, E-Government und Digitalisierung")
    return ProductGroup.objects.create(
        municipality=municipality, number=number, visibility=visibility, **kwargs
    )


def figure(product_group, year=2023, kind=BudgetFigure.Kind.PLAN, amount="1000.00", **kwargs):
    kwargs.setdefault("visibility", PUBLIC)
    kwargs.setdefault("source", "Haushaltsplan")
    return BudgetFigure.objects.create(
        municipality=product_group.municipality,
        product_group=product_group,
        year=year,
        kind=kind,
        amount=Decimal(amount),
        **kwargs,
    )


@pytest.fixture
def town(db):
    return Factory.municipality()


@pytest.mark.parametrize("number", ["199", "01999", "01a9", "", " 199"])
def test_a_product_group_number_has_exactly_four_digits(town, number):
    candidate = ProductGroup(municipality=town, number=number, name="X", visibility=PUBLIC)
    with pytest.raises(ValidationError) as error:
        candidate.full_clean()
    assert "number" in error.value.message_dict


def test_a_four_digit_number_with_leading_zero_is_valid_and_named_by_number_and_name(town):
    candidate = ProductGroup(municipality=town, number="0199", name="Digitalisierung", visibility=PUBLIC)
    candidate.full_clean()
    assert str(candidate) == "0199 Digitalisierung"


def test_a_product_group_number_is_unique_within_a_municipality_only(town):
    group(town, "0199")
    group(Factory.municipality(), "0199")  # another municipality may use the same number
    with pytest.raises(IntegrityError), transaction.atomic():
        group(town, "0199", name="Doppelt")


def test_a_budget_amount_may_be_negative_for_a_deficit(town):
    candidate = BudgetFigure(
        municipality=town,
        product_group=group(town),
        year=2020,
        kind=BudgetFigure.Kind.ACTUAL,
        plan="result",
        line_number=26,
        line_label="Jahresergebnis",
        amount=Decimal("-35600000.00"),
        source="Jahresabschluss",
    )
    candidate.full_clean()
    candidate.save()
    assert BudgetFigure.objects.get(pk=candidate.pk).amount == Decimal("-35600000.00")


@pytest.mark.parametrize(
    ("plan", "line", "field"),
    [
        ("", 13, "plan"),
        ("result", None, "line_number"),
        ("result", 31, "line_number"),
        ("finance", 0, "line_number"),
    ],
)
def test_a_plan_line_needs_its_plan_and_a_number_within_the_template(town, plan, line, field):
    candidate = BudgetFigure(
        municipality=town,
        product_group=group(town),
        year=2023,
        kind=BudgetFigure.Kind.PLAN,
        plan=plan,
        line_number=line,
        amount=Decimal("1"),
        source="Haushaltsplan",
    )
    with pytest.raises(ValidationError) as error:
        candidate.full_clean()
    assert field in error.value.message_dict


def test_lines_of_one_group_and_year_are_unique_per_plan_and_number(town):
    products = group(town)
    figure(products, 2023, plan="result", line_number=13)
    figure(products, 2023, plan="finance", line_number=13)  # same number, other plan
    figure(products, 2023)  # the product group as a whole
    with pytest.raises(IntegrityError), transaction.atomic():
        figure(products, 2023, plan="result", line_number=13, amount="5.00")


def test_the_product_area_comes_from_the_number_and_must_exist(town):
    assert group(town, "0199").area_name == "Innere Verwaltung"
    with pytest.raises(ValidationError) as error:
        ProductGroup(municipality=town, number="1899", name="X").full_clean()
    assert "Produktbereich 18" in error.value.message_dict["number"][0]


def test_a_budget_figure_is_either_plan_or_result(town):
    candidate = BudgetFigure(
        municipality=town,
        product_group=group(town),
        year=2023,
        kind="forecast",
        amount=Decimal("1"),
        source="Haushaltsplan",
    )
    with pytest.raises(ValidationError) as error:
        candidate.full_clean()
    assert list(error.value.message_dict) == ["kind"]
    assert BudgetFigure.Kind.PLAN.label == "Ansatz" and BudgetFigure.Kind.ACTUAL.label == "Ergebnis"


def test_one_plan_and_one_result_per_group_and_year(town):
    products = group(town)
    figure(products, 2023, BudgetFigure.Kind.PLAN)
    figure(products, 2023, BudgetFigure.Kind.ACTUAL)
    figure(products, 2024, BudgetFigure.Kind.PLAN)
    with pytest.raises(IntegrityError), transaction.atomic():
        figure(products, 2023, BudgetFigure.Kind.PLAN, amount="2000.00")


def test_groups_sort_by_number_and_figures_by_group_year_and_kind(town):
    late, early = group(town, "0210", name="Später"), group(town, "0110", name="Früher")
    figure(late, 2022)
    figure(early, 2023, BudgetFigure.Kind.PLAN)
    figure(early, 2023, BudgetFigure.Kind.ACTUAL)
    figure(early, 2021)
    assert list(ProductGroup.objects.values_list("number", flat=True)) == ["0110", "0210"]
    assert [(f.product_group.number, f.year, f.kind) for f in BudgetFigure.objects.all()] == [
        ("0110", 2021, "plan"),
        ("0110", 2023, "actual"),
        ("0110", 2023, "plan"),
        ("0210", 2022, "plan"),
    ]


def test_a_new_product_group_is_internal_until_published(town):
    assert ProductGroup.objects.create(municipality=town, number="0199", name="X").visibility == INTERNAL


@pytest.fixture
def budget(town):
    """One figure per combination of the figure's level and its product group's level."""
    figures = {}
    for group_level in (PUBLIC, COUNCIL, INTERNAL):
        products = group(town, f"01{len(figures):02d}", visibility=group_level)
        for year, level in enumerate((PUBLIC, COUNCIL, INTERNAL), start=2021):
            figures[group_level, level] = figure(products, year, visibility=level)
    return figures


def _readable(budget, *levels):
    return {f.pk for (group_level, level), f in budget.items() if {group_level, level} <= set(levels)}


@pytest.mark.parametrize(
    ("role", "levels"),
    [
        (None, (PUBLIC,)),
        (Role.COUNCIL, (PUBLIC, COUNCIL)),
        (Role.READER, (PUBLIC, COUNCIL, INTERNAL)),
        (Role.EDITOR, (PUBLIC, COUNCIL, INTERNAL)),
        (Role.ADMIN, (PUBLIC, COUNCIL, INTERNAL)),
    ],
)
def test_a_figure_is_readable_only_if_it_and_its_product_group_are(town, budget, role, levels):
    user = Factory.user(town, role) if role else AnonymousUser()
    visible = set(BudgetFigure.objects.visible_to(user, town).values_list("pk", flat=True))
    assert visible == _readable(budget, *levels)


def test_members_of_another_municipality_read_public_figures_only(town, budget):
    outsider = Factory.user(Factory.municipality(), Role.ADMIN)
    visible = set(BudgetFigure.objects.visible_to(outsider, town).values_list("pk", flat=True))
    assert visible == _readable(budget, PUBLIC) == {budget[PUBLIC, PUBLIC].pk}


def test_publication_audiences_follow_the_same_rule(town, budget):
    public = set(BudgetFigure.objects.for_audience(town, "public").values_list("pk", flat=True))
    council = set(BudgetFigure.objects.for_audience(town, "council").values_list("pk", flat=True))
    assert public == _readable(budget, PUBLIC)
    assert council == _readable(budget, PUBLIC, COUNCIL)


def test_figures_of_another_municipality_are_never_read(town, budget):
    other = Factory.municipality()
    figure(group(other), visibility=PUBLIC)
    visible = BudgetFigure.objects.visible_to(AnonymousUser(), town)
    assert {f.municipality_id for f in visible} == {town.pk}


def test_a_changed_amount_is_recorded_with_old_value_new_value_and_reason(town):
    plan = figure(group(town), amount="1000.00")
    plan.amount = Decimal("1250.00")
    plan._change_reason = "Nachtragshaushalt"
    plan.save()
    latest, first = plan.history.order_by("-history_date", "-history_id")[:2]
    assert latest.history_change_reason == "Nachtragshaushalt"
    changes = latest.diff_against(first).changes
    assert [(c.field, c.old, c.new) for c in changes] == [("amount", Decimal("1000.00"), Decimal("1250.00"))]


def test_deleting_a_product_group_deletes_its_figures(town):
    products = group(town)
    figure(products, 2022)
    figure(products, 2023)
    products.delete()
    assert not BudgetFigure.objects.filter(municipality=town).exists()
