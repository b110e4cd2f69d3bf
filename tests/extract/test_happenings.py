"""One event per happening (issue 22, part 3) and ACLED typing of the folded event.

Sentences written for these tests; none comes from a gold set.
"""

from __future__ import annotations

import pytest

from eventwire.extract.triggers import EventTyper

REMOTE = "Explosions/Remote violence"


@pytest.fixture(scope="module")
def typer() -> EventTyper:
    return EventTyper.load()


def trigs(nlp, typer, text):
    return typer.triggers(nlp(text)[:])


def test_a_toll_is_the_act_not_a_second_event(nlp, typer):
    got = trigs(nlp, typer, "Warplanes struck the village on Sunday, killing seven farmers.")
    assert len(got) == 1
    assert got[0].acled == (REMOTE, "Air/drone strike")


def test_a_toll_told_before_its_cause(nlp, typer):
    got = trigs(nlp, typer, "Four guards were killed when a car bomb went off at the gate.")
    assert len(got) == 1
    assert got[0].acled == (REMOTE, "Remote explosive/landmine/IED")


def test_the_toll_gives_the_victims(nlp, typer):
    got = trigs(nlp, typer, "Gunmen attacked the convoy, killing three soldiers.")
    assert [t.acled for t in got] == [("Battles", "Armed clash")]
    got = trigs(nlp, typer, "Gunmen attacked a wedding party, killing eleven guests and "
                            "wounding twenty civilians.")
    assert [t.acled for t in got] == [("Violence against civilians", "Attack")]


def test_an_aim_is_part_of_the_act(nlp, typer):
    got = trigs(nlp, typer, "The army began an offensive last month to recapture the valley.")
    assert [t.lemma for t in got] == ["offensive"]


def test_items_of_one_accusation_are_one_alleged_act(nlp, typer):
    got = trigs(nlp, typer, "Monitors accused the militia of executions and of burning homes.")
    assert [t.plover for t in got] == ["ACCUSE", "ASSAULT"]


def test_a_happening_named_to_comment_on_it_is_told_elsewhere(nlp, typer):
    text = "The capture of the airport marks a shift in a war that has killed thousands."
    assert [t.lemma for t in trigs(nlp, typer, text)] == ["kill"]
    text = "The fall of the port to the army ended the siege."
    assert "fall" in [t.lemma for t in trigs(nlp, typer, text)]


def test_separate_happenings_stay_apart(nlp, typer):
    got = trigs(nlp, typer, "Rebels shelled the airport, and the army arrested two journalists.")
    assert len(got) == 2


@pytest.mark.parametrize(("text", "sub"), [
    ("Protesters threw stones at police during a march in the capital.", "Violent demonstration"),
    ("Police fired live rounds at protesters outside the parliament.",
     "Excessive force against protesters"),
    ("Riot police detained dozens of demonstrators at the rally.", "Protest with intervention"),
    ("Thousands of demonstrators marched peacefully through the city.", "Peaceful protest"),
    ("Officers attacked and injured a peaceful march in the capital.",
     "Excessive force against protesters"),
    ("Several people were injured after soldiers dispersed a protest in the port city.",
     "Excessive force against protesters"),
    # ACLED: demonstrators who fight make a violent demonstration, whatever force met them
    ("Riot police clashed with protesters outside the parliament on Sunday.",
     "Violent demonstration"),
    ("The march through the old town turned violent in the evening.", "Violent demonstration"),
])
def test_a_protest_is_typed_by_who_used_force(nlp, typer, text, sub):
    got = trigs(nlp, typer, text)
    assert len(got) == 1 and got[0].acled is not None and got[0].acled[1] == sub


@pytest.mark.parametrize("text", [
    "Customs officers seized a shipment of rifles and grenades at the port.",
    "Troops found a cache of landmines and ammunition near the river.",
])
def test_weapons_taken_or_found(nlp, typer, text):
    got = trigs(nlp, typer, text)
    assert [t.acled for t in got] == [("Strategic developments", "Disrupted weapons use")]


def test_finding_something_else_is_no_event(nlp, typer):
    assert trigs(nlp, typer, "Negotiators found a way forward on the budget.") == []


