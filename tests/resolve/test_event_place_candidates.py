"""Unresolved place words as candidates of an event's place (sentences of our own)."""

from __future__ import annotations

import pytest

from eventwire.model.records import Place
from eventwire.resolve.places import Geoparser, load_gazetteer
from eventwire.resolve.places.candidates import sentence_words, unresolved
from eventwire.resolve.places.location import own_places, unresolved_location


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(load_gazetteer())


def test_the_name_after_a_place_noun_is_a_candidate_even_unknown_to_the_gazetteer(nlp) -> None:
    text = "Fighters seized the village of Zorqantel Abiru after a short battle."
    doc = nlp(text)
    words = sentence_words(doc[:], [])
    assert "Zorqantel Abiru" in [w.text for w in words]
    w = next(w for w in words if w.text == "Zorqantel Abiru")
    assert text[w.start:w.end] == w.text and w.lat is None and unresolved(w)


def test_words_a_mention_already_covers_are_not_offered_twice(nlp, geoparser) -> None:
    text = "Police arrested two men in the town of Aleppo on Monday."
    doc = nlp(text)
    places = geoparser.parse(doc, text)
    assert not [w for w in sentence_words(doc[:], places) if "Aleppo" in w.text]


def test_adjectives_and_organisation_names_are_never_unresolved_candidates() -> None:
    assert not unresolved(Place(text="Syrian", start=0, end=6, adjectival=True, how="not_in_gazetteer"))
    assert not unresolved(Place(text="Acme", start=0, end=4, in_org=True, how="not_in_gazetteer"))
    resolved = Place(text="Aleppo", start=0, end=6, lat=36.2, lon=37.2, feature="city", how="context")
    assert not unresolved(resolved)
    assert own_places([resolved, Place(text="Qorwendi", start=10, end=18, how="sentence_words")], 0, 30) \
        == [resolved, Place(text="Qorwendi", start=10, end=18, how="sentence_words")]


def test_an_unresolved_place_keeps_its_words_at_its_containers_coordinates() -> None:
    town = Place(text="Qorwendi", start=20, end=28, how="not_in_gazetteer")
    region = Place(text="Kandahar", start=40, end=48, name="Kandahar", country="AF", lat=31.6, lon=65.7,
                   feature="admin1", how="context")
    loc = unresolved_location(town, [town, region], None)
    assert (loc.text, loc.start, loc.end, loc.name) == ("Qorwendi", 20, 28, "Qorwendi")
    assert (loc.lat, loc.lon, loc.precision, loc.country) == (31.6, 65.7, "admin1", "AF")
    assert loc.gazetteer_id is None and loc.reason == "sentence;unresolved;within Kandahar"
    bare = unresolved_location(town, [town], None)
    assert bare.lat is None and bare.reason == "sentence;unresolved"


def test_none_carries_the_verbs_lemma_and_an_unresolved_place_its_kind(nlp) -> None:
    from eventwire.resolve.places.location import choice_features

    text = "Militants shelled the village of Zorqantel Abiru on Monday."
    doc = nlp(text)
    own = own_places(sentence_words(doc[:], []), 0, len(text))
    trigger = next(t.i for t in doc if t.text == "shelled")
    feats = choice_features(own, doc, trigger)
    assert feats[0]["none:lemma=shell"] == 1.0 and feats[0]["none:all_unresolved"] == 1.0
    assert feats[1]["unresolved=sentence_words"] == 1.0 and feats[1]["most_precise"] == 0.0


def test_an_event_in_a_village_the_gazetteer_lacks_is_placed_there_at_its_regions_coordinates(pipeline) -> None:
    text = "Militants shelled the village of Zorqantel Abiru in Idlib province on Monday."
    doc = pipeline.process_text(text)
    ev = next(e for e in doc.events if e.evidence.trigger_start == text.index("shelled"))
    loc = ev.location
    assert loc is not None and loc.start is not None and loc.end is not None
    assert text[loc.start:loc.end] == "Zorqantel Abiru" and loc.reason == "sentence;unresolved;within Idlib"
    assert loc.lat is not None and loc.precision == "admin1"
