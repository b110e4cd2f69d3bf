"""Shared fixtures of the serve tests: a database holding the hand-made sample articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store.database import Store

from .sample import sample_docs

# the seed article in ../shared beside the repository (as CI has it)
SEED_FILE = (Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed"
             / "000_8057f10ad668c9f6.txt")


def build_db(path: Path | str, seed: bool = False) -> Path | str:
    """A database with the hand-made samples, and the seed through the real pipeline."""
    with Store(path) as store:
        for doc in sample_docs():
            store.add(doc)
        if seed:
            from eventwire.pipeline import Pipeline

            text = SEED_FILE.read_text(encoding="utf-8")
            store.add(Pipeline.load().process_text(text, path=str(SEED_FILE)))
    return path


@pytest.fixture(scope="session", params=["duckdb", "postgresql"])
def sample_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path | str:
    """A database with the sample articles (read-only use), on each backend: a DuckDB
    file, a PostgreSQL database."""
    if request.param == "postgresql":
        return build_db(request.getfixturevalue("postgres").new_database())
    return build_db(tmp_path_factory.mktemp("db") / "sample.duckdb")


@pytest.fixture
def store(sample_db: Path | str) -> Iterator[Store]:
    with Store(sample_db, read_only=True) as s:
        yield s
