"""Who is calling: an API key (``Authorization: Bearer <key>``) or an anonymous client.

Anonymous clients are rate limited per client address with a fixed one-minute window in the
Django cache (LocMem by default: the count is per server process; configure a shared cache
such as Redis or the database cache in production to count across processes).
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


def principal(request):
    """The ApiKey of the request or AnonymousUser; a wrong or revoked key is an error."""
    header = request.headers.get("Authorization", "")
    if not header:
        return AnonymousUser()
    scheme, _sep, secret = header.partition(" ")
    key = ApiKey.authenticate(secret.strip()) if scheme.lower() == "bearer" else None
    if key is None or not key.is_active:
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
    key = f"api-rate:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, WINDOW + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, WINDOW + 5)
        count = 1
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
