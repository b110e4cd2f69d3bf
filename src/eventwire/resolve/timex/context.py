"""What a resolver knows besides the expression: publication date, tense, discourse.

News dates are relative to the publication date, past by default ("In September" in a
December story is the September just gone); a future marker in the same clause ("will
meet in January") turns them forward. Anaphoric expressions ("a year earlier", "the
quarter", "that year") take the time most recently mentioned before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from eventwire.resolve.timex.calendar import Period
from eventwire.resolve.timex.words import Lexicon

# A clause ends at sentence punctuation followed by space, a semicolon or a blank line.
CLAUSE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|;|\n\s*\n")
# A past-tense verb near the expression outweighs a future marker further away:
# "said Thursday that troops will stay" is a past Thursday.
PAST = re.compile(r"(?i)(?<![\w'’])(?:was|were|had|did|said|says|\w{2,}ed)(?![\w])")
SINCE = re.compile(r"(?i)\bsince\s+$")
WINDOW = 160  # characters searched on each side for a tense marker
REFERENCE_WINDOW = 300  # anaphora looks this far back for the time it refers to


@lru_cache(maxsize=4)
def future_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(markers, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?i)(?<![\w'’])(?:{alt})(?![\w])")


@dataclass(frozen=True)
class Mention:
    """A resolved, dated time expression earlier in the text."""

    start: int
    end: int
    period: Period
    kind: str = ""


@dataclass
class Context:
    text: str
    published: date | None
    lex: Lexicon
    future_hints: bool = True
    history: list[Mention] = field(default_factory=list)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """Bounds of the clause around ``[start, end)``, at most WINDOW chars each side."""
        lo = max(0, start - WINDOW)
        before = [m.end() for m in CLAUSE_END.finditer(self.text, lo, start)]
        left = before[-1] if before else lo
        after = CLAUSE_END.search(self.text, end, min(len(self.text), end + WINDOW))
        right = after.start() if after else min(len(self.text), end + WINDOW)
        return left, right

    def is_future(self, start: int, end: int) -> bool:
        """True when a future marker ("will", "is to") is nearer than any past verb. A bare
        infinitive marker ("to open", "to meet") after a past verb of its clause tells a
        purpose, not a plan ("were shot after two men used a shotgun to open fire on a
        street Saturday night"): it is no future marker there."""
        if not self.future_hints or SINCE.search(self.text, max(0, start - 8), start):
            return False
        left, right = self.clause(start, end)
        pat = future_pattern(self.lex.future_markers)
        purpose = tuple((m.start(), m.end()) for m in pat.finditer(self.text, left, right)
                        if m.group(0)[:3].lower() == "to " and PAST.search(self.text, left, m.start()))
        future = _nearest(pat, self.text, left, right, start, end, purpose)
        if future is None:
            return False
        past = _nearest(PAST, self.text, left, right, start, end, future[1])
        return past is None or future[0] < past[0]

    def is_past(self, start: int, end: int) -> bool:
        """True when the clause has a past verb and no future marker at all, nor a word
        that looks ahead from the past (data/time_words.json ``prospective``: "would be
        held", "effective"): "were charged in the May 31 death" tells a happening, not a
        date ahead."""
        left, right = self.clause(start, end)
        pat = future_pattern(self.lex.future_markers + self.lex.prospective)
        if pat.search(self.text, left, right):
            return False
        return _nearest(PAST, self.text, left, right, start, end, ()) is not None

    def last_of_kind(self, kinds: tuple[str, ...], start: int) -> Period | None:
        """The last time found by one of these rules before ``start``."""
        for m in reversed(self.history):
            if m.end <= start and m.kind in kinds:
                return m.period
        return None

    def reference(self, start: int, window: int = REFERENCE_WINDOW) -> Period | None:
        """The time mentioned last before ``start`` (within ``window`` characters)."""
        for m in reversed(self.history):
            if m.end <= start:
                return m.period if start - m.end <= window else None
        return None

    def last_with(self, precision: str, start: int) -> Period | None:
        """The last time of this precision mentioned before ``start``, anywhere before."""
        for m in reversed(self.history):
            if m.end <= start and m.period.precision == precision:
                return m.period
        return None


def _nearest(
    pat: re.Pattern[str], text: str, left: int, right: int, start: int, end: int,
    skip: tuple[tuple[int, int], ...],
) -> tuple[int, tuple[tuple[int, int], ...]] | None:
    """Distance of the nearest match of ``pat`` in the clause, and all match spans."""
    spans = [(m.start(), m.end()) for m in pat.finditer(text, left, start)]
    spans += [(m.start(), m.end()) for m in pat.finditer(text, end, right)]
    spans = [s for s in spans if not any(a <= s[0] < b for a, b in skip)]
    if not spans:
        return None
    dist = min(start - b if b <= start else a - end for a, b in spans)
    return dist, tuple(spans)
