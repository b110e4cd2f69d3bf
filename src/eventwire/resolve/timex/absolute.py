"""Resolvers for expressions that name their calendar unit: dates, months, years.

A resolver takes the regex match and the context and returns a ``Period``, or the reason
it cannot (``result.Unresolved``).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.resolve.timex import calendar as cal
from eventwire.resolve.timex.calendar import Period
from eventwire.resolve.timex.context import Context
from eventwire.resolve.timex.result import Result, Unresolved


def _year_of_day(ctx: Context, m: re.Match[str], mon: int, d: int) -> int | Unresolved:
    """The year of a month-day without one: past by default, future if the clause is."""
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    wd = m.groupdict().get("wd")
    if wd:  # "Thursday, April 9": the year (near publication) where the weekday fits
        want = ctx.lex.weekdays[wd]
        fits = [y for y in (pub.year, pub.year - 1, pub.year + 1)
                if (x := cal.safe_date(y, mon, d)) is not None and x.weekday() == want]
        if fits:
            return fits[0]
    here = cal.safe_date(pub.year, mon, d)
    if here is None:
        return pub.year
    rel = (m.groupdict().get("rel") or "").lower()
    if rel == "last":
        return pub.year if here < pub else pub.year - 1
    if rel == "next" or (ctx.is_future(m.start(), m.end()) and rel != "this"):
        return pub.year if here >= pub else pub.year + 1
    if rel == "this":
        return pub.year
    return _nearest_year(pub, here, PAST_BIAS * 2 if ctx.is_past(m.start(), m.end()) else PAST_BIAS)


PAST_BIAS = 2  # news looks back: a future reading must be twice as near to win


def _nearest_year(pub: date, here: date, bias: int = PAST_BIAS) -> int:
    """Month-days in news are the occurrence nearest publication ("payable Dec. 1"); the
    publication day itself is that day ("on May 1" in a May 1 story). A clause told in
    the past with no future marker leans twice as far back (``bias``): "charged in the
    April 16 shooting" in a December story is the April gone, not the one ahead."""
    if here == pub:
        return here.year
    other = cal.safe_date(here.year + (1 if here < pub else -1), here.month, here.day)
    if other is None:
        return here.year
    past, future = (here, other) if here <= pub else (other, here)
    return nearer(past, future, pub, bias).year


def nearer(past: date, future: date, pub: date, bias: int = PAST_BIAS) -> date:
    """Of an occurrence on or before publication and one after it, the nearer, the one
    ahead counted ``bias`` times as far."""
    return future if (future - pub).days * bias < (pub - past).days else past


def _day_range(y: int, mon: int, d: int, d2: str | None) -> Result:
    first = cal.safe_date(y, mon, d)
    if first is None:
        return Unresolved.INVALID_DATE
    if not d2:
        return cal.day(first)
    last = cal.safe_date(y, mon, int(d2.rstrip("stndrh")))
    if last is None or last <= first:
        return Unresolved.INVALID_DATE
    prec = cal.precision_for_length(first, last)
    return Period(first, last, prec, f"{first.isoformat()}/{last.isoformat()}")


def _int(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def resolve_iso(m: re.Match[str], ctx: Context) -> Result:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return cal.day(d) if d else Unresolved.INVALID_DATE


def resolve_month_day(m: re.Match[str], ctx: Context) -> Result:
    mon = ctx.lex.month_number(m["mon"])
    d = _int(m["d"])
    y: int | Unresolved = int(m["y"]) if m["y"] else _year_of_day(ctx, m, mon, d)
    if isinstance(y, Unresolved):
        return y
    return _day_range(y, mon, d, m["d2"])


def resolve_month_year(m: re.Match[str], ctx: Context) -> Result:
    return cal.month(int(m["y"]), ctx.lex.month_number(m["mon"]))


def month_near(pub: date, mon: int, rel: str | None, future: bool) -> Period:
    """A month named without its year, relative to the publication month."""
    rel = (rel or "").lower()
    if rel == "last":  # the month just gone is "last month": "last February" in March is a year ago
        y = pub.year if mon < pub.month - 1 else pub.year - 1
    elif rel in ("next", "coming"):
        y = pub.year if mon > pub.month else pub.year + 1
    elif rel == "this":
        y = pub.year
    elif future:
        y = pub.year if mon >= pub.month else pub.year + 1
    else:
        y = pub.year if mon <= pub.month else pub.year - 1
    return cal.month(y, mon)


AMBIGUOUS_NEXT = re.compile(r"\s*(?:[a-z]|\d+\s*(?:%|percent))")


def month_is_word(m: re.Match[str], ctx: Context) -> bool:
    """False for "may" the verb and "march" the walk: they need a cue word before."""
    name = m["mon"]
    if name not in ctx.lex.ambiguous_months or m["mod"] or m["rel"]:
        return True
    before = ctx.text[max(0, m.start() - 20) : m.start()].split()
    cue = before[-1].lower().rstrip(",") if before else ""
    if name == "March" and cue in ("the", "a"):
        return False
    return cue in ctx.lex.month_cues


def resolve_month(m: re.Match[str], ctx: Context) -> Result:
    if not month_is_word(m, ctx):
        return Unresolved.NOT_A_MONTH
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    future = ctx.is_future(m.start(), m.end())
    return month_near(ctx.published, ctx.lex.month_number(m["mon"]), m["rel"], future)


def resolve_month_rel_year(m: re.Match[str], ctx: Context) -> Result:
    """"July last year", "January this year"."""
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    rely = m["rely"].lower()
    shift = -1 if rely.startswith("last") else 1 if rely.startswith("next") else 0
    return cal.month(ctx.published.year + shift, ctx.lex.month_number(m["mon"]))


def resolve_year(m: re.Match[str], ctx: Context) -> Result:
    return cal.year(int(m["y"]))


def resolve_decade(m: re.Match[str], ctx: Context) -> Result:
    if m["d2"] is not None:
        digit = int(m["d2"])
        pub_year = ctx.published.year if ctx.published else 2000
        century = 1900 if 1900 + digit * 10 <= pub_year else 1800
        if digit * 10 + 2000 <= pub_year:
            century = 2000
        return cal.decade(century + digit * 10)
    if not m.group(0).lower().startswith("the") and m["c"] is None:
        return Unresolved.NOT_A_DECADE
    if m["c"] is None:
        return Unresolved.NOT_A_DECADE
    return cal.decade(int(m["c"]) * 100 + int(m["dd"]) * 10)


def resolve_qcode(m: re.Match[str], ctx: Context) -> Result:
    q = int(m["q"] or m["q2"])
    if m["y"]:
        return cal.quarter(int(m["y"]), q)
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    return quarter_near(ctx, m, q)


def quarter_near(ctx: Context, m: re.Match[str], q: int) -> Period:
    """Quarter ``q`` without a year: the latest one begun by publication, or the next."""
    pub = ctx.published
    assert pub is not None
    current = cal.quarter_index(pub)
    if ctx.is_future(m.start(), m.end()) and q < current - 1:  # last quarter is still reported
        return cal.quarter(pub.year + 1, q)
    return cal.quarter(pub.year if q <= current else pub.year - 1, q)



def resolve_spelled_year(m: re.Match[str], ctx: Context) -> Result:
    """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    if m["c"]:
        rest = ctx.lex.number(m["r"])
        if rest is None or not 10 <= rest < 100:
            return Unresolved.NOT_A_YEAR
        return cal.year((1900 if m["c"].lower() == "nineteen" else 1800) + int(rest))
    rest = ctx.lex.number(m["r2"]) if m["r2"] else 0
    return cal.year(2000 + int(rest or 0))
