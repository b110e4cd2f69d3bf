"""Calendar units as intervals with a precision and a TIMEX3-style value.

Weeks are ISO weeks (Monday to Sunday, ``2016-W50``), as TimeML writes them. Every unit
is a ``Period``: first day, last day, precision and value.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.model.records import Precision


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: Precision | None
    value: str


def day(d: date) -> Period:
    return Period(d, d, "day", d.isoformat())


def week_of(d: date) -> Period:
    monday = d - timedelta(days=d.weekday())
    iso_year, iso_week, _ = d.isocalendar()
    return Period(monday, monday + timedelta(days=6), "week", f"{iso_year}-W{iso_week:02d}")


def weekend_of(d: date) -> Period:
    """The Saturday and Sunday of the ISO week of ``d``."""
    week = week_of(d)
    return Period(week.start + timedelta(days=5), week.end, "week", week.value + "-WE")


def month(year: int, m: int) -> Period:
    last = _cal.monthrange(year, m)[1]
    return Period(date(year, m, 1), date(year, m, last), "month", f"{year}-{m:02d}")


def add_months(year: int, m: int, n: int) -> tuple[int, int]:
    k = year * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def quarter_index(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter(year: int, q: int) -> Period:
    first = month(year, 3 * q - 2)
    last = month(year, 3 * q)
    return Period(first.start, last.end, "quarter", f"{year}-Q{q}")


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), "year", str(y))


def decade(first_year: int) -> Period:
    """The 1990s: year precision over ten years, TIMEX3 value ``199``."""
    return Period(date(first_year, 1, 1), date(first_year + 9, 12, 31), "year", str(first_year)[:3])


def season(y: int, code: str, first: int, last: int) -> Period:
    """A season as a month range; winter starts in December of ``y``."""
    end_year = y + 1 if last < first else y
    start = month(y, first).start
    end = month(end_year, last).end
    return Period(start, end, "month", f"{y}-{code}")


def half(y: int, h: int) -> Period:
    start = month(y, 1 if h == 1 else 7).start
    end = month(y, 6 if h == 1 else 12).end
    return Period(start, end, "month", f"{y}-H{h}")


def precision_for_length(start: date, end: date) -> Precision:
    """The unit an interval of this length is known to: up to two weeks is a range of
    days ("week", ACLED's code 2); longer spans are months, quarters, years."""
    days = (end - start).days + 1
    if days <= 1:
        return "day"
    if days <= 14:
        return "week"
    if days <= 31:
        return "month"
    if days <= 92:
        return "quarter"
    return "year"


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None
