"""Who says so, on the records ``extract`` returns: claimed, denied, contested, counts.

The first three articles are the ones issue 16 was filed with (acceptance checks); the
others are variants of the same classes written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import ArticleDoc, Event

HOUTHI = ("Houthi rebels claimed responsibility for a drone attack on an oil facility in Jeddah, but "
          "Saudi officials said the drone was intercepted. The coalition threatened to strike Sanaa "
          "in response.")
KHARTOUM = ("At least 12 protesters were shot dead in Khartoum on Thursday, according to a doctors' "
            "committee. The military denied that its troops had opened fire.")
KAMPALA = ("Security forces arrested 45 opposition supporters in Kampala on Monday, police spokesman "
           "Fred Enanga said. The opposition party vowed to hold more rallies next week.")


@pytest.fixture(scope="module")
def run(pipeline):
    def process(text: str) -> ArticleDoc:
        return pipeline.process_text(text, published=date(2024, 5, 2), title="Report")

    return process


def by_trigger(doc: ArticleDoc, word: str) -> list[Event]:
    return [e for e in doc.events if e.evidence.trigger and word in e.evidence.trigger]


def test_claimed_responsibility_makes_the_claimant_the_actor(run):
    doc = run(HOUTHI)
    (attack,) = by_trigger(doc, "attack")
    assert attack.status == "claimed"
    assert attack.actor1 is not None and attack.actor1.name == "Houthis"
    assert attack.source is not None and attack.source.name == "Houthis"


def test_contradiction_is_a_second_claim_on_the_same_event(run):
    doc = run(HOUTHI)
    (attack,) = by_trigger(doc, "attack")
    assert attack.contested
    statuses = {c.status: c for c in attack.claims}
    assert set(statuses) == {"claimed", "denied"}
    denial = statuses["denied"]
    assert denial.source is not None and "Saudi" in denial.source.text
    assert doc.article.text[denial.start : denial.end] == denial.text


def test_the_one_who_threatens_acts(run):
    doc = run(HOUTHI)
    threats = [e for e in doc.events if e.type.plover == "THREATEN"]
    assert threats and all(e.actor1 is not None and "coalition" in e.actor1.text for e in threats)
    (strike,) = by_trigger(doc, "strike")
    assert strike.status == "planned"
    assert strike.actor1 is not None and "coalition" in strike.actor1.text
    # a threatened strike has not happened: no battle, no air strike; the threat is the event
    assert strike.type.acled is None and "threat" in strike.reasons["acled"]
    assert all(e.type.acled == ("Strategic developments", "Other") for e in threats)


def test_variant_vowed_attack_is_no_battle_yet(run):
    doc = run("Rebel commanders vowed on Sunday to attack the port of Hodeidah within days.")
    (attack,) = by_trigger(doc, "attack")
    assert attack.status == "planned" and attack.type.acled is None
    assert attack.actor1 is not None and "commanders" in attack.actor1.text


def test_count_on_the_shooting_with_its_qualifier_and_source(run):
    doc = run(KHARTOUM)
    (shot,) = by_trigger(doc, "shot")
    killed = [q for q in shot.quantities if q.kind == "killed"]
    assert [(q.value, q.qualifier) for q in killed] == [(12, "at_least")]
    assert killed[0].source == "a doctors' committee"
    assert shot.source is not None and shot.source.name == "a doctors' committee"


def test_denial_is_a_status_not_an_event(run):
    doc = run(KHARTOUM)
    assert not [e for e in doc.events if e.type.plover == "REJECT"]
    assert not by_trigger(doc, "opened fire")  # folded into the shooting it denies
    (shot,) = by_trigger(doc, "shot")
    denial = [c for c in shot.claims if c.status == "denied"]
    assert denial and denial[0].source is not None and denial[0].source.text == "The military"


def test_a_side_named_is_no_event_and_a_vow_plans(run):
    doc = run(KAMPALA)
    assert not [e for e in doc.events if e.evidence.trigger == "opposition"]
    (arrest,) = by_trigger(doc, "arrested")
    assert arrest.source is not None and "Enanga" in arrest.source.text
    assert [(q.kind, q.value) for q in arrest.quantities] == [("arrested", 45)]
    (rallies,) = by_trigger(doc, "rallies")
    assert rallies.status == "planned" and rallies.actor1 is not None
    assert not [e for e in doc.events if e.evidence.trigger == "vowed"]


def test_variant_denied_responsibility(run):
    doc = run("A separatist group denied responsibility for the bombing of a bus depot in Quetta on Sunday.")
    (bombing,) = by_trigger(doc, "bombing")
    assert bombing.status == "denied"
    assert bombing.actor1 is not None and bombing.source is not None


def test_variant_however_contradiction_in_the_next_sentence(run):
    doc = run("Militants said they had shot down an army helicopter near Tikrit. However, the defence "
              "ministry said the helicopter had not been hit and landed safely.")
    downed = [e for e in doc.events if e.contested]
    assert downed, [(e.evidence.trigger, e.status, e.claims) for e in doc.events]
    denial = [c for e in downed for c in e.claims if c.status == "denied"]
    assert denial[0].source is not None and "ministry" in denial[0].source.text


def test_variant_beaten_to_death_counts_killed(run):
    doc = run("Nine villagers were beaten to death by a mob near Goma on Friday, a local rights group said.")
    killed = [q for e in doc.events for q in e.quantities if q.kind == "killed"]
    assert [q.value for q in killed] == [9]
    assert all(e.source is not None for e in doc.events if e.quantities)


def test_variant_denial_of_an_earlier_report_is_one_event(run):
    doc = run("Witnesses said police fired tear gas at students in Lagos on Monday. "
              "A police spokesman denied that officers had fired tear gas.")
    fired = [e for e in doc.events if e.type.plover == "COERCE"]
    assert len(fired) == 1
    assert {c.status for c in fired[0].claims} == {"asserted", "denied"}


def test_variant_a_warning_beside_a_vow_is_not_reported_by_the_vower(run):
    doc = run("Rebels vowed to attack the port, and the army warned it would shell the town.")
    (warned,) = by_trigger(doc, "warned")
    assert warned.actor1 is not None and "army" in warned.actor1.text
    assert warned.source is None or "Rebels" not in warned.source.text


def test_those_an_event_is_done_to_are_its_target_not_an_event(run):
    doc = run(KHARTOUM)
    assert not by_trigger(doc, "protesters")  # the shooting's target, not a protest
    (shot,) = by_trigger(doc, "shot")
    assert shot.actor2 is not None and shot.actor2.text.endswith("protesters")

