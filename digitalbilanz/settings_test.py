"""Settings for the test suite: the production settings plus a throwaway key and a fast hasher."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-a-secret")

from digitalbilanz.settings import *  # noqa: E402,F403

INSTALLED_APPS = [*INSTALLED_APPS, "digitalbilanz.testing_app"]  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DIGITALBILANZ_MC_DRAWS = 500
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 - quiets WhiteNoise's missing-dir warning
# Login lockout is off in the suite (the test client's login() passes no request, which axes
# requires); the lockout tests switch it on (core/tests/test_login_throttling.py).
AXES_ENABLED = False
