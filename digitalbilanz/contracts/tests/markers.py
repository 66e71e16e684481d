"""Leak-crawler markers of the contracts and workplaces modules (used by portal/tests/test_leak.py)."""

import datetime as dt

from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Visibility
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot


def plant(town, markers):
    """Per hidden level: a hidden contract, a hidden value of a public contract, a hidden snapshot
    and a hidden scenario of the public snapshot, each carrying the marker."""
    public_contract = Contract.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    public_snapshot = WorkplaceSnapshot.objects.filter(
        municipality=town, visibility=Visibility.PUBLIC
    ).first()
    for number, (level, marker) in enumerate(markers.items(), start=1):
        hidden = Contract.objects.create(
            municipality=town,
            visibility=level,
            vendor=f"{marker} Anbieter",
            subject=marker,
            kind="licence",
            start=dt.date(2022, 1, 1),
            minimum_term_months=24,
            note=marker,
        )
        for contract, vis in ((hidden, Visibility.PUBLIC), (public_contract, level)):
            ContractValue.objects.create(
                municipality=town,
                contract=contract,
                visibility=vis,
                valid_from=dt.date(2030 + number, 1, 1),
                annual_cost=7_777_777,
                source=f"{marker} Wert",
            )
        WorkplaceSnapshot.objects.create(
            municipality=town,
            visibility=level,
            as_of=dt.date(2030, 1, number),
            headcount=10,
            mobile_capable=5,
            source=marker,
        )
        WorkplaceScenario.objects.create(
            municipality=town,
            visibility=level,
            snapshot=public_snapshot,
            name=f"{marker} Szenario",
            desk_ratio="0.9",
            start_year=2024,
            note=marker,
        )
