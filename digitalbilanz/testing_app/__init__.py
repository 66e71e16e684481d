"""Models that exist only in the test suite: a sample module that plugs into the contracts
(a source of derived lines, bulk rows written through an import run). Installed by
``settings_test`` only, so production databases never get its tables."""
