"""Test factory: plain functions that build valid objects (no fixtures, no primary keys)."""

import datetime as dt
import itertools
from decimal import Decimal

from django.contrib.auth import get_user_model

from digitalbilanz.core.choices import OrgUnitKind, Visibility
from digitalbilanz.core.models import Membership, Municipality, OrgUnit
from digitalbilanz.portfolio.models import Line, Measure, Milestone

_counter = itertools.count(1)


class Factory:
    @staticmethod
    def municipality(slug=None, **kwargs):
        n = next(_counter)
        slug = slug or f"kommune-{n}"
        return Municipality.objects.create(
            name=kwargs.pop("name", f"Kommune {n}"),
            slug=slug,
            ags=kwargs.pop("ags", "05316000"),
            ars=kwargs.pop("ars", "053160000000"),
            **kwargs,
        )

    @staticmethod
    def unit(municipality, code=None, kind=OrgUnitKind.DEPARTMENT):
        code = code or f"FB {next(_counter)}"
        return OrgUnit.objects.create(municipality=municipality, code=code, name=code, kind=kind)

    @staticmethod
    def user(municipality=None, role=None, units=(), username=None):
        user = get_user_model().objects.create_user(
            username=username or f"user{next(_counter)}", password="pw-für-tests"
        )
        if municipality is not None and role is not None:
            membership = Membership.objects.create(user=user, municipality=municipality, role=role)
            membership.org_units.set(units)
        return user

    @staticmethod
    def measure(municipality, visibility=Visibility.PUBLIC, **kwargs):
        n = next(_counter)
        kwargs.setdefault("code", f"M-{n:03d}")
        kwargs.setdefault("title", f"Maßnahme {n}")
        kwargs.setdefault("start_date", dt.date(2024, 1, 1))
        return Measure.objects.create(municipality=municipality, visibility=visibility, **kwargs)

    @staticmethod
    def line(measure, year=2024, kind="cost", amount="1000", visibility=Visibility.PUBLIC, **kw):
        kw.setdefault("group", "development" if kind == "cost" else "operation")
        kw.setdefault("category", "external" if kind == "cost" else "avoided")
        kw.setdefault("label", f"Zeile {next(_counter)}")
        return Line.objects.create(
            municipality=measure.municipality,
            measure=measure,
            year=year,
            kind=kind,
            amount=Decimal(amount) if amount is not None else None,
            visibility=visibility,
            **kw,
        )

    @staticmethod
    def milestone(measure, baseline=dt.date(2024, 6, 30), forecast=None, **kwargs):
        return Milestone.objects.create(
            municipality=measure.municipality,
            measure=measure,
            title=kwargs.pop("title", "Meilenstein"),
            baseline_date=baseline,
            forecast_date=forecast or baseline,
            visibility=kwargs.pop("visibility", Visibility.PUBLIC),
            **kwargs,
        )
