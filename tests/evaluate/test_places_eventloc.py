"""The event-location scorer (``evaluate/eventloc.py``) on records of our own."""

from __future__ import annotations

from eventwire.evaluate.eventloc import Record, event_of, judge
from eventwire.model.records import Event, EventType, Evidence, Location

TEXT = "Rebels shelled a market in Kafr Nabl, south of Idlib, on Monday."


def _event(trigger: tuple[int, int], place: tuple[int, int] | None, reason: str = "sentence") -> Event:
    loc = None if place is None else Location(name="x", precision="city", text=TEXT[place[0]:place[1]],
                                              start=place[0], end=place[1], reason=reason)
    return Event(id="e", type=EventType(plover="ASSAULT"), status="asserted", location=loc,
                 evidence=Evidence(sentence=TEXT, start=0, end=len(TEXT), trigger=TEXT[trigger[0]:trigger[1]],
                                   trigger_start=trigger[0], trigger_end=trigger[1]))


SHELLED = (TEXT.index("shelled"), TEXT.index("shelled") + 7)
KAFR = (TEXT.index("Kafr Nabl"), TEXT.index("Kafr Nabl") + 9)
IDLIB = (TEXT.index("Idlib"), TEXT.index("Idlib") + 5)


def test_the_event_of_the_verb_is_the_one_whose_trigger_overlaps_it() -> None:
    ev = _event(SHELLED, KAFR)
    assert event_of((ev,), SHELLED) is ev
    assert event_of((ev,), KAFR) is None


def test_verdicts() -> None:
    gold = Record(TEXT, SHELLED, (KAFR,), "tune")
    assert judge(gold, _event(SHELLED, KAFR)) == "right"
    assert judge(gold, _event(SHELLED, IDLIB)) == "wrong_place"
    assert judge(gold, _event(SHELLED, None)) == "missed"
    assert judge(gold, _event(SHELLED, KAFR, reason="article_focus")) == "missed"  # the focus is no sentence place
    assert judge(gold, None) == "no_event"
    nowhere = Record(TEXT, SHELLED, (), "tune")
    assert judge(nowhere, _event(SHELLED, None)) == "right"
    assert judge(nowhere, _event(SHELLED, IDLIB, reason="article_focus")) == "right"
    assert judge(nowhere, _event(SHELLED, IDLIB)) == "extra"


def test_a_verb_that_is_one_of_an_events_words_is_that_events_verb() -> None:
    text = "Rebels launched an attack on a market in Kafr Nabl on Monday."
    launched = (text.index("launched"), text.index("launched") + 8)
    attack = (text.index("attack"), text.index("attack") + 6)
    ev = Event(id="e", type=EventType(plover="ASSAULT"), status="asserted",
               evidence=Evidence(sentence=text, start=0, end=len(text), trigger="attack",
                                 trigger_start=attack[0], trigger_end=attack[1], parts=(launched,)))
    assert event_of((ev,), launched) is ev
    assert event_of((ev,), launched, parts=False) is None  # the held-out bar's reading
    assert event_of((ev,), (text.index("market"), text.index("market") + 6)) is None
