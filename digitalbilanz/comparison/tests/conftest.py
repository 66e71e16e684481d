import datetime as dt

import pytest

from digitalbilanz.core.choices import MunicipalityKind
from digitalbilanz.testing import Factory


def participant(
    name, slug, inhabitants, opt_in=True, state="Nordrhein-Westfalen", kind=MunicipalityKind.CITY
):
    return Factory.municipality(
        slug=slug,
        name=name,
        state=state,
        kind=kind,
        inhabitants=inhabitants,
        inhabitants_as_of=dt.date(2024, 12, 31) if inhabitants is not None else None,
        inhabitants_source="Testquelle" if inhabitants is not None else "",
        comparison_opt_in=opt_in,
    )


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0
