"""``find_times``: every time expression of a text, resolved against the publication date.

Steps: every rule's matches are collected; the longest win where they overlap; each is
resolved in text order (so anaphora sees what came before); "since X" becomes an
interval ending at publication and "between X and Y" one interval; durations are listed
without dates. Words that only look like dates ("may" the verb) are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from eventwire.model.records import Time
from eventwire.resolve.timex.calendar import Period, precision_for_length
from eventwire.resolve.timex.context import Context, Mention
from eventwire.resolve.timex.patterns import Rule, default_rules
from eventwire.resolve.timex.result import Unresolved
from eventwire.resolve.timex.words import Lexicon, load_lexicon

DURATION_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE",
                 "century": "CE", "quarter": "Q", "hour": "H", "minute": "MIN",
                 "weekend": "WE"}
SINCE = re.compile(r"(?i)\bsince\s+$")
RANGE_OPEN = re.compile(r"(?i)\b(?:between|from)\s+$")
RANGE_GAP = re.compile(r"(?i)\s*(?:-|–|to|through|until|till|and)\s*")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rank: int
    rule: Rule
    match: re.Match[str]

    @property
    def kind(self) -> str:
        return self.rule.kind


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "x" in m.re.groupindex and m.group("x") is not None:
        return m.start("x"), m.end("x")
    return m.start(), m.end()


NOT_WORDS = re.compile(r"\S{200,}")  # no time expression holds a 'word' this long


def _pieces(text: str) -> list[tuple[int, int]]:
    """The text between runs of 200 or more non-space characters (a URL, a base64 blob,
    a 5 MB line without a space): every rule's search skips them, where each position would
    cost the dozens of rules a try."""
    out, at = [], 0
    for m in NOT_WORDS.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    return out


def candidates(text: str, rules: tuple[Rule, ...]) -> list[Candidate]:
    """Matches of all rules, the longest kept where they overlap (ties: rule order). A
    rule whose cue a piece lacks is not tried there (rules share cues: each is looked
    for once)."""
    found: list[Candidate] = []
    for start, end in _pieces(text):
        cued: dict[re.Pattern[str], bool] = {}
        for rank, rule in enumerate(rules):
            if rule.cue not in cued:
                cued[rule.cue] = rule.cue.search(text, start, end) is not None
            if cued[rule.cue]:
                found.extend(Candidate(*_span(m), rank, rule, m) for m in rule.pattern.finditer(text, start, end))
    found.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[Candidate] = []  # kept in text order, never overlapping
    starts: list[int] = []
    for c in found:
        i = bisect_right(starts, c.start)  # a neighbour's check, not a walk over all taken
        if (i and taken[i - 1].end > c.start) or (i < len(taken) and taken[i].start < c.end):
            continue
        taken.insert(i, c)
        starts.insert(i, c.start)
    return taken


def _duration(c: Candidate, text: str, lex: Lexicon) -> Time:
    gd = c.match.groupdict()
    n = lex.number(gd["n"]) if gd.get("n") else None
    unit = lex.units.get(gd["unit"].lower(), "")
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    value = f"P{amount}{DURATION_CODE.get(unit, 'X')}"
    return Time(text=text[c.start : c.end], start=c.start, end=c.end, value=value,
                reason="duration")


def _time(text: str, start: int, end: int, p: Period, reason: str) -> Time:
    return Time(text=text[start:end], start=start, end=end, start_date=p.start,
                end_date=p.end, precision=p.precision, value=p.value, reason=reason)


def _since(t: Time, text: str, published: date | None) -> Time:
    """"since Dec. 15": from that date to publication."""
    m = SINCE.search(text, max(0, t.start - 8), t.start)
    if m is None or t.start_date is None:
        return t
    end = published if published and published >= t.start_date else None
    prec = precision_for_length(t.start_date, end) if end else None
    return Time(text=text[m.start() : t.end], start=m.start(), end=t.end,
                start_date=t.start_date, end_date=end, precision=prec, value=t.value,
                reason="since" if end else "since; no publication date")


def resolve_one(c: Candidate, ctx: Context) -> Time | None:
    text = ctx.text
    if c.rule.resolve is None:
        return _duration(c, text, ctx.lex)
    out = c.rule.resolve(c.match, ctx)
    if isinstance(out, Unresolved):
        if out.dropped:
            return None
        return Time(text=text[c.start : c.end], start=c.start, end=c.end, reason=out.value)
    ctx.history.append(Mention(c.start, c.end, out, c.kind))
    return _since(_time(text, c.start, c.end, out, c.kind), text, ctx.published)


def _is_range(a: Time, b: Time, text: str) -> bool:
    """"between 1994 and 1997", "from Aug. 26 to Oct. 20", "June-August"."""
    if a.start_date is None or b.end_date is None or a.reason == "since":
        return False
    gap = text[a.end : b.start]
    if not RANGE_GAP.fullmatch(gap) or b.end_date < a.start_date:
        return False
    opener = RANGE_OPEN.search(text, max(0, a.start - 9), a.start)
    return opener is not None or gap.strip() in ("-", "–", "to", "through")


def _with_interval(t: Time, start: date, end: date) -> Time:
    return t.model_copy(update={"start_date": start, "end_date": end, "reason": "range",
                                "precision": precision_for_length(start, end)})


def link_ranges(times: list[Time], text: str) -> list[Time]:
    """Both ends of a range keep their words and value and carry the whole interval.

    TimeML marks "between June and August" as two expressions; an event dated by it
    needs one interval, so each end gets it (``event_time`` picks either).
    """
    out = list(times)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _is_range(a, b, text):
            assert a.start_date is not None and b.end_date is not None
            out[i] = _with_interval(a, a.start_date, b.end_date)
            out[i + 1] = _with_interval(b, a.start_date, b.end_date)
    return out


def find_times(text: str, published: date | None, *, future_hints: bool = True) -> list[Time]:
    """Every time expression in ``text``, sorted by start, non-overlapping.

    Relative expressions resolve against ``published``; without it they come back with
    ``start_date`` None and reason "no publication date". Durations ("four years") are
    listed with precision None and reason "duration".
    """
    ctx = Context(text=text, published=published, lex=load_lexicon(), future_hints=future_hints)
    times = [t for c in candidates(text, default_rules()) if (t := resolve_one(c, ctx))]
    return link_ranges(times, text)
