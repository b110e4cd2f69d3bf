"""Is this English? Refuse only text that is confidently another language.

News input is mostly English prose, but also headlines, short sentences, lists of names
or headlines, tables of figures and bulleted lists, which carry few function words and
fool a stop-word count. The decision, in order:

1. **Script.** When most letters are of a script other than Latin (Arabic, Cyrillic,
   Greek, CJK, ...), the text is not English, however short.
2. **Ordinary words.** Words that start with a capital (names, Title Case headlines) and
   figures say little about the language, so only the other words are read. Fewer than
   ``MIN_WORDS`` of them: English (the benefit of the doubt: a headline, a list of names,
   a table).
3. **English prose** (a share of spaCy's English stop words of at least
   ``PROSE_STOP_SHARE``) is English without further ado.
4. **Otherwise a language identifier** (py3langid, a naive Bayes model over byte n-grams
   of 97 languages that ships inside its wheel, with calibrated probabilities) reads the
   ordinary words: the text is refused only when it names another language with a
   probability of at least ``MIN_CONFIDENCE`` and English below ``MAX_ENGLISH``.
"""

from __future__ import annotations

import importlib.util
import re
import runpy
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier



def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module file without importing the
    ``spacy`` package (seconds of start-up that a re-ingest, which parses nothing, spares)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:  # pragma: no cover - spaCy is a dependency
        raise ImportError("spacy is not installed")
    words = runpy.run_path(str(Path(spec.origin).parent / "lang" / "en" / "stop_words.py"))
    return frozenset(words["STOP_WORDS"])


STOP_WORDS = _stop_words()

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MAX_CHARS = 20000
MIN_WORDS = 6  # ordinary (not capitalised) words needed to judge the language
PROSE_STOP_SHARE = 0.3  # English news prose runs at 0.35-0.5; French, Spanish, German < 0.1
MIN_CONFIDENCE = 0.9
MAX_ENGLISH = 0.05
FOREIGN_SCRIPT_SHARE = 0.5


def looks_english(text: str) -> bool:
    """True unless ``text`` is confidently in another language (see the module doc)."""
    text = text[:MAX_CHARS]
    if foreign_script(text):
        return False
    ordinary = [w.lower() for w in _WORD.findall(text) if not w[0].isupper()]
    if len(ordinary) < MIN_WORDS:
        return True
    if sum(w in STOP_WORDS for w in ordinary) / len(ordinary) >= PROSE_STOP_SHARE:
        return True
    ranked = dict(_identifier().rank(" ".join(ordinary)))
    best = max(ranked, key=lambda lang: ranked[lang])
    return best == "en" or ranked[best] < MIN_CONFIDENCE or ranked.get("en", 0.0) >= MAX_ENGLISH


def foreign_script(text: str) -> bool:
    """Most letters are of a script other than Latin."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return (len(letters) - latin) / len(letters) > FOREIGN_SCRIPT_SHARE


@cache
def _identifier() -> LanguageIdentifier:
    """The identifier, read from the wheel once per process, on first need (about 3 s).
    A cached loader rather than a model passed in: ``looks_english`` is called by every
    reader, and most English prose never needs the model (rule 3)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
