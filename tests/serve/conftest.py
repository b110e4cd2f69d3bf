"""Shared fixtures of the serve tests: a database holding the hand-made sample articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store.database import Store

from .sample import sample_docs


def build_db(path: Path) -> Path:
    with Store(path) as store:
        for doc in sample_docs():
            store.add(doc)
    return path


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file with the sample articles (read-only use)."""
    return build_db(tmp_path_factory.mktemp("db") / "sample.duckdb")


@pytest.fixture
def store(sample_db: Path) -> Iterator[Store]:
    with Store(sample_db, read_only=True) as s:
        yield s
