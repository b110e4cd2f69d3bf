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

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
"$PG_BIN/postgres" --version
