"""The time rules: one declaration per rule (pattern, resolver, cue), and cues that hold."""

from __future__ import annotations

from datetime import date

from eventwire.resolve.timex import find_times
from eventwire.resolve.timex.find import candidates
from eventwire.resolve.timex.patterns import default_rules
from eventwire.resolve.timex.result import Unresolved

# one or more expressions of every rule, in news sentences written for this test
TEXT = (
    "The ministry published its figures on 2016-12-20 and again on 12/21/2016. "
    "Fighting resumed on Tuesday, Dec. 20, 2016, and on the 3rd of March, and in late July 2015. "
    "Talks set for January next year were moved to March. The convoy left on Monday night; "
    "the shelling stopped yesterday. Output fell in the second quarter of 2016 and in Q3 2015, "
    "below the year-earlier period and the 2015 period. Aid rose in the first half of 2016 and "
    "last summer, and is due by year-end, above year-earlier levels. Two weeks ago the army "
    "withdrew; last month it returned, and in the year it lost ground. The current fiscal year "
    "ends soon. The town was founded in nineteen ninety-six, grew in the 1990s and in 1998, "
    "and was besieged for three days in the past week. A weekend bombing shut the market; "
    "it reopened over the weekend and will close on Christmas Eve and on next Labor Day."
)
PUBLISHED = date(2016, 12, 22)


def test_every_rule_has_a_resolver_but_durations() -> None:
    rules = default_rules()
    assert [r.kind for r in rules if r.resolve is None] == ["duration", "duration"]
    assert len({r.kind for r in rules}) == len(rules) - 1


def test_every_rule_matches_here_and_its_cue_is_in_each_match() -> None:
    seen = set()
    for rule in default_rules():
        for m in rule.pattern.finditer(TEXT):
            seen.add(rule.kind)
            assert rule.cue.search(TEXT, m.start(), m.end()), (rule.kind, m.group(0))
    assert seen == {r.kind for r in default_rules()}


def test_cues_skip_rules_without_changing_what_is_found() -> None:
    found = candidates(TEXT, default_rules())
    everything = candidates(TEXT, tuple(r.__class__(r.kind, r.resolve, r.pattern, r.pattern)
                                        for r in default_rules()))  # each cue its own pattern
    assert [(c.start, c.end, c.kind) for c in found] == [(c.start, c.end, c.kind) for c in everything]
    assert candidates("Rebels attacked the convoy near the bridge.", default_rules()) == []


def test_words_that_only_look_like_times_are_dropped_and_others_keep_a_reason() -> None:
    assert Unresolved.NOT_A_MONTH.dropped and not Unresolved.NO_PUBLICATION_DATE.dropped
    assert find_times("Residents may march to the square if prices fall again.", PUBLISHED) == []
    undated = find_times("The strike came on Thursday.", None)
    assert [(t.text, t.reason) for t in undated] == [("Thursday", "no publication date")]


def test_each_rule_dates_its_own_expression() -> None:
    times = {t.text: t for t in find_times(TEXT, PUBLISHED)}
    assert times["Tuesday, Dec. 20, 2016"].start_date == date(2016, 12, 20)
    assert times["Monday night"].start_date == date(2016, 12, 19)
    assert times["last month"].start_date == date(2016, 11, 1)
    assert (times["Two weeks ago"].value, times["Two weeks ago"].precision) == ("2016-W49", "week")
    assert (times["the 1990s"].start_date, times["the 1990s"].end_date) == (date(1990, 1, 1), date(1999, 12, 31))
    assert times["three days"].reason == "duration" and times["three days"].start_date is None


def test_a_weekend_told_in_the_past_is_the_one_last_gone() -> None:
    times = {t.text: t for t in find_times(TEXT, PUBLISHED)}  # a Thursday story
    assert (times["A weekend"].start_date, times["A weekend"].end_date) == (date(2016, 12, 17), date(2016, 12, 18))
    assert times["the weekend"].value == "2016-W50-WE"
    sunday = find_times("Two men were shot over the weekend.", date(2016, 12, 18))
    assert [t.start_date for t in sunday] == [date(2016, 12, 17)]
    assert find_times("They spent a weekend in the hills.", PUBLISHED)[0].start_date is None


def test_named_days_are_the_occurrence_nearest_publication() -> None:
    times = {t.text: t for t in find_times(TEXT, PUBLISHED)}
    assert times["Christmas Eve"].start_date == date(2016, 12, 24)  # "will close": ahead
    assert times["next Labor Day"].start_date == date(2017, 9, 4)  # the first Monday of September
    story = "A man was shot at a New Year’s Eve party and another on Thanksgiving."
    days = {t.text: t.start_date for t in find_times(story, date(2017, 1, 3))}
    assert days == {"New Year’s Eve": date(2016, 12, 31), "Thanksgiving": date(2016, 11, 24)}
    assert find_times("Memorial Day", date(2016, 6, 10))[0].start_date == date(2016, 5, 30)  # the last Monday
