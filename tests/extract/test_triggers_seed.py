"""The seed article's events (EXPECTED.md E1-E6) come out of the trigger lexicon typed
right, and the non-events (an opinion, the weather, "does not end the war") stay out."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract.triggers import EventTyper
from eventwire.model.candidates import Trigger

SEED = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"
VIOLENT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN"}


@pytest.fixture(scope="module")
def sentences() -> list[tuple[str, list[Trigger]]]:
    if not SEED.exists():
        pytest.skip(f"seed article absent: {SEED}")
    from eventwire.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    typer = EventTyper.load()
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return [(s.text, typer.triggers(s)) for s in doc.sents]


def triggers_of(sentences: list[tuple[str, list[Trigger]]], *words: str) -> list[Trigger]:
    """Triggers of the (one) body sentence that contains every word of ``words``."""
    hits = [trigs for text, trigs in sentences if all(w in text for w in words)]
    assert hits, f"no sentence contains {words}"
    return hits[-1]


def test_e1_government_takes_control(sentences):
    trigs = triggers_of(sentences, "full control", "evacuating")
    acled = {t.acled for t in trigs}
    assert acled & {("Battles", "Government regains territory"),
                    ("Strategic developments", "Non-violent transfer of territory")}


def test_e2_evacuation(sentences):
    trigs = triggers_of(sentences, "Red Cross", "evacuated")
    assert {t.plover for t in trigs} & {"AID", "RETREAT", "COOPERATE"}
    assert not {t.plover for t in trigs} & VIOLENT


def test_e3_rebels_agree_to_deal(sentences):
    trigs = triggers_of(sentences, "agreed", "deal")
    agree = [t for t in trigs if t.plover == "AGREE"]
    assert agree and agree[0].acled == ("Strategic developments", "Agreement")


def test_e4_assad_meets_iranian_delegation(sentences):
    trigs = triggers_of(sentences, "meeting", "Iranian")
    assert "CONSULT" in {t.plover for t in trigs}
    assert not {t.plover for t in trigs} & VIOLENT


def test_e5_offensive_with_airpower(sentences):
    trigs = triggers_of(sentences, "offensive", "airpower")
    assaults = [t for t in trigs if t.plover == "ASSAULT"]
    assert assaults
    assert any(t.acled is not None and (t.acled[0] == "Battles"
               or t.acled == ("Explosions/Remote violence", "Air/drone strike")) for t in assaults)
    assert any(t.mode == "aerial" for t in assaults)


def test_e6_accused_of_atrocities(sentences):
    trigs = triggers_of(sentences, "accused", "atrocities")
    assert trigs[0].plover == "ACCUSE"


@pytest.mark.parametrize("words", [("considers", "terrorists"), ("freezing", "snow"),
                                   ("does not end the war",)])
def test_no_violence_from_non_events(sentences, words):
    trigs = triggers_of(sentences, *words)
    assert not {t.plover for t in trigs} & VIOLENT


def test_triggers_sorted_disjoint_and_exact(sentences):
    for text, trigs in sentences:
        for a, b in zip(trigs, trigs[1:]):
            assert a.end <= b.start
    assert any(trigs for _, trigs in sentences)
