import pytest

from digitalbilanz.council.oparl.loader import Loader
from digitalbilanz.council.oparl.testing import FakeOParl
from digitalbilanz.testing import Factory


@pytest.fixture
def server():
    with FakeOParl() as fake:
        yield fake


@pytest.fixture
def town(db):
    return Factory.municipality()


@pytest.fixture
def loader():
    """Small timeouts and no waiting between retries: a test never hangs."""
    return Loader(timeout=2, retries=2, backoff=0, max_bytes=2_000_000, max_pages=50, workers=3)
