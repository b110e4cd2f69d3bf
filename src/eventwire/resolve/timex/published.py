"""Infer a publication date from the text alone, or say why it cannot be done.

Evidence, strongest first: the year of the latest full date ("March 3, 1998"); a "since
<year>" anchor plus a span of years ("since 2012" ... "for the first time in four
years" -> 2016); the latest year mentioned. A month-day without a year ("Dec. 15") takes
that year; a weekday named in the story ("said Thursday") then points to the first such
day after the latest named date. Dates in future clauses are not evidence. The clock of
the machine running this is never used.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from eventwire.resolve.timex import calendar as cal
from eventwire.resolve.timex.context import Context
from eventwire.resolve.timex.find import Candidate, candidates
from eventwire.resolve.timex.patterns import default_rules
from eventwire.resolve.timex.words import Lexicon, load_lexicon

SINCE = re.compile(r"(?i)\bsince\s+$")
SPAN_CUE = re.compile(r"(?i)\b(?:in|for|over|past|than)\s+$")
DATE_KINDS = ("iso", "slash", "mdy", "dmy")


def _month_day(c: Candidate, lex: Lexicon) -> tuple[int, int] | None:
    gd = c.match.groupdict()
    if c.kind in ("iso", "slash"):
        return int(gd["m"]), int(gd["d"])
    if c.kind in ("mdy", "dmy"):
        return lex.month_number(gd["mon"]), int(re.sub(r"\D", "", gd["d"]))
    return None


def _full_dates(cands: list[Candidate], lex: Lexicon) -> list[date]:
    out = []
    for c in cands:
        md = _month_day(c, lex)
        y = c.match.groupdict().get("y")
        if md and y and (d := cal.safe_date(int(y), *md)) is not None:
            out.append(d)
    return out


def _since_span_years(cands: list[Candidate], text: str, lex: Lexicon) -> list[int]:
    """``since Y`` plus each "in/for N years" span: the years Y + N."""
    since = [int(c.match["y"]) for c in cands
             if c.kind == "year" and SINCE.search(text, max(0, c.start - 8), c.start)]
    spans = []
    for c in cands:
        if c.kind != "duration" or not c.match.groupdict().get("n"):
            continue
        n = lex.number(c.match["n"])
        unit = lex.units.get((c.match["unit"] or "").lower())
        cue = SPAN_CUE.search(text, max(0, c.start - 12), c.start)
        if n and unit == "year" and cue:
            spans.append(int(n))
    return sorted({y + n for y in since for n in spans})


def _year(cands: list[Candidate], text: str, lex: Lexicon) -> tuple[int | None, str]:
    full = _full_dates(cands, lex)
    if full:
        return max(full).year, f"year of the latest full date ({max(full).isoformat()})"
    years = [int(c.match["y"]) for c in cands if c.kind in ("year", "month_year")]
    combos = [y for y in _since_span_years(cands, text, lex) if y >= max(years, default=0)]
    if combos:
        return combos[0], f"'since' year plus the span of years mentioned gives {combos[0]}"
    if years:
        return max(years), f"latest year mentioned ({max(years)})"
    return None, "no year in the text"


def _weekday(cands: list[Candidate], lex: Lexicon) -> str | None:
    """The weekday named most often on its own ("said Thursday"), first-named on ties."""
    names = [c.match["wd"] for c in cands if c.kind == "weekday" and not c.match["rel"]]
    if not names:
        return None
    counts = Counter(names)
    return max(names, key=lambda n: (counts[n], -names.index(n)))


def infer_published(text: str) -> tuple[date | None, str]:
    """The publication date the text implies, with the reason; None when it does not."""
    lex = load_lexicon()
    cands = candidates(text, default_rules())
    ctx = Context(text=text, published=None, lex=lex)
    past = [c for c in cands if not ctx.is_future(c.start, c.end)]
    y, why = _year(past, text, lex)
    if y is None:
        return None, f"cannot infer: {why}"
    named = [d for c in past if c.kind in DATE_KINDS and (md := _month_day(c, lex))
             and (d := cal.safe_date(int(c.match["y"] or y), *md)) is not None]
    if not named:
        return None, f"cannot infer the day: only the year ({why})"
    latest = max(named)
    wd = _weekday(past, lex)
    if wd is None:
        return latest, f"latest date named ({latest.isoformat()}), {why}; published on or after"
    ahead = (lex.weekdays[wd] - latest.weekday()) % 7 or 7
    pub = latest + timedelta(days=ahead)
    return pub, f"first {wd} after {latest.isoformat()} (latest date named), {why}"
