"""Parse-based roles on hand-written sentences (not from any gold set)."""

from __future__ import annotations

import pytest

from eventwire.extract.roles import roles
from eventwire.extract.triggers import EventTyper


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def typer():
    return EventTyper.load()


def actors(nlp, typer, text: str, lemma: str) -> tuple[str | None, str | None]:
    sent = nlp(text)[:]
    trig = next(t for t in typer.triggers(sent) if t.lemma == lemma)
    a1, a2 = roles(sent, trig)
    return (a1.text if a1 is not None else None, a2.text if a2 is not None else None)


@pytest.mark.parametrize(("text", "lemma", "actor1", "actor2"), [
    ("Government troops attacked a rebel base near the border on Monday.",
     "attack", "Government troops", "a rebel base near the border"),
    ("Two journalists were arrested by the police in the capital.",
     "arrest", "the police", "Two journalists"),
    ("The army launched an offensive against the militants last week.",
     "offensive", "The army", "the militants"),
    ("The foreign minister held talks with his Egyptian counterpart on Tuesday.",
     "hold talk", "The foreign minister", "his Egyptian counterpart"),
    ("Kenya's decision to expel the ambassador angered Uganda.",
     "expel", None, "the ambassador"),
    ("The European Union imposed sanctions on Belarus after the vote.",
     "impose sanction", "The European Union", "Belarus"),
    # the thing given is not the target; the one who receives it is
    ("The ministry provided field hospitals to the flooded provinces.",
     "provide", "The ministry", "the flooded provinces"),
    # a person sent somewhere is the target, not the place
    ("Border guards deported forty migrants to the neighbouring country.",
     "deport", "Border guards", "forty migrants"),
    # the target of a measure named as the object: "lift the embargo on X"
    ("The council refused to lift the embargo on the northern region.",
     "refuse", "The council", "the northern region"),
    ("The cabinet agreed to send medicine to the island's hospitals.",
     "agree", "The cabinet", "the island's hospitals"),
    # the place left by a withdrawal
    ("The alliance withdrew its engineers from the valley.",
     "withdraw", "The alliance", "the valley"),
    # reciprocal: two parties agreeing on a thing act on each other
    ("Chile and Peru signed a fisheries agreement.",
     "sign", "Chile and Peru", "Chile and Peru"),
    # a pronoun target is given as the nearest agreeing name before it
    ("The premier phoned Maria Lopez on Monday and urged her to resign.",
     "urge", "The premier", "Maria Lopez"),
    ("Rebels shelled two outposts and later destroyed them.",
     "destroy", "Rebels", "two outposts"),
])
def test_roles(nlp, typer, text, lemma, actor1, actor2):
    got1, got2 = actors(nlp, typer, text, lemma)
    if actor1 is not None:
        assert got1 == actor1
    assert got2 == actor2


def test_relative_clause_trimmed(nlp, typer):
    _, a2 = actors(nlp, typer, "Rebels killed three soldiers who were guarding a checkpoint.",
                   "kill")
    assert a2 == "three soldiers"


def test_no_target_is_none(nlp, typer):
    a1, a2 = actors(nlp, typer, "Thousands of students protested in the capital.", "protest")
    assert a1 == "Thousands of students"
    assert a2 is None


@pytest.mark.parametrize(("text", "place", "party"), [
    ("The rebels issued an ultimatum to Kandahar on Monday.", "Kandahar", True),
    ("The army threatened to shell Kandahar.", "Kandahar", True),
    ("Two men were killed in Kandahar on Monday.", "Kandahar", False),
    ("The governor of Kandahar resigned.", "Kandahar", False),
])
def test_a_place_names_a_party_by_its_role(nlp, text: str, place: str, party: bool) -> None:
    from eventwire.extract.roles import names_a_party

    doc = nlp(text)
    start = text.index(place)
    assert names_a_party(doc.char_span(start, start + len(place))) is party
