"""An event's time: the expression governing its clause, else the article's own day of the
happening (its first past day told in the body, "Saturday night" in a Monday story), else
the publication date.

A time that a reporting or procedural verb governs ("police said Monday", "was charged
Tuesday", "appeared in court Wednesday"; data/time_words.json ``report_verbs``) dates that
report, not the happening it tells of: it dates no other event of its sentence and is not
the story's day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventwire.model.records import Event, Time, TimeRef
from eventwire.resolve.timex.words import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MAX_CLIMB = 12  # dependency steps from a time expression up to its verb
PRESENT = frozenset({"VBP", "VBZ"})  # Penn tags of a finite verb in the present tense
NOUN_MODIFIER = frozenset({"compound", "amod", "nmod"})  # a trigger inside a noun phrase


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


def reported(doc: Doc, start: int, end: int, trigger: int | None = None,
             verbs: frozenset[str] | None = None, *, today: bool = False) -> bool:
    """True when the time at ``[start, end)`` dates a report or a step of the proceedings:
    the first verb above it in the parse is a reporting or procedural verb, and the walk
    up does not pass the event's own trigger (token ``trigger``) first ("the April 16
    shooting" in "charged in the April 16 shooting" dates the shooting), nor the noun
    the trigger modifies ("charged in the August 14 shooting death"). A report in the
    present dates it too when the time, right beside the verb, is the publication day
    (``today``): "the sheriff says Monday that" in a Monday story is today's report, not
    "says the shooting happened about 5 p.m. Monday"."""
    span = _span(doc, start, end)
    if span is None:
        return False
    verbs = load_lexicon().report_verbs if verbs is None else verbs
    own = {trigger} if trigger is not None else set()
    if trigger is not None and doc[trigger].dep_ in NOUN_MODIFIER:
        own.add(doc[trigger].head.i)  # "the August 14 shooting death": the noun it modifies
    tok = span.root
    other = _names_other(span, own)
    for _ in range(MAX_CLIMB):
        if tok.i in own:
            return False
        if tok.pos_ == "VERB" and not span.start <= tok.i < span.end:
            # a report in the present ("officials say they were called Wednesday
            # evening") is today's: a past day in its clause dates what it tells
            beside = span.start == tok.i + 1 or span.end == tok.i  # "says Monday that"
            if trigger is not None and not other and _told_between(doc, tok.i, trigger, span.start):
                return False
            return tok.lemma_.lower() in verbs and (tok.tag_ not in PRESENT or (today and beside))
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _names_other(span: Span, own: set[int]) -> bool:
    """True when the time modifies a noun other than the event's own ("in a Saturday
    night press conference"): it dates that thing, not the happening told beside it."""
    root = span.root
    return root.dep_ in NOUN_MODIFIER and root.head.pos_ == "NOUN" and root.head.i not in own \
        and not span.start <= root.head.i < span.end


def _told_between(doc: Doc, verb: int, trigger: int, time: int) -> bool:
    """True when the event's own noun stands between the verb and the time, in the verb's
    phrase, and the time follows its noun phrase at once: "charged in the shooting death of
    a man on Saturday" (the parse hangs the day on "charged"; it tells the shooting's), not
    "charged Tuesday in the shooting", nor "pleaded not guilty to the murder charges at a
    hearing on Wednesday" (a phrase of the plea stands between)."""
    tok = doc[trigger]
    nominal = tok.pos_ in ("NOUN", "PROPN") or tok.dep_ in NOUN_MODIFIER
    if not (verb < trigger < time and nominal and any(a.i == verb for a in tok.ancestors)):
        return False
    noun = tok.head if tok.dep_ in NOUN_MODIFIER else tok
    between = doc[noun.right_edge.i + 1 : time]
    return len(between) <= 1 and all(t.pos_ == "ADP" for t in between)


