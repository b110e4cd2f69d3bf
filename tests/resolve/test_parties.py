"""Phrases of a parsed sentence -> actors, in the article's context (resolve/parties.py)."""

from __future__ import annotations

import pytest

from eventwire.model import Place
from eventwire.model.candidates import Attribution, QuoteCandidate, TextSpan
from eventwire.model.spans import SpanIndex
from eventwire.resolve.actors import ActorDictionary
from eventwire.resolve.parties import ActorContext, PartyNamer, conjuncts


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _namer(dictionary: ActorDictionary, places: list[Place] | None = None,
           country: str | None = None) -> PartyNamer:
    return PartyNamer(dictionary, ActorContext(SpanIndex(places or []), country))


def _phrase(doc, words: str):
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words))
    assert span is not None
    return span


def test_coordinated_phrase_gives_actor_and_associates(nlp, dictionary) -> None:
    doc = nlp("Russia and Iran sent more troops to the front.")
    span = _phrase(doc, "Russia and Iran")
    assert [c.text for c in conjuncts(span)] == ["Russia", "Iran"]
    actor, associates = _namer(dictionary).actors(span)
    assert actor is not None and actor.country == "RUS"
    assert [a.country for a in associates] == ["IRN"]


def test_a_town_names_where_not_who(nlp, dictionary) -> None:
    doc = nlp("Kunduz fell after a week of fighting.")
    town = Place(text="Kunduz", start=0, end=6, name="Kunduz", country="AFG", lat=36.7, lon=68.9,
                 feature="city")
    span = _phrase(doc, "Kunduz")
    assert _namer(dictionary, [town]).actor(span) is None
    assert _namer(dictionary, [town]).words(span, []) is None
    # the same words without a resolved place are kept as an actor of their own
    assert _namer(dictionary).words(span, []) is not None


def test_territorial_event_takes_the_other_camp_as_opponent(nlp, dictionary) -> None:
    doc = nlp("Malian troops retook the town from Islamist rebels on Sunday.")
    named = _namer(dictionary, country="MLI")
    army, _ = named.actors(_phrase(doc, "Malian troops"))
    assert army is not None and army.kind == "military"
    sent = next(iter(doc.sents))
    other = named.opponent(sent, army, ("Battles", "Government regains territory"))
    assert other is not None and other.kind == "rebels"
    assert named.opponent(sent, army, ("Battles", "Armed clash")) is None  # not a transfer of ground
    assert named.opponent(sent, None, ("Battles", "Government regains territory")) is None


def test_backers_named_by_a_backing_verb(nlp, dictionary) -> None:
    doc = nlp("The offensive by Syrian troops was backed by Russia.")
    named = _namer(dictionary, country="SYR")
    sent = next(iter(doc.sents))
    army, _ = named.actors(_phrase(doc, "Syrian troops"))
    assert [a.country for a in named.backers(sent, army)] == ["RUS"]


def test_source_is_named_by_the_dictionary_and_keeps_its_words(dictionary) -> None:
    text = "The Red Cross said, according to Reuters, that the convoy was hit."
    attr = Attribution(TextSpan("The Red Cross", 0, 13), "said", via=TextSpan("Reuters", 33, 40))
    source = _namer(dictionary).source(attr, "example.org")
    assert source is not None
    assert text[source.start:source.end] == source.text == "The Red Cross"
    assert source.kind in ("ngo", "igo") and source.via == "Reuters" and source.outlet == "example.org"
    assert _namer(dictionary).source(None, "example.org") is None


def test_pronoun_speaker_keeps_the_pronoun_and_names_whom_it_stands_for(dictionary) -> None:
    text = "Colonel Ana Ruiz arrived late. She said the crossing would reopen."
    q = QuoteCandidate(text=TextSpan("the crossing would reopen", 40, 65),
                       speaker=TextSpan("Colonel Ana Ruiz", 0, 16), direct=False, verb="said",
                       words=TextSpan("She", 31, 34))
    quote = _namer(dictionary).quote(q)
    assert quote.speaker is not None
    assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text == "She"
    assert quote.speaker.name == "Colonel Ana Ruiz"
    assert text[quote.start:quote.end] == quote.text


def test_named_speaker_keeps_its_name_as_its_words(dictionary) -> None:
    q = QuoteCandidate(text=TextSpan("the crossing would reopen", 27, 52),
                       speaker=TextSpan("Colonel Ana Ruiz", 0, 16), direct=False, verb="said")
    quote = _namer(dictionary).quote(q)
    assert quote.speaker is not None and quote.speaker.text == "Colonel Ana Ruiz"
    assert (quote.speaker.start, quote.speaker.end) == (0, 16)
