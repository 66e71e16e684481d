"""``/healthz``: 200 when database and cache answer, 503 naming the part that does not."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection

from digitalbilanz.core.onboarding import RESERVED_SLUGS
from digitalbilanz.testing import Factory


@pytest.fixture
def anonymous(client):
    return client


def test_it_answers_ok_for_database_and_cache_without_login(db, anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_it_is_never_cached_and_sets_no_cookie(db, anonymous):
    response = anonymous.get("/healthz")
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_it_carries_the_security_headers_of_every_response(db, anonymous):
    response = anonymous.get("/healthz")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_answers_a_logged_in_user_the_same(db, client):
    client.force_login(Factory().user())
    assert client.get("/healthz").json()["status"] == "ok"


def test_it_answers_503_when_the_database_is_down(db, anonymous):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")):
        response = anonymous.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert "connection refused" not in response.content.decode()


def test_it_answers_503_when_the_cache_is_down(db, anonymous):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("redis down")):
        response = anonymous.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


def test_it_answers_503_when_the_cache_forgets_what_was_stored(db, anonymous):
    # e.g. a full or misconfigured cache (a dummy backend) that accepts writes and keeps nothing
    with mock.patch.object(cache, "get", return_value=None):
        response = anonymous.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


def test_it_leaves_no_probe_key_in_the_cache(db, anonymous):
    anonymous.get("/healthz")
    assert not [k for k in cache._cache if "healthz" in k]


def test_it_refuses_writing_methods(db, anonymous):
    assert anonymous.post("/healthz").status_code == 405


def test_no_municipality_can_take_the_health_check_address():
    assert "healthz" in RESERVED_SLUGS
