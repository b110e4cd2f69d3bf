"""Claim status from dependency arcs and the cue file."""

from __future__ import annotations

import pytest

from eventwire.extract.status import status


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


def status_of(nlp, text: str, word: str, actor_text: str | None = None):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    return status(doc, i, actor_text=actor_text)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Gunmen killed four farmers near the dam on Saturday.", "killed", "asserted"),
        ("The navy said its ships had sunk two smuggling boats.", "sunk", "claimed"),
        ("The rebels claimed the army had bombed a school.", "bombed", "alleged"),
        ("The soldiers allegedly burned several houses.", "burned", "alleged"),
        ("The guards are thought to have shot the prisoners.", "shot", "alleged"),
        ("The government was accused of starving the besieged towns.", "starving", "alleged"),
        ("The militia denied that it had kidnapped the engineers.", "kidnapped", "denied"),
        ("The shelling did not damage the hospital.", "damage", "negated"),
        ("No soldiers were hurt in the ambush.", "hurt", "negated"),
        ("The army failed to break the siege.", "break", "negated"),
        ("The convoy left without waiting for an escort.", "waiting", "negated"),
        ("The group threatened to kill the hostages.", "kill", "planned"),
        ("The elders offered to mediate between the two clans.", "mediate", "planned"),
        ("The chiefs resolved to rebuild the burned market.", "rebuild", "planned"),
        ("The ministry will deploy extra police in the capital.", "deploy", "planned"),
        ("The army is set to begin withdrawing next week.", "begin", "planned"),
        (
            "The uprising, which has displaced a million people, enters its third year.",
            "displaced",
            "background",
        ),
        ("The clans have controlled the smuggling routes since 1998.", "controlled", "background"),
        ("Insurgents still occupy the northern valley.", "occupy", "background"),
        # a happening recalled to set the article's own against (extract.recalled)
        ("The ambush came a day after rebels burned a depot in another province.", "burned", "background"),
        ("The raid follows the kidnapping of two engineers near the border.", "kidnapping", "background"),
        ("The blast was the deadliest since 2009, when a truck bomb killed 40 people.", "killed", "background"),
        ("It was the first murder in the village since a farmer was stabbed in March.", "stabbed", "background"),
        ("It was the latest in a wave of bombings that have hit the port.", "bombings", "background"),
        # ... and what is the article's own
        ("The arrest came a day after the stabbing of a guard at the depot.", "stabbing", "asserted"),
        ("Since the ambush, soldiers have searched the hills for the attackers.", "ambush", "asserted"),
        ("The guard died two days after he was stabbed at the depot.", "stabbed", "asserted"),
        ("The deadliest bombing since the war ended killed 60 people at the market.", "killed", "asserted"),
    ],
)
def test_status(nlp, text, word, expected):
    assert status_of(nlp, text, word).status == expected


def test_negation_cue_points_at_the_word(nlp):
    text = "The ceasefire was not broken overnight."
    doc = nlp(text)
    decision = status(doc, next(t.i for t in doc if t.text == "broken"))
    assert decision.status == "negated" and decision.reason == "negation:not"
    assert decision.cue is not None and text[decision.cue.start : decision.cue.end] == "not"


def test_negation_of_another_clause_does_not_spread(nlp):
    text = "Troops who did not flee were captured by the rebels."
    assert status_of(nlp, text, "captured").status == "asserted"


def test_denial_outranks_the_allegation_it_rejects(nlp):
    text = "The police rejected reports that officers had shot protesters."
    assert status_of(nlp, text, "shot").status == "denied"


def test_actor_text_decides_a_claim(nlp):
    text = "The interior ministry said police had arrested twelve suspects."
    assert status_of(nlp, text, "arrested").status == "asserted"
    claimed = status_of(nlp, text, "arrested", actor_text="interior ministry forces")
    assert claimed.status == "claimed"


def test_third_person_inside_a_quote_is_not_a_self_claim(nlp):
    text = "“They burned our fields,” a farmer said."
    assert status_of(nlp, text, "burned").status == "asserted"
    text = "“We burned their fields,” a militia leader said."
    assert status_of(nlp, text, "burned").status == "claimed"
