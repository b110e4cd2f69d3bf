"""Regular expressions that find time expressions, built from the lexicon.

Each rule has a kind (the name of the function that resolves it, see ``rules.py``) and a
pattern. Month and weekday names are matched capitalised only; other words in any case.
A rule may mark the expression's own words with a group ``x`` when the pattern needs a
cue word around them ("for the year": the expression is "the year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.resolve.timex.words import Lexicon, load_lexicon


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]


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


# a street number ("in the 1600 block of") is no year
YEAR = (r"(?<![\d,.$£€#/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)"
        r"(?![\d%]|,\d|\.\d|\s*(?:percent|per\s+cent)\b|\s+(?i:block)\b)")
DAYNUM = r"(?<![\d,.$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[,:.]\d)"
MODS = r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"
REL_YEAR = r"(?i:this\s+year|last\s+year|next\s+year|the\s+year)"


def build_rules(lex: Lexicon) -> tuple[Rule, ...]:
    """All detection rules, in priority order (used to break ties of equal length)."""
    mon = _months(lex)
    wd = _alt(list(lex.weekdays)) + r"(?![\w-])"
    part = "(?i:" + _alt(lex.day_parts) + ")"
    num = _number(lex)
    vague = "(?i:" + _alt(lex.vague_numbers) + ")"
    units = "(?i:" + _alt(list(lex.units)) + r")(?![\w])"
    ords = "(?i:" + _alt(list(lex.ordinals)) + ")"
    seasons = "(?i:" + _alt(list(lex.seasons)) + ")"
    day_range = rf"(?P<d>{DAYNUM})(?:\s*[-–]\s*(?P<d2>{DAYNUM}))?"
    src = [
        ("iso", r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
        ("slash", r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\d/])"),
        ("mdy", rf"(?:(?P<wd>{wd}),?\s+)?(?:(?P<rel>(?i:last|this|next))\s+)?"
                rf"(?P<mon>{mon})\s+{day_range}(?:,?\s+(?P<y>{YEAR}))?"),
        ("dmy", rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?{day_range}\s+(?:of\s+)?(?P<mon>{mon})"
                rf"(?:,?\s+(?P<y>{YEAR}))?"),
        ("month_year", rf"(?:(?P<mod>{MODS})[\s-]+)?(?P<mon>{mon})(?:\s+of)?,?\s+(?P<y>{YEAR})"),
        ("month_rel_year", rf"(?P<mon>{mon}),?\s+(?:of\s+)?(?P<rely>{REL_YEAR})(?![\w'’])"),
        ("month", rf"(?:(?P<mod>{MODS})[\s-]+)?(?:(?P<rel>(?i:last|this|next|past|coming))\s+)?"
                  rf"(?P<mon>{mon})"),
        ("weekday", rf"(?:(?P<rel>(?i:last|this\s+coming|this|next|the\s+previous|the\s+following|"
                    rf"the\s+next|the\s+preceding|late|early))\s+)?(?P<wd>{wd})"
                    rf"(?:\s+(?P<part>{part}))?"),
        ("deictic", r"(?i:(?:late|early)\s+)?(?P<w>(?i:the\s+day\s+before\s+yesterday|"
                    r"the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|last\s+night|"
                    r"overnight|this\s+morning|this\s+afternoon|this\s+evening))(?![\w])"
                    rf"(?:\s+(?P<part>{part}))?"),
        ("quarter", rf"(?i:(?:the\s+)?(?:(?P<yq>{YEAR})\s+|"
                    rf"(?P<rely>this|last|next)\s+year['’]s\s+)?"
                    rf"(?:fiscal[\s-]+)?(?P<ord>{ords})[\s-]+(?:fiscal[\s-]+)?quarter(?!\w)"
                    rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<yq2>{YEAR})|(?P<rely2>{REL_YEAR})))?)"),
        ("qcode", rf"(?<![\w-])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?P<y>{YEAR}))?(?![\w-])"),
        ("quarter_ref", rf"(?i:(?:the\s+)?(?:(?P<yq>{YEAR})|(?P<rely>last\s+year['’]s|"
                        rf"this\s+year['’]s|the\s+year-ago|the\s+year-earlier|the\s+"
                        r"comparable\s+year-ago|the\s+comparable\s+year-earlier|year-ago|"
                        rf"year-earlier))\s+(?:(?P<ord>{ords})\s+)?quarter(?!\w)|"
                        r"the\s+(?P<kind>latest|most\s+recent|current|same|recent|just-ended)?\s*"
                        r"(?:fiscal\s+)?quarter(?![\w-])|(?:this|that)\s+quarter(?![\w-])|"
                        r"the\s+latest\s+period|the\s+(?P<rely3>year-earlier|year-ago|comparable|"
                        r"corresponding)\s+period"
                        r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?|"
                        r"the\s+(?:same|corresponding|comparable)\s+(?:period|quarter)\s+"
                        r"(?P<rely4>a\s+year\s+(?:ago|earlier)|last\s+year))"),
        ("year_period", rf"(?i:the\s+(?P<y>{YEAR})\s+(?:period|year))"),
        ("half", rf"(?i:(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|"
                 rf"(?P<rely>{REL_YEAR})))?)"),
        ("season", rf"(?i:(?:(?P<rel>last|this|next|early|late|mid|the)[\s-]+)?(?P<s>{seasons})"
                   rf"(?!\w)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?)"),
        ("yearend", r"(?i:year[-\s]end|the\s+end\s+of\s+(?:the|this)\s+year|year['’]s\s+end)"
                    r"(?![\w-])"),
        ("year_ago_adj", r"(?i:year-(?:earlier|ago))(?![\w-])"),
        ("ago", rf"(?P<n>{num})[\s-]+(?P<unit>{units})\s+(?P<dir>(?i:ago|earlier|later|"
                r"from\s+now|hence|previously))(?![\w])"),
        ("relunit", r"(?:(?P<mod>(?i:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning"
                    r"\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of))[\s-]+)?"
                    r"(?P<rel>(?i:last|this|next|the\s+current|the\s+coming|the\s+following|"
                    r"the\s+previous|the\s+prior|the\s+preceding|that|the\s+same))\s+"
                    r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century))(?![\w-])"),
        ("the_year", r"(?i:(?:for|in|during|of|through|throughout|over)\s+(?P<x>the\s+year)"
                     r"(?![\w-]|\s+(?:before|after|ago|earlier|later)))"),
        ("fiscal_year", r"(?i:the\s+(?P<which>(?:current|latest|previous|next)\s+fiscal|fiscal|"
                        r"full|current)\s+year)(?![\w-])"),
        ("spelled_year", rf"(?i:(?:the\s+year\s+)?(?P<c>nineteen|eighteen)\s+(?P<r>{num})|"
                         rf"(?:the\s+year\s+|(?<=in\s)|(?<=by\s))two\s+thousand"
                         rf"(?:\s+and\s+(?P<r2>{num}))?)(?![\w-])"),
        ("decade", r"(?i:(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?"
                   r"(?:(?P<c>1[6-9]|20)(?P<dd>\d)0"
                   r"|['’](?P<d2>\d)0)s)(?![\w])"),
        ("year", rf"(?:(?P<mod>(?i:fiscal|calendar|early|late|mid|the\s+end\s+of|the\s+beginning"
                 rf"\s+of|the\s+middle\s+of|the\s+start\s+of))[\s-]+)?(?P<y>{YEAR})"),
        ("duration", rf"(?i:(?:the\s+(?:past|last|next|first|final|previous)\s+)?"
                     rf"(?:(?P<n>{num})|{vague})[\s-]+(?P<unit>{units})(?:[\s-]+(?:long|old))?)"),
        ("duration", rf"(?i:the\s+(?:past|last|next)\s+(?P<unit>{units}))"),
    ]
    return tuple(Rule(kind, re.compile(p)) for kind, p in src)


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return build_rules(load_lexicon())
