#!/usr/bin/env bash
# Run the whole test suite on a fresh clone: install, set up the browser, run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f scripts/install_browser.sh ]; then
  bash scripts/install_browser.sh
fi
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/mypy src/eventwire
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
