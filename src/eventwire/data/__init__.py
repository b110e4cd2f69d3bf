"""Knowledge shipped with eventwire: lexicons, dictionaries, ontology tables (versioned data).

Files that are built (not committed) live in ``data/built/``, written by the scripts in
``scripts/`` from pinned PyPI packages.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a knowledge file shipped in ``eventwire/data``."""
    return Path(str(resources.files("eventwire") / "data" / name))


def built_path(name: str) -> Path:
    """Path of a built knowledge file (``eventwire/data/built/NAME``)."""
    return data_path("built") / name
