"""Attribution: source, via and reporting verb of a trigger, from the parse."""

from __future__ import annotations

import pytest

from eventwire.extract.attribution import attribution


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


def attr_of(nlp, text: str, word: str):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    return doc, attribution(doc, i)


def test_reporting_clause_before(nlp):
    _, att = attr_of(nlp, "The navy said its ships had sunk two smuggling boats.", "sunk")
    assert att is not None and att.source.text == "The navy" and att.verb == "said"
    assert att.via is None


def test_reporting_clause_after(nlp):
    text = "Three police officers were wounded in the clash, the governor said."
    _, att = attr_of(nlp, text, "wounded")
    assert att is not None and att.source.text == "the governor"


def test_according_to_alone_is_the_source(nlp):
    text = "The flood destroyed 300 homes, according to the Red Crescent."
    _, att = attr_of(nlp, text, "destroyed")
    assert att is not None and att.source.text == "the Red Crescent"
    assert att.verb == "according to" and att.via is None


def test_nested_speaker_via_agency(nlp):
    text = (
        "The border police said in a statement that guards had seized a weapons shipment, "
        "according to the Petra news agency."
    )
    doc, att = attr_of(nlp, text, "seized")
    assert att is not None and att.source.text == "The border police"
    assert att.via is not None and att.via.text == "the Petra news agency"
    assert doc.text[att.via.start : att.via.end] == att.via.text


def test_nested_reporting_verbs(nlp):
    text = "The defence minister said troops had reached the river, the state broadcaster reported."
    _, att = attr_of(nlp, text, "reached")
    assert att is not None and att.source.text == "The defence minister"
    assert att.via is not None and att.via.text == "the state broadcaster"


def test_citing(nlp):
    text = "Rebels shot down a jet, the opposition radio said, citing a local commander."
    _, att = attr_of(nlp, text, "shot")
    assert att is not None and att.source.text == "a local commander"
    assert att.via is not None and att.via.text == "the opposition radio"


def test_unattributed_fact(nlp):
    _, att = attr_of(nlp, "Heavy rain flooded the refugee camp on Tuesday.", "flooded")
    assert att is None


def test_subject_relative_clause_is_not_reported(nlp):
    text = "Inspectors who visited the site on Monday said the plant was undamaged."
    _, att = attr_of(nlp, text, "visited")
    assert att is None


def test_trigger_inside_quote_takes_the_speaker(nlp):
    text = "“We took the bridge at dawn,” the commander said. “The enemy fled east.”"
    _, att = attr_of(nlp, text, "fled")
    assert att is not None and att.source.text == "the commander"


def test_paragraph_break_stops_attribution(nlp):
    text = "Officials said little about the talks.\n\nMilitants attacked a checkpoint on Sunday."
    _, att = attr_of(nlp, text, "attacked")
    assert att is None


@pytest.mark.parametrize(("text", "word", "actor"), [
    ("The town council in Gulu has decided to lift the curfew hours in the old market.", "curfew",
     "The town council in Gulu"),
    ("Farmers from the delta vowed to hold more sit-ins next month.", "sit", "Farmers from the delta"),
    ("The militia threatened to shell the airport.", "shell", "The militia"),
])
def test_who_commits_acts_in_what_it_commits_to(nlp, text: str, word: str, actor: str):
    from eventwire.extract.attribution import acting_subject
    from eventwire.extract.claim_cues import load_cues

    doc = nlp(text)
    i = next(t.i for t in doc if t.text.startswith(word))
    found = acting_subject(doc[i].sent, i, load_cues())
    assert found is not None and found.text == actor
