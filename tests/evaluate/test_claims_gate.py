"""Gate: claim status, source and quotes on the committed claims test set.

Floors only move up; the test set's hash is pinned so a changed set is noticed.
"""

from __future__ import annotations

import hashlib

import pytest

from eventwire.evaluate.claims import STATUSES, default_gold, main, normalise, read_gold

PINNED_SHA256 = "96911871799f"
FLOORS = {
    # split: (overall status, each status, source, via, quotes)
    "dev": (0.95, 0.9, 0.95, 0.95, 0.95),
    "test": (0.9, 0.8, 0.9, 0.9, 0.9),
}


@pytest.fixture(scope="module")
def figures():
    return main()


def test_set_is_pinned_and_big_enough():
    path = default_gold()
    assert hashlib.sha256(path.read_bytes()).hexdigest().startswith(PINNED_SHA256)
    gold = read_gold(path)
    assert len(gold) >= 40
    splits = {g.split for g in gold}
    assert splits == {"dev", "test"}
    statuses = {g.status for g in gold if g.split == "test"}
    assert statuses == set(STATUSES)


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_floors(figures, split):
    status_all, each, source, via, quotes = FLOORS[split]
    f = figures[split]
    assert f["status"] >= status_all
    assert all(v >= each for v in f["per_status"].values()), f["per_status"]
    assert f["source"] >= source
    assert f["via"] >= via
    assert f["quotes"] >= quotes


def test_normalise_ignores_case_marks_and_apostrophes():
    assert normalise("The army\u2019s general command,") == normalise("the army's general command")
    assert normalise(None) is None
