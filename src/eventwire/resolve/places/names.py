"""Name normalisation shared by the gazetteer builder and the geoparser.

A name is matched in one folded form: accents stripped, case folded, dots and
apostrophes dropped, hyphens and runs of spaces made one space, and the usual
abbreviations spelled out ("St." -> "saint", "Mt." -> "mount", "Ft." -> "fort").
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[.'’`ʻʼ‘]")
_SPACE = re.compile(r"[\s\-‐‑–—/,]+")
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


# Latin letters that Unicode does not decompose into a base letter and an accent
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                          "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i",
                          "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H"})


def strip_accents(text: str) -> str:
    """'Łódź' -> 'Lodz', 'Østfold' -> 'Ostfold', 'Mühlheim' -> 'Muhlheim'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(name: str) -> str:
    """The matching key of a name: 'St. Louis' and 'Saint-Louis' both give 'saint louis'."""
    text = _DROP.sub("", strip_accents(name).casefold())
    words = _SPACE.sub(" ", text).strip().split(" ")
    return " ".join(_ABBREV.get(w, w) for w in words if w)


def is_latin(name: str) -> bool:
    """True when every letter of the name is a Latin letter (after removing accents)."""
    return all(ch.isascii() for ch in strip_accents(name) if ch.isalpha())


def usable_alternate(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not a code ('ALP')."""
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    letters = [ch for ch in name if ch.isalpha()]
    return not all(ch.isupper() for ch in letters)
