"""The time-expression rules: each one a pattern that finds an expression, paired with the
resolver that dates it, and a cue that every match holds.

Patterns are built from the lexicon (data/time_words.json). Month and weekday names are
matched capitalised only; other words in any case. A rule may mark the expression's own
words with a group ``x`` when the pattern needs a word around them ("for the year":
the expression is "the year"). A rule's ``cue`` is a plain search for words its every
match contains ("quarter", a month name): a text without them skips the rule's costlier
pattern (``find.candidates``); ``tests/resolve/test_timex_rules.py`` checks that each cue
is found in each match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.resolve.timex import absolute as ab
from eventwire.resolve.timex import relative as rel
from eventwire.resolve.timex.holidays import resolve_holiday
from eventwire.resolve.timex.result import Resolver
from eventwire.resolve.timex.words import Lexicon, load_lexicon


@dataclass(frozen=True)
class Rule:
    """``kind``: the rule's name, kept as the ``reason`` of what it dates; ``resolve``:
    the resolver, None for a duration (listed without dates); ``cue``: words every match
    holds (see the module's doc)."""

    kind: str
    resolve: Resolver | None
    pattern: re.Pattern[str]
    cue: re.Pattern[str]


def _rule(kind: str, resolve: Resolver | None, pattern: str, cue: str) -> Rule:
    return Rule(kind, resolve, re.compile(pattern), re.compile(cue))


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    """An alternation, longest first, each word escaped; whitespace matches any run."""
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)]
    return "(?:" + "|".join(escaped) + ")"


def _months(lex: Lexicon) -> str:
    dotted = [m for m in lex.months if m.endswith(".")]
    plain = [m for m in lex.months if not m.endswith(".")]
    return f"(?:{_alt(dotted)}|{_alt(plain)}(?![\\w-]))" if dotted else f"{_alt(plain)}(?![\\w-])"


def _number(lex: Lexicon) -> str:
    tens = [w for w, n in lex.numbers.items() if n % 10 == 0 and 20 <= n <= 90]
    units = [w for w, n in lex.numbers.items() if 1 <= n <= 9 and w not in ("a", "an")]
    compound = f"{_alt(tens)}[-\\s]{_alt(units)}"
    return f"(?i:{compound}|{_alt(list(lex.numbers))}|\\d+(?:\\.\\d+)?)"


# a street number ("in the 1600 block of", "at 2014 Oak Street") is no year
STREET = (r"(?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|"
          r"Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy|Terrace|Circle|"
          r"Trail|Pike)\b")
YEAR = (r"(?<![\d,.$£€#/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)"
        rf"(?![\d%]|,\d|\.\d|\s*(?:percent|per\s+cent)\b|\s+(?i:block)\b|\s+{STREET})")
DAYNUM = r"(?<![\d,.$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[,:.]\d)"
MODS = r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
REL_YEAR = r"(?i:this\s+year|last\s+year|next\s+year|the\s+year)"


DEICTIC = (r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|"
           r"tomorrow|last\s+night|overnight|this\s+morning|this\s+afternoon|this\s+evening")
AGO = r"ago|earlier|later|from\s+now|hence|previously"
UNITS = r"week|weekend|month|year|quarter|decade|century"


@dataclass(frozen=True)
class _Words:
    """The lexicon's word lists as pattern pieces."""

    mon: str
    wd: str
    part: str
    num: str
    vague: str
    units: str
    ords: str
    seasons: str
    day_range: str

    @classmethod
    def of(cls, lex: Lexicon) -> _Words:
        return cls(mon=_months(lex), wd=_alt(list(lex.weekdays)) + r"(?![\w-])",
                   part="(?i:" + _alt(lex.day_parts) + ")", num=_number(lex),
                   vague="(?i:" + _alt(lex.vague_numbers) + ")",
                   units="(?i:" + _alt(list(lex.units)) + r")(?![\w])",
                   ords="(?i:" + _alt(list(lex.ordinals)) + ")",
                   seasons="(?i:" + _alt(list(lex.seasons)) + ")",
                   day_range=rf"(?P<d>{DAYNUM})(?:\s*[-–]\s*(?P<d2>{DAYNUM}))?")


def build_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """All rules, in priority order (which breaks ties of equal length)."""
    w = _Words.of(lex)
    return (*_dates(w), *_holidays(lex), *_relative(w), *_spans(w))


