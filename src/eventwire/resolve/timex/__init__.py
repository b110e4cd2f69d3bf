"""News-aware temporal resolver: time expressions -> intervals with a precision.

    find_times(text, published)      every time expression, resolved (find.py)
    infer_published(text)            publication date from the text, or None (published.py)
    event_time(times, start, end, published, anchor)
                                     the time governing an event's clause (event.py)
    article_time(event_times, published)
                                     the story's own day of the happening (event.py)
    dated_by_lede(events, published, stated=story_times(doc, times), lead=...)
                                     undated events take the story's day (event.py)
    reported(doc, start, end, trigger)
                                     the time dates a report ("said Monday"), not a happening
    recalled(event_time, published)  why a happening is told as context (event.py)
    acled_time_precision(precision)  ACLED time_precision 1-3 (precision.py)
    ucdp_date_prec(start, end, precision)
                                     UCDP GED date_prec 1-5 (precision.py)

Calendar arithmetic is in calendar.py. Each rule is one declaration in patterns.py: the
pattern that finds an expression (built from the word lists of data/time_words.json), the
resolver that dates it (absolute.py, relative.py) and a cue that lets a text without its
words skip it; a resolver gives a ``Period`` or a typed reason (``result.Unresolved``).
"""

from __future__ import annotations

from eventwire.resolve.timex.event import (
    article_time,
    dated_by_lede,
    event_time,
    governs,
    own_day,
    recalled,
    reported,
    story_times,
)
from eventwire.resolve.timex.find import find_times
from eventwire.resolve.timex.precision import acled_time_precision, ucdp_date_prec
from eventwire.resolve.timex.published import infer_published

__all__ = [
    "acled_time_precision",
    "article_time",
    "dated_by_lede",
    "event_time",
    "governs",
    "own_day",
    "find_times",
    "infer_published",
    "recalled",
    "reported",
    "story_times",
    "ucdp_date_prec",
]
