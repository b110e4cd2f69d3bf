"""Name normalisation shared by the gazetteer builder and the geoparser.

A name is matched in one folded form: accents stripped, case folded, dots and
apostrophes dropped, hyphens and runs of spaces made one space, and the usual
abbreviations spelled out ("St." -> "saint", "Mt." -> "mount", "Ft." -> "fort").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


@lru_cache(maxsize=1 << 16)  # a pure function of the name, asked for the same names over and over
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


# Transliteration-aware matching. Arabic, Persian, Pashto, Russian/Ukrainian and African
# place names reach English news in many romanisations ('Khan Sheikhoun', GeoNames'
# 'Khān Shaykhūn'; 'Maarat al-Numan', 'Ma‘arrat an Nu‘mān'). ``translit_key`` writes a
# folded name in one spelling: articles ('al-', 'el-', 'an-', ...) dropped, the usual
# digraph variants made one (kh/h, sh/sch, q/k, ou/u, dh/d, gh/g, ph/f, ck/k, j/dj/dzh,
# y/i/j, ts/tz), doubled letters single. ``skeleton`` keeps its consonants, the bucket in
# which candidates are sought; they are then scored by edit distance on the keys.
ARTICLES = frozenset({"al", "el", "il", "ul", "an", "ad", "ar", "as", "ash", "at", "az", "ath", "ed", "es", "et",
                      "ez", "er", "en", "adh", "ud", "ur", "us", "ut", "ush", "uz"})
_DIGRAPHS = (("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
             ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("ou", "u"),
             ("oo", "u"), ("ee", "i"), ("ey", "e"), ("ay", "e"), ("ei", "e"), ("ai", "e"), ("ie", "i"),
             ("aw", "o"), ("au", "o"), ("w", "v"), ("y", "i"),
             ("tz", "ts"), ("x", "ks"))
_VOWELS = frozenset("aeiou")


def translit_key(name: str) -> str:
    """'Maarat al-Numan' and 'Ma‘arrat an Nu‘mān' -> 'maratnuman'."""
    words = [w for w in fold(name).replace("ʿ", "").replace("‘", "").split(" ") if w]
    if len(words) > 1:
        words = [w for w in words if w not in ARTICLES] or words
    words = [w[3:] if w.startswith(("al", "el")) and len(w) > 5 and w[2] == w[3] and w[2] not in _VOWELS
             else w for w in words]  # 'Ash-Shaddadi' folded 'ashshaddadi' is handled by the split above
    text = "".join(words)
    for a, b in _DIGRAPHS:
        text = text.replace(a, b)
    out: list[str] = []
    for ch in text:
        if ch.isalnum() and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def skeleton(key: str) -> str:
    """The consonants of a ``translit_key``: 'maratnuman' -> 'mrtnmn'."""
    return "".join(ch for ch in key if ch not in _VOWELS)


def similarity(a: str, b: str) -> float:
    """1 - Levenshtein distance / the longer length, of two keys."""
    if a == b:
        return 1.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b), 1)