def test_a_post_set_up(nlp, typer):
    got = trigs(nlp, typer, "The brigade has set up two new checkpoints on the highway.")
    assert [t.acled for t in got] == [("Strategic developments", "Headquarters or base established")]


@pytest.mark.parametrize("text", ["The opposition won the vote.",
                                  "Riot police lined the avenue."])
def test_nouns_naming_a_side_are_no_event(nlp, typer, text):
    assert not [t for t in trigs(nlp, typer, text) if t.plover in ("REJECT", "PROTEST")]


def test_tolls_alone_are_one_happening_typed_by_its_means(nlp, typer):
    got = trigs(nlp, typer, "Six people were reported to have been killed, and nine wounded "
                            "by mortar shells fired into the market.")
    assert len(got) == 1
    assert got[0].acled == (REMOTE, "Shelling/artillery/missile attack")


@pytest.mark.parametrize("text", [
    "Government aircraft bombed the village on Tuesday.",
    "Helicopter gunships bombarded the district at dawn.",
    "Warplanes pounded rebel positions overnight.",
])
def test_an_attack_delivered_from_the_air_is_an_air_strike(nlp, typer, text):
    got = trigs(nlp, typer, text)
    assert [t.acled for t in got] == [(REMOTE, "Air/drone strike")]


def test_a_bombing_by_a_group_on_the_ground_stays_an_explosive(nlp, typer):
    got = trigs(nlp, typer, "Insurgents bombed a police station in the city.")
    assert [t.acled for t in got] == [(REMOTE, "Remote explosive/landmine/IED")]


def _words(text, trig):
    return sorted(text[s:e] for s, e in trig.parts)


def test_a_folded_toll_stays_a_word_of_the_act(nlp, typer):
    text = "Warplanes struck the village on Sunday, killing seven farmers."
    got = trigs(nlp, typer, text)
    assert len(got) == 1 and _words(text, got[0]) == ["killing"]


def test_the_verb_that_launched_an_event_noun_is_its_word_not_an_event(nlp, typer):
    text = "Rebels launched an offensive near the dam, targeting an army post."
    got = trigs(nlp, typer, text)
    assert [text[t.start:t.end] for t in got] == ["offensive"]
    assert _words(text, got[0]) == ["launched", "targeting"]
    text = "The ambush occurred on the main road."
    assert [_words(text, t) for t in trigs(nlp, typer, text)] == [["occurred"]]


def test_a_verb_of_its_own_is_no_support_verb(nlp, typer):
    text = "The minister condemned the attack on the convoy."
    got = trigs(nlp, typer, text)
    assert all("condemned" not in _words(text, t) for t in got)


@pytest.mark.parametrize(("text", "words"), [
    ("A roadside bomb ripped through a crowded bus station at noon.", ["ripped"]),
    ("The car bomb went off outside the court house.", ["went"]),
    ("Two air strikes hit the bridge before dawn.", ["hit"]),
])
def test_a_verb_telling_what_the_event_noun_did_is_its_word(nlp, typer, text, words):
    got = trigs(nlp, typer, text)
    assert len(got) == 1 and _words(text, got[0]) == words


@pytest.mark.parametrize(("text", "verb", "plover"), [
    ("Rebel fighters entered the town of Kelmar on Monday.", "entered", "MOBILIZE"),
    ("Armoured columns entered the capital from the south.", "entered", "MOBILIZE"),
    ("Two gunmen fired at a minibus on the coastal road.", "fired at", "ASSAULT"),
    ("The garrison repelled a night assault on the fort.", "repelled", "ASSAULT"),
    ("Militants blew up a gas pipeline near the border.", "blew up", "ASSAULT"),
])
def test_general_verbs_of_force_and_of_moving_onto_ground(nlp, typer, text, verb, plover):
    got = trigs(nlp, typer, text)
    assert [(text[t.start:t.end], t.plover) for t in got] == [(verb, plover)]


@pytest.mark.parametrize("text", [
    "The two parties entered talks on the budget last week.",
    "A fire at the warehouse destroyed the stock of paper.",
])
def test_entering_talks_and_a_fire_at_a_place_are_no_assault_or_move(nlp, typer, text):
    got = trigs(nlp, typer, text)
    assert not [t for t in got if t.lemma in ("enter", "fire at")]
