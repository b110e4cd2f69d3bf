#!/usr/bin/env bash
# Install Debian packages non-interactively, as root or through sudo: the one apt-get step
# that scripts/install_java.sh, install_postgres.sh and install_browser.sh share.
# Usage: bash scripts/apt_install.sh PACKAGE...
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