def governs(doc: Doc, start: int, end: int, trigger: int) -> bool:
    """True when the time at ``[start, end)`` hangs from the trigger (token ``trigger``)
    with no other verb between: "shot and killed his sons Friday morning", not "who lost
    his job last week" in the same sentence."""
    span = _span(doc, start, end)
    if span is None:
        return False
    tok = span.root
    for _ in range(MAX_CLIMB):
        if tok.i == trigger or (tok.dep_ == "conj" and tok.head.i == trigger) \
                or (doc[trigger].dep_ == "conj" and doc[trigger].head.i == tok.i):
            return True  # "shot and killed his sons Friday": the verbs of one happening
        if (tok.pos_ == "VERB" and not span.start <= tok.i < span.end) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def token_at(doc: Doc, start: int, end: int) -> int | None:
    """The index of the head token of the characters ``[start, end)``."""
    span = _span(doc, start, end)
    return span.root.i if span is not None else None


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens over the characters ``[start, end)``, None where there are none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def story_times(doc: Doc, times: Iterable[Time], body_start: int = 0,
                published: date | None = None) -> list[Time]:
    """The body's day expressions that may date the story's happening, in text order: a
    past or present day ("It happened Monday night", "about 10:30 p.m. Sunday"), not
    the day of a report or a proceeding ("said Monday", "was arraigned Tuesday", "says
    Monday" in a Monday story)."""
    return [t for t in times
            if t.start >= body_start and t.precision == "day" and t.start_date is not None
            and not reported(doc, t.start, t.end, today=published is not None and t.start_date == published)]


def _fits(t: date, published: date, window: timedelta) -> bool:
    return published - window <= t <= published


def article_time(told: list[TimeRef | None], published: date | None,
                 stated: Iterable[Time] = (), leads: list[TimeRef | None] | None = None) -> TimeRef | None:
    """The day a news story's happening took place, in this order:

    1. the first day, in text order, that its own clause gives a lead event (``leads``:
       the violent happenings), not after publication and not more than a year before
       ("five teenagers were shot on June 21" in a July story about an arrest);
    2. the first day told in the body (``stated``, see ``story_times``) at most a week
       before publication ("It happened Monday night");
    3. the first event time (``told``) that its own clause gave to the day ("shot Saturday
       night" in a Monday story, "early Sunday"), at most a week old;
    4. the first day told in the body at most a year before publication: a follow-up
       story ("the shooting happened on Aug. 5" in a September story about the charges).

    The events told without a time of their own ("the man died at the hospital") take it
    instead of the publication date. None without a publication date."""
    if published is None:
        return None
    for t in leads or ():  # a night ("overnight") spans two days: a day told later says which
        if t is not None and t.reason == "clause" and t.precision == "day" and t.start == t.end \
                and _fits(t.start, published, CONTEXT_AGE):
            return t.model_copy(update={"reason": "article_focus"})
    for x in stated:
        if x.start_date is not None and x.end_date is not None and _fits(x.start_date, published, FOCUS_WINDOW):
            return TimeRef(start=x.start_date, end=x.end_date, precision="day", text=x.text,
                           reason="article_focus", span_start=x.start, span_end=x.end)
    for t in told:
        if t is None or t.reason != "clause" or t.precision != "day":
            continue
        if _fits(t.start, published, FOCUS_WINDOW):
            return t.model_copy(update={"reason": "article_focus"})
    for x in stated:  # a follow-up story: "the shooting happened on Aug. 5", weeks back
        if x.start_date is not None and x.end_date is not None and _fits(x.start_date, published, CONTEXT_AGE):
            return TimeRef(start=x.start_date, end=x.end_date, precision="day", text=x.text,
                           reason="article_focus", span_start=x.start, span_end=x.end)
    return None


