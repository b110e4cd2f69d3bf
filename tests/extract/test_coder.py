"""The learned event coder (coder.v1): the shipped model loads and reads new sentences.

The sentences are written for these tests (news-like, not from any gold set); each is an
unambiguous case of its class, so a sensible model gets it and a broken one does not.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from eventwire.errors import SetupError
from eventwire.extract.coder.labels import TAG_INDEX, TAGS, four_class
from eventwire.extract.coder.runtime import EventCoder, decode_roles
from eventwire.extract.coder.text import find_phrase

CASES = [
    ("Gunmen opened fire on a crowded market in the northern town, killing twelve shoppers.", 4),
    ("Army helicopters bombed militant hideouts in the mountains overnight.", 4),
    ("The two foreign ministers met in Geneva on Tuesday to discuss the ceasefire.", 1),
    ("The opposition leader accused the interior minister of rigging the election.", 3),
    ("The president rejected the union's demand for a pay rise and threatened to fire strikers.", 3),
    ("The charity delivered food and medicine to thousands of families in the camps.", 2),
]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


@pytest.mark.parametrize(("text", "quad"), CASES)
def test_classifies_new_sentences(coder: EventCoder, text: str, quad: int) -> None:
    (code,) = coder.code([text])
    assert four_class(code.quad) == four_class(quad), (text, code.probs)
    assert abs(sum(code.probs) - 1.0) < 1e-4


def test_a_reading_depends_on_its_sentence_only(coder: EventCoder) -> None:
    texts = [t for t, _ in CASES]
    fresh = EventCoder(cache=0)
    alone = [fresh.code([t])[0] for t in texts]
    assert coder.code(texts) == alone  # among others, in order: the same readings
    assert fresh.code(list(reversed(texts))) == list(reversed(alone))


def test_tags_who_acts_and_on_whom(coder: EventCoder) -> None:
    text = "Government troops shelled rebel positions near the river on Sunday."
    (code,) = coder.code([text])
    source, target = code.best("source"), code.best("target")
    assert source is not None and "troops" in text[source.start : source.end]
    assert target is not None and "positions" in text[target.start : target.end]


def test_missing_model_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(SetupError) as err:
        EventCoder(tmp_path / "nothing.onnx")
    msg = str(err.value)
    assert "\n" not in msg and "nothing.onnx" in msg and "--fast" in msg


def test_decode_roles_bio() -> None:
    text = "Rebels attacked the base"
    offsets = [(0, 0), (0, 6), (7, 15), (16, 19), (20, 24), (0, 0)]
    special = [1, 0, 0, 0, 0, 1]
    seq = ["O", "B-S", "O", "B-T", "I-T", "O"]
    probs = np.full((6, len(TAGS)), 0.01)
    for i, tag in enumerate(seq):
        probs[i, TAG_INDEX[tag]] = 0.95
    spans = decode_roles(text, offsets, special, probs)
    assert [(s.role, text[s.start : s.end]) for s in spans] == [
        ("source", "Rebels"), ("target", "the base")]


def test_find_phrase_ignores_tokenisation() -> None:
    text = "Baghdad's forces advanced on Kirkuk."
    span = find_phrase(text, "Baghdad 's forces")
    assert span is not None and text[span[0] : span[1]] == "Baghdad's forces"
    assert find_phrase(text, "Mosul") is None


def test_pipeline_uses_coder_and_fast_path_keeps_rules(pipeline) -> None:  # noqa: ANN001
    text = ("Insurgents ambushed an army convoy near the border on Monday, "
            "killing four soldiers, officials said.")
    assert pipeline.coder is not None
    coded = pipeline.process_text(text)
    rules = dataclasses.replace(pipeline, coder=None).process_text(text)
    assert [e.evidence.trigger_start for e in coded.events] == \
        [e.evidence.trigger_start for e in rules.events]
    assert any(e.type.plover == "ASSAULT" for e in coded.events)


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_fast_flag_is_offered(command: str) -> None:
    from typer.testing import CliRunner

    from eventwire.cli.main import app

    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0 and "--fast" in result.output


def test_fast_is_a_local_engine_option() -> None:
    from eventwire.engines.runner import open_engine
    from eventwire.errors import EventwireError

    with pytest.raises(EventwireError, match="--fast"), open_engine("spark", fast=True):
        pass


def test_a_reported_act_keeps_its_type_and_takes_the_sentence_class(pipeline) -> None:  # noqa: ANN001
    """ "said they would free the hostages": the release stays a release (its words), the
    record's class is the coder's reading of the sentence (an intent: verbal)."""
    doc = pipeline.process_text(
        "The rebel commander said on Sunday that his fighters would free the kidnapped "
        "engineers next week.")
    main = next(e for e in doc.events if e.evidence.main)
    assert main.type.plover == "CONCEDE"
    assert main.type.quad is not None and four_class(main.type.quad) != 2


def test_a_statement_of_doubt_is_an_event(pipeline) -> None:  # noqa: ANN001
    """ "X said it is sceptical of ...": a finite clause of "be" is what was said, not a
    view held ("considers X to be Y"), so the sentence yields the statement."""
    doc = pipeline.process_text(
        "The Kenyan farmers' union said it is sceptical of the new import rules.")
    assert doc.events
    assert doc.events[0].type.quad in (0, 1)


def test_coercion_without_a_word_of_violence(pipeline) -> None:  # noqa: ANN001
    """The coder's material conflict at a root verb acting on an object is coercion; a
    passive root ("was emboldened") gives nothing."""
    doc = pipeline.process_text("Kenyan police closed the only border crossing with the neighbouring country.")
    assert [e.type.plover for e in doc.events] == ["COERCE"]
    assert not pipeline.process_text("The Somali militia was emboldened by its recent gains in the north.").events


def test_the_coder_cache_is_set_by_its_environment_variable(monkeypatch):
    from eventwire.errors import SetupError
    from eventwire.extract.coder.runtime import CACHE, CACHE_ENV, cache_size

    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert cache_size() == CACHE
    monkeypatch.setenv(CACHE_ENV, "0")
    assert cache_size() == 0
    monkeypatch.setenv(CACHE_ENV, "many")
    with pytest.raises(SetupError, match=CACHE_ENV):
        cache_size()
