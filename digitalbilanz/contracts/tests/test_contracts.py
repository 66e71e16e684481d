"""Contracts: terms, obligations, earliest exit (with a fixed 'today'), values per row, forms."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.test import Client

from digitalbilanz.contracts import calc
from digitalbilanz.contracts.chapters import Contracts
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.portfolio.models import Line
from digitalbilanz.registry.tables import table
from digitalbilanz.testing import Factory

D = dt.date
PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL


def contract(town, visibility=PUBLIC, **kwargs):
    values = dict(
        vendor="Anbieter",
        subject="Lizenzen",
        kind="licence",
        basis="flat",
        start=D(2021, 7, 1),
        minimum_term_months=36,
        notice_months=3,
        auto_renewal=True,
        renewal_months=12,
    )
    values.update(kwargs)
    return Contract.objects.create(municipality=town, visibility=visibility, **values)


def value(c, cost, visibility=PUBLIC, valid_from=None, **kwargs):
    return ContractValue.objects.create(
        municipality=c.municipality,
        contract=c,
        visibility=visibility,
        valid_from=valid_from or c.start,
        annual_cost=cost,
        source="Vertrag",
        **kwargs,
    )


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    return {
        "town": town,
        "editor": Factory.user(town, Role.EDITOR),
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
        "outsider": Factory.user(Factory.municipality(), Role.ADMIN),
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@time_machine.travel(dt.datetime(2024, 3, 31, 12, 0, tzinfo=dt.UTC), tick=False)
def test_list_page_shows_the_notice_deadline_still_open_on_its_last_day(world):
    c = contract(world["town"])
    value(c, 120_000)
    html = client_for(world["reader"]).get("/app/stadt/vertraege/").content.decode()
    assert "31.03.2024" in html and "30.06.2024" in html


@time_machine.travel(dt.datetime(2024, 4, 1, 8, 0, tzinfo=dt.UTC), tick=False)
def test_a_day_after_the_deadline_the_contract_binds_another_year(world):
    c = contract(world["town"])
    value(c, 120_000)
    rows = calc.figures([c], world["town"], ["public"], dt.date.today(), calc.default_years(dt.date.today()))
    assert rows[0].exit.end == D(2025, 6, 30)
    # 2024 fully bound, 2025 bound until 30 June (181 of 365 days)
    years = {r.year: r for r in rows[0].years}
    assert years[2024].reducible == 0
    assert years[2025].bound == pytest.approx(round(120_000 * 181 / 365, 2))
    html = client_for(world["reader"]).get(f"/app/stadt/vertraege/{c.pk}/").content.decode()
    assert "31.03.2025" in html and "30.06.2025" in html


def test_an_internal_value_of_a_public_contract_stays_internal(world):
    c = contract(world["town"], subject="Öffentlicher Vertrag")
    value(c, 4_321_987, visibility=INTERNAL)
    public = Client().get("/stadt/vertraege/").content.decode()
    assert "Öffentlicher Vertrag" in public and "4.321.987" not in public and "nicht veröffentlicht" in public
    council = client_for(world["council"]).get(f"/app/stadt/vertraege/{c.pk}/").content.decode()
    assert "Öffentlicher Vertrag" in council and "4.321.987" not in council
    reader = client_for(world["reader"]).get(f"/app/stadt/vertraege/{c.pk}/").content.decode()
    assert "4.321.987" in reader
    rows = list(table("contract_values").rows(world["town"], ["public"]))
    assert rows == []
    assert [r.pk for r in table("contracts").rows(world["town"], ["public"])] == [c.pk]


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("outsider", 404), ("council", 404), ("reader", 200), ("editor", 200)],
)
def test_internal_contract_pages_follow_the_rule(world, persona, status):
    c = contract(world["town"], visibility=INTERNAL)
    user = None if persona == "anonymous" else world[persona]
    assert client_for(user).get(f"/app/stadt/vertraege/{c.pk}/").status_code == status


def post_contract(client, **changes):
    data = {
        "vendor": "Anbieter",
        "subject": "Neuer Vertrag",
        "kind": "licence",
        "basis": "flat",
        "start": "2024-01-01",
        "minimum_term_months": "12",
        "notice_months": "3",
        "auto_renewal": "on",
        "renewal_months": "12",
        "visibility": "public",
        "change_reason": "Vertrag erfasst",
    }
    data.update(changes)
    return client.post("/app/stadt/vertraege/neu/", data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"notice_months": "13"}, "länger als die Mindestlaufzeit"),
        ({"terminated_to": "2023-12-31"}, "vor dem Vertragsbeginn"),
        ({"terminated_to": "2024-06-30"}, "vor dem Ende der Mindestlaufzeit"),
        ({"minimum_term_months": "0"}, "mindestens einen Monat"),
        ({"renewal_months": "0"}, "Verlängerungsdauer"),
        ({"start": "31.02.2024"}, "gültiges Datum"),
    ],
)
def test_contradicting_contract_dates_are_refused_and_nothing_is_saved(world, changes, message):
    response = post_contract(client_for(world["editor"]), **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Contract.objects.exists() and not Contract.history.exists()


def test_a_valid_contract_is_saved(world):
    response = post_contract(client_for(world["editor"]))
    assert response.status_code == 302
    assert Contract.objects.get().subject == "Neuer Vertrag"


def test_a_value_contradicting_units_times_price_is_refused(world):
    c = contract(world["town"])
    response = client_for(world["editor"]).post(
        f"/app/stadt/vertraege/{c.pk}/werte/neu/",
        {
            "valid_from": "2021-07-01",
            "annual_cost": "1000",
            "units": "10",
            "unit_price": "50",
            "source": "Angebot",
            "visibility": "public",
        },
    )
    assert response.status_code == 400 and "widersprechen sich" in response.content.decode()
    assert not ContractValue.objects.exists()


def test_a_value_before_the_contract_start_is_refused(world):
    c = contract(world["town"])
    response = client_for(world["editor"]).post(
        f"/app/stadt/vertraege/{c.pk}/werte/neu/",
        {"valid_from": "2021-06-30", "annual_cost": "1000", "source": "Angebot", "visibility": "public"},
    )
    assert response.status_code == 400 and "vor dem Vertragsbeginn" in response.content.decode()


def test_linked_measures_get_their_share_and_double_fees_as_derived_lines(world):
    town = world["town"]
    from digitalbilanz.workplaces.models import WorkplaceSnapshot

    WorkplaceSnapshot.objects.create(
        municipality=town,
        visibility=PUBLIC,
        as_of=D(2024, 1, 1),
        headcount=100,
        mobile_capable=50,
        two_devices=40,
    )
    a, b = Factory.measure(town), Factory.measure(town)
    c = contract(town, basis="per_device", start=D(2024, 1, 1), minimum_term_months=12)
    value(c, 10_000, units=400, unit_price=Decimal(25))
    c.measures.set([a, b])
    calc.sync_contract_lines(c, reason="verknüpft")
    lines = Line.objects.filter(measure=a, year=2024).order_by("label")
    # 10,000 € split on two measures = 5,000 €; double fees 40 × 25 € = 1,000 € → 500 € each
    assert [(ln.label.split(":")[0], ln.amount) for ln in lines] == [
        ("Doppelte Gerätegebühren", Decimal("500.00")),
        ("Vertrag Anbieter", Decimal("4500.00")),
    ]
    assert all(ln.is_derived for ln in lines)
    c.measures.set([a])
    calc.sync_contract_lines(c, reason="Maßnahme B gelöst")
    assert not Line.objects.filter(measure=b).exists()
    assert Line.objects.get(measure=a, year=2024, label__startswith="Vertrag").amount == Decimal("9000.00")


def test_derived_lines_of_an_internal_value_are_internal(world):
    town = world["town"]
    m = Factory.measure(town)
    c = contract(town, start=D(2024, 1, 1))
    value(c, 10_000, visibility=INTERNAL)
    c.measures.set([m])
    calc.sync_contract_lines(c, reason="verknüpft")
    assert set(Line.objects.filter(measure=m).values_list("visibility", flat=True)) == {INTERNAL}


def test_chapter_lists_a_near_notice_deadline_as_open_point(world):
    c = contract(world["town"])
    value(c, 120_000)
    chapter = Contracts()
    section = chapter.collect(
        {"municipality": world["town"], "audience": "public", "reference_date": D(2024, 1, 15)}
    )
    assert section["years"][0]["year"] == 2024
    problems = chapter.problems(section)
    assert len(problems) == 1 and "31.03.2024" in problems[0]["text"]
    later = chapter.collect(
        {"municipality": world["town"], "audience": "public", "reference_date": D(2024, 7, 1)}
    )
    assert chapter.problems(later) == []
    value(c, 150_000, valid_from=D(2024, 7, 1))
    changed = chapter.collect(
        {"municipality": world["town"], "audience": "public", "reference_date": D(2024, 8, 1)}
    )
    assert [e["kind"] for e in chapter.changes(section, changed)] == ["cost"]


def test_history_shows_value_changes_only_to_readers_of_the_value(world):
    c = contract(world["town"])
    v = value(c, 100_000, visibility=INTERNAL)
    v.annual_cost = 123_456
    v._change_reason = "Preiserhöhung"
    v.save()
    url = f"/app/stadt/vertraege/{c.pk}/historie/"
    reader = client_for(world["reader"]).get(url).content.decode()
    assert "123.456" in reader and "Preiserhöhung" in reader
    council = client_for(world["council"]).get(url).content.decode()
    assert council.count("<tr>") >= 1 and "123.456" not in council and "Preiserhöhung" not in council


def test_deleting_a_contract_or_scenario_removes_the_lines_it_derived(world):
    from digitalbilanz.workplaces.calc import sync_measure_lines
    from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

    town = world["town"]
    m = Factory.measure(town)
    c = contract(town, start=D(2024, 1, 1))
    value(c, 10_000)
    c.measures.set([m])
    calc.sync_contract_lines(c, reason="verknüpft")
    snapshot = WorkplaceSnapshot.objects.create(
        municipality=town, visibility=PUBLIC, as_of=D(2024, 1, 1), headcount=10, mobile_capable=5, desks=10
    )
    scenario = WorkplaceScenario.objects.create(
        municipality=town, visibility=PUBLIC, snapshot=snapshot, name="S", desk_ratio=Decimal("0.8"),
        start_year=2024, years=1, measure=Factory.measure(town),
    )  # fmt: skip
    sync_measure_lines(scenario, reason="verknüpft")
    assert Line.objects.filter(derivation__isnull=False).count() > 1
    c.delete()
    assert not Line.objects.filter(measure=m).exists()
    snapshot.delete()  # the scenario goes with its snapshot
    assert not Line.objects.filter(derivation__isnull=False).exists()


def test_an_editor_cannot_link_a_measure_of_another_department(world):
    town = world["town"]
    fb1, fb2 = Factory.unit(town, "FB 1"), Factory.unit(town, "FB 2")
    limited = Factory.user(town, Role.EDITOR, units=[fb1])
    other = Factory.measure(town, lead_department=fb2)
    response = post_contract(client_for(limited), org_unit=fb1.pk, measures=[other.pk])
    assert response.status_code == 400 and other.code in response.content.decode()
    assert not Contract.objects.exists()
