"""Typed helpers that read settings from the environment and fail loudly on bad values."""

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def parse_proxy_ssl_header(raw: str | None) -> tuple[str, str] | None:
    """SECURE_PROXY_SSL_HEADER: a header name such as ``X-Forwarded-Proto`` whose value is ``https``
    on requests the proxy received over TLS; empty means Django trusts no proxy header."""
    if not raw or not raw.strip():
        return None
    name = raw.strip()
    if not all(c.isalnum() or c == "-" for c in name):
        raise ImproperlyConfigured(f"SECURE_PROXY_SSL_HEADER must be a header name, got {raw!r}")
    return "HTTP_" + name.upper().replace("-", "_"), "https"


def secret_key_file(path: Path) -> str:
    """The key stored in ``path``; a random one is written there on first use.

    The new key is written to a temporary file and hard-linked into place, so two processes
    starting at once end up with the same key and never read a half-written file.
    """
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as handle:  # mkstemp creates it readable by the owner only
                handle.write(secrets.token_urlsafe(50) + "\n")
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process was first; use its key
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"{path} is empty; delete it to get a new key or set SECRET_KEY")
    return key


def parse_cache_url(url: str | None, var_dir) -> dict:
    """CACHE_URL: locmem:// | file:///path | db://table | redis://host:port/db (needs redis-py).

    Default: files below var/cache, shared by all server processes of one machine.
    """
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(var_dir / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    parsed = urlparse(url)
    if parsed.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if parsed.scheme == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": unquote(parsed.path),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    if parsed.scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": parsed.netloc or "digitalbilanz_cache",
        }
    if parsed.scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ImproperlyConfigured(f"CACHE_URL has an unsupported scheme: {parsed.scheme!r}")


def parse_database_url(url: str) -> dict:
    """Turn postgres://user:pass@host:port/name or sqlite:///path into Django's DATABASES entry."""
    parsed = urlparse(url)
    if parsed.scheme in ("sqlite", "sqlite3"):
        path = unquote(parsed.path)
        # sqlite:////abs/path -> /abs/path ; sqlite:///rel/path -> rel/path
        name = path[1:]
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name or ":memory:"}
    if parsed.scheme in ("postgres", "postgresql", "pgsql"):
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        config = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
        if options:
            config["OPTIONS"] = options
        return config
    raise ImproperlyConfigured(f"DATABASE_URL has an unsupported scheme: {parsed.scheme!r}")


def parse_replica_urls(urls: list[str], primary: dict) -> dict:
    """DATABASE_REPLICA_URLS: PostgreSQL read replicas of the primary as aliases ``replica_1``, ….

    Replicas only make sense next to a PostgreSQL primary. Their connections are read-only
    (``default_transaction_read_only``), never wrapped in request transactions, and in the test
    suite they mirror the primary's test database.
    """
    if not urls:
        return {}
    if primary.get("ENGINE") != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL")
    replicas = {}
    for number, url in enumerate(urls, start=1):
        config = parse_database_url(url)
        if config["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS entry {number} is not a PostgreSQL URL")
        options = dict(config.get("OPTIONS", {}))
        read_only = "-c default_transaction_read_only=on"
        options["options"] = f"{options['options']} {read_only}" if options.get("options") else read_only
        config["OPTIONS"] = options
        config["ATOMIC_REQUESTS"] = False
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{number}"] = config
    return replicas
