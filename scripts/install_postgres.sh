#!/usr/bin/env bash
# Install PostgreSQL for the PostgreSQL backend's tests (they start a throw-away server
# with initdb on a free port): Debian's postgresql package, only when its binaries are
# missing. Idempotent: does nothing when they are there. The tests look in
# /usr/lib/postgresql/15/bin (EVENTWIRE_PG_BIN to use another folder).
set -euo pipefail

PG_BIN=${EVENTWIRE_PG_BIN:-/usr/lib/postgresql/15/bin}
if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    "$PG_BIN/postgres" --version
    exit 0
fi

bash "$(dirname "$0")/apt_install.sh" postgresql
"$PG_BIN/postgres" --version