def _holidays(lex: Lexicon) -> list[Rule]:
    """Named days ("New Year's Eve", "last Thanksgiving"), any apostrophe."""
    if not lex.holidays:
        return []
    names = _alt(list(lex.holidays)).replace("'", "['’]")
    return [_rule("holiday", resolve_holiday,
                  rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<h>{names})(?![\w'’-])", names)]


def _dates(w: _Words) -> list[Rule]:
    """Expressions that name their calendar unit: dates, months."""
    mon, wd, day_range = w.mon, w.wd, w.day_range
    return [
        _rule("iso", ab.resolve_iso, r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])",
              r"\d-\d\d-\d"),
        _rule("slash", ab.resolve_iso, r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\d/])",
              r"\d/\d\d\d\d"),
        _rule("mdy", ab.resolve_month_day,
              rf"(?:(?P<wd>{wd}),?\s+)?(?:(?P<rel>(?i:last|this|next))\s+)?"
              rf"(?P<mon>{mon})\s+{day_range}(?:,?\s+(?P<y>{YEAR}))?", mon),
        _rule("dmy", ab.resolve_month_day,
              rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{day_range}\s+(?:of\s+)?(?P<mon>{mon})"
              rf"(?:,?\s+(?P<y>{YEAR}))?", mon),
        _rule("month_year", ab.resolve_month_year,
              rf"(?:(?P<mod>{MODS})[\s-]+)?(?P<mon>{mon})(?:\s+of)?,?\s+(?P<y>{YEAR})", mon),
        _rule("month_rel_year", ab.resolve_month_rel_year,
              rf"(?P<mon>{mon}),?\s+(?:of\s+)?(?P<rely>{REL_YEAR})(?![\w'’])", mon),
        _rule("month", ab.resolve_month,
              rf"(?:(?P<mod>{MODS})[\s-]+)?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?"
              rf"(?P<mon>{mon})", mon),
    ]


def _relative(w: _Words) -> list[Rule]:
    """Expressions relative to publication or to an earlier mention: days, quarters,
    halves, seasons."""
    ords, part = w.ords, w.part
    return [
        _rule("weekday", rel.resolve_weekday,
              rf"(?:(?P<rel>(?i:last|this\s+coming|this|next|the\s+previous|the\s+following|"
              rf"the\s+next|the\s+preceding|late|early))\s+)?(?P<wd>{w.wd})"
              rf"(?:\s+(?P<part>{part}))?", w.wd),
        _rule("deictic", rel.resolve_deictic,
              rf"(?i:(?:late|early)\s+)?(?P<w>(?i:{DEICTIC}))(?![\w])(?:\s+(?P<part>{part}))?",
              rf"(?i:{DEICTIC})"),
        _rule("quarter", rel.resolve_quarter,
              rf"(?i:(?:the\s+)?(?:(?P<yq>{YEAR})\s+|"
              rf"(?P<rely>this|last|next)\s+year['’]s\s+)?"
              rf"(?:fiscal[\s-]+)?(?P<ord>{ords})[\s-]+(?:fiscal[\s-]+)?quarter(?!\w)"
              rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<yq2>{YEAR})|(?P<rely2>{REL_YEAR})))?)", "(?i:quarter)"),
        _rule("qcode", ab.resolve_qcode,
              rf"(?<![\w-])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?P<y>{YEAR}))?(?![\w-])", "Q[1-4]|[1-4]Q"),
        _rule("quarter_ref", rel.resolve_quarter_ref,
              rf"(?i:(?:the\s+)?(?:(?P<yq>{YEAR})|(?P<rely>last\s+year['’]s|"
              rf"this\s+year['’]s|the\s+year-ago|the\s+year-earlier|the\s+"
              r"comparable\s+year-ago|the\s+comparable\s+year-earlier|year-ago|"
              rf"year-earlier))\s+(?:(?P<ord>{ords})\s+)?quarter(?!\w)|"
              r"the\s+(?P<kind>latest|most\s+recent|current|same|recent|just-ended)?\s*"
              r"(?:fiscal\s+)?quarter(?![\w-])|(?:this|that)\s+quarter(?![\w-])|"
              r"the\s+latest\s+period|the\s+(?P<rely3>year-earlier|year-ago|comparable|"
              r"corresponding)\s+period"
              r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?|"
              r"the\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+"
              r"(?P<rely4>a\s+year\s+(?:ago|earlier)|last\s+year))", "(?i:quarter|period)"),
        _rule("year_period", ab.resolve_year, rf"(?i:the\s+(?P<y>{YEAR})\s+(?:period|year))",
              "(?i:period|year)"),
        _rule("half", rel.resolve_half,
              rf"(?i:(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|"
              rf"(?P<rely>{REL_YEAR})))?)", "(?i:half)"),
        _rule("season", rel.resolve_season,
              rf"(?i:(?:(?P<rel>last|this|next|early|late|mid|the)[\s-]+)?(?P<s>{w.seasons})"
              rf"(?!\w)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?)", w.seasons),
        _rule("yearend", rel.resolve_yearend,
              r"(?i:year[-\s]end|the\s+end\s+of\s+(?:the|this)\s+year|year['’]s\s+end)(?![\w-])",
              "(?i:year)"),
        _rule("year_ago_adj", rel.resolve_year_ago_adj, r"(?i:year-(?:earlier|ago))(?![\w-])", "(?i:year-)"),
    ]


