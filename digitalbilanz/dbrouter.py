"""Anonymous reads from PostgreSQL read replicas (``DATABASE_REPLICA_URLS``).

Every replica becomes a database alias ``replica_1``, ``replica_2``, … (``settings.py``). A
router has no request, so ``ReplicaReadMiddleware`` marks the current request in a context
variable: only an anonymous GET/HEAD without an ``Authorization`` header (public portal, open
data, API without key) may read from a replica. Everything else reads and writes the primary
(``default``): logged-in users read their own writes, API clients with a key as well. Once an
anonymous request sends any statement to the primary (a write, such as the portal settings
stored on a first visit), it reads the primary for the rest of the request. Migrations run on the
primary only; the replicas receive them through streaming replication.

Without replicas nothing changes: ``db_for_read`` answers ``None`` and Django uses ``default``.
A replica may lag a little behind the primary. The public response cache stays consistent: a
page is keyed by the municipality's data version read from the same replica, and the version is
raised only after the changed data has committed, so a replica that shows the new version also
holds the new data (``core/cache.py``).
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

REPLICA_PREFIX = "replica_"
SAFE_READ_METHODS = {"GET", "HEAD"}

_replica_reads: ContextVar[bool] = ContextVar("digitalbilanz_replica_reads", default=False)


def replica_aliases() -> list[str]:
    """The configured replica aliases, in order (empty without ``DATABASE_REPLICA_URLS``)."""
    return [alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX)]


def may_read_from_replica() -> bool:
    return _replica_reads.get()


def replica_reads(allowed: bool):
    """Set whether reads of the current context may go to a replica; returns the reset token."""
    return _replica_reads.set(allowed)


def request_may_use_replica(request) -> bool:
    """Anonymous GET/HEAD without an API key; reading ``request.user`` loads the session from
    the primary, before any read is routed."""
    if request.method not in SAFE_READ_METHODS or request.headers.get("Authorization"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class ReplicaRouter:
    """Reads of anonymous requests go to a replica chosen at random; all else to ``default``."""

    def db_for_read(self, model, **hints):
        if not may_read_from_replica():
            return None
        aliases = replica_aliases()
        return random.choice(aliases) if aliases else None

    def db_for_write(self, model, **hints):
        # Django also asks this when it merely builds an object; only a statement that reaches
        # the primary ends replica reads (ReplicaReadMiddleware).
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


# Statements on the primary that change no data: transaction control (the request's own
# transaction, savepoints) and reads sent there explicitly.
NOT_WRITING = {"SELECT", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT", "SET", "SHOW"}


def _primary_used(execute, sql, params, many, context):
    """A writing statement on the primary ends replica reads: read-your-writes for the rest of
    the request."""
    words = str(sql).lstrip().split(None, 1)
    if not words or words[0].upper() not in NOT_WRITING:
        replica_reads(False)
    return execute(sql, params, many, context)


class ReplicaReadMiddleware:
    """Marks an anonymous GET/HEAD as allowed to read from a replica (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases() or not request_may_use_replica(request):
            return self.get_response(request)
        replica_reads(True)
        try:
            with connections["default"].execute_wrapper(_primary_used):
                return self.get_response(request)
        finally:
            # A server thread handles many requests: never let the mark outlive this one.
            replica_reads(False)
