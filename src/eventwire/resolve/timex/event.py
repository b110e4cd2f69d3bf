"""An event's time: the expression governing its clause, else the publication date."""

from __future__ import annotations

from datetime import date

from eventwire.model.records import Time, TimeRef


def _distance(t: Time, anchor: int) -> int:
    if t.start <= anchor < t.end:
        return 0
    return t.start - anchor if t.start > anchor else anchor - t.end + 1


def event_time(
    times: list[Time],
    start: int,
    end: int,
    published: date | None,
    anchor: int | None = None,
) -> TimeRef | None:
    """The dated expression inside ``[start, end)`` nearest ``anchor`` (the trigger).

    Without an anchor the first one in the span wins. Durations and unresolved
    expressions are skipped. If none is left the publication date stands in, with
    reason "publication_date"; with no publication date either, None.
    """
    inside = [
        t for t in times
        if start <= t.start and t.end <= end and t.start_date and t.end_date and t.precision
    ]
    if inside:
        best = min(inside, key=lambda t: (_distance(t, anchor), t.start)) if anchor is not None \
            else inside[0]
        assert best.start_date and best.end_date and best.precision
        return TimeRef(start=best.start_date, end=best.end_date, precision=best.precision,
                       text=best.text, reason="clause", span_start=best.start,
                       span_end=best.end)
    if published is None:
        return None
    return TimeRef(start=published, end=published, precision="day", text=None,
                   reason="publication_date")
