"""Tune the place resolver's weights on half of the toponym gold; report the other half.

    .venv/bin/python scripts/tune_places.py ../shared/gold/toponyms [--rounds 2]

The articles of each corpus are split by a hash of their id: ``dev`` (tuned on) and
``test`` (only scored at the end, never looked at while tuning). Coordinate descent
over the weights in ``resolve/places/resolve.py`` maximises the mean of LGL and
GeoVirus accuracy within 161 km over all gold toponyms on ``dev``; the script prints
the best weights and both halves' figures before and after. Nothing is written: a
better setting goes into ``resolve.py`` by hand, with the printed figures.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from eventwire.evaluate.places import _match, read_gold, score_toponym
from eventwire.nlp.pipeline import load_pipeline
from eventwire.resolve.places import resolve as R
from eventwire.resolve.places.gazetteer import load_gazetteer
from eventwire.resolve.places.geoparse import Geoparser
from eventwire.resolve.places.priors import OutletPriors

WEIGHTS = ["W_POP", "W_ALTERNATE", "W_CAPITAL", "W_COUNTRY", "W_ADMIN1", "W_ADMIN2", "W_NEAR",
           "W_CLUSTER", "W_LIST", "W_PRIOR_COUNTRY", "W_PRIOR_ADMIN1", "W_PRIOR_NEAR"]
STEPS = (0.6, 0.8, 1.25, 1.6)


def half(ident: str) -> str:
    return "dev" if int(hashlib.sha256(ident.encode()).hexdigest(), 16) % 2 == 0 else "test"


def score(data: dict, parser: Geoparser, split: str) -> dict[str, float]:
    out = {}
    for name, (arts, docs) in data.items():
        items = [(a, d) for a, d in zip(arts, docs) if half(a.ident) == split]
        priors = OutletPriors.build(parser, ((a.domain, d) for a, d in items)) if any(a.domain for a, _ in items) else None
        n = ok = 0
        for a, d in items:
            places = parser.parse(d, a.text, {"title": a.title, "outlet_domain": a.domain}, priors=priors)
            for t in a.toponyms:
                n += 1
                ok += score_toponym(t, _match(t, places), name)["km161"]
        out[name] = ok / n if n else 0.0
    return out


def objective(figs: dict[str, float]) -> float:
    return sum(figs.values()) / len(figs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    nlp, parser = load_pipeline(), Geoparser(load_gazetteer())
    data = {name: (arts, list(nlp.pipe((a.text for a in arts), batch_size=32)))
            for name, arts in read_gold(args.gold).items()}
    start = {w: getattr(R, w) for w in WEIGHTS}
    base_dev, base_test = score(data, parser, "dev"), score(data, parser, "test")
    best = objective(base_dev)
    print(f"start  dev {base_dev}  test {base_test}", flush=True)
    for _ in range(args.rounds):
        for w in WEIGHTS:
            current = getattr(R, w)
            for f in STEPS:
                setattr(R, w, current * f)
                got = objective(score(data, parser, "dev"))
                if got > best + 1e-4:
                    best, current = got, current * f
                    print(f"  {w} -> {current:.3f}: dev {got:.4f}", flush=True)
            setattr(R, w, current)
    tuned = {w: round(getattr(R, w), 3) for w in WEIGHTS}
    print("tuned", {w: v for w, v in tuned.items() if abs(v - start[w]) > 1e-9})
    print(f"end    dev {score(data, parser, 'dev')}  test {score(data, parser, 'test')}")


if __name__ == "__main__":
    sys.exit(main())
