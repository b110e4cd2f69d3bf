"""Gate: exact TIMEX3 value on the timex gold must not fall below a pinned floor.

In the manner of trafilatura's ``eval_gate.py``: the corpus is pinned by hash so a changed
gold set fails loudly instead of moving the figures silently, and floors only move up
(raise them when the resolver improves; never lower them to make a change pass).
Skipped when ``../shared/gold/timex`` (or ``$EVENTWIRE_GOLD/timex``) is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(os.environ.get("EVENTWIRE_GOLD", ROOT.parent / "shared" / "gold")) / "timex"

CORPUS_SHA256 = "0cc976474f30b8c3"  # 256 TimeML documents, 1,245 calendar DATE values
FLOORS = {
    "exact_over_all": 0.88,  # measured 0.8876
    "exact_over_found": 0.895,  # measured 0.9050
    "recall_span": 0.97,  # measured 0.9807
}
PER_PRECISION_FLOORS = {  # measured: day 0.8884, week 0.8077 (26 only), month 0.8155,
    "day": 0.88,  # quarter 0.9086, year 0.9292
    "week": 0.76,
    "month": 0.80,
    "quarter": 0.90,
    "year": 0.92,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    if not GOLD.is_dir():
        pytest.skip(f"gold folder {GOLD} not found")
    from eventwire.evaluate.dates import main

    return main(GOLD)


@pytest.mark.slow
def test_corpus_is_the_pinned_one(figures: dict[str, object]) -> None:
    assert figures["corpus_sha256"] == CORPUS_SHA256, "timex gold changed: re-measure, re-pin"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_above_floor(figures: dict[str, object], name: str) -> None:
    value = figures[name]
    assert isinstance(value, float)
    assert value >= FLOORS[name], f"{name} {value:.4f} fell below the floor {FLOORS[name]}"


@pytest.mark.slow
@pytest.mark.parametrize("precision", sorted(PER_PRECISION_FLOORS))
def test_precision_above_floor(figures: dict[str, object], precision: str) -> None:
    per = figures["per_precision"]
    assert isinstance(per, dict)
    accuracy = per[precision]["accuracy"]
    assert accuracy >= PER_PRECISION_FLOORS[precision], (
        f"{precision}: {accuracy:.4f} below {PER_PRECISION_FLOORS[precision]}")
