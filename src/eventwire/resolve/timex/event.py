"""An event's time: the expression governing its clause, else the article's own day of the
happening (its first past day told in the body, "Saturday night" in a Monday story), else
the publication date."""

from __future__ import annotations

from datetime import date, timedelta

from eventwire.model.records import Event, Time, TimeRef


def _distance(t: Time, anchor: int) -> int:
    if t.start <= anchor < t.end:
        return 0
    return t.start - anchor if t.start > anchor else anchor - t.end + 1


FOCUS_WINDOW = timedelta(days=7)  # a story's own happening is at most a week old
CONTEXT_AGE = timedelta(days=365)  # a happening dated before this is told as context
AGGREGATE = frozenset({"quarter", "year"})  # "600 homicides this year" is a tally, not an event


def recalled(when: TimeRef | None, published: date | None) -> str | None:
    """Why a happening dated by its own clause is told for context, not as news: it
    ended more than a year before publication ("the 1991 shooting", "in 2007"), or its
    time is a whole quarter or year (a tally such as "600 homicides this year"). None
    when it is news, or undated, or with no publication date to measure against."""
    if when is None or when.reason != "clause" or published is None:
        return None
    if when.end < published - CONTEXT_AGE:
        return f"dated {when.start.isoformat()}, before the news"
    if when.precision in AGGREGATE:
        return f"a tally over a {when.precision}"
    return None


def article_time(told: list[TimeRef | None], published: date | None) -> TimeRef | None:
    """The day a news story's happening took place: the first event time, in text order,
    that its own clause gave to the day ("shot Saturday night" in a Monday story, "early
    Sunday") and that is neither after publication nor more than a week before it. The
    events told later without a time of their own ("the man died at the hospital") take
    it instead of the publication date. None without a publication date."""
    if published is None:
        return None
    for t in told:
        if t is None or t.reason != "clause" or t.precision != "day":
            continue
        if published - FOCUS_WINDOW <= t.start <= published:
            return t.model_copy(update={"reason": "article_focus"})
    return None


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
    reason "publication_date" (the pipeline then gives such events the story's own day,
    ``article_time``, where it has one); with no publication date either, None.
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


def dated_by_lede(events: list[Event], published: date | None, *,
                  not_dating: frozenset[str] = frozenset()) -> list[Event]:
    """Events without a time of their own take the story's day of the happening (see
    ``article_time``) rather than the publication date. An event whose extractor is in
    ``not_dating`` (the coder's proposal for a sentence without a trigger: a statement,
    an aside) does not date the story."""
    focus = article_time([e.time for e in events if e.evidence.extractor not in not_dating], published)
    if focus is None:
        return events
    return [e.model_copy(update={"time": focus}) if e.time is not None and e.time.reason == "publication_date"
            else e for e in events]
