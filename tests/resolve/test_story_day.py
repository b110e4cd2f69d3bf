"""The event's own day: a report's day is not the happening's, the story's day comes from
the body, and page furniture dates nothing."""

from __future__ import annotations

from datetime import date

from eventwire.ingest.plaintext import layout
from eventwire.model.records import TimeRef
from eventwire.resolve.timex import event_time, find_times, governs, reported, story_times
from eventwire.resolve.timex.event import article_time

MON = date(2016, 3, 14)  # a Monday


def _at(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


def test_a_reports_day_dates_no_other_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Authorities said Monday that a boy shot and killed his brother last Friday."
    doc = nlp(text)
    shot = next(t.i for t in doc if t.text == "shot")
    assert reported(doc, *_at(text, "Monday"), shot)
    assert not reported(doc, *_at(text, "last Friday"), shot)
    times = find_times(text, MON)
    when = event_time(times, 0, len(text), MON, anchor=text.index("shot"),
                      skip=lambda t: reported(doc, t.start, t.end, shot),
                      own=lambda t: governs(doc, t.start, t.end, shot))
    assert when is not None and when.start == date(2016, 3, 11) and when.reason == "clause"


def test_the_body_tells_the_storys_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A woman was wounded in a shooting near the market.\n\n"
            "Police said Monday they had no suspect.\n\n"
            "It happened about 11:30 p.m. Saturday in the 1600 block of Elm Street.")
    doc = nlp(text)
    told = story_times(doc, find_times(text, MON))
    assert [t.text for t in told] == ["Saturday"]
    focus = article_time([], MON, told)
    assert focus is not None and focus.start == date(2016, 3, 12) and focus.reason == "article_focus"


def test_a_week_or_a_night_takes_the_day_told_later() -> None:
    last_week = TimeRef(start=date(2016, 3, 7), end=date(2016, 3, 13), precision="week", reason="clause")
    lead = TimeRef(start=date(2016, 3, 9), end=date(2016, 3, 9), precision="day", reason="clause")
    focus = article_time([last_week, lead], MON, (), [last_week, lead])
    assert focus is not None and focus.start == date(2016, 3, 9)
    old = TimeRef(start=date(2014, 6, 1), end=date(2014, 6, 1), precision="day", reason="clause")
    assert article_time([old], MON, (), [old]) is None  # a lead day over a year old is no news


def test_the_publication_day_named_is_that_day() -> None:
    times = find_times("Two men were killed just before 1 a.m. on May 1 in the city.", date(2015, 5, 1))
    assert [(t.text, t.start_date) for t in times] == [("May 1", date(2015, 5, 1))]


def test_a_house_number_is_no_year() -> None:
    times = find_times("He was shot outside 2014 W. Oak Street in 2015.", date(2016, 1, 4))
    assert [t.text for t in times] == ["2015"]


def test_page_furniture_is_marked() -> None:
    stamp = ("Posted: Thursday, August 14, 2014 5:46 PM EDT Updated: Thursday, August 14, 2014 "
             "5:49 PM EDT")
    text = ("Man held after two men were shot outside a bar on the east side of the city late on "
            "Wednesday night " + stamp + "\n"
            "October 10, 2013 8:49 AM\n"
            "Two men were shot at 10:30 p.m. EST Wednesday (Published Thursday, Aug. 14, 2014).")
    lay = layout(text, "Man held in bar shooting")

    def covered(words: str) -> bool:
        a, b = _at(text, words)
        return any(x <= a and b <= y for x, y in lay.boilerplate)

    for furniture in ("Posted: Thursday, August 14, 2014 5:46 PM EDT",
                      "Updated: Thursday, August 14, 2014 5:49 PM EDT", "October 10, 2013 8:49 AM",
                      "EST", "(Published Thursday, Aug. 14, 2014)"):
        assert covered(furniture), furniture
    for words in ("Man held after", "late on Wednesday night", "Two men were shot at 10:30 p.m.", "Wednesday ("):
        assert not covered(words), words


def test_a_report_in_the_present_does_not_take_a_past_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "About 7 p.m. on Saturday evening, officers say they were called to a house on Oak Street."
    doc = nlp(text)
    assert [t.text for t in story_times(doc, find_times(text, MON))] == ["Saturday evening"]
    text = "About 7 p.m. on Saturday evening, officers said they were called to a house on Oak Street."
    assert story_times(nlp(text), find_times(text, MON)) == []


def test_a_purpose_infinitive_is_no_plan() -> None:
    (t,) = find_times("Four people were hurt after a man used a rifle to open fire on a street Saturday night.", MON)
    assert t.start_date == date(2016, 3, 12)
    (t,) = find_times("The envoy is to visit the capital Saturday.", MON)
    assert t.start_date == date(2016, 3, 19)


def test_a_past_clause_reads_a_month_day_further_back() -> None:
    dec = date(2015, 12, 21)
    (t,) = find_times("Police charged a man in the April 16 killing of a teenager.", dec)
    assert t.start_date == date(2015, 4, 16)
    (t,) = find_times("The dividend was declared, payable Feb. 1.", dec)
    assert t.start_date == date(2016, 2, 1)
    (t,) = find_times("The summit would be held on April 16.", dec)  # a plan told in the past
    assert t.start_date == date(2016, 4, 16)


