import pytest

from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    return Factory.municipality()
