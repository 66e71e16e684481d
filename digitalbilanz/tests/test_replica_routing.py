"""Read replicas: which requests may read from a replica, and how replicas are configured.

The routing is checked in real requests through the whole middleware stack. The suite has no
replica database, so the router is given two replica aliases and its decision is recorded
while the query itself still runs on ``default``. A real streaming replica is exercised by
``bench/replica.py`` (``make bench-replica``).
"""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from digitalbilanz import dbrouter
from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Municipality
from digitalbilanz.envconf import parse_replica_urls
from digitalbilanz.portal.defaults import ensure_portal_settings
from digitalbilanz.portal.models import PortalSettings
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory

REPLICAS = ["replica_1", "replica_2"]
PRIMARY = {"ENGINE": "django.db.backends.postgresql", "NAME": "digitalbilanz"}


@pytest.fixture
def decisions(transactional_db, monkeypatch):
    """A second connection to the test database stands in for a replica (``replica_1``); the
    data is committed (``transactional_db``) so that it sees it. Every read decision of the
    router is recorded and carried out."""
    default = connections["default"]
    replica = default.__class__({**default.settings_dict, "ATOMIC_REQUESTS": False}, "replica_1")
    setattr(connections._connections, "replica_1", replica)  # noqa: B010 - a connection of this thread
    monkeypatch.setattr(dbrouter, "replica_aliases", lambda: ["replica_1"])
    recorded = []
    decide = dbrouter.ReplicaRouter.db_for_read

    def spy(self, model, **hints):
        alias = decide(self, model, **hints)
        recorded.append((model._meta.label, alias))
        return alias

    monkeypatch.setattr(dbrouter.ReplicaRouter, "db_for_read", spy)
    yield recorded
    replica.close()
    delattr(connections._connections, "replica_1")


@pytest.fixture
def town(transactional_db):
    town = Factory.municipality(slug="musterstadt")
    measure = Factory.measure(town, title="Öffentliche Maßnahme")
    Factory.line(measure, year=2024)
    ensure_portal_settings(town)  # stored on the first visit otherwise (a write, see below)
    return town


def _transaction_control(sql):
    return sql.split()[0].upper() in {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "ROLLBACK"}


def _targets(recorded):
    return {alias for _label, alias in recorded}


def test_anonymous_portal_and_open_data_read_from_a_replica(town, decisions):
    for url in ("/musterstadt/", "/musterstadt/massnahmen/", "/musterstadt/daten/measures.csv"):
        decisions.clear()
        with CaptureQueriesContext(connections["default"]) as primary:
            with CaptureQueriesContext(connections["replica_1"]) as replica:
                response = Client().get(url)
        assert response.status_code == 200, url
        labels = {label for label, _alias in decisions}
        assert Municipality._meta.label in labels, url
        assert _targets(decisions) == {"replica_1"}, url
        on_primary = [q["sql"] for q in primary.captured_queries]
        assert len(replica) > 0 and not [sql for sql in on_primary if not _transaction_control(sql)], url
    assert not dbrouter.may_read_from_replica()  # the mark ends with the request


def test_anonymous_api_without_key_reads_from_a_replica(town, decisions):
    response = Client().get("/api/v1/musterstadt/measures/")
    assert response.status_code == 200
    assert Measure._meta.label in {label for label, _alias in decisions}
    assert _targets(decisions) == {"replica_1"}


def test_api_with_a_key_reads_the_primary(town, decisions):
    owner = Factory.user(town, Role.ADMIN)
    _key, secret = ApiKey.issue(town, owner, "Lesen")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {secret}").get("/api/v1/musterstadt/measures/")
    assert response.status_code == 200
    assert decisions and _targets(decisions) == {None}


def test_logged_in_editor_reads_the_primary(town, decisions):
    editor = Factory.user(town, Role.EDITOR)
    client = Client()
    client.force_login(editor)
    decisions.clear()
    for url in ("/musterstadt/", "/app/musterstadt/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert decisions and _targets(decisions) == {None}


def test_writing_requests_read_the_primary(town, decisions):
    response = Client().post("/anmelden/", {"username": "niemand", "password": "falsch-falsch"})
    assert response.status_code == 200  # the login form again, with its error
    assert decisions and _targets(decisions) == {None}


def test_without_replicas_nothing_is_routed(town):
    assert dbrouter.replica_aliases() == []
    token = dbrouter.replica_reads(True)
    try:
        assert dbrouter.ReplicaRouter().db_for_read(Measure) is None
    finally:
        dbrouter._replica_reads.reset(token)


def test_router_reads_replicas_only_when_marked(monkeypatch):
    monkeypatch.setattr(dbrouter, "replica_aliases", lambda: list(REPLICAS))
    router = dbrouter.ReplicaRouter()
    assert router.db_for_read(Measure) is None
    token = dbrouter.replica_reads(True)
    try:
        assert {router.db_for_read(Measure) for _ in range(50)} == set(REPLICAS)
        assert router.db_for_write(Measure) == "default"
    finally:
        dbrouter._replica_reads.reset(token)


def test_an_anonymous_request_that_writes_reads_its_write_from_the_primary(decisions):
    town = Factory.municipality(slug="neustadt")  # no portal settings yet: the visit stores them
    response = Client().get("/neustadt/")
    assert response.status_code == 200
    assert PortalSettings.objects.filter(municipality=town).exists()
    settings_reads = [alias for label, alias in decisions if label == PortalSettings._meta.label]
    # looked for on a replica, stored on the primary, then read back from the primary
    assert settings_reads[0] == "replica_1" and settings_reads[-1] is None
    first_primary = [alias for _label, alias in decisions].index(None)
    assert all(alias is None for _label, alias in decisions[first_primary:])
    assert all(alias == "replica_1" for _label, alias in decisions[:first_primary])


def test_migrations_run_on_the_primary_only():
    router = dbrouter.ReplicaRouter()
    assert router.allow_migrate("default", "core")
    assert not any(router.allow_migrate(alias, "core") for alias in REPLICAS)


def test_replica_urls_become_read_only_aliases_outside_request_transactions():
    replicas = parse_replica_urls(
        ["postgres://reader@db-2:5433/digitalbilanz", "postgres://reader@db-3/digitalbilanz?sslmode=require"],
        PRIMARY,
    )
    assert list(replicas) == REPLICAS
    first, second = replicas["replica_1"], replicas["replica_2"]
    assert (first["HOST"], first["PORT"], second["HOST"]) == ("db-2", "5433", "db-3")
    for config in (first, second):
        assert config["ATOMIC_REQUESTS"] is False
        assert "default_transaction_read_only=on" in config["OPTIONS"]["options"]
        assert config["TEST"] == {"MIRROR": "default"}
    assert second["OPTIONS"]["sslmode"] == "require"
    assert parse_replica_urls([], {"ENGINE": "django.db.backends.sqlite3"}) == {}


@pytest.mark.parametrize(
    "urls,primary",
    [
        (["postgres://reader@db-2/digitalbilanz"], {"ENGINE": "django.db.backends.sqlite3"}),
        (["sqlite:///var/kopie.sqlite3"], PRIMARY),
    ],
)
def test_replicas_need_postgresql(urls, primary):
    with pytest.raises(ImproperlyConfigured):
        parse_replica_urls(urls, primary)


def test_router_and_middleware_are_installed_after_authentication():
    assert "digitalbilanz.dbrouter.ReplicaRouter" in settings.DATABASE_ROUTERS
    middleware = settings.MIDDLEWARE
    assert middleware.index("digitalbilanz.dbrouter.ReplicaReadMiddleware") > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is True
