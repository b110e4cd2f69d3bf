#!/usr/bin/env bash
# Install Debian's Chromium and its WebDriver for the browser test (tests/serve/test_browser.py).
# Idempotent: does nothing when both are already installed.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    echo "chromium and chromedriver already installed"
    exit 0
fi

bash "$(dirname "$0")/apt_install.sh" chromium chromium-driver fonts-dejavu-core
chromium --version
chromedriver --version
