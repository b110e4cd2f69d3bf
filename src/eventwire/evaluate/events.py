"""Event class and actors of the records ``eventwire extract`` returns, on cameo-sentences.

Every gold sentence goes through the same code path as ``eventwire extract`` on a JSON
Lines line ``{"text": ...}`` (``evaluate.output.run``: reader, language check, the whole
``Pipeline``), and the records are scored, not parts of the extractor.

- **Main event**: see ``output.MAIN_EVENT``: the event the record marks as its sentence's main
  happening (``evidence.main``), else the first in text order (smallest
  trigger start). **Any event**: the gold
  class counts as found when some event of the record has it.
- **Class of an event** (CAMEO quad classes, cameo-sentences SOURCE.md: 4 material
  conflict, 3 verbal conflict, 2 material cooperation, 1 verbal cooperation by meeting or
  agreeing, 0 verbal cooperation by statement): the record's own class when its type
  carries one (``type.quad``), else the class of its (PLOVER category, mode) where the
  trigger lexicon's entries of that pair agree (``mode_classes``: PLOVER's REQUEST holds
  both CAMEO's appeals, 0, and demands, 3; the mode tells them apart), else its PLOVER
  category by ``PLOVER_CLASS``, the mapping SOURCE.md gives (SUPPORT and CONCEDE, "0 or
  1" there, are 0); a cooperative event with status ``negated`` is a refusal, 3 (CAMEO 12,
  "reject").
- **No event** (or a refused sentence) is a class of its own (``NONE``) that is never
  right: it lowers the recall of the gold class and nobody's precision.
- Scores: five-class and four-class (0 and 1 merged) macro-F1 and accuracy; actor1
  against the gold ``source`` and actor2 against the gold ``target`` (``both`` counts for
  either), lenient and strict (``matching.ACTOR_MATCH``, ``ACTOR_MATCH_STRICT``), read on
  the main event's actors; the share of sentences with no event, with more than one event,
  and refused (not English).
- Split: ``split.part(text, 70)``: ``tune`` (70%), the only part whose misses are written
  out and read; ``test`` (30%), the part the README quotes. Figures for ``all`` too.

``--components`` adds the old component scores (main trigger at the parse root, the
eventcat classifier by cross-validation), labelled "component (diagnostic)".
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.evaluate.event_components import FOLDS, SEED
from eventwire.evaluate.matching import (
    ACTOR_MATCH,
    ACTOR_MATCH_STRICT,
    actor_match,
    actor_match_strict,
    gold_roles,
    merge01,
    prf,
    rate,
    score,
)
from eventwire.evaluate.output import MAIN_EVENT, Output, load_gold, main_event, run
from eventwire.evaluate.split import part

if TYPE_CHECKING:
    from eventwire.model import Event

TUNE_SHARE = 70
PARTS = ("all", "tune", "test")
NONE = -1  # no event: a class of its own, never right
PLOVER_CLASS = {
    "ASSAULT": 4, "COERCE": 4, "MOBILIZE": 4, "SANCTION": 4, "PROTEST": 4,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "REQUEST": 3,
    "AID": 2, "COOPERATE": 2, "RETREAT": 2,
    "AGREE": 1, "CONSULT": 1,
    "SUPPORT": 0, "CONCEDE": 0,
}
CLASS_MAPPING = (
    "class of an event: type.quad when the record has it, else its (PLOVER, mode) class "
    "where the trigger lexicon's quad column is unanimous for the pair (appeal 0, praise 1, "
    "ease 2, boycott 3, ...), else PLOVER -> class (cameo-sentences SOURCE.md): ASSAULT, COERCE, MOBILIZE, SANCTION, PROTEST 4; ACCUSE, "
    "REJECT, THREATEN, REQUEST 3; AID, COOPERATE, RETREAT 2; AGREE, CONSULT 1; SUPPORT, "
    "CONCEDE 0; a negated cooperative event (0-2) is 3. No event: a class never right."
)


def event_class(ev: Event, modes: dict[tuple[str, str], int] | None = None) -> int:
    """See ``CLASS_MAPPING``; ``modes``: classes of (PLOVER, mode) pairs (``mode_classes``)."""
    own = getattr(ev.type, "quad", None)
    if own is not None:
        q = int(own)
    elif modes and ev.type.mode and (ev.type.plover, ev.type.mode) in modes:
        q = modes[(ev.type.plover, ev.type.mode)]
    else:
        q = PLOVER_CLASS.get(ev.type.plover, 0)
    return 3 if ev.status == "negated" and q in (0, 1, 2) else q


@cache
def mode_classes() -> dict[tuple[str, str], int]:
    """The class of each (PLOVER, mode) pair on which every trigger lexicon entry of that
    pair agrees (its quad column, written from the CAMEO definitions): an appeal is a
    statement (0), an eased restriction material cooperation (2), praise verbal
    cooperation (1), a sanction or boycott verbal conflict (3)."""
    from eventwire.extract.lexicon import load_lexicon
    from eventwire.nlp.pipeline import data_path

    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for entries in load_lexicon(data_path("triggers.tsv")).by_first.values():
        for e in entries:
            if not e.is_stop and e.mode:
                seen[(e.plover, e.mode)].add(e.quad_class)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def main(gold: Path, misses: Path | None = None, limit: int = 0,
         components: bool = False) -> dict[str, Any]:
    """Score the output on ``gold``; print and return the figures."""
    from eventwire.pipeline import Pipeline

    rows = load_gold(gold)
    rows = rows[:limit] if limit else rows
    outs = run(Pipeline.load(), [r["text"] for r in rows], str(gold), parse=True)
    report = score_outputs(rows, outs)
    report["gold"] = str(gold)
    print_report(report)
    if misses is not None:
        write_misses(misses, rows, outs)
    if components:
        from eventwire.evaluate import event_components

        report["component (diagnostic)"] = event_components.main(gold)
    return report


def score_outputs(rows: list[dict[str, Any]], outs: list[Output]) -> dict[str, Any]:
    """The figures of every part (all, tune, test)."""
    keys = [part(r["text"], TUNE_SHARE) for r in rows]
    parts = {}
    for name in PARTS:
        pick = [n for n, k in enumerate(keys) if name in ("all", k)]
        parts[name] = _part_scores([rows[n] for n in pick], [outs[n] for n in pick])
    return {"sentences": len(rows), "main_event": MAIN_EVENT, "class_mapping": CLASS_MAPPING,
            "actor_match": ACTOR_MATCH, "actor_match_strict": ACTOR_MATCH_STRICT,
            "split": f"split.part(text, {TUNE_SHARE}): tune {TUNE_SHARE}%, test the rest",
            "parts": parts}


def _part_scores(rows: list[dict[str, Any]], outs: list[Output]) -> dict[str, Any]:
    gold = [int(r["quad"]) for r in rows]
    main_cls, any5, any4, plover_only = [], [], [], []
    modes = mode_classes()
    for g, out in zip(gold, outs, strict=True):
        classes = [event_class(e, modes) for e in out.events]
        first = main_event(out.events)
        main_cls.append(event_class(first, modes) if first is not None else NONE)
        plover_only.append(event_class(first) if first is not None else NONE)
        any5.append(g if g in classes else main_cls[-1])
        g4, c4 = merge01([g])[0], merge01(classes)
        any4.append(g4 if g4 in c4 else merge01([main_cls[-1]])[0])
    n = len(rows)
    return {
        "n": n,
        "main": score(gold, main_cls),
        "main_plover_only": score(gold, plover_only),  # modes not read: SOURCE.md's mapping
        "any": {"five": prf(gold, any5, range(5)),
                "four": prf(merge01(gold), any4, (1, 2, 3, 4))},
        **_actor_scores(rows, outs),
        "no_event": rate(sum(1 for o in outs if o.doc is not None and not o.events), n),
        "several_events": rate(sum(1 for o in outs if len(o.events) > 1), n),
        "refused": rate(sum(1 for o in outs if o.refused), n),
    }


def _actor_scores(rows: list[dict[str, Any]], outs: list[Output]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for role, key in (("actor1", "source"), ("actor2", "target")):
        lenient = strict = total = 0
        for row, o in zip(rows, outs, strict=True):
            phrases = gold_roles(row, key)
            if not phrases:
                continue
            ev = main_event(o.events)
            span = o.span(getattr(ev, role)) if ev is not None else None
            total += 1
            lenient += actor_match(span, phrases)
            strict += actor_match_strict(span, phrases)
        out[role] = {"lenient": rate(lenient, total), "strict": rate(strict, total)}
    return out


def print_report(report: dict[str, Any]) -> None:
    print(f"events (output of `eventwire extract`): {report['sentences']} sentences "
          f"from {report.get('gold', '?')}")
    for line in ("main_event", "class_mapping", "split"):
        print(f"  {report[line]}")
    for name, p in report["parts"].items():
        print(f"[{name}] {p['n']} sentences")
        for which in ("main", "any", "main_plover_only"):
            s = p[which]
            print(f"  {which:4s} event class: four-class macro-F1 {s['four']['macro_f1']:.3f} "
                  f"acc {s['four']['accuracy']:.3f} | five-class macro-F1 "
                  f"{s['five']['macro_f1']:.3f} acc {s['five']['accuracy']:.3f}")
        for c, v in p["main"]["five"]["per_class"].items():
            print(f"    class {c}: P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} n {v['n']}")
        for role in ("actor1", "actor2"):
            le, st = p[role]["lenient"], p[role]["strict"]
            print(f"  {role} lenient {le['matched']}/{le['n']} = {le['rate']:.3f} | "
                  f"strict {st['matched']}/{st['n']} = {st['rate']:.3f}")
        for k in ("no_event", "several_events", "refused"):
            v = p[k]
            print(f"  {k}: {v['matched']}/{v['n']} = {v['rate']:.3f}")


def write_misses(path: Path, rows: list[dict[str, Any]], outs: list[Output]) -> None:
    """Misses of the tune part only (test sentences are scored, never read)."""
    with path.open("w", encoding="utf-8") as fh:
        for row, o in zip(rows, outs, strict=True):
            if part(row["text"], TUNE_SHARE) != "tune":
                continue
            ev = main_event(o.events)
            got = event_class(ev, mode_classes()) if ev is not None else NONE
            a1 = o.span(ev.actor1) if ev is not None else None
            a2 = o.span(ev.actor2) if ev is not None else None
            src, tgt = gold_roles(row, "source"), gold_roles(row, "target")
            rec = {"text": row["text"], "gold": int(row["quad"]), "main": got,
                   "refused": o.refused,
                   "events": [f"{e.evidence.trigger}:{e.type.plover}:{e.status}:"
                              f"{event_class(e, mode_classes())}"
                              for e in o.events],
                   "actor1": a1.text if a1 is not None else None,
                   "actor2": a2.text if a2 is not None else None,
                   "actor1_ok": actor_match(a1, src) if src else None,
                   "actor2_ok": actor_match(a2, tgt) if tgt else None,
                   "source": row.get("source"), "target": row.get("target"),
                   "both": row.get("both")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


# names other modules import from here
__all__ = ["CLASS_MAPPING", "FOLDS", "PLOVER_CLASS", "SEED", "event_class", "load_gold", "main",
           "mode_classes", "score"]
