"""Named days of the calendar ("New Year's Eve", "Labor Day", "Thanksgiving"), dated like
a month-day told without its year: the occurrence nearest publication, leaning back for a
story told in the past, ahead where the clause is future ("will march on Memorial Day")
or "next". The names and their rules are data (``time_words.json`` ``holidays``)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from eventwire.resolve.timex import calendar as cal
from eventwire.resolve.timex.absolute import PAST_BIAS, nearer
from eventwire.resolve.timex.context import Context
from eventwire.resolve.timex.result import Result, Unresolved


def holiday_date(rule: tuple[int, ...], year: int) -> date | None:
    """The day a holiday rule gives in ``year``: (month, day), or (month, weekday, n) for
    the n-th such weekday of the month, n = -1 the last."""
    if len(rule) == 2:
        return cal.safe_date(year, rule[0], rule[1])
    month, weekday, n = rule
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    if not days or not -len(days) <= (n - 1 if n > 0 else n) < len(days):
        return None
    return date(year, month, days[n - 1 if n > 0 else n])


def _pick(days: list[date], pub: date, rel: str, future: bool, past: bool) -> date:
    before = [d for d in days if d <= pub]
    after = [d for d in days if d > pub]
    if rel == "last" and before:
        return before[-1]
    if (rel == "next" or future) and after and rel != "this":
        return after[0]
    if rel == "this":
        return min(days, key=lambda d: abs(d.year - pub.year) * 1000 + abs((d - pub).days))
    if not after:
        return before[-1]
    if not before:
        return after[0]
    return nearer(before[-1], after[0], pub, PAST_BIAS * 2 if past else PAST_BIAS)


def resolve_holiday(m: re.Match[str], ctx: Context) -> Result:
    pub = ctx.published
    if pub is None:
        return Unresolved.NO_PUBLICATION_DATE
    rule = ctx.lex.holiday(m["h"])
    if rule is None:
        return Unresolved.INVALID_DATE
    days = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := holiday_date(rule, y)) is not None]
    if not days:
        return Unresolved.INVALID_DATE
    rel = (m["rel"] or "").lower()
    when = _pick(sorted(days), pub, rel, ctx.is_future(m.start(), m.end()), ctx.is_past(m.start(), m.end()))
    return cal.day(when)