def test_a_day_on_the_noun_a_trigger_modifies_dates_that_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A man is charged in connection with the March 9 shooting death of a woman on Oak Street."
    doc = nlp(text)
    shooting = next(t.i for t in doc if t.text == "shooting")
    assert not reported(doc, *_at(text, "March 9"), shooting)
    assert reported(doc, *_at(text, "March 9"))


def test_the_lede_day_is_the_one_its_own_trigger_governs(pipeline) -> None:  # type: ignore[no-untyped-def]
    from eventwire.ingest.readers import make_article

    text = ("Two people were wounded in a shooting on Elm Street.\n\n"
            "A man accused of shooting two people and fleeing from police was still at large Tuesday.\n\n"
            "Two people were shot on Elm Street late last night.")
    art = make_article(text, "t:own-day", published=date(2016, 3, 15), headline_first=False)
    (doc,) = pipeline.process([art])
    first = doc.events[0]  # the headline's shooting, undated: the story's day, not Tuesday
    assert first.evidence.sentence.startswith("Two people were wounded")
    assert first.time is not None and first.time.start == date(2016, 3, 14)


def test_a_report_in_the_present_on_the_publication_day_is_that_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A girl was wounded by a stray bullet near the river.\n\n"
            "The county sheriff says Monday that the girl was hit on Friday while playing outside.")
    doc = nlp(text)
    i = text.index("Monday")
    assert reported(doc, i, i + len("Monday"), today=True)  # today's report, in a Monday story
    assert not reported(doc, i, i + len("Monday"))  # another day: the present report tells it
    told = story_times(doc, find_times(text, MON), published=MON)
    assert [t.text for t in told] == ["Friday"]
    focus = article_time([], MON, told)
    assert focus is not None and focus.start == date(2016, 3, 11)



def test_a_present_report_of_a_day_told_further_on_keeps_that_day(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    # a parse that hangs the day, told at the end of the reported clause, from "say"
    words = ["Police", "say", "it", "happened", "near", "the", "bridge", "around", "9", "p.m.",
             "Monday", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1, 3, 6, 4, 1, 9, 7, 7, 1],
              deps=["nsubj", "ROOT", "nsubj", "ccomp", "prep", "det", "pobj", "prep", "nummod",
                    "pobj", "npadvmod", "punct"],
              pos=["NOUN", "VERB", "PRON", "VERB", "ADP", "DET", "NOUN", "ADP", "NUM", "NOUN",
                   "PROPN", "PUNCT"],
              tags=["NNS", "VBP", "PRP", "VBD", "IN", "DT", "NN", "IN", "CD", "NN", "NNP", "."],
              lemmas=["police", "say", "it", "happen", "near", "the", "bridge", "around", "9", "p.m.",
                      "Monday", "."])
    i = doc.text.index("Monday")
    assert not reported(doc, i, i + len("Monday"), today=True)


def test_a_day_after_the_happenings_noun_dates_it_not_the_charge(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Charges have been filed in the stabbing death of a local teenager on Friday night."
    doc = nlp(text)
    stabbing = next(t.i for t in doc if t.text == "stabbing")
    friday = doc.char_span(*_at(text, "Friday night"), alignment_mode="expand")
    assert friday is not None and friday.root.head.head.text == "filed"  # the parse hangs it on the charge
    assert not reported(doc, *_at(text, "Friday night"), stabbing)
    assert reported(doc, *_at(text, "Friday night"))  # with no event: the charge's day
    text = "A man was charged Tuesday in the stabbing death of a local teenager."
    doc = nlp(text)
    stabbing = next(t.i for t in doc if t.text == "stabbing")
    assert reported(doc, *_at(text, "Tuesday"), stabbing)  # before the noun: the charge's day


def test_a_day_on_another_noun_dates_that_thing_not_the_happening(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor announced new details about the shooting on the bridge in a Sunday morning briefing."
    doc = nlp(text)
    shooting = next(t.i for t in doc if t.text == "shooting")
    assert reported(doc, *_at(text, "Sunday morning"), shooting)  # the briefing's day
    text = "Charges have been filed in the stabbing death of a local teenager on Friday night."
    doc = nlp(text)
    stabbing = next(t.i for t in doc if t.text == "stabbing")
    assert not reported(doc, *_at(text, "Friday night"), stabbing)  # beside the happening's noun


def test_a_day_after_another_phrase_of_the_verb_dates_that_step(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "He pleaded not guilty to the murder charges at a hearing in the county court on Wednesday."
    doc = nlp(text)
    murder = next(t.i for t in doc if t.text == "murder")
    assert reported(doc, *_at(text, "Wednesday"), murder)  # the plea's day, not the murder's


def test_a_follow_up_story_takes_the_day_told_weeks_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Two men have been charged in the killing of a store clerk.\n\n"
            "The clerk was shot on Aug. 5 during a robbery on Main Street.")
    sept = date(2016, 9, 20)
    told = story_times(nlp(text), find_times(text, sept), published=sept)
    focus = article_time([], sept, told)
    assert focus is not None and focus.start == date(2016, 8, 5) and focus.reason == "article_focus"
    old = "The clerk was shot on Aug. 5, 2014, during a robbery on Main Street."
    assert article_time([], sept, story_times(nlp(old), find_times(old, sept), published=sept)) is None

