"""Suite-wide fixtures."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached responses and rate-limit counters never leak from one test into another."""
    cache.clear()
    yield
    cache.clear()
