"""The incident evaluator's clustering scores and the event-day helpers, on small inputs."""

from __future__ import annotations

from datetime import date

from eventwire.evaluate.incidents import bcubed, pairwise
from eventwire.model.records import TimeRef
from eventwire.resolve.timex import article_time, find_times, recalled


def test_pairwise_and_bcubed() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    assert pairwise(gold, gold) == (1.0, 1.0, 1.0)
    got = {"a": "x", "b": "x", "c": "y", "d": "y"}  # one right pair (a, b), one wrong (c, d)
    assert pairwise(got, gold) == (0.5, 0.333, 0.4)
    p, r, _ = bcubed(got, gold)
    assert (p, r) == (0.75, 0.667)


def test_street_number_is_no_year() -> None:
    times = find_times("Police found him in the 1600 block of First Street in 2014.", date(2014, 5, 5))
    assert [t.text for t in times] == ["2014"]


def test_lede_day_and_recalled() -> None:
    pub = date(2014, 6, 2)  # a Monday
    saturday = TimeRef(start=date(2014, 5, 31), end=date(2014, 5, 31), precision="day", reason="clause")
    fallback = TimeRef(start=pub, end=pub, precision="day", reason="publication_date")
    focus = article_time([fallback, saturday], pub)
    assert focus is not None and focus.start == date(2014, 5, 31) and focus.reason == "article_focus"
    old = TimeRef(start=date(1991, 1, 1), end=date(1991, 12, 31), precision="year", reason="clause")
    assert recalled(old, pub) is not None
    assert recalled(saturday, pub) is None
