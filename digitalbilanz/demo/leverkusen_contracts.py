"""Contracts and obligations in the Leverkusen demo (sources: see leverkusen.py).

[S3]: obligations from licence and rental contracts of about 16 million euros a year already
exist (software vendors' licence models and usage fees to ivl GmbH); some licence contracts
charge twice per device, some hardware rental contracts date from the height of the pandemic.
The split of the 16 million euros into contracts, their terms and prices is a "Demo-Annahme";
the values add up to exactly 16,000,000 € a year.
"""

import datetime as dt
from decimal import Decimal as D

from digitalbilanz.contracts.calc import sync_contract_lines
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.models import Measure

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"
S3 = "[S3] Stellungnahme der Verwaltung vom 13.09.2023 zu Antrag 2023/2362: rund 16 Mio. € jährlich"
ASSUMPTION = "Demo-Annahme: Aufteilung der rund 16 Mio. € aus [S3] auf Verträge, Laufzeiten und Preise"
PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL

# vendor, subject, kind, basis, start, minimum term, notice, renewal (0 = none), annual cost,
# units, unit price, linked measure codes
CONTRACTS = [
    (
        "ivl GmbH",
        "Nutzungsentgelt IT-Netz, Hardware- und Standardsoftware-Betrieb",
        "usage_fee",
        "flat",
        dt.date(2019, 1, 1),
        60,
        12,
        12,
        D("9800000"),
        None,
        None,
        [],
    ),
    (
        "Anbieter Fachverfahren (Demo-Annahme)",
        "Lizenzen und Pflege der Fachverfahren",
        "licence",
        "flat",
        dt.date(2020, 1, 1),
        48,
        6,
        12,
        D("3500000"),
        None,
        None,
        [],
    ),
    (
        "ivl GmbH",
        "Rechenzentrums- und Netzdienstleistungen",
        "service",
        "flat",
        dt.date(2021, 1, 1),
        36,
        6,
        12,
        D("1793000"),
        None,
        None,
        [],
    ),
    (
        "Anbieter Bürosoftware (Demo-Annahme)",
        "Bürokommunikation je Nutzer/in",
        "licence",
        "per_user",
        dt.date(2021, 7, 1),
        36,
        3,
        12,
        D("714000"),
        1700,
        D("420"),
        [],
    ),
    (
        "Anbieter Hardware-Miete (Demo-Annahme)",
        "Mietgeräte aus der Pandemie (Notebooks)",
        "rental",
        "per_device",
        dt.date(2020, 10, 1),
        48,
        3,
        0,
        D("108000"),
        200,
        D("540"),
        [],
    ),
    (
        "Anbieter Endgeräteschutz (Demo-Annahme)",
        "Endgeräteschutz je Gerät",
        "licence",
        "per_device",
        dt.date(2021, 1, 1),
        24,
        3,
        12,
        D("55000"),
        2200,
        D("25"),
        ["M-08"],
    ),
    (
        "Anbieter Thin-Client-Software (Demo-Annahme)",
        "Lizenzen für IGEL-Sticks je Gerät",
        "licence",
        "per_device",
        dt.date(2020, 4, 1),
        36,
        3,
        12,
        D("30000"),
        500,
        D("60"),
        [],
    ),
]
# An internal price of the ivl contract from 2025 on: the contract and its 2019 value are public.
INTERNAL_VALUE = (
    "ivl GmbH",
    "Nutzungsentgelt IT-Netz, Hardware- und Standardsoftware-Betrieb",
    dt.date(2025, 1, 1),
    D("10100000"),
    "Demo-Annahme: nachverhandeltes Entgelt ab 2025 (intern, noch nicht veröffentlicht)",
)


def load(municipality):
    by_name = {}
    for vendor, subject, kind, basis, start, term, notice, renewal, cost, units, price, codes in CONTRACTS:
        contract = Contract(
            municipality=municipality,
            visibility=PUBLIC,
            vendor=vendor,
            subject=subject,
            kind=kind,
            basis=basis,
            start=start,
            minimum_term_months=term,
            notice_months=notice,
            auto_renewal=renewal > 0,
            renewal_months=renewal or 12,
            note=f"{S3}. {ASSUMPTION}.",
        )
        contract._change_reason = REASON
        contract.full_clean()
        contract.save()
        contract.measures.set(Measure.objects.filter(municipality=municipality, code__in=codes))
        _value(contract, start, cost, units, price, ASSUMPTION, PUBLIC)
        by_name[(vendor, subject)] = contract
    vendor, subject, valid_from, cost, source = INTERNAL_VALUE
    _value(by_name[(vendor, subject)], valid_from, cost, None, None, source, INTERNAL)
    for contract in by_name.values():
        if contract.measures.exists():
            sync_contract_lines(contract, reason=REASON)
    return list(by_name.values())


def _value(contract, valid_from, cost, units, price, source, visibility):
    value = ContractValue(
        municipality=contract.municipality,
        visibility=visibility,
        contract=contract,
        valid_from=valid_from,
        annual_cost=cost,
        units=units,
        unit_price=price,
        source=source,
    )
    value._change_reason = REASON
    value.full_clean()
    value.save()


def delete(municipality):
    ContractValue.objects.filter(municipality=municipality).delete()
    Contract.objects.filter(municipality=municipality).delete()
