"""Stop-gap output check of the event coder: the pipeline's records with and without it.

Runs the whole pipeline (as ``eventwire extract`` does, one article per sentence) over a
part of cameo-sentences and scores the FIRST event of each sentence: 4-class macro-F1
(PLOVER -> class by ``extract.lexicon.PLOVER_QUAD``, classes 0 and 1 merged; a sentence
with no event counts as a miss), actor1/actor2 lenient (the actor's span holds at least
half the words of a gold source/target phrase; ``both``: first = source, rest = target).
The project's output-level scorer is ``eventwire evaluate events``; this script only
compares the coder against the rules-only path (``--fast``) in one run.

Usage: PYTHONPATH=src .venv/bin/python scripts/check_coder_output.py [tune|test]
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from eventwire.errors import InputError
from eventwire.extract.coder.diagnose import lenient_hit, macro_f1
from eventwire.extract.coder.labels import four_class
from eventwire.extract.coder.runtime import RoleSpan
from eventwire.extract.lexicon import PLOVER_QUAD
from eventwire.ingest.readers import make_article
from eventwire.model import Actor
from eventwire.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).parent))
from train_coder import DEFAULT_GOLD, load_rows  # noqa: E402


def hit(text: str, actor: Actor | None, phrases: list[str]) -> bool:
    if actor is None or actor.start is None or actor.end is None:
        return False
    return lenient_hit(text, RoleSpan("actor", actor.start, actor.end, 1.0, 1.0), phrases)


def main(part: str = "test") -> None:
    rows, arts = [], []
    for i, row in enumerate(load_rows(DEFAULT_GOLD, part)):
        try:
            arts.append(make_article(row["text"], f"cameo#{i}", headline_first=False))
            rows.append(row)
        except InputError as e:
            print(f"refused: {e}")
    pipe = Pipeline.load()
    for name, p in (("coder", pipe), ("--fast", dataclasses.replace(pipe, coder=None))):
        gold, pred, none = [], [], 0
        a1 = [0, 0]
        a2 = [0, 0]
        for row, doc in zip(rows, p.process(arts), strict=True):
            gold.append(four_class(row["quad"]))
            if not doc.events:
                none += 1
                pred.append(-1)
                continue
            ev = doc.events[0]
            pred.append(four_class(PLOVER_QUAD.get(ev.type.plover, 0)))
            both = list(row.get("both") or [])
            for tally, actor, phrases in (
                (a1, ev.actor1, list(row.get("source") or []) + both[:1]),
                (a2, ev.actor2, list(row.get("target") or []) + both[1:]),
            ):
                if phrases:
                    tally[0] += 1
                    tally[1] += hit(row["text"], actor, phrases)
        print(f"{name}: cameo {part} n={len(rows)}  4-class macro-F1 {macro_f1(gold, pred):.3f}  "
              f"no event {none}  actor1 lenient {a1[1] / max(1, a1[0]):.3f} (n={a1[0]})  "
              f"actor2 lenient {a2[1] / max(1, a2[0]):.3f} (n={a2[0]})", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:2])
