"""Resolvers for expressions relative to the publication date or to an earlier mention.

News conventions: a weekday is the most recent such day, publication day included
("reported Thursday" in a Thursday story is that day); "last week" is the previous
Monday-to-Sunday week; "overnight" is the night before publication.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventwire.resolve.timex import calendar as cal
from eventwire.resolve.timex.absolute import quarter_near
from eventwire.resolve.timex.calendar import Period
from eventwire.resolve.timex.context import Context
from eventwire.resolve.timex.result import Result, Unresolved

REL_SHIFT = {"last": -1, "this": 0, "next": 1, "the current": 0, "the coming": 1,
             "the following": 1, "the previous": -1, "the prior": -1, "the preceding": -1,
             "that": 0, "the same": 0}
ANAPHORIC = ("the following", "the previous", "the prior", "the preceding", "that", "the same")


def _rel(m: re.Match[str], group: str = "rel") -> str:
    return " ".join((m.groupdict().get(group) or "").lower().split())


def _weekday_from(base: date, wd: int, rel: str, future: bool) -> date:
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if rel in ("last", "the previous", "the preceding"):
        return base - timedelta(days=back or 7)
    if rel in ("next", "the following", "the next", "this coming"):
        return base + timedelta(days=ahead or 7)
    if rel == "this":
        return base - timedelta(days=base.weekday()) + timedelta(days=wd)
    return base + timedelta(days=ahead) if future else base - timedelta(days=back)


def resolve_weekday(m: re.Match[str], ctx: Context) -> Result:
    rel = _rel(m)
    base = ctx.published
    if rel in ("the previous", "the following", "the next", "the preceding"):
        ref = ctx.last_with("day", m.start())
        base = ref.start if ref else base
    if base is None:
        return Unresolved.NO_PUBLICATION_DATE
    future = ctx.is_future(m.start(), m.end())
    return cal.day(_weekday_from(base, ctx.lex.weekdays[m["wd"]], rel, future))


DEICTIC_SHIFT = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                 "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}


def resolve_deictic(m: re.Match[str], ctx: Context) -> Result:
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    word = " ".join(m["w"].lower().split())
    if word == "overnight":
        night = pub - timedelta(days=1)
        return Period(night, pub, "day", night.isoformat() + "TNI")
    return cal.day(pub + timedelta(days=DEICTIC_SHIFT[word]))


def _unit_period(unit: str, base: date, n: int) -> Period | None:
    """The ``unit`` containing ``base``, moved ``n`` units."""
    if unit == "week":
        return cal.week_of(base + timedelta(weeks=n))
    if unit == "weekend":
        return cal.weekend_of(base + timedelta(weeks=n))
    if unit == "month":
        return cal.month(*cal.add_months(base.year, base.month, n))
    if unit == "quarter":
        return cal.quarter(*cal.add_quarters(base.year, cal.quarter_index(base), n))
    if unit == "year":
        return cal.year(base.year + n)
    if unit == "decade":
        return cal.decade(base.year // 10 * 10 + 10 * n)
    return None


def _weekend(pub: date, rel: str, future: bool) -> Period:
    if rel == "last":
        return cal.weekend_of(pub - timedelta(weeks=1))
    if pub.weekday() >= 5 or rel == "next":
        ahead = 1 if rel == "next" and pub.weekday() >= 5 else 0
        return cal.weekend_of(pub + timedelta(weeks=ahead))
    if future or pub.weekday() >= 2:
        return cal.weekend_of(pub)
    return cal.weekend_of(pub - timedelta(weeks=1))


def _modified(p: Period, mod: str, pub: date) -> Period:
    """"earlier this month": from the start of the month to publication."""
    if mod == "earlier" and p.start <= pub <= p.end:
        return Period(p.start, pub, p.precision, p.value)
    if mod == "later" and p.start <= pub <= p.end:
        return Period(pub, p.end, p.precision, p.value)
    return p


def _anaphor_base(ctx: Context, m: re.Match[str]) -> date | None:
    ref = ctx.reference(m.start(), window=2000)
    return ref.start if ref is not None else ctx.published


def resolve_relunit(m: re.Match[str], ctx: Context) -> Result:
    rel, unit = _rel(m), m["unit"].lower()
    pub = ctx.published
    base = _anaphor_base(ctx, m) if rel in ANAPHORIC else pub
    if base is None:
        return Unresolved.NO_PUBLICATION_DATE
    if unit == "weekend" and rel not in ANAPHORIC and pub is not None:
        return _weekend(pub, rel, ctx.is_future(m.start(), m.end()))
    if unit == "quarter" and rel == "this":
        ref = ctx.last_with("quarter", m.start())
        if ref is not None:
            return ref
    period = _unit_period(unit, base, REL_SHIFT.get(rel, 0))
    if period is None:
        return Unresolved.UNSUPPORTED_UNIT
    mod = (m["mod"] or "").lower()
    return _modified(period, mod, pub) if pub and rel not in ANAPHORIC else period


NAMED_QUARTER = ("quarter", "qcode")


def last_ended_quarter(pub: date) -> Period:
    return cal.quarter(*cal.add_quarters(pub.year, cal.quarter_index(pub), -1))


def reporting_quarter(ctx: Context, start: int) -> Period | None:
    """The quarter a financial story reports on: the last one named, else the last ended."""
    ref = ctx.last_of_kind(NAMED_QUARTER, start)
    if ref is not None:
        return ref
    return last_ended_quarter(ctx.published) if ctx.published else None


def _quarter_year(m: re.Match[str], ctx: Context, *groups: str) -> int | None:
    """Year given with a quarter: "1998", "this year's", "last year's"."""
    pub = ctx.published
    for g in groups:
        v = (m.groupdict().get(g) or "").lower()
        if v[:1].isdigit():
            return int(v)
        shift = -1 if v.startswith(("last", "year-", "the year-", "the comparable",
                                    "the corresponding", "a year")) else 0
        shift = 1 if v.startswith("next") else shift
        if v and pub is not None:
            return pub.year + shift
    return None


def resolve_quarter(m: re.Match[str], ctx: Context) -> Result:
    q = ctx.lex.ordinals[m["ord"].lower()]
    y = _quarter_year(m, ctx, "yq", "rely", "yq2", "rely2")
    if y is not None:
        return cal.quarter(y, q)
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    return quarter_near(ctx, m, q)


def resolve_quarter_ref(m: re.Match[str], ctx: Context) -> Result:
    """"the quarter", "the year-ago quarter", "the corresponding period last year"."""
    which = " ".join((m["kind"] or "").lower().split())
    if ctx.published is not None and which in ("current",):
        return _unit_period("quarter", ctx.published, 0) or Unresolved.NO_PUBLICATION_DATE
    if ctx.published is not None and which in ("latest", "most recent", "just-ended"):
        return last_ended_quarter(ctx.published)
    ref = reporting_quarter(ctx, m.start())
    if ref is None:
        return Unresolved.NO_PUBLICATION_DATE
    y_ref, q = int(ref.value[:4]), int(ref.value[-1])
    if m["ord"]:
        q = ctx.lex.ordinals[m["ord"].lower()]
    if m["yq"]:
        return cal.quarter(int(m["yq"]), q)
    rel = " ".join(((m["rely"] or m["rely3"] or m["rely4"]) or "").lower().split())
    if rel and not rel.startswith("this"):
        return cal.quarter(y_ref - 1, q)
    return cal.quarter(y_ref, q)


def resolve_the_weekend(m: re.Match[str], ctx: Context) -> Result:
    """"Over the weekend", "a weekend shooting": the weekend last gone (the one under way
    in a weekend story), the coming one only where the clause is future."""
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    if ctx.is_future(m.start(), m.end()):
        return _weekend(pub, "", True)
    return cal.weekend_of(pub if pub.weekday() >= 5 else pub - timedelta(weeks=1))


def resolve_the_year(m: re.Match[str], ctx: Context) -> Result:
    ref = ctx.last_with("year", m.start())
    if ctx.published is None:
        return cal.year(ref.start.year) if ref else Unresolved.NO_PUBLICATION_DATE
    return cal.year(ctx.published.year)


def resolve_half(m: re.Match[str], ctx: Context) -> Result:
    h = 1 if m["ord"].lower() == "first" else 2
    if m["y"]:
        return cal.half(int(m["y"]), h)
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    rel = (m["rely"] or "").lower()
    shift = -1 if rel.startswith("last") else 1 if rel.startswith("next") else 0
    if not rel:
        current = 1 if pub.month <= 6 else 2
        shift = -1 if h > current and not ctx.is_future(m.start(), m.end()) else 0
    return cal.half(pub.year + shift, h)


def resolve_season(m: re.Match[str], ctx: Context) -> Result:
    word = m["s"].lower()
    rel = (m["rel"] or "").lower()
    if word == "fall" and not (rel in ("last", "this", "next", "early", "late", "mid") or m["y"]):
        after = ctx.text[m.end() : m.end() + 4]
        if rel != "the" or after.startswith(" of"):
            return Unresolved.NOT_A_SEASON
    code, first, last = ctx.lex.seasons[word]
    if m["y"]:
        return cal.season(int(m["y"]), code, first, last)
    if not rel:
        return Unresolved.NOT_A_SEASON
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    near = [cal.season(y, code, first, last) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if rel == "this":
        return near[0] if near[0].end >= pub else near[1]
    if rel == "last":
        return [s for s in near if s.end < pub][-1]
    if rel == "next" or ctx.is_future(m.start(), m.end()):
        return [s for s in near if (s.start > pub if rel == "next" else s.end >= pub)][0]
    return [s for s in near if s.start <= pub][-1]


def resolve_yearend(m: re.Match[str], ctx: Context) -> Result:
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    future = ctx.is_future(m.start(), m.end()) or re.search(r"\b(by|until|before)\s*$", before)
    y = pub.year if future or "this" in m.group(0).lower() else pub.year - 1
    return cal.year(y)  # TimeML: the year, with mod END


def _shift(p: Period, unit: str, n: int) -> Period | None:
    if p.precision == "quarter":
        months = {"year": 12, "quarter": 3, "month": 1}.get(unit)
        if months is None:
            return None
        y, q = int(p.value[:4]), int(p.value[-1])
        return cal.quarter(*cal.add_quarters(y, q, n * months // 3)) if months >= 3 else None
    if p.precision == "year" and unit == "year":
        return cal.year(p.start.year + n)
    return None


def resolve_ago(m: re.Match[str], ctx: Context) -> Result:
    n = ctx.lex.number(m["n"])
    unit = ctx.lex.units.get(m["unit"].lower(), "")
    direction = " ".join(m["dir"].lower().split())
    if n is None or unit not in ("day", "week", "month", "year", "decade", "quarter"):
        return Unresolved.VAGUE
    if direction in ("before", "after"):
        return Unresolved.RELATIVE_TO_AN_EVENT
    sign = -1 if direction in ("ago", "earlier", "previously") else 1
    if direction in ("earlier", "later") or (unit == "year" and n == 1):
        # "a year ago" in a quarterly report is the same quarter a year before
        ref = ctx.reference(m.start()) if direction in ("earlier", "later") else None
        ref = ctx.last_of_kind(NAMED_QUARTER, m.start()) if unit == "year" else ref
        if ref is not None and (moved := _shift(ref, unit, sign * int(n))) is not None:
            return moved
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    return _from_pub(ctx.published, unit, sign * int(n))


def _from_pub(pub: date, unit: str, n: int) -> Result:
    """``n`` units from the publication date: a day, or the unit's calendar period;
    "two decades ago" counts years (the value is a year, not a decade)."""
    if unit == "day":
        return cal.day(pub + timedelta(days=n))
    if unit == "decade":
        return cal.year(pub.year + 10 * n)
    return _unit_period(unit, pub, n) or cal.year(pub.year + n)


def resolve_year_ago_adj(m: re.Match[str], ctx: Context) -> Result:
    """"year-earlier results": the year before the story's reference time."""
    ref = ctx.last_of_kind(NAMED_QUARTER, m.start())
    if ref is not None:
        return _shift(ref, "year", -1) or Unresolved.NO_REFERENCE
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    return cal.year(ctx.published.year - 1)


def resolve_fiscal_year(m: re.Match[str], ctx: Context) -> Result:
    """"the fiscal year", "the full year": the year of publication; "latest": the one before."""
    if ctx.published is None:
        return Unresolved.NO_PUBLICATION_DATE
    which = m["which"].lower()
    shift = -1 if which.startswith(("latest", "previous")) else 1 if which.startswith("next") else 0
    return cal.year(ctx.published.year + shift)
