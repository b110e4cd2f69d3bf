#!/usr/bin/env bash
# Install a Java runtime for the Spark engine (pyspark 4 needs Java 17+): Debian's
# default-jre-headless, only when `java` is missing. Idempotent: does nothing when Java is
# already on the PATH.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
    java -version 2>&1 | head -n 1
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java -version 2>&1 | head -n 1
