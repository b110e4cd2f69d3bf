#!/usr/bin/env bash
# Install a Java runtime for the Spark engine (pyspark 4 needs Java 17+): Debian's
# default-jre-headless, only when `java` is missing. Idempotent: does nothing when Java is
# already on the PATH.
set -euo pipefail

if command -v java >/dev/null 2>&1; then
    java -version 2>&1 | head -n 1
    exit 0
fi

bash "$(dirname "$0")/apt_install.sh" default-jre-headless
java -version 2>&1 | head -n 1
