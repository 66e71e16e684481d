"""Who is calling: an API key (``Authorization: Bearer <key>``) or an anonymous client.

Anonymous clients are rate limited per client address with a fixed one-minute window in the
Django cache (LocMem by default: the count is per server process; configure a shared cache
such as Redis or the database cache in production to count across processes).

Wrong keys are counted per client address in the same way: after
``DIGITALBILANZ_API_KEY_FAILURES`` wrong keys within a quarter of an hour, every request of that
address with a key is refused with 429 until the quarter is over, so keys cannot be guessed.
"""

import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.api.errors import ApiError
from digitalbilanz.api.models import ApiKey

WINDOW = 60
KEY_FAILURE_WINDOW = 15 * 60


def principal(request):
    """The ApiKey of the request or AnonymousUser; a wrong or revoked key is an error."""
    header = request.headers.get("Authorization", "")
    if not header:
        return AnonymousUser()
    _check_key_failures(request)
    scheme, _sep, secret = header.partition(" ")
    key = ApiKey.authenticate(secret.strip()) if scheme.lower() == "bearer" else None
    if key is None or not key.is_active:
        _count(_key_failure_key(request), KEY_FAILURE_WINDOW)
        raise ApiError(401, "invalid_key", _("Der API-Schlüssel ist ungültig oder widerrufen."))
    if key.last_used_at is None or (timezone.now() - key.last_used_at).total_seconds() > 300:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


def check_rate(request) -> dict:
    """Count an anonymous request; raises 429 beyond the limit. Returns the rate headers."""
    limit = settings.DIGITALBILANZ_API_ANON_RATE
    if not limit:
        return {}
    window = int(time.time() // WINDOW)
    count = _count(f"api-rate:{request.META.get('REMOTE_ADDR', '')}:{window}", WINDOW)
    retry = WINDOW - int(time.time()) % WINDOW
    headers = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(max(limit - count, 0))}
    if count > limit:
        headers["Retry-After"] = str(retry)
        raise ApiError(
            429,
            "rate_limited",
            _("Zu viele Anfragen ohne API-Schlüssel. Bitte in %(s)s Sekunden erneut versuchen.")
            % {"s": retry},
            headers=headers,
        )
    return headers


def _key_failure_key(request) -> str:
    window = int(time.time() // KEY_FAILURE_WINDOW)
    return f"api-keyfail:{request.META.get('REMOTE_ADDR', '')}:{window}"


def _check_key_failures(request) -> None:
    """Refuse every key of an address that sent too many wrong keys in this quarter hour."""
    limit = settings.DIGITALBILANZ_API_KEY_FAILURES
    if not limit or (cache.get(_key_failure_key(request)) or 0) < limit:
        return
    retry = KEY_FAILURE_WINDOW - int(time.time()) % KEY_FAILURE_WINDOW
    raise ApiError(
        429,
        "too_many_invalid_keys",
        _(
            "Zu viele ungültige API-Schlüssel von dieser Adresse. "
            "Bitte in %(minutes)s Minuten erneut versuchen."
        )
        % {"minutes": (retry + 59) // 60},
        headers={"Retry-After": str(retry)},
    )


def _count(key: str, window: int) -> int:
    """Add one to a counter in the cache that lives for one window; returns the new count."""
    cache.add(key, 0, window + 5)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, window + 5)
        return 1
