"""The people an article names: carried on its lead event so that reports link by them.

A report names its victim or suspect in full once, often in a sentence that is no event
of its own ("Kevin Reyes, 26, was booked into the county jail"), and another outlet's
report of the same happening names them in another sentence, weeks later (the charge,
the trial). The sentence rules of ``across`` never see such a name. So the article's
**lead event** (its first factual violent event in text order, the happening it is
about) carries every person the article names in full (``Event.named``, each with its
span), ``aged`` when the article gives them an age: an age marks a party of the news (a
victim, a suspect), not the officials and reporters who speak of it. Linking asks one
report for an aged name and the other for the same name, aged or not
(``across.named_alike``); ``across.name_spans`` leaves out names after a title or before
a verb of saying. Only the lead event carries them: an event the article recalls for
context (another happening) must not take its names, or it would bridge two
happenings' clusters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from eventwire.link.across import name_spans
from eventwire.model import Article, Event, Named


def named_in(article: Article, place: str | None = None) -> tuple[Named, ...]:
    """Every person ``article`` names in full (``across.name_spans``), first mention of
    each name, in text order, ``aged`` when a mention gives an age; none in its
    boilerplate (a repeated headline, a photo credit), nor a name made of the words of
    ``place`` (the event's place: "Lake Stevens")."""
    words = set(re.findall(r"[a-z]+", place.lower())) if place else set()
    text = article.text

    def kept(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        return [(s, e, n) for s, e, n in spans if not any(s < b_end and b_start < e for b_start, b_end in article.boilerplate)]

    aged = {name for _, _, name in kept(name_spans(text, words, aged=True))}
    out: dict[str, Named] = {}
    for start, end, name in kept(name_spans(text, words)):
        if name not in out:
            out[name] = Named(name=name, text=text[start:end], start=start, end=end, aged=name in aged)
    return tuple(out.values())


def lead_event(events: Iterable[Event], lead: Callable[[Event], bool]) -> Event | None:
    """The first event, in text order, that ``lead`` accepts."""
    return min((e for e in events if lead(e)), key=lambda e: (e.evidence.start, e.id), default=None)


def with_names(events: list[Event], article: Article, lead: Callable[[Event], bool]) -> list[Event]:
    """``events`` with the lead event carrying the people the article names (``named_in``)."""
    first = lead_event(events, lead)
    if first is None:
        return events
    named = named_in(article, first.location.name if first.location else None)
    if not named:
        return events
    return [e.model_copy(update={"named": named}) if e.id == first.id else e for e in events]
