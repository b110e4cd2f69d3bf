"""Attribution, quotes and claim status on the seed article (EXPECTED.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.extract.attribution import attribution
from eventwire.extract.quotes import find_quotes
from eventwire.extract.status import status

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "corpus" / "seed" / "000_8057f10ad668c9f6.txt"


@pytest.fixture(scope="module")
def doc():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()(SEED.read_text(encoding="utf-8"))


def tok(doc, word: str, after: str) -> int:
    """Index of the first token ``word`` after the words ``after``."""
    start = doc.text.index(after)
    return next(t.i for t in doc if t.idx >= start and t.text == word)


def test_quote_spans_index_the_text(doc):
    quotes = find_quotes(doc)
    assert quotes == sorted(quotes, key=lambda q: (q.text.start, q.text.end))
    for q in quotes:
        assert doc.text[q.text.start : q.text.end] == q.text.text
        if q.speaker is not None:
            assert doc.text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_general_command_quote_via_sana(doc):
    q = next(q for q in find_quotes(doc) if q.text.text.startswith("The restoration of security"))
    assert q.direct and q.speaker is not None and q.via is not None
    assert q.speaker.text == "the Syrian army’s general command"
    assert "SANA" in q.via.text
    assert q.text.text.endswith("from another")


def test_assad_quote_and_its_continuation(doc):
    quotes = find_quotes(doc)
    first = next(q for q in quotes if q.text.text.startswith("Liberating Aleppo from terrorism"))
    second = next(q for q in quotes if q.text.text.startswith("It is also a relapse"))
    for q in (first, second):
        assert q.direct and q.speaker is not None and q.speaker.text == "Assad"
        assert q.via is not None and q.via.text == "SANA"
    assert "Rebels have controlled" not in second.text.text


def test_first_sentence_reported_by_state_media(doc):
    for word in ("control", "reported"):
        att = attribution(doc, tok(doc, word, "The Syrian government is in full"))
        assert att is not None
        assert att.source.text == "Syrian state media"
        assert att.verb == "reported"


def test_evacuated_sourced_to_red_cross(doc):
    i = tok(doc, "evacuated", "34,000 people")
    att = attribution(doc, i)
    assert att is not None and att.source.text == "the International Committee of the Red Cross"
    assert status(doc, i, att).status == "asserted"


def test_atrocities_are_alleged(doc):
    for word in ("atrocities", "accused"):
        assert status(doc, tok(doc, word, "Russia and Syria")).status == "alleged"


def test_does_not_end_the_war_is_negated(doc):
    decision = status(doc, tok(doc, "end", "It does not"))
    assert decision.status == "negated"
    assert decision.cue is not None and decision.cue.text == "not"


def test_terrorists_label_is_not_asserted(doc):
    assert status(doc, tok(doc, "terrorists", "considers all rebels")).status != "asserted"


def test_civil_war_toll_is_background(doc):
    decision = status(doc, tok(doc, "killed", "civil war, which has"))
    assert decision.status == "background"
    assert decision.reason == "duration:war"


def test_lasting_control_is_background(doc):
    assert status(doc, tok(doc, "controlled", "Rebels have")).status == "background"
    assert status(doc, tok(doc, "control", "rebels still")).status == "background"


def test_photo_credit_is_no_source(doc):
    for t in doc:
        att = attribution(doc, t.i)
        assert att is None or "Getty" not in att.source.text
