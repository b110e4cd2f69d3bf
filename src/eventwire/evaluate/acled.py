"""ACLED event type and sub-event type of the records ``eventwire extract`` returns, on
acled-types (short news snippets labelled with ACLED's codebook names).

Each snippet goes through the same code path as ``eventwire extract`` (``output.run``).
The snippet's **ACLED event** is the first event of its record in text order that carries
an ACLED type (an event without one, such as a statement, is passed over); no such event
is the label ``none``, never right.

- Over snippets with a gold ACLED type: event-type accuracy; sub-event type
  support-weighted F1 (the CASE 2021 task 2 measure) and macro F1 over the gold's
  sub-event types; the share with no event at all and with no ACLED-typed event.
- Over snippets of the task's non-ACLED classes (ACLED fields null): the share given an
  ACLED type other than "Strategic developments/Other" (a false alarm).
- Refused snippets (not English) over all.
- Split: ``split.part(id, 50)``; misses are written for the ``tune`` half only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventwire.evaluate.matching import prf, rate
from eventwire.evaluate.output import Output, load_gold, run
from eventwire.evaluate.split import part
from eventwire.model import Event

TUNE_SHARE = 50
PARTS = ("all", "tune", "test")
NONE = "none"
HARMLESS = ("Strategic developments", "Other")
ACLED_EVENT = (
    "ACLED event: the first event of the snippet's record in text order that carries an "
    "ACLED type; none is a label never right"
)


def is_acled_gold(path: Path) -> bool:
    """True when the gold file's lines carry ACLED sub-event types (acled-types)."""
    with path.open(encoding="utf-8") as fh:
        first = fh.readline()
    return '"acled_sub_event_type"' in first


def acled_event(events: list[Event]) -> Event | None:
    """See ``ACLED_EVENT`` (``events`` in text order)."""
    return next((e for e in events if e.type.acled), None)


def main(gold: Path, misses: Path | None = None, limit: int = 0) -> dict[str, Any]:
    from eventwire.pipeline import Pipeline

    rows = load_gold(gold)
    rows = rows[:limit] if limit else rows
    outs = run(Pipeline.load(), [r["text"] for r in rows], str(gold))
    keys = [part(str(r["id"]), TUNE_SHARE) for r in rows]
    report: dict[str, Any] = {"gold": str(gold), "snippets": len(rows), "acled_event": ACLED_EVENT,
                              "split": f"split.part(id, {TUNE_SHARE})", "parts": {}}
    for name in PARTS:
        pick = [n for n, k in enumerate(keys) if name in ("all", k)]
        report["parts"][name] = score_part([rows[n] for n in pick], [outs[n] for n in pick])
    print_report(report)
    if misses is not None:
        write_misses(misses, rows, outs, keys)
    return report


def predicted(out: Output) -> tuple[str, str]:
    ev = acled_event(out.events)
    return ev.type.acled if ev is not None and ev.type.acled else (NONE, NONE)


def score_part(rows: list[dict[str, Any]], outs: list[Output]) -> dict[str, Any]:
    typed = [(r, o) for r, o in zip(rows, outs, strict=True) if r.get("acled_sub_event_type")]
    other = [(r, o) for r, o in zip(rows, outs, strict=True) if not r.get("acled_sub_event_type")]
    gold_t = [r["acled_event_type"] for r, _ in typed]
    gold_s = [r["acled_sub_event_type"] for r, _ in typed]
    pred = [predicted(o) for _, o in typed]
    subs = sorted(set(gold_s))
    sub = prf(gold_s, [p[1] for p in pred], subs)
    n = len(typed)
    return {
        "acled_snippets": n,
        "event_type_accuracy": rate(sum(g == p[0] for g, p in zip(gold_t, pred)), n),
        "sub_event_weighted_f1": sub["weighted_f1"],
        "sub_event_macro_f1": sub["macro_f1"],
        "sub_event_per_class": sub["per_class"],
        "no_event": rate(sum(1 for _, o in typed if o.doc is not None and not o.events), n),
        "no_acled_event": rate(sum(1 for p in pred if p[0] == NONE), n),
        "non_acled_false_alarm": rate(sum(1 for _, o in other
                                          if predicted(o) not in ((NONE, NONE), HARMLESS)),
                                      len(other)),
        "refused": rate(sum(1 for o in outs if o.refused), len(outs)),
    }


def print_report(report: dict[str, Any]) -> None:
    print(f"acled-types (output of `eventwire extract`): {report['snippets']} snippets "
          f"from {report['gold']}")
    print(f"  {report['acled_event']}; split {report['split']}")
    for name, p in report["parts"].items():
        print(f"[{name}] {p['acled_snippets']} snippets with an ACLED type")
        print(f"  event type accuracy {p['event_type_accuracy']['rate']:.3f} | sub-event type "
              f"weighted F1 {p['sub_event_weighted_f1']:.3f} macro F1 {p['sub_event_macro_f1']:.3f}")
        for k in ("no_event", "no_acled_event", "non_acled_false_alarm", "refused"):
            v = p[k]
            print(f"  {k}: {v['matched']}/{v['n']} = {v['rate']:.3f}")
        if name == "test":
            for c, v in p["sub_event_per_class"].items():
                print(f"    {c:45s} P {v['p']:.3f} R {v['r']:.3f} F1 {v['f1']:.3f} n {v['n']}")


def write_misses(path: Path, rows: list[dict[str, Any]], outs: list[Output],
                 keys: Sequence[str]) -> None:
    """Misses of the tune half only (the test half is scored, never read)."""
    with path.open("w", encoding="utf-8") as fh:
        for row, o, key in zip(rows, outs, keys, strict=True):
            if key != "tune":
                continue
            got = predicted(o)
            if got[1] == row.get("acled_sub_event_type"):
                continue
            rec = {"id": row["id"], "text": row["text"],
                   "gold": [row.get("acled_event_type"), row.get("acled_sub_event_type")],
                   "case_code": row.get("case_code"), "got": list(got), "refused": o.refused,
                   "events": [[e.evidence.trigger, e.type.plover, e.type.mode,
                               list(e.type.acled or ()), e.status,
                               e.actor1.text if e.actor1 else None,
                               e.actor2.text if e.actor2 else None] for e in o.events]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
