"""EventTyper API on hand-written sentences: offsets, order, classify, model loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import SetupError
from eventwire.extract.eventcat import EventCat
from eventwire.extract.triggers import EventTyper


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


def test_offsets_index_the_doc_text(nlp):
    typer = EventTyper.load()
    doc = nlp("Police arrested ten men after an air strike hit the market.")
    trigs = typer.triggers(doc[:])
    assert all(a.end <= b.start for a, b in zip(trigs, trigs[1:]))
    by_word = {doc.text[t.start:t.end]: t for t in trigs}
    assert by_word["arrested"].plover == "COERCE" and by_word["arrested"].mode == "arrest"
    assert by_word["air strike"].mode == "aerial"
    assert by_word["air strike"].acled == ("Explosions/Remote violence", "Air/drone strike")
    assert all(doc[t.token_i].idx >= t.start and doc[t.token_i].idx < t.end for t in trigs)


def test_rhetoric_and_weather_are_not_violence(nlp):
    typer = EventTyper.load()
    for text in ("The minister praised the fight against terrorism.",
                 "Freezing conditions and heavy snow slowed traffic."):
        assert not [t for t in typer.triggers(nlp(text)[:]) if t.plover == "ASSAULT"]


def test_classify_without_model_uses_main_trigger(nlp):
    typer = EventTyper.load(nlp=nlp)
    label, conf = typer.classify("Rebels shelled the town overnight.")
    assert label == "4" and 0 < conf <= 1


def test_classify_needs_nlp():
    with pytest.raises(SetupError):
        EventTyper.load().classify("Talks were held.")


def test_missing_model_is_a_setup_error(tmp_path: Path):
    with pytest.raises(SetupError, match="train_eventcat"):
        EventTyper.load(model_path=tmp_path / "absent.json")


def test_eventcat_round_trip(nlp, tmp_path: Path):
    feats = [["w:attack"], ["w:meet"], ["w:attack", "w:kill"], ["w:meet", "w:talk"]] * 3
    labels = [4, 1, 4, 1] * 3
    model = EventCat.fit(feats, labels)
    model.save(tmp_path / "m.json")
    again = EventCat.load(tmp_path / "m.json")
    assert again.predict_features(["w:attack"])[0] == "4"
    assert again.predict_features(["w:meet"])[0] == "1"


@pytest.mark.parametrize(("text", "plover", "acled"), [
    ("Police captured the suspect near the station.",
     "COERCE", ("Strategic developments", "Arrests")),
    ("Gunmen captured two engineers on the highway.",
     "ASSAULT", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Insurgents seized the town after a night of fighting.",
     "ASSAULT", ("Battles", "Non-state actor overtakes territory")),
    ("Government troops captured the village on Sunday.",
     "ASSAULT", ("Battles", "Government regains territory")),
    ("Customs officers seized two tonnes of cocaine.",
     "COERCE", ("Strategic developments", "Other")),
])
def test_capture_subtypes_follow_taker_and_taken(nlp, text, plover, acled):
    typer = EventTyper.load()
    trig = next(t for t in typer.triggers(nlp(text)[:]) if t.mode in
                ("occupy", "arrest", "abduct", "seize"))
    assert (trig.plover, trig.acled) == (plover, acled)


@pytest.mark.parametrize(("text", "acled"), [
    ("The fall of the city to the militants shocked the region.",
     ("Battles", "Non-state actor overtakes territory")),
    ("The fall of the port to the army ended the siege.",
     ("Battles", "Government regains territory")),
    ("Analysts wrote about the fall of the city.", None),
])
def test_fall_direction_follows_new_holder(nlp, text, acled):
    typer = EventTyper.load()
    trig = next(t for t in typer.triggers(nlp(text)[:]) if t.lemma == "fall")
    assert trig.acled == acled


@pytest.mark.parametrize(("text", "events"), [
    ("The government considers the rebels to be terrorists.", 0),
    ("The council will consider the proposal on Monday.", 1),
])
def test_a_view_held_is_no_event(nlp, text: str, events: int) -> None:
    typer = EventTyper.load()
    assert len([t for t in typer.triggers(nlp(text)[:]) if t.lemma == "consider"]) == events