def event_time(
    times: list[Time],
    start: int,
    end: int,
    published: date | None,
    anchor: int | None = None,
    skip: Callable[[Time], bool] | None = None,
    own: Callable[[Time], bool] | None = None,
) -> TimeRef | None:
    """The dated expression inside ``[start, end)`` nearest ``anchor`` (the trigger).

    Without an anchor the first one in the span wins. Durations and unresolved
    expressions are skipped, and so is every expression ``skip`` refuses (the day of a
    report: see ``reported``); an expression ``own`` says hangs from the trigger itself
    (``governs``) comes before a nearer one of another clause. If none is left the publication date stands in, with
    reason "publication_date" (the pipeline then gives such events the story's own day,
    ``article_time``, where it has one); with no publication date either, None.
    """
    inside = [
        t for t in times
        if start <= t.start and t.end <= end and t.start_date and t.end_date and t.precision
        and (skip is None or not skip(t))
    ]
    if inside:
        mine = [t for t in inside if own(t)] if own is not None else []
        pool = mine or inside
        best = min(pool, key=lambda t: (_distance(t, anchor), t.start)) if anchor is not None \
            else pool[0]
        assert best.start_date and best.end_date and best.precision
        return TimeRef(start=best.start_date, end=best.end_date, precision=best.precision,
                       text=best.text, reason="clause", span_start=best.start,
                       span_end=best.end)
    if published is None:
        return None
    return TimeRef(start=published, end=published, precision="day", text=None,
                   reason="publication_date")


def _refines(t: TimeRef | None, focus: TimeRef) -> bool:
    """Undated, or dated by a week, a month or a night that holds the story's day ("shot
    last week" and, later, "on March 11"; "overnight" and "about 2:30 a.m. Sunday")."""
    if t is None:
        return False
    if t.reason == "publication_date":
        return True
    return t.reason == "clause" and _unit(t) and t.start <= focus.start <= t.end \
        and focus.start == focus.end


def _unit(t: TimeRef) -> bool:
    """A calendar week or weekend, a calendar month, or a night: a time the story's day
    may sit inside, not an interval the happening lasts ("since Dec. 15")."""
    days = (t.end - t.start).days
    if t.precision == "week":
        return (t.start.weekday(), days) in ((0, 6), (5, 1))
    if t.precision == "month":
        return t.start.day == 1 and t.end.month == t.start.month and (t.end + timedelta(days=1)).day == 1
    return t.precision == "day" and days == 1


def own_day(doc: Doc, event: Event) -> bool:
    """True when the event's time is an expression that hangs from its own trigger
    (``governs``): "Two people were shot late last night", not "A man accused of shooting
    two people was still on the run Thursday"."""
    t, ev = event.time, event.evidence
    if t is None or t.span_start is None or t.span_end is None or ev.trigger_start is None \
            or ev.trigger_end is None:
        return False
    trigger = token_at(doc, ev.trigger_start, ev.trigger_end)
    return trigger is not None and governs(doc, t.span_start, t.span_end, trigger)


def dated_by_lede(events: list[Event], published: date | None, *,
                  not_dating: frozenset[str] = frozenset(), stated: Iterable[Time] = (),
                  lead: Callable[[Event], bool] | None = None,
                  own: Callable[[Event], bool] | None = None) -> list[Event]:
    """Events without a time of their own take the story's day of the happening (see
    ``article_time``) rather than the publication date, and so do events dated only by a
    week or a month that holds it. An event whose extractor is in ``not_dating`` (the
    coder's proposal for a sentence without a trigger: a statement, an aside) does not
    date the story; ``lead`` picks the events whose day is the story's (the violent
    happenings, told as fact); among them, those whose day hangs from their own trigger
    (``own``, see ``own_day``) and lies in the week before publication come first."""
    dating = [e for e in events if e.evidence.extractor not in not_dating]
    led = [e for e in dating if lead is not None and lead(e)]
    if own is not None and published is not None:
        first = [e for e in led if e.time is not None and _fits(e.time.start, published, FOCUS_WINDOW)
                 and own(e)]
        led = first + [e for e in led if e not in first]
    leads = [e.time for e in led]
    focus = article_time([e.time for e in dating], published, stated, leads)
    if focus is None:
        return events
    return [e.model_copy(update={"time": focus}) if _refines(e.time, focus) else e for e in events]
