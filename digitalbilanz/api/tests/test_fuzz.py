"""Fuzzing the whole API from its own OpenAPI document (schemathesis, no network).

Every operation of ``/api/v1/openapi.json`` is called with generated requests — valid and
invalid ones — through Django's WSGI application in this process, with a read-write key of the
demo's administration, so writes run too. All checks of schemathesis' ``--checks all`` except
the response time: every answer must be no server error and match the document (status code,
content type, headers, body schema), every request the document allows must be accepted and
every request it forbids refused, undeclared methods answer 405, and so on. Bounded: a fixed
number of examples per operation and a deterministic seed, so CI runs the same requests each
time (a few minutes at most).
"""

import datetime as dt
from unittest import mock

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from hypothesis import HealthCheck, settings
from schemathesis import checks

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.demo import leverkusen
from digitalbilanz.registry.tables import tables
from digitalbilanz.services.imports import PERIOD_WORDS
from digitalbilanz.services.models import Service
from digitalbilanz.wsgi import application

EXAMPLES = 10
ORIGINAL_NAME = connection.settings_dict["NAME"]


# `--checks all`, with max_response_time left out on purpose (speed is measured in bench/, never
# asserted in a test).
def positive_data_acceptance(ctx, response, case):
    """A schema-valid request is accepted, unless it breaks a business rule across fields or
    records, which the API names with its own error code ``rule`` (documented under 400)."""
    if response.status_code == 400 and response.json().get("error", {}).get("code") == "rule":
        return None
    return checks.positive_data_acceptance(ctx, response, case)


CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    positive_data_acceptance,
    checks.negative_data_rejection,
    checks.missing_required_header,
    checks.unsupported_method,
    checks.allow_header_conformance,
    checks.use_after_free,
    checks.ensure_resource_availability,
    checks.ignored_auth,
    checks.object_level_authorization,
]
# A schema-valid request may still fail a precondition of the record's state: 412 (the version the
# client names is no longer the stored one) and 428 (PATCH names no version: If-Match or
# lock_version, one of the two — a header-or-body rule). Both are documented on every PATCH.
PRECONDITION_STATUSES = ["412", "428"]

schema = schemathesis.pytest.from_fixture("api_schema")
# The mark (not only the db fixture) makes pytest-django set up the test database for this module.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_key(django_db_setup, django_db_blocker):
    """The demo (without report editions) and a read-write key of its administrator.

    Loaded once for all operations and rolled back after this module.
    """
    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"] != ORIGINAL_NAME, "not the test database"
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with mock.patch.object(leverkusen.editions, "publish_period"):  # no PDFs: not in the API
                town = leverkusen.load()[0]
            admin = get_user_model().objects.get(username="admin")
            _key, secret = ApiKey.issue(town, admin, "fuzz", read_write=True)
            ids = _existing_ids(town, admin)
            ids["ozg_ids"] = list(Service.objects.filter(municipality=town).values_list("ozg_id", flat=True))
            yield secret, ids
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _existing_ids(town, user) -> dict[str, list[int]]:
    levels = levels_for(user, town)
    found = {}
    for table in tables():
        found[table.name] = [table.record(row)[table.primary_key] for row in table.rows(town, levels)]
    return found


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the connection after each request; the test transaction needs it.

    Django's test client does the same (``django.test.client.ClientHandler``).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(demo_key, db, settings):
    """The document as the API serves it, to be called through the WSGI application."""
    settings.DIGITALBILANZ_API_ANON_RATE = 0
    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    positive = loaded.config.checks.positive_data_acceptance
    positive.expected_statuses = [*positive.expected_statuses, *PRECONDITION_STATUSES]
    return loaded


@pytest.fixture
def demo(demo_key):
    secret, ids = demo_key
    return {"Authorization": f"Bearer {secret}"}, ids


def _aim_at_the_demo(case, ids):
    """Most generated slugs and ids name nothing (404); aim them at the demo's records instead.

    A negative id stays as generated, so answers for missing records are still exercised. The
    body of a request generated to break the document is left as it is (aiming could mend it).
    """
    params = case.path_parameters or {}
    if "slug" in params:
        params["slug"] = "leverkusen"
    table = case.path.strip("/").split("/")[1] if case.path.count("/") > 2 else None
    if str(params.get("id", "")).isdigit() and ids.get(table):
        params["id"] = ids[table][int(params["id"]) % len(ids[table])]
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return
    parent = case.body.get("measure") if isinstance(case.body, dict) else None
    if isinstance(parent, int) and not isinstance(parent, bool) and parent >= 0:
        case.body["measure"] = ids["measures"][parent % len(ids["measures"])]
    rows = case.body.get("rows") if isinstance(case.body, dict) else None
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            _aim_row(row, ids["ozg_ids"])


def _aim_row(row, ozg_ids):
    """A batch row names a service of the demo and, for a valid date, the first day of its period
    (the rule across fields that case numbers start a month, quarter or year)."""
    if isinstance(row.get("service"), str) and row["service"]:
        row["service"] = ozg_ids[len(row["service"]) % len(ozg_ids)]
    kind = PERIOD_WORDS.get(str(row.get("period_kind", "")).lower())
    try:
        start = dt.date.fromisoformat(row.get("period_start"))
    except (TypeError, ValueError):
        return
    month = {"month": start.month, "quarter": start.month - (start.month - 1) % 3, "year": 1}.get(kind)
    if month is not None:
        row["period_start"] = start.replace(month=month, day=1).isoformat()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_api_answer_matches_the_openapi_document(case, demo):
    headers, ids = demo
    _aim_at_the_demo(case, ids)
    case.call_and_validate(headers=headers, checks=CHECKS)
