"""Date precision codes of the conflict datasets eventwire exports to.

ACLED ``time_precision``: 1 the exact day is known; 2 the event falls within a week or a
range of a few days; 3 only the month, or a longer period, is known.

UCDP GED ``date_prec``: 1 exact date; 2 within 2-6 days; 3 only the week is known;
4 only the month (8-30 days); 5 longer than a month.
"""

from __future__ import annotations

from datetime import date

ACLED = {"day": 1, "week": 2, "month": 3, "quarter": 3, "year": 3}


def acled_time_precision(precision: str | None) -> int:
    """ACLED's code for a precision; unknown precision is the loosest (3)."""
    return ACLED.get(precision or "", 3)


def ucdp_date_prec(start: date, end: date, precision: str | None) -> int:
    """UCDP's code from the interval's length; a day-precision time is exact (1)."""
    days = (end - start).days + 1
    if precision == "day" or days <= 1:
        return 1
    if precision == "week" and days <= 7:
        return 3 if days == 7 else 2
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    if days <= 31:
        return 4
    return 5
