"""The named rules that judge a matched name (``mentions.RULES``): each says why."""

from __future__ import annotations

import pytest

from eventwire.resolve.places import load_gazetteer
from eventwire.resolve.places.mentions import (
    RULES,
    Outcome,
    Reason,
    _capital_runs,
    _entity_index,
    _gazetteer_spans,
    judge,
    load_knowledge,
)


def test_one_rule_per_reason_and_the_last_applies_to_anything() -> None:
    assert sorted(r.reason.value for r in RULES) == sorted(r.value for r in Reason)
    assert RULES[-1].outcome is Outcome.REJECT and RULES[-1].applies(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "name", "reason"), [
    ("Troops shelled the town near Aleppo on Tuesday.", "Aleppo", {Reason.PLACE_LABEL, Reason.CUED}),
    ("Students of the University of Aleppo protested.", "Aleppo", {Reason.NAMES_AN_ORG}),
    ("Syrian forces advanced overnight.", "Syrian", {Reason.DEMONYM}),
    ("Mary Walker said the hearing would resume.", "Mary", {Reason.FIRST_NAME_OF_PERSON, Reason.UNKNOWN_NAME}),
])
def test_a_rule_names_its_reason(nlp, text: str, name: str, reason: set[Reason]) -> None:
    gaz, know = load_gazetteer(), load_knowledge()
    doc = nlp(text)
    ents = _entity_index(doc)
    spans = [s for run in _capital_runs(doc) for s in _gazetteer_spans(run, gaz, know) if s.text == name]
    if not spans:
        assert Reason.UNKNOWN_NAME in reason
        return
    rule = judge(doc, spans[0], ents.get(spans[0].start), gaz, know, set())
    assert rule.reason in reason
    assert (rule.outcome is Outcome.REJECT) == (rule.reason in {Reason.FIRST_NAME_OF_PERSON, Reason.UNKNOWN_NAME})


def test_a_places_reason_is_typed_and_reads_back_from_its_string() -> None:
    from eventwire.model.records import Place
    p = Place(text="Aleppo", start=0, end=6, name="Aleppo", how="context", qualifier="near", in_org=True)
    assert p.reason == "context;qualifier=near;in_org"
    assert Place.model_validate_json(p.model_dump_json()) == p
    inside = Place(text="Royal Street", start=0, end=12, name="New Orleans", how="inside_city")
    assert inside.reason == "inside:New Orleans" and Place.model_validate(inside.model_dump()) == inside


@pytest.mark.parametrize("text", ["A spokesman for the MoD said the soldier died.",
                                  "The DoJ said it would appeal."])
def test_a_short_mixed_case_acronym_is_rejected(nlp, text: str) -> None:
    gaz, know = load_gazetteer(), load_knowledge()
    doc = nlp(text)
    name = next(t.text for t in doc if t.text in {"MoD", "DoJ"})
    spans = [s for run in _capital_runs(doc) for s in _gazetteer_spans(run, gaz, know) if s.text == name]
    if spans:  # the gazetteer knows the name in some spelling: the acronym rule must say no
        rule = judge(doc, spans[0], _entity_index(doc).get(spans[0].start), gaz, know, set())
        assert rule.reason is Reason.ACRONYM and rule.outcome is Outcome.REJECT
