"""Is this English? A stop-word ratio over spaCy's English stop-word list."""

from __future__ import annotations

import importlib.util
import re
import runpy
from pathlib import Path


def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module file without importing the
    ``spacy`` package (seconds of start-up that a re-ingest, which parses nothing, spares)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:  # pragma: no cover - spaCy is a dependency
        raise ImportError("spacy is not installed")
    words = runpy.run_path(str(Path(spec.origin).parent / "lang" / "en" / "stop_words.py"))
    return frozenset(words["STOP_WORDS"])


STOP_WORDS = _stop_words()

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 8
MIN_RATIO = 0.15  # English news prose runs at 0.35-0.5; other Latin-script languages < 0.1


def looks_english(text: str) -> bool:
    """True for English prose; short texts get the benefit of the doubt."""
    words = _WORD.findall(text[:20000].lower())
    if len(words) < MIN_WORDS:
        return bool(words) and any(w in STOP_WORDS for w in words) or len(words) < 3
    ratio = sum(w in STOP_WORDS for w in words) / len(words)
    return ratio >= MIN_RATIO
