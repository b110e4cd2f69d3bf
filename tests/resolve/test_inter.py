"""ACLED inter codes on the records ``extract`` returns (sentences written for these tests)."""

from __future__ import annotations

import pytest

from eventwire.model import Actor
from eventwire.resolve.inter import interaction, inter_codes, sided_type


@pytest.mark.parametrize(("pair", "code"), [((1, 7), 17), ((7, 1), 17), ((6, None), 60),
                                            ((None, 7), 70), ((2, 2), 22), ((None, None), None)])
def test_interaction_is_lower_first_and_ten_times_a_sole_actor(pair, code):
    assert interaction(*pair) == code


def test_an_identity_militia_and_an_event_without_acled_type():
    militia = Actor(name="ethnic militia", text="ethnic militia fighters", kind="militia")
    assert inter_codes(("Battles", "Armed clash"), militia, None).inter1 == 4
    assert inter_codes(None, militia, None).interaction is None


@pytest.mark.parametrize(("text", "want"), [
    ("Thousands of protesters marched through the capital on Saturday to demand the "
     "release of jailed opposition leaders.", (6, None, 60)),
    ("Police fired tear gas and rubber bullets at hundreds of students who had gathered "
     "outside the ministry.", (1, 6, 16)),
    ("Soldiers of the Nigerian army shot dead five villagers in a raid on a market near "
     "Maiduguri.", (1, 7, 17)),
])
def test_inter_codes_of_extracted_events(pipeline, text, want):
    from eventwire.evaluate.output import run

    (out,) = run(pipeline, [text], "test")
    typed = [e for e in out.events if e.type.acled]
    assert typed, out.events
    ev = typed[0]
    assert (ev.type.inter1, ev.type.inter2, ev.type.interaction) == want


def test_recoded_follows_an_actor_filled_in_later(pipeline):
    """merge_repeats fills in an actor from a restatement: the inter codes follow it."""
    from eventwire.evaluate.output import run
    from eventwire.resolve.inter import recoded

    (out,) = run(pipeline, ["Thousands of protesters marched through the capital on Saturday "
                            "to demand the release of jailed opposition leaders."], "test")
    ev = next(e for e in out.events if e.type.acled)
    assert recoded(ev) is ev
    police = Actor(name="police", text="riot police", kind="police")
    moved = recoded(ev.model_copy(update={"actor2": police}))
    assert (moved.type.inter1, moved.type.inter2, moved.type.interaction) == (6, 1, 16)


def test_a_state_force_noun_of_a_rebel_side_is_rebels(pipeline):
    from eventwire.evaluate.output import run

    (out,) = run(pipeline, ["Rebel troops clashed with government soldiers in the north on "
                            "Friday."], "test")
    ev = next(e for e in out.events if e.type.acled)
    assert ev.actor1 is not None and ev.actor1.kind == "rebels"
    assert (ev.type.inter1, ev.type.inter2, ev.type.interaction) == (2, 1, 12)


CLASH, ATTACK = ("Battles", "Armed clash"), ("Violence against civilians", "Attack")


def test_the_sides_decide_between_a_battle_and_an_attack():
    rebels = Actor(name="rebels", text="the rebels", kind="rebels", start=0, end=10)
    soldiers = Actor(name="soldiers", text="two soldiers", kind="military", start=20, end=32)
    villagers = Actor(name="villagers", text="five villagers", kind="civilians", start=20, end=34)
    country = Actor(name="Kenya", text="Kenya", kind="government", start=20, end=25)
    assert sided_type(CLASH, rebels, villagers) == ATTACK
    assert sided_type(ATTACK, rebels, soldiers) == CLASH
    assert sided_type(ATTACK, None, soldiers) == CLASH
    assert sided_type(ATTACK, rebels, country) == ATTACK  # a country says not who was hit
    assert sided_type(CLASH, None, villagers) == CLASH  # no armed doer named
    assert sided_type(("Riots", "Mob violence"), rebels, villagers) == ("Riots", "Mob violence")
