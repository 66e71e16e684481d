"""Several application servers share the response cache and the anonymous API limit in Redis.

Each server process has its own cache client; with ``CACHE_URL=redis://…`` they all count and
store in the one Redis. Two separate ``RedisCache`` clients stand in for two servers here. Needs
the ``redis`` package (``pip install -e '.[redis]'``) and a Redis on ``REDIS_TEST_URL``
(default ``redis://127.0.0.1:6379/15``); skipped with the reason otherwise.
"""

import os
import socket
import uuid
from urllib.parse import urlparse

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client

from digitalbilanz.envconf import parse_cache_url
from digitalbilanz.testing import Factory

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def test_cache_url_selects_django_redis_backend(tmp_path):
    config = parse_cache_url("redis://cache.intern:6379/0", tmp_path)
    assert config == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.intern:6379/0",
    }


def _redis_reason() -> str | None:
    try:
        import redis  # noqa: F401
    except ImportError:
        return "the redis package is not installed (pip install -e '.[redis]')"
    parsed = urlparse(REDIS_URL)
    try:
        socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1).close()
    except OSError:
        return f"no Redis server reachable at {parsed.hostname}:{parsed.port or 6379}"
    return None


@pytest.fixture
def servers(monkeypatch):
    """Two application servers: two cache clients on the same Redis, keys of this test only."""
    reason = _redis_reason()
    if reason:
        pytest.skip(reason)
    prefix = f"dbtest-{uuid.uuid4().hex[:12]}"
    first, second = (RedisCache(REDIS_URL, {"KEY_PREFIX": prefix}) for _ in range(2))
    yield first, second
    _forget(first)


def _forget(server):
    """Delete this test's keys (never ``clear()``: that would empty the whole Redis database)."""
    client = server._cache.get_client(write=True)
    keys = client.keys(f"{server.key_prefix}:*")
    if keys:
        client.delete(*keys)


def _serve_with(monkeypatch, cache):
    """Route one request through the given server's cache client."""
    import digitalbilanz.api.auth
    import digitalbilanz.core.cache

    monkeypatch.setattr(digitalbilanz.api.auth, "cache", cache)
    monkeypatch.setattr(digitalbilanz.core.cache, "cache", cache)


def test_anonymous_api_limit_counts_across_servers(db, servers, monkeypatch, settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 3
    Factory.measure(Factory.municipality(slug="musterstadt"))
    statuses = []
    for number in range(5):
        _serve_with(monkeypatch, servers[number % 2])  # a load balancer alternating
        statuses.append(Client().get("/api/v1/musterstadt/measures/").status_code)
    assert statuses == [200, 200, 200, 429, 429]


def test_a_page_built_on_one_server_is_served_by_the_other(db, servers, monkeypatch, settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0
    town = Factory.municipality(slug="musterstadt")
    measure = Factory.measure(town, title="Erste Fassung")
    _serve_with(monkeypatch, servers[0])
    assert "Erste Fassung" in Client().get("/musterstadt/massnahmen/").content.decode()
    # Changed behind the cache's back (no data version raised): only a cached page shows the old title.
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(type(measure)._meta.db_table)
        cursor.execute(f"UPDATE {table} SET title = %s WHERE id = %s", ["Zweite Fassung", measure.pk])
    _serve_with(monkeypatch, servers[1])
    assert "Erste Fassung" in Client().get("/musterstadt/massnahmen/").content.decode()
    _forget(servers[1])  # without the shared entry the page is built anew
    assert "Zweite Fassung" in Client().get("/musterstadt/massnahmen/").content.decode()
