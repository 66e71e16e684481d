#!/bin/sh
# Container entry point: prepare the database and static files, then run the given command.
# `digitalbilanz setup` is idempotent (migrate + collectstatic); skip it with
# DIGITALBILANZ_SKIP_SETUP=true when it runs as a separate step.
set -eu
if [ "${DIGITALBILANZ_SKIP_SETUP:-false}" != "true" ] && [ "${1:-}" = "gunicorn" ]; then
    digitalbilanz setup
fi
exec "$@"
