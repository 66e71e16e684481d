"""Models that exist only in the test suite: a sample module that plugs into the contracts
(a source of derived lines, bulk rows written through an import run). Installed by
``settings_test`` only; it has no migrations (the test database creates its tables directly)."""
