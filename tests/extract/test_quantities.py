"""Counts of people: kind, value, qualifier and exact span."""

from __future__ import annotations

import pytest

from eventwire.extract.quantities import QuantityLexicon, find_quantities


@pytest.fixture(scope="module")
def lex() -> QuantityLexicon:
    return QuantityLexicon.load()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The blast killed at least 12 people near the market.", [("killed", 12, "at_least")]),
        ("Nearly 300 families fled the fighting over the weekend.", [("displaced", 300, "about")]),
        ("Two soldiers were wounded in the ambush.", [("wounded", 2, "exact")]),
        ("Police detained dozens of students after the rally.", [("arrested", 24, "at_least")]),
        ("Up to 1,500 people were evacuated from the town.", [("evacuated", 1500, "at_most")]),
        ("The conflict has killed more than 2.5 million people.", [("killed", 2500000, "at_least")]),
        ("The convoy carried 300 fighters and their families.", [("fighters", 300, "exact")]),
        ("The ceasefire began in 2019 after four years of talks.", []),
    ],
)
def test_counts(nlp, lex: QuantityLexicon, sentence: str, expected: list[tuple[str, int, str]]) -> None:
    doc = nlp(sentence)
    found = find_quantities(doc[:], lex)
    assert [(q.kind, q.value, q.qualifier) for q in found] == expected
    for q in found:
        assert doc.text[q.span.start : q.span.end] == q.span.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A 17-year-old boy was shot dead Saturday night in the 2700 block of Elm Street.", [("killed", 1)]),
        ("The man died at the hospital.", [("killed", 1)]),
        ("The shooting left one man dead and five others wounded, police said.",
         [("killed", 1), ("wounded", 5)]),
        ("All three victims were treated at a hospital and released.", [("wounded", 3)]),
        ("Four people were shot, one fatally.", [("wounded", 3), ("killed", 1)]),
        # the people's own outcome word beats the clause's
        ("The raid left one fighter dead and three badly wounded.", [("killed", 1), ("wounded", 3)]),
        # the whole of a partitive that a casualty participle tells of: all hit, the dead among them
        ("One of the six villagers injured in the raid died on Sunday.", [("killed", 1), ("wounded", 5)]),
        ("Eight people were found slain near the checkpoint.", [("killed", 8)]),
        # counters, rates, ages and stretches of time are no count of one event
        ("Image 4 / 12 Residents gather near the clinic.", []),
        ("The province recorded 4.5 deaths per 100,000 people.", []),
        ("Two guards, ages 31 and 45, were wounded at the gate.", [("wounded", 2)]),
        ("Twelve civilians were killed in the past three weeks in the district.", []),
        ("A gunman shot eleven people and then killed himself.", [("wounded", 10), ("killed", 1)]),
        ("A man and a woman were shot and killed outside the bar.", [("killed", 2)]),
        ("Two gunmen killed a shopkeeper in the market.", [("fighters", 2), ("killed", 1)]),
        ("Gunmen shot dead a shepherd near the village on Friday.", [("killed", 1)]),
        # only planned, threatened or tried: no one befell it
        ("Militants vowed to kill the governor.", []),
        ("The gunman tried to shoot a guard before he was arrested.", [("arrested", 1)]),
        ("The death toll rose to 12.", [("killed", 12)]),
        ("Officers fired ten rounds at the car.", []),
        ("A man has been charged with murder in the death of his son.", [("killed", 1)]),
        ("Three people suffered minor injuries in the blast at the market.", [("wounded", 3)]),
        ("A woman sustained fatal injuries when gunmen attacked the checkpoint.", [("killed", 1)]),
        ("A girl, Jane Mora, four, was shot dead at her home.", [("killed", 1)]),
        ("Police said two of the three victims of the shooting had died.", [("killed", 2)]),
        ("Two men were shot dead and another was wounded in Dayton on Friday night.",
         [("killed", 2), ("wounded", 1)]),
        ("A shooting on Elm Street left one woman dead and three other people wounded.",
         [("killed", 1), ("wounded", 3)]),
        ("A 9-year-old died at the hospital on Sunday.", [("killed", 1)]),
        ("The farmer shot himself while cleaning his rifle.", [("wounded", 1)]),
        ("Deputies found the woman and her son dead in the kitchen.", [("killed", 2)]),
        ("The raid left four soldiers and two civilians dead near the border.", [("killed", 6)]),
        ("Troops found four bodies, two men and two women, in the ravine.", [("killed", 4), ("people", 4)]),
        ("Gunmen stopped the bus and shot nine passengers, killing five of them.",
         [("wounded", 4), ("killed", 5)]),
        ("A roadside bomb killed a soldier. Two other soldiers were also hit.", [("killed", 1), ("wounded", 2)]),
        ("Police are investigating a double homicide near the river.", [("killed", 2)]),
        ("A triple shooting outside the bar left one man dead.", [("wounded", 2), ("killed", 1)]),
        ("The driver was flown to the trauma center in critical condition, where he died.", [("killed", 1)]),
        ("Two people were shot at 4 o'clock near the station.", [("wounded", 2)]),
        ("The gunman killed four hostages and himself inside the bank.", [("killed", 5)]),
        ("At least 40 people were killed in air strikes across the province this week.", []),
        ("Gun violence has killed thousands of people in this country.", []),
        ("A man and two women were killed near the market.", [("killed", 3)]),
        ("Two women and a man were wounded in the attack on the convoy.", [("wounded", 3)]),
        ("The crash at the rally ended with nine protesters in the hospital.", [("wounded", 9)]),
        # a list set off by semicolons, each person with an apposition, counts them all
        ("The gunman had killed his wife, Mary Jones; his 12-year-old son, Tom Jones; and his neighbor, Bill Smith.",
         [("killed", 3)]),
        # the relative clause tells their fate when the main clause does not; not when they act
        ("The two men who died were identified as John Doe and Jim Roe.", [("killed", 2)]),
        ("The two men who killed the guard were arrested on Monday.", [("arrested", 2), ("killed", 1)]),
        ("The robbery ended with five people getting shot near the counter.", [("wounded", 5)]),
        # one more person ("the fourth", "the other", "a second man") joins the count before it
        ("Three people were shot and the fourth was grazed by a bullet.", [("wounded", 4)]),
        ("Four people were shot, one fatally, and a fifth man was grazed.", [("wounded", 4), ("killed", 1)]),
        ("One man was shot in the arm and the other was wounded in the leg.", [("wounded", 2)]),
        ("The man died at the hospital; a second victim was treated and released.",
         [("killed", 1), ("wounded", 1)]),
        ("Officers towed the second car away from the scene.", []),
        # a list of people named: a proper name beside a person's name is a person
        ("Dale Hubbard, Kevin Moore and Tyrell Banks were also struck by bullets.", [("wounded", 3)]),
        # one who killed and then himself: one more dead
        ("A gunman killed four people at a store on Friday before he committed suicide.", [("killed", 5)]),
        ("He shot two men dead before turning the gun on the officers.", [("killed", 2)]),
        # a happening that hits, told fatal, of one person
        ("The couple were indicted for the fatal shooting of 2-year-old Mia Lopez.", [("killed", 1)]),
        ("Police are investigating the shooting of a 17-year-old boy.", []),
    ],
)
def test_counts_like_a_coder(nlp, lex: QuantityLexicon, sentence: str, expected: list[tuple[str, int]]) -> None:
    """Single victims, outcomes, those hit less those who died, the one who acts not
    counted, a street number no count, a harm suffered, an age no count, the whole of a
    partitive ("two of the three") no count of its own, "another" one more victim."""
    doc = nlp(sentence)
    found = find_quantities(doc[:], lex)
    assert [(q.kind, q.value) for q in found] == expected
    for q in found:
        assert doc.text[q.span.start : q.span.end] == q.span.text
