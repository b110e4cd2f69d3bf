"""The temporal resolver on news conventions: a table of expressions and their dates.

Publication dates fall on every weekday, on month ends and on year ends. Each row is
(published, text, the expression's words, TIMEX3 value, first day, last day, precision).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from eventwire.model.records import Time
from eventwire.resolve.timex import (
    acled_time_precision,
    event_time,
    find_times,
    infer_published,
    ucdp_date_prec,
)

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"

D = date
THU = D(2016, 12, 22)

CASES = [
    # weekdays: the most recent such day, publication day included
    (D(2016, 12, 19), "The ministry said Thursday it had closed the border.", "Thursday",
     "2016-12-15", D(2016, 12, 15), D(2016, 12, 15), "day"),
    (D(2016, 12, 20), "Officials said Monday that talks had failed.", "Monday",
     "2016-12-19", D(2016, 12, 19), D(2016, 12, 19), "day"),
    (D(2016, 12, 21), "The agency reported Wednesday that 20 died.", "Wednesday",
     "2016-12-21", D(2016, 12, 21), D(2016, 12, 21), "day"),
    (THU, "Syrian state media reported Thursday.", "Thursday",
     "2016-12-22", THU, THU, "day"),
    (D(2016, 12, 23), "The two leaders met Sunday in Geneva.", "Sunday",
     "2016-12-18", D(2016, 12, 18), D(2016, 12, 18), "day"),
    (D(2016, 12, 24), "Police said Friday the attacker had fled.", "Friday",
     "2016-12-23", D(2016, 12, 23), D(2016, 12, 23), "day"),
    (D(2016, 12, 25), "Rebels shelled the town Saturday.", "Saturday",
     "2016-12-24", D(2016, 12, 24), D(2016, 12, 24), "day"),
    (THU, "Ministers will meet Friday to discuss the truce.", "Friday",
     "2016-12-23", D(2016, 12, 23), D(2016, 12, 23), "day"),
    (THU, "The council will vote Thursday on the resolution.", "Thursday",
     "2016-12-22", THU, THU, "day"),
    (D(2016, 12, 21), "The army said last Wednesday it had retaken the hill.", "last Wednesday",
     "2016-12-14", D(2016, 12, 14), D(2016, 12, 14), "day"),
    (D(2016, 12, 21), "Talks resume next Monday in Astana.", "next Monday",
     "2016-12-26", D(2016, 12, 26), D(2016, 12, 26), "day"),
    (THU, "Fighting broke out Thursday morning near the airport.", "Thursday morning",
     "2016-12-22", THU, THU, "day"),
    (D(2016, 12, 26), "Troops said Tuesday that they had withdrawn, Syria said.", "Tuesday",
     "2016-12-20", D(2016, 12, 20), D(2016, 12, 20), "day"),
    # days named relative to publication
    (THU, "Three people were killed yesterday.", "yesterday",
     "2016-12-21", D(2016, 12, 21), D(2016, 12, 21), "day"),
    (THU, "The convoy left today.", "today", "2016-12-22", THU, THU, "day"),
    (THU, "Voting starts tomorrow.", "tomorrow", "2016-12-23", D(2016, 12, 23), D(2016, 12, 23),
     "day"),
    (THU, "Shelling continued last night.", "last night", "2016-12-21", D(2016, 12, 21),
     D(2016, 12, 21), "day"),
    (THU, "4,000 fighters left overnight.", "overnight", "2016-12-21TNI", D(2016, 12, 21), THU,
     "day"),
    (THU, "It happened the day before yesterday.", "the day before yesterday", "2016-12-20",
     D(2016, 12, 20), D(2016, 12, 20), "day"),
    (D(2016, 3, 1), "The bridge collapsed yesterday.", "yesterday", "2016-02-29",
     D(2016, 2, 29), D(2016, 2, 29), "day"),
    (D(2017, 1, 1), "Fireworks were banned yesterday.", "yesterday", "2016-12-31",
     D(2016, 12, 31), D(2016, 12, 31), "day"),
    (D(2016, 12, 31), "The ceasefire starts tomorrow.", "tomorrow", "2017-01-01",
     D(2017, 1, 1), D(2017, 1, 1), "day"),
    (THU, "Rebels withdrew two days ago.", "two days ago", "2016-12-20", D(2016, 12, 20),
     D(2016, 12, 20), "day"),
    # dates
    (THU, "Rebels attacked on Dec. 15 at dawn.", "Dec. 15", "2016-12-15", D(2016, 12, 15),
     D(2016, 12, 15), "day"),
    (THU, "34,000 people had been evacuated since Dec. 15, including fighters.", "since Dec. 15",
     "2016-12-15", D(2016, 12, 15), THU, "week"),
    (THU, "The treaty was signed March 3, 1998, in Rome.", "March 3, 1998", "1998-03-03",
     D(1998, 3, 3), D(1998, 3, 3), "day"),
    (THU, "The treaty was signed on 3 March 1998 in Rome.", "3 March 1998", "1998-03-03",
     D(1998, 3, 3), D(1998, 3, 3), "day"),
    (THU, "Figures dated 2016-11-30 were released.", "2016-11-30", "2016-11-30",
     D(2016, 11, 30), D(2016, 11, 30), "day"),
    (THU, "The dividend is payable Jan. 5 to holders of record.", "Jan. 5", "2017-01-05",
     D(2017, 1, 5), D(2017, 1, 5), "day"),
    (D(2016, 1, 3), "The bombing on Dec. 28 killed nine.", "Dec. 28", "2015-12-28",
     D(2015, 12, 28), D(2015, 12, 28), "day"),
    (THU, "The summit, held Thursday, Dec. 15, ended early.", "Thursday, Dec. 15",
     "2016-12-15", D(2016, 12, 15), D(2016, 12, 15), "day"),
    (THU, "Talks ran Dec. 15-17 in Moscow.", "Dec. 15-17", "2016-12-15/2016-12-17",
     D(2016, 12, 15), D(2016, 12, 17), "week"),
    # weeks and weekends (ISO weeks, Monday to Sunday)
    (THU, "Last week, rebels agreed to a deal.", "Last week", "2016-W50", D(2016, 12, 12),
     D(2016, 12, 18), "week"),
    (THU, "Aid arrived this week.", "this week", "2016-W51", D(2016, 12, 19), D(2016, 12, 25),
     "week"),
    (THU, "Talks resume next week.", "next week", "2016-W52", D(2016, 12, 26), D(2017, 1, 1),
     "week"),
    (D(2017, 1, 2), "The offensive began last week.", "last week", "2016-W52", D(2016, 12, 26),
     D(2017, 1, 1), "week"),
    (D(2016, 1, 1), "Protests grew this week.", "this week", "2015-W53", D(2015, 12, 28),
     D(2016, 1, 3), "week"),
    (THU, "Protesters will gather this weekend.", "this weekend", "2016-W51-WE",
     D(2016, 12, 24), D(2016, 12, 25), "week"),
    (D(2016, 12, 19), "Clashes this weekend left ten dead.", "this weekend", "2016-W50-WE",
     D(2016, 12, 17), D(2016, 12, 18), "week"),
    (THU, "Three soldiers died three weeks ago.", "three weeks ago", "2016-W48",
     D(2016, 11, 28), D(2016, 12, 4), "week"),
    # months: past unless the verb is future
    (THU, "In September, the regime launched an offensive.", "September", "2016-09",
     D(2016, 9, 1), D(2016, 9, 30), "month"),
    (D(2016, 12, 31), "The two sides met in January.", "January", "2016-01", D(2016, 1, 1),
     D(2016, 1, 31), "month"),
    (D(2016, 12, 31), "The two sides will meet in January.", "January", "2017-01",
     D(2017, 1, 1), D(2017, 1, 31), "month"),
    (D(2016, 1, 15), "The town fell in December.", "December", "2015-12", D(2015, 12, 1),
     D(2015, 12, 31), "month"),
    (D(2016, 1, 15), "Elections will be held in December.", "December", "2016-12",
     D(2016, 12, 1), D(2016, 12, 31), "month"),
    (THU, "Fighting resumed earlier this month.", "earlier this month", "2016-12",
     D(2016, 12, 1), THU, "month"),
    (THU, "Prices rose later this month, analysts expect.", "later this month", "2016-12",
     THU, D(2016, 12, 31), "month"),
    (THU, "The siege tightened last month.", "last month", "2016-11", D(2016, 11, 1),
     D(2016, 11, 30), "month"),
    (D(2016, 1, 10), "The siege tightened last month.", "last month", "2015-12", D(2015, 12, 1),
     D(2015, 12, 31), "month"),
    (D(2016, 3, 31), "Exports fell last month.", "last month", "2016-02", D(2016, 2, 1),
     D(2016, 2, 29), "month"),
    (THU, "A new envoy arrives next month.", "next month", "2017-01", D(2017, 1, 1),
     D(2017, 1, 31), "month"),
    (THU, "The offensive began in late November.", "late November", "2016-11",
     D(2016, 11, 1), D(2016, 11, 30), "month"),
    (THU, "The airport closed in March 2015.", "March 2015", "2015-03", D(2015, 3, 1),
     D(2015, 3, 31), "month"),
    (THU, "The truce collapsed in May.", "May", "2016-05", D(2016, 5, 1), D(2016, 5, 31),
     "month"),
    (D(2016, 10, 10), "The plan was approved last April.", "last April", "2016-04",
     D(2016, 4, 1), D(2016, 4, 30), "month"),
    (D(1998, 2, 19), "In July last year the leader was arrested.", "July last year", "1997-07",
     D(1997, 7, 1), D(1997, 7, 31), "month"),
    (THU, "The army advanced six months ago.", "six months ago", "2016-06", D(2016, 6, 1),
     D(2016, 6, 30), "month"),
    # quarters
    (THU, "Profit fell in the third quarter.", "the third quarter", "2016-Q3", D(2016, 7, 1),
     D(2016, 9, 30), "quarter"),
    (THU, "Its third-quarter loss widened.", "third-quarter", "2016-Q3", D(2016, 7, 1),
     D(2016, 9, 30), "quarter"),
    (THU, "Exports dropped in Q3.", "Q3", "2016-Q3", D(2016, 7, 1), D(2016, 9, 30), "quarter"),
    (D(2017, 1, 20), "Sales rose in the fourth quarter.", "the fourth quarter", "2016-Q4",
     D(2016, 10, 1), D(2016, 12, 31), "quarter"),
    (THU, "Output grew in the first quarter of 2015.", "the first quarter of 2015", "2015-Q1",
     D(2015, 1, 1), D(2015, 3, 31), "quarter"),
    (THU, "Growth slowed in Q2 2015.", "Q2 2015", "2015-Q2", D(2015, 4, 1), D(2015, 6, 30),
     "quarter"),
    (D(2016, 11, 1), "Orders in the current quarter are strong.", "the current quarter",
     "2016-Q4", D(2016, 10, 1), D(2016, 12, 31), "quarter"),
    (D(2016, 11, 1), "Sales in the latest quarter fell.", "the latest quarter", "2016-Q3",
     D(2016, 7, 1), D(2016, 9, 30), "quarter"),
    # years
    (THU, "The ministry was founded in 2012.", "2012", "2012", D(2012, 1, 1), D(2012, 12, 31),
     "year"),
    (THU, "Rebels have controlled eastern Aleppo since 2012.", "since 2012", "2012",
     D(2012, 1, 1), THU, "year"),
    (THU, "The war escalated last year.", "last year", "2015", D(2015, 1, 1), D(2015, 12, 31),
     "year"),
    (THU, "Casualties rose this year.", "this year", "2016", D(2016, 1, 1), D(2016, 12, 31),
     "year"),
    (D(2016, 12, 31), "Elections are due next year.", "next year", "2017", D(2017, 1, 1),
     D(2017, 12, 31), "year"),
    (THU, "Fighting flared earlier this year.", "earlier this year", "2016", D(2016, 1, 1),
     THU, "year"),
    (THU, "The border opened a year ago.", "a year ago", "2015", D(2015, 1, 1),
     D(2015, 12, 31), "year"),
    (THU, "The mine closed two years ago.", "two years ago", "2014", D(2014, 1, 1),
     D(2014, 12, 31), "year"),
    (THU, "Violence peaked in the 1990s.", "the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31),
     "year"),
    (THU, "In fiscal 1998, the company lost money.", "fiscal 1998", "1998", D(1998, 1, 1),
     D(1998, 12, 31), "year"),
    (THU, "Output fell in the first half of 2015.", "the first half of 2015", "2015-H1",
     D(2015, 1, 1), D(2015, 6, 30), "month"),
    (THU, "The rebels retreated last spring.", "last spring", "2016-SP", D(2016, 3, 1),
     D(2016, 5, 31), "month"),
    # ranges: each end keeps its value and carries the whole interval
    (THU, "Strikes intensified between June and August.", "June", "2016-06", D(2016, 6, 1),
     D(2016, 8, 31), "quarter"),
    (THU, "Strikes intensified between June and August.", "August", "2016-08", D(2016, 6, 1),
     D(2016, 8, 31), "quarter"),
]


def _find(text: str, published: date | None, words: str) -> Time:
    times = find_times(text, published)
    hits = [t for t in times if t.text == words]
    assert hits, f"{words!r} not found in {[t.text for t in times]}"
    return hits[0]


@pytest.mark.parametrize(("published", "text", "words", "value", "start", "end", "precision"),
                         CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_expression_resolves(published, text, words, value, start, end, precision):
    t = _find(text, published, words)
    assert text[t.start : t.end] == t.text
    assert (t.value, t.start_date, t.end_date, t.precision) == (value, start, end, precision)


def test_table_is_large_and_covers_every_weekday():
    assert len(CASES) >= 60
    assert {c[0].weekday() for c in CASES} == set(range(7))


@pytest.mark.parametrize(("text", "words", "value"), [
    ("The Syrian government is in control for the first time in four years.", "four years",
     "P4Y"),
    ("The five-year civil war has killed more than 400,000 people.", "five-year", "P5Y"),
    ("Talks lasted several days.", "several days", "PXD"),
])
def test_durations_are_not_dates(text, words, value):
    t = _find(text, THU, words)
    assert (t.start_date, t.end_date, t.precision, t.reason, t.value) == (
        None, None, None, "duration", value)


@pytest.mark.parametrize("text", [
    "He may resign if the talks fail.",
    "Thousands march in protest.",
    "The fall of Aleppo marks a turning point.",
    "The group has 2000 members.",
])
def test_words_that_only_look_like_dates(text):
    dated = [t for t in find_times(text, THU) if t.start_date is not None]
    assert dated == [] or "2000" in text and dated[0].value == "2000"


def test_without_publication_date_relative_ones_stay_unresolved():
    text = "The ministry said Thursday the treaty of March 3, 1998, still holds."
    times = {t.text: t for t in find_times(text, None)}
    assert times["Thursday"].start_date is None
    assert times["Thursday"].reason == "no publication date"
    assert times["March 3, 1998"].start_date == D(1998, 3, 3)


def test_future_hints_off_keeps_everything_in_the_past():
    t = find_times("The two sides will meet in January.", D(2016, 12, 31), future_hints=False)
    assert t[0].value == "2016-01"


def test_anaphoric_year_ago_quarter_follows_the_named_quarter():
    text = "Net income rose in the third quarter. In the year-ago quarter, it lost money."
    times = {t.text: t for t in find_times(text, D(2016, 11, 2))}
    assert times["the year-ago quarter"].value == "2015-Q3"


def test_seed_times_sorted_non_overlapping_and_exact_spans():
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else _SEED_LIKE
    times = find_times(text, THU)
    assert times == sorted(times, key=lambda t: t.start)
    for a, b in zip(times, times[1:]):
        assert a.end <= b.start
    for t in times:
        assert text[t.start : t.end] == t.text
    values = {t.text: t.value for t in times}
    assert values["Thursday"] == "2016-12-22"
    assert values["Last week"] == "2016-W50"
    assert values["September"] == "2016-09"


_SEED_LIKE = (
    "State media reported Thursday. Rebels have held the east since 2012. In September, the "
    "regime attacked. Last week, rebels agreed to a deal. 34,000 people had been evacuated "
    "since Dec. 15, including 4,000 fighters who left overnight. It is the first time in "
    "four years."
)


def test_infer_published_from_the_seed():
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else _SEED_LIKE
    published, reason = infer_published(text)
    assert published in (D(2016, 12, 22), None), reason
    assert reason


def test_infer_published_from_since_year_span_and_weekday():
    published, reason = infer_published(_SEED_LIKE)
    assert published == D(2016, 12, 22)
    assert "Thursday" in reason


def test_infer_published_refuses_without_evidence():
    published, reason = infer_published("Rebels said Thursday they would fight on.")
    assert published is None
    assert reason.startswith("cannot infer")


def test_infer_published_from_a_full_date():
    published, _ = infer_published("On March 3, 1998, the treaty was signed. Officials said "
                                   "Friday it still holds.")
    assert published == D(1998, 3, 6)


def test_event_time_takes_the_clause_expression_nearest_the_trigger():
    text = "Rebels left overnight, and on Dec. 15 buses arrived."
    times = find_times(text, THU)
    ref = event_time(times, 0, len(text), THU, anchor=text.index("arrived"))
    assert ref is not None
    assert (ref.start, ref.end, ref.precision, ref.text, ref.reason) == (
        D(2016, 12, 15), D(2016, 12, 15), "day", "Dec. 15", "clause")
    first = event_time(times, 0, len(text), THU)
    assert first is not None and first.text == "overnight"


def test_event_time_falls_back_to_publication_date():
    text = "The rebels agreed to leave."
    ref = event_time(find_times(text, THU), 0, len(text), THU)
    assert ref is not None
    assert (ref.start, ref.end, ref.precision, ref.reason) == (THU, THU, "day",
                                                               "publication_date")
    assert event_time([], 0, len(text), None) is None


def test_event_time_skips_durations():
    text = "The four-year siege ended."
    assert event_time(find_times(text, THU), 0, len(text), THU).reason == "publication_date"


@pytest.mark.parametrize(("precision", "code"), [
    ("day", 1), ("week", 2), ("month", 3), ("quarter", 3), ("year", 3), (None, 3)])
def test_acled_time_precision(precision, code):
    assert acled_time_precision(precision) == code


@pytest.mark.parametrize(("start", "end", "precision", "code"), [
    (THU, THU, "day", 1),
    (D(2016, 12, 21), THU, "day", 1),
    (D(2016, 12, 19), D(2016, 12, 21), "week", 2),
    (D(2016, 12, 19), D(2016, 12, 25), "week", 3),
    (D(2016, 12, 15), THU, "week", 4),
    (D(2016, 11, 1), D(2016, 11, 30), "month", 4),
    (D(2016, 7, 1), D(2016, 9, 30), "quarter", 5),
    (D(2016, 1, 1), D(2016, 12, 31), "year", 5),
])
def test_ucdp_date_prec(start, end, precision, code):
    assert ucdp_date_prec(start, end, precision) == code
