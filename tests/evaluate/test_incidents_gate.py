"""Gate: event-level facts on gva-dev articles must not fall below pinned floors.

A bounded subset (whole incidents, about ``LIMIT`` articles of each half, in file order)
goes through the path ``eventwire ingest`` takes, into a temporary DuckDB store; the
test half's killed / wounded exact, place within 25 km, day exact and same-incident
pairwise and B-cubed F1 are checked. The corpus is pinned by hash; floors only move up.
Skipped when ``../shared/gold/gva-dev`` (or ``$EVENTWIRE_GOLD/gva-dev``) is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(os.environ.get("EVENTWIRE_GOLD", ROOT.parent / "shared" / "gold")) / "gva-dev"

CORPUS_SHA256 = "7884fd6e2aad8f95"  # 3,718 articles of 2,195 incidents
LIMIT = 40  # 41 test-half articles of 33 incidents
FLOORS = {  # measured on these 41 (eventwire evaluate incidents --limit 40, test half)
    "killed": 0.80,  # 0.805 (0.780 two rounds before)
    "wounded": 0.65,  # 0.659 (0.561)
    "place_25": 0.77,  # 0.780
    "day": 0.68,  # 0.683 (0.610)
    # linking asks for evidence beyond place and day: 0.571 here (0.667 before), while on
    # 400 test-half articles pair F1 rose 0.520 -> 0.573 (precision 0.578 -> 0.867)
    # (0.571); with the article's named people and recalled happenings as background: 0.615
    "pair_f1": 0.61,  # 0.615
    "b3_f1": 0.94,  # 0.944 (0.933)
}


@pytest.fixture(scope="module")
def test_half(pipeline) -> dict[str, float]:
    if not GOLD.is_dir():
        pytest.skip(f"gold folder {GOLD} not found")
    from eventwire.evaluate.incidents import evaluate

    return evaluate(GOLD, LIMIT, pipeline=pipeline, parts=("test",))["test"].figures()


@pytest.mark.slow
def test_corpus_is_the_pinned_one() -> None:
    if not GOLD.is_dir():
        pytest.skip(f"gold folder {GOLD} not found")
    from eventwire.evaluate.incidents import corpus_sha256

    assert corpus_sha256(GOLD) == CORPUS_SHA256, "gva-dev gold changed: re-measure, re-pin"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_above_floor(test_half: dict[str, float], name: str) -> None:
    value = test_half[name]
    assert value >= FLOORS[name], f"{name} {value:.3f} fell below the floor {FLOORS[name]}"
