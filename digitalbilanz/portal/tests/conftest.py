import pytest

from digitalbilanz.demo import leverkusen


@pytest.fixture
def town(db):
    return leverkusen.load()[0]


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0
