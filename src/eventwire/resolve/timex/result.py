"""What a resolver gives back: a ``Period``, or why it gives none (``Unresolved``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

from eventwire.resolve.timex.calendar import Period
from eventwire.resolve.timex.context import Context


class Unresolved(StrEnum):
    """Why a matched expression has no dates; the value is the ``Time.reason`` it keeps."""

    NO_PUBLICATION_DATE = "no publication date"
    INVALID_DATE = "invalid date"  # "February 30"
    UNSUPPORTED_UNIT = "unsupported unit"
    VAGUE = "vague"  # "some years ago"
    RELATIVE_TO_AN_EVENT = "relative to an event"  # "two days before the vote"
    NO_REFERENCE = "no reference"  # "year-earlier" with no time told before to shift
    # words that only look like a time: dropped, not listed
    NOT_A_MONTH = "not a month"  # "may" the verb, "march" the walk
    NOT_A_SEASON = "not a season"  # "fall" the verb
    NOT_A_DECADE = "not a decade"
    NOT_A_YEAR = "not a year"

    @property
    def dropped(self) -> bool:
        """No time expression at all: the words are not listed."""
        return self.name.startswith("NOT_A_")


Result = Period | Unresolved
Resolver = Callable[[re.Match[str], Context], Result]
