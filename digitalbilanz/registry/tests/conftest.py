import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0
    cache.clear()  # responses are cached per data version, registrations do not change it
    yield
    cache.clear()
