"""Shared fixtures: the spaCy pipeline and the full eventwire pipeline, built once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
GOLD = Path(os.environ.get("EVENTWIRE_GOLD", SHARED / "gold"))
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.exists():
        pytest.skip(f"gold data not found at {GOLD}")
    return GOLD
