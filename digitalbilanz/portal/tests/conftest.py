import pytest


@pytest.fixture
def town(demo_town):
    return demo_town


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0