def _spans(w: _Words) -> list[Rule]:
    """Counted and anaphoric spans ("two weeks ago", "last month", "the year"), years,
    decades, and durations."""
    num, units = w.num, w.units
    return [
        _rule("ago", rel.resolve_ago,
              rf"(?P<n>{num})[\s-]+(?P<unit>{units})\s+(?P<dir>(?i:{AGO}))(?![\w])", rf"(?i:{AGO})"),
        _rule("relunit", rel.resolve_relunit,
              r"(?:(?P<mod>(?i:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning"
              r"\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of))[\s-]+)?"
              r"(?P<rel>(?i:last|this|next|the\s+current|the\s+coming|the\s+following|"
              r"the\s+previous|the\s+prior|the\s+preceding|that|the\s+same))\s+"
              rf"(?P<unit>(?i:{UNITS}))(?![\w-])", rf"(?i:{UNITS})"),
        _rule("the_weekend", rel.resolve_the_weekend,
              r"(?i:(?:over|during|on|at|throughout)\s+(?P<x>the\s+(?:past\s+)?weekend)(?![\w-]))",
              "(?i:weekend)"),
        _rule("weekend_noun", rel.resolve_the_weekend,  # "a weekend shooting"
              r"(?<![\w-])(?i:a\s+weekend)(?=\s+[a-z]+ing\b)", "(?i:weekend)"),
        _rule("the_year", rel.resolve_the_year,
              r"(?i:(?:for|in|during|of|through|throughout|over)\s+(?P<x>the\s+year)"
              r"(?![\w-]|\s+(?:before|after|ago|earlier|later)))", r"(?i:the\s+year)"),
        _rule("fiscal_year", rel.resolve_fiscal_year,
              r"(?i:the\s+(?P<which>(?:current|latest|previous|next)\s+fiscal|fiscal|"
              r"full|current)\s+year)(?![\w-])", "(?i:year)"),
        _rule("spelled_year", ab.resolve_spelled_year,
              rf"(?i:(?:the\s+year\s+)?(?P<c>nineteen|eighteen)\s+(?P<r>{num})|"
              rf"(?:the\s+year\s+|(?<=in\s)|(?<=by\s))two\s+thousand"
              rf"(?:\s+and\s+(?P<r2>{num}))?)(?![\w-])", r"(?i:nineteen|eighteen|two\s+thousand)"),
        _rule("decade", ab.resolve_decade,
              r"(?i:(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
              r"(?:(?P<c>1[6-9]|20)(?P<dd>\d)0|['’](?P<d2>\d)0)s)(?![\w])", "(?i:0s)"),
        _rule("year", ab.resolve_year,
              rf"(?:(?P<mod>(?i:fiscal|calendar|early|late|mid|the\s+end\s+of|the\s+beginning"
              rf"\s+of|the\s+middle\s+of|the\s+start\s+of))[\s-]+)?(?P<y>{YEAR})", r"1[6-9]\d\d|20\d\d"),
        _rule("duration", None,
              rf"(?i:(?:the\s+(?:past|last|next|first|final|previous)\s+)?"
              rf"(?:(?P<n>{num})|{w.vague})[\s-]+(?P<unit>{units})(?:[\s-]+(?:long|old))?)", units),
        _rule("duration", None, rf"(?i:the\s+(?:past|last|next)\s+(?P<unit>{units}))",
              "(?i:past|last|next)"),
    ]


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return build_rules(load_lexicon())
