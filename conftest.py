"""Suite-wide fixtures."""

import pytest
from django.core.cache import cache
from django.db import transaction


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached responses and rate-limit counters never leak from one test into another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """The Leverkusen demo, loaded once per test module (the load takes seconds).

    As Django's ``TestCase.setUpTestData`` does it: the demo is written inside a transaction that
    stays open for the module and is rolled back at its end; every test runs in a savepoint inside
    it (pytest-django's ``db``), so what one test changes is gone for the next. Use it only
    through :func:`demo_town`, in modules whose tests run in transactions (not ``live_server``).
    """
    from digitalbilanz.demo import leverkusen

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            pk = leverkusen.load()[0].pk
        except BaseException as exc:
            outer.__exit__(type(exc), exc, exc.__traceback__)
            raise
    try:
        yield pk
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo_town(_demo_loaded, db):
    """The demo municipality, fresh from the database for each test (see ``_demo_loaded``)."""
    from digitalbilanz.core.models import Municipality

    return Municipality.objects.get(pk=_demo_loaded)
