"""The learned chooser of an event's place among its sentence's places (sentences of our own)."""

from __future__ import annotations

import json

import pytest

from eventwire.resolve.places import Geoparser, event_location, load_gazetteer
from eventwire.resolve.places.datafiles import data_file
from eventwire.resolve.places.location import CHOOSER_FILE, anchor, choice_features, load_chooser, own_places


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(load_gazetteer())


def place_of(nlp, geoparser: Geoparser, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    places = geoparser.parse(doc, text)
    i = next(t.i for t in doc if t.text == trigger)
    loc = event_location(places, 0, len(text), None, doc=doc, trigger=i)
    return None if loc is None else loc.text


def test_the_shipped_weights_say_where_they_come_from() -> None:
    card = json.loads(data_file(*CHOOSER_FILE).read_text(encoding="utf-8"))
    assert len(card["data_sha256"]) == 64 and "train_eventloc.py" in card["command"]
    weights = load_chooser()
    assert weights is not None and any(k.startswith("none:") for k in weights)
    assert all(abs(v) < 50 for v in weights.values())


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("Gunmen attacked a checkpoint in Baiji, 200 kilometres north of Baghdad, on Monday.", "attacked", "Baiji"),
    ("A man from Chicago was arrested in Denver on Friday.", "arrested", "Denver"),
    ("Soldiers who had fought in Kosovo marched through Belgrade on Sunday.", "marched", "Belgrade"),
])
def test_the_event_takes_the_place_tied_to_its_verb(nlp, geoparser, text: str, trigger: str, place: str) -> None:
    assert place_of(nlp, geoparser, text, trigger) == place


def test_none_is_an_option_scored_first(nlp, geoparser) -> None:
    text = "Rebels shelled the market in Aleppo."
    doc = nlp(text)
    own = own_places(geoparser.parse(doc, text), 0, len(text))
    feats = choice_features(own, doc, 2)
    assert len(feats) == len(own) + 1 and all(k.startswith("none:") for k in feats[0])


def test_the_place_of_an_event_noun_hangs_on_the_verb_that_launched_it(nlp, geoparser) -> None:
    text = "Rebels launched an offensive in Aleppo on Monday."
    doc = nlp(text)
    places = geoparser.parse(doc, text)
    noun = next(t.i for t in doc if t.text == "offensive")
    verb = next(t for t in doc if t.text == "launched")
    assert anchor(doc, noun, ((verb.idx, verb.idx + len(verb)),)) == verb.i
    assert anchor(doc, noun, ()) == noun  # no support verb among its words: the noun
    loc = event_location(places, 0, len(text), None, doc=doc, trigger=noun,
                         parts=((verb.idx, verb.idx + len(verb)),))
    assert loc is not None and loc.text == "Aleppo"
