"""ACLED sub-types by the codebook's definitions on the records ``extract`` returns.

Sentences written for these tests; none comes from a gold set.
"""

from __future__ import annotations

import pytest

from eventwire.evaluate.output import run

CASES = [
    # demonstrators who use violence or damage property: a violent demonstration
    ("Hundreds of students marched to the governor's office on Monday, and some of them "
     "hurled stones at shop windows and set fire to two cars.",
     ("Riots", "Violent demonstration")),
    # dispersed with tear gas, without lethal force: a protest with intervention
    ("Police fired tear gas and rubber bullets to break up a sit-in by teachers outside "
     "the education ministry.", ("Protests", "Protest with intervention")),
    # lethal force against demonstrators: excessive force
    ("Security forces opened fire on demonstrators in the capital, killing four of them.",
     ("Protests", "Excessive force against protesters")),
    # what the demonstrators demand or protest is no force used on them
    ("Thousands marched through the capital on Saturday, calling for the release of "
     "detained opposition leaders.", ("Protests", "Peaceful protest")),
    ("Hundreds of students rallied outside parliament, protesting the killing of a classmate "
     "by police last month.", ("Protests", "Peaceful protest")),
    # a toll told before the act that caused it is that act's
    ("A soldier was killed on Tuesday when an improvised explosive device went off beside "
     "his patrol near the border.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # the means of the attack named in its clause
    ("The town was attacked with chlorine gas on Sunday, killing eleven people.",
     ("Explosions/Remote violence", "Chemical weapon")),
    # ground taken by a non-state group
    ("Insurgents gained ground in the northern district after days of fighting, a military "
     "spokesman said.", ("Battles", "Non-state actor overtakes territory")),
    # a battle told with the ground it won is that territory change
    ("Government troops pushed into the rebel enclave on Tuesday, fighting the insurgents "
     "and capturing two villages.", ("Battles", "Government regains territory")),
    # ground handed over: a non-violent transfer
    ("The district was handed over by the army to the police as part of a truce.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # a weapon used, told with no event word
    ("Government forces used chlorine gas against the rebel-held district, activists said.",
     ("Explosions/Remote violence", "Chemical weapon")),
    # a bare blast word takes the means of a clause linked to it
    ("Loud explosions shook the border villages as the militia fired dozens of mortar rounds "
     "at army posts.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # violence an agreement follows or ends is its background
    ("After weeks of clashes, the two sides agreed to a truce on Tuesday.",
     ("Strategic developments", "Agreement")),
    ("Following deadly attacks on villages last year, the herders and farmers signed a "
     "peace pact.", ("Strategic developments", "Agreement")),
    ("The two armed groups signed a ceasefire agreement in the capital on Friday.",
     ("Strategic developments", "Agreement")),
    # a toll told in two joined clauses, or with no doer, is the toll of the blast told
    ("Three soldiers were killed and two others wounded when a roadside bomb exploded near "
     "their patrol in the hills.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # a generic seizure told with the violence linked to it is that violence
    ("Gunmen stormed a hotel in the capital, killing twelve guests.",
     ("Violence against civilians", "Attack")),
    # ground taken back: a territory change by who took it
    ("Government forces recovered the town from the insurgents on Sunday.",
     ("Battles", "Government regains territory")),
    ("Rebels took back the village after a brief battle with the army.",
     ("Battles", "Non-state actor overtakes territory")),
    # an agreement word as the object of a verb of making one
    ("The army and the rebel group reached a truce after talks in the capital.",
     ("Strategic developments", "Agreement")),
    # demonstrators blocking roads with barricades and burning tyres: violent demonstration
    ("Protesters blocked roads with burning tyres and barricades in the capital.",
     ("Riots", "Violent demonstration")),
    # a place of civilians stormed is an attack, not ground taken
    ("Gunmen stormed a university in the capital, killing 22 students.",
     ("Violence against civilians", "Attack")),
    # a weapon word that names a thing, not an attack
    ("The country withdrew from a missile pact with its neighbour and signed a new treaty "
     "with another.", ("Strategic developments", "Agreement")),
    # a battle told with the ground it took, though a means is told around it
    ("Troops advanced into the enclave, clashing with rebels and capturing a village after "
     "weeks of aerial bombings.", ("Battles", "Government regains territory")),
    # a toll told alone takes the means named in the sentence after it
    ("Two policemen were killed on Sunday in the northern town of Kora. A roadside bomb hit "
     "their vehicle as it passed the market, officials said.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # ... not a toll told in a happening of its own
    ("Five soldiers were killed in clashes near the border. A bomb exploded in the capital "
     "later that day.", ("Battles", "Armed clash")),
    # a base opened
    ("The army opened a new military base in the north of the province.",
     ("Strategic developments", "Headquarters or base established")),
    # "control over/of" hung by the parser on the verb: still the ground taken
    ("Army units, together with allied militias, established control over an area of 50 "
     "square kilometres in the eastern countryside.", ("Battles", "Government regains territory")),
    # territory taken without fighting, or handed over: a non-violent transfer
    ("Government forces took control of three villages without any fighting, officials said.",
     ("Strategic developments", "Non-violent transfer of territory")),
    ("The army regained control of the district when the peacekeeping mission handed "
     "authority over the region to the government.",
     ("Strategic developments", "Non-violent transfer of territory")),
    # ... not ground won in a battle the sentence tells, whatever was handed over
    ("The army regained control of the town after heavy clashes, and the rebels handed over "
     "their heavy weapons.", ("Battles", "Government regains territory")),
    # weapons confiscated, destroyed or dismantled, an attack foiled: disrupted weapons use
    ("Authorities confiscated illegal firearms during a search operation in the border town.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Troops found and destroyed an arms depot belonging to the militants.",
     ("Strategic developments", "Disrupted weapons use")),
    ("The army dismantled an IED factory run by the insurgents.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Security forces foiled a plot to bomb a shopping centre in the capital.",
     ("Strategic developments", "Disrupted weapons use")),
    # an agreement struck, whatever the verb's own type
    ("Government negotiators and armed groups struck an accord in the capital.",
     ("Strategic developments", "Agreement")),
    # demonstrations told by idiom
    ("Thousands of people took to the streets of the capital to denounce the new tax law.",
     ("Protests", "Peaceful protest")),
    ("Residents gathered in front of the town hall chanting slogans against the mayor.",
     ("Protests", "Peaceful protest")),
    # a movement on a place told with violence against civilians is that attack
    ("Militants stormed a village in the north and shot dead two herders.",
     ("Violence against civilians", "Attack")),
    # fire on civilians named through a collective noun, or with civilians fleeing it
    ("Soldiers opened fire on a group of farmers, killing three.",
     ("Violence against civilians", "Attack")),
    ("Gunmen rode into the village on motorbikes and opened fire, sending frightened "
     "villagers fleeing.", ("Violence against civilians", "Attack")),
    # ... but fire on an armed side stays a battle
    ("Rebels attacked an army base, killing five soldiers.", ("Battles", "Armed clash")),
    # people killed outweigh the property destroyed with them
    ("Gunmen killed a village chief and burned his house.",
     ("Violence against civilians", "Attack")),
    # agreements told by a prisoner exchange or an understanding reached
    ("The two sides exchanged 50 prisoners each on Tuesday.",
     ("Strategic developments", "Agreement")),
    ("Warring factions reached an understanding to reopen the main road.",
     ("Strategic developments", "Agreement")),
    # an explosive thrown: an attack by that means
    ("Unknown assailants threw an explosive at the house of a local politician.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # sexual violence in the passive (the tagger's lemma of "raped" is "rap"), molestation
    ("A woman was raped by two soldiers at a checkpoint.",
     ("Violence against civilians", "Sexual violence")),
    ("A man molested a girl on a bus, police said.",
     ("Violence against civilians", "Sexual violence")),
    # posts set up, counted by a number
    ("The army has set up twelve new observation points along the border since March.",
     ("Strategic developments", "Headquarters or base established")),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_acled_type_of_the_first_typed_event(pipeline, text, want):
    (out,) = run(pipeline, [text], "test")
    typed = [e for e in out.events if e.type.acled]
    assert typed, out.events
    assert typed[0].type.acled == want


def test_an_industrial_blast_is_no_political_violence(pipeline):
    (out,) = run(pipeline, ["Dozens of people were killed when a boiler exploded at a "
                            "textile factory."], "test")
    assert not [e for e in out.events if e.type.acled]


@pytest.mark.parametrize("text", [
    "Customs officers arrested three men at the port after finding 40 kilograms of cocaine "
    "hidden in a shipment of bananas.",
    "Unknown hackers attacked the servers of the national election commission on Monday.",
])
def test_ordinary_crime_and_cyber_attacks_are_no_acled_event(pipeline, text):
    (out,) = run(pipeline, [text], "test")
    assert not [e for e in out.events if e.type.acled]


def test_a_political_arrest_keeps_its_type(pipeline):
    (out,) = run(pipeline, ["Police arrested twelve opposition activists in the capital "
                            "ahead of Sunday's vote."], "test")
    assert [e.type.acled for e in out.events if e.type.acled] == [
        ("Strategic developments", "Arrests")]
