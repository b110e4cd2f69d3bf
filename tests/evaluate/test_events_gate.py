"""CI gate: event class and actor scores on cameo-sentences must not fall below pinned floors.

The learned classifier is scored by 5-fold cross-validation inside ``main`` (it trains in
seconds), so the gate needs no built artefact. Floors sit a little under the measured
figures and only move up. Skips when the gold data is absent.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = Path(os.environ.get("EVENTWIRE_GOLD", REPO.parent / "shared" / "gold"))
GOLD = GOLD_DIR / "cameo-sentences" / "dev.jsonl"
GOLD_SHA256 = "e21a7ab1580247fa7c968c076361c7bb0947746ba10a47b37df4afe9876aba9d"

FLOORS = {
    ("eventcat_cv", "four"): 0.88,  # measured 0.890
    ("eventcat_cv", "five"): 0.87,  # measured 0.880
    ("rules", "four"): 0.73,  # measured 0.745
    ("rules", "five"): 0.69,  # measured 0.705
}
ACTOR_FLOORS = {  # lenient match over all sentences
    ("actors", "actor1"): 0.89,  # measured 0.906
    ("actors", "actor2"): 0.70,  # measured 0.714
    ("actors_trigger", "actor1"): 0.82,  # measured 0.837
    ("actors_trigger", "actor2"): 0.64,  # measured 0.661
}
STRICT_FLOORS = {  # strict match (span overlap and equal heads) over all sentences
    ("actors", "actor1"): 0.84,  # measured 0.856
    ("actors", "actor2"): 0.58,  # measured 0.592
}
HELD_OUT_FLOORS = {  # the 30% never read while tuning the role rules; lenient, strict
    "actor1": (0.89, 0.83),  # measured 0.909, 0.848
    "actor2": (0.69, 0.55),  # measured 0.705, 0.570
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report() -> dict:
    if not GOLD.exists():
        pytest.skip(f"gold data absent: {GOLD} (set EVENTWIRE_GOLD)")
    from eventwire.evaluate.events import main

    return main(GOLD)


def test_gold_is_the_pinned_corpus():
    if not GOLD.exists():
        pytest.skip(f"gold data absent: {GOLD}")
    digest = hashlib.sha256(GOLD.read_bytes()).hexdigest()
    assert digest == GOLD_SHA256, "cameo-sentences changed: re-measure and re-pin the floors"


@pytest.mark.parametrize(("system", "classes"), sorted(FLOORS))
def test_macro_f1_floor(report, system, classes):
    got = report[system][classes]["macro_f1"]
    assert got >= FLOORS[(system, classes)], f"{system} {classes}-class macro-F1 {got}"


@pytest.mark.parametrize(("group", "role"), sorted(ACTOR_FLOORS))
def test_actor_floor(report, group, role):
    got = report[group][role]["rate"]
    assert got >= ACTOR_FLOORS[(group, role)], f"{group} {role} match rate {got}"


@pytest.mark.parametrize(("group", "role"), sorted(STRICT_FLOORS))
def test_actor_strict_floor(report, group, role):
    got = report[group][role]["strict"]["rate"]
    assert got >= STRICT_FLOORS[(group, role)], f"{group} {role} strict match rate {got}"


@pytest.mark.parametrize("role", sorted(HELD_OUT_FLOORS))
def test_actor_held_out_floor(report, role):
    held = report["actors"]["parts"]["held-out"][role]
    lenient, strict = HELD_OUT_FLOORS[role]
    assert held["lenient"]["rate"] >= lenient, f"held-out {role} lenient {held['lenient']}"
    assert held["strict"]["rate"] >= strict, f"held-out {role} strict {held['strict']}"


def test_every_sentence_scored(report):
    assert report["sentences"] == sum(v["n"] for v in report["rules"]["five"]["per_class"].values())
