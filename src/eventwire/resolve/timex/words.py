"""The word lists of ``eventwire/data/time_words.json`` as a typed, read-only lexicon."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from eventwire.errors import SetupError

DATA_FILE = "time_words.json"


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_cues: frozenset[str]
    weekdays: dict[str, int]
    day_parts: tuple[str, ...]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    seasons: dict[str, tuple[str, int, int]]
    units: dict[str, str]
    future_markers: tuple[str, ...]
    report_verbs: frozenset[str] = frozenset()
    prospective: tuple[str, ...] = ()
    holidays: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def holiday(self, name: str) -> tuple[int, ...] | None:
        """The rule of a named day ("New Year’s Eve" -> (12, 31)), any apostrophe."""
        return self.holidays.get(" ".join(name.replace("’", "'").split()))

    def number(self, word: str) -> int | None:
        """``"four"`` -> 4, ``"12"`` -> 12, ``"twenty-five"`` -> 25; None if not a number."""
        w = word.lower().strip()
        if w.isdigit():
            return int(w)
        if w in self.numbers:
            return self.numbers[w]
        parts = w.replace("-", " ").split()
        if len(parts) == 2 and all(p in self.numbers for p in parts):
            return self.numbers[parts[0]] + self.numbers[parts[1]]
        return None

    def month_number(self, word: str) -> int:
        return self.months.get(word) or self.months[word.rstrip(".")]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon once (a small, immutable data file)."""
    path = resources.files("eventwire") / "data" / DATA_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        msg = f"{path}: cannot read the time word list ({e}); reinstall eventwire"
        raise SetupError(msg) from e
    return Lexicon(
        months=dict(raw["months"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        month_cues=frozenset(raw["month_cues"]),
        weekdays=dict(raw["weekdays"]),
        day_parts=tuple(raw["day_parts"]),
        numbers=dict(raw["numbers"]),
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=dict(raw["ordinals"]),
        seasons={k: (v[0], int(v[1]), int(v[2])) for k, v in raw["seasons"].items()},
        units=dict(raw["units"]),
        future_markers=tuple(raw["future_markers"]),
        report_verbs=frozenset(raw.get("report_verbs", ())),
        prospective=tuple(raw.get("prospective", ())),
        holidays={k: tuple(int(x) for x in v) for k, v in raw.get("holidays", {}).items()},
    )
