"""``/healthz``: is this server process able to answer? For load balancers, monitoring, systemd.

Checks the two things every page needs — the database (a trivial query) and the cache (write,
read and delete a short-lived key) — and answers 200 ``{"status": "ok", "database": "ok",
"cache": "ok"}`` or 503 with ``"error"`` for the part that failed. The answer is for machines:
English keys, no page layout, no session, no login, never cached. The reason of a failure goes
to the log, not into the answer (it may name hosts or users).
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)
PROBE_SECONDS = 10


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("health check: database unreachable")
        return False


def cache_ok() -> bool:
    # A key of its own per probe: concurrent checks of several workers never see each other's.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    try:
        cache.set(key, value, PROBE_SECONDS)
        found = cache.get(key)
        cache.delete(key)
        return found == value
    except Exception:
        logger.exception("health check: cache unreachable")
        return False


@transaction.non_atomic_requests  # ATOMIC_REQUESTS would need the database before we check it
@never_cache
@require_safe
def healthz(request):
    parts = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(parts.values())
    body = {"status": "ok" if healthy else "error"}
    body.update({name: "ok" if ok else "error" for name, ok in parts.items()})
    return JsonResponse(body, status=200 if healthy else 503)
