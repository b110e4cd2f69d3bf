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
    ("main", "four"): 0.88,  # measured 0.888 (0.822 before the coder's class was carried by reported or kept triggers; 0.756 before the main event was marked)
    ("main", "five"): 0.87,  # measured 0.885 (0.817 before)
    ("any", "four"): 0.91,  # measured 0.922 (0.856 before)
    ("main_plover_only", "four"): 0.88,  # measured 0.888 (0.834 before): SOURCE.md's mapping
}
ACTOR_FLOORS = {  # test part, main event: (lenient, strict)
    "actor1": (0.90, 0.80),  # measured 0.906, 0.812 (0.844, 0.750 before; 0.743, 0.659 earlier)
    "actor2": (0.75, 0.61),  # measured 0.755, 0.620 (0.730, 0.603 before; 0.625, 0.506 earlier)
}
SHARE_CEILINGS = {  # test part
    "no_event": 0.03,  # measured 0.028 (0.044 before statements of doubt and coercion were proposed; 0.092 before issue 22's main event)
    "refused": 0.0,  # measured 0.000 (0.005 before): English is never refused
}
ACLED_FLOORS = {  # test half (split.part(id, 50))
    "sub_event_weighted_f1": 0.755,  # measured 0.764 (0.753, 0.738, 0.722 before; 0.627, 0.482 earlier)
    "sub_event_macro_f1": 0.695,  # measured 0.702 (0.692, 0.674, 0.662 before; 0.575, 0.428 earlier)
}
ACLED_TYPE_FLOOR = 0.78  # event type accuracy, measured 0.790 (0.776, 0.761, 0.751, 0.707, 0.624 earlier)

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
