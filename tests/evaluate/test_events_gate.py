"""CI gate: the records `eventwire extract` returns, scored on cameo-sentences and
acled-types, must not fall below pinned floors (test parts: ``split.part``).

Floors sit a little under the measured figures and only move up; ceilings on the shares
of sentences with no event and refused only move down. Skips when the gold data is absent.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = Path(os.environ.get("EVENTWIRE_GOLD", REPO.parent / "shared" / "gold"))
CAMEO = GOLD_DIR / "cameo-sentences" / "dev.jsonl"
ACLED = GOLD_DIR / "acled-types" / "dev.jsonl"
SHA256 = {
    CAMEO: "e21a7ab1580247fa7c968c076361c7bb0947746ba10a47b37df4afe9876aba9d",
    ACLED: "78a6240baacf61845a4b238e2774365b8ba2d664d30fbdd27922c10b3c9f0e6c",
}

CLASS_FLOORS = {  # test part (30%), main event
    ("main", "four"): 0.82,  # measured 0.828 (0.756 before the main event was marked)
    ("main", "five"): 0.81,  # measured 0.825
    ("any", "four"): 0.85,  # measured 0.861
    ("main_plover_only", "four"): 0.83,  # measured 0.839: SOURCE.md's mapping
}
ACTOR_FLOORS = {  # test part, main event: (lenient, strict)
    "actor1": (0.84, 0.74),  # measured 0.848, 0.754 (0.743, 0.659 before)
    "actor2": (0.72, 0.59),  # measured 0.734, 0.603 (0.625, 0.506 before)
}
SHARE_CEILINGS = {  # test part
    "no_event": 0.045,  # measured 0.044 (0.092 before issue 22's main event; 0.036 while views held were proposed)
    "refused": 0.0,  # measured 0.000 (0.005 before): English is never refused
}
ACLED_FLOORS = {  # test half (split.part(id, 50))
    "sub_event_weighted_f1": 0.60,  # measured 0.613 (0.482 before)
    "sub_event_macro_f1": 0.55,  # measured 0.565 (0.428 before)
}
ACLED_TYPE_FLOOR = 0.69  # event type accuracy, measured 0.702 (0.624 before)

pytestmark = pytest.mark.slow


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"gold data absent: {path} (set EVENTWIRE_GOLD)")


@pytest.fixture(scope="module")
def cameo() -> dict:
    _need(CAMEO)
    from eventwire.evaluate.events import main

    return main(CAMEO)["parts"]["test"]


@pytest.fixture(scope="module")
def acled() -> dict:
    _need(ACLED)
    from eventwire.evaluate.acled import main

    return main(ACLED)["parts"]["test"]


@pytest.mark.parametrize("path", [CAMEO, ACLED], ids=["cameo", "acled"])
def test_gold_is_the_pinned_corpus(path):
    _need(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == SHA256[path], f"{path} changed: re-measure and re-pin the floors"


@pytest.mark.parametrize(("which", "classes"), sorted(CLASS_FLOORS))
def test_class_floor(cameo, which, classes):
    got = cameo[which][classes]["macro_f1"]
    assert got >= CLASS_FLOORS[(which, classes)], f"{which} event {classes}-class macro-F1 {got}"


@pytest.mark.parametrize("role", sorted(ACTOR_FLOORS))
def test_actor_floor(cameo, role):
    lenient, strict = ACTOR_FLOORS[role]
    assert cameo[role]["lenient"]["rate"] >= lenient, cameo[role]
    assert cameo[role]["strict"]["rate"] >= strict, cameo[role]


@pytest.mark.parametrize("share", sorted(SHARE_CEILINGS))
def test_share_ceiling(cameo, share):
    assert cameo[share]["rate"] <= SHARE_CEILINGS[share], cameo[share]


def test_every_test_sentence_scored(cameo):
    assert cameo["n"] == sum(v["n"] for v in cameo["main"]["five"]["per_class"].values())


@pytest.mark.parametrize("measure", sorted(ACLED_FLOORS))
def test_acled_floor(acled, measure):
    assert acled[measure] >= ACLED_FLOORS[measure], f"acled {measure} {acled[measure]}"


def test_acled_event_type_floor(acled):
    assert acled["event_type_accuracy"]["rate"] >= ACLED_TYPE_FLOOR, acled["event_type_accuracy"]


def test_acled_nothing_refused(acled):
    assert acled["refused"]["matched"] == 0, acled["refused"]
