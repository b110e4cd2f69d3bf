"""`eventwire evaluate eventloc GOLD`: is the event's own place the annotated one?

Gold: ``../shared/gold/event-location/dev.jsonl`` (Halterman 2019, MIT): a sentence, one
event verb, and the place names where that verb's event happened (possibly none). Each
distinct sentence runs through the product (``Pipeline.process``, the same code path as
``eventwire extract``) as an article of its own. For each record, the event whose trigger
overlaps the verb is scored as the held-out bar scores it (SOURCE.md): right when its
location span overlaps one gold location, or when the gold has none and the event has no
location from its sentence (none, or only the article's focus). A verb that is no trigger
but one of an event's words (``Evidence.parts``: a toll folded into its act, "killing
three"; the verb that launched an offensive) is that event's verb: the product codes one
happening once, and the verb's event is that happening; the figure with the trigger alone
(the held-out bar's reading) is printed beside it. A verb without an event is wrong ("over
all"); "over found" leaves those out. Records are split by
``split.part(text, 50)``: rules are read and tuned on ``tune``, ``test`` is quoted.
Repeated sentence+verb pairs are scored once.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import EvaluationError
from eventwire.evaluate.split import part
from eventwire.model.records import Article, Event


@dataclass(frozen=True)
class Record:
    text: str
    verb: tuple[int, int]
    places: tuple[tuple[int, int], ...]
    half: str


def read_gold(path: Path) -> list[Record]:
    """Records of ``dev.jsonl``, one per distinct sentence+verb (the first kept)."""
    if path.is_dir():
        path = path / "dev.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvaluationError(f"{path}: event-location gold not found ({e})") from e
    seen: set[tuple[str, int, int]] = set()
    out = []
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line)
        key = (r["text"], r["verb"]["start"], r["verb"]["end"])
        if key in seen:
            continue
        seen.add(key)
        out.append(Record(r["text"], (r["verb"]["start"], r["verb"]["end"]),
                          tuple((p["start"], p["end"]) for p in r["locations"]), part(r["text"], 50)))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def event_of(events: tuple[Event, ...], verb: tuple[int, int], *, parts: bool = True) -> Event | None:
    """The event whose trigger overlaps the verb, else (``parts``) the event the verb is
    one of the words of."""
    for ev in events:
        s, e = ev.evidence.trigger_start, ev.evidence.trigger_end
        if s is not None and e is not None and _overlaps((s, e), verb):
            return ev
    if parts:
        for ev in events:
            if any(_overlaps(p, verb) for p in ev.evidence.parts):
                return ev
    return None


def judge(rec: Record, ev: Event | None) -> str:
    """'right', 'wrong_place' (a place, not the gold's), 'missed' (gold has one, the event
    none), 'extra' (gold none, the event one of its sentence), or 'no_event'."""
    if ev is None:
        return "no_event"
    loc = ev.location
    own = loc is not None and loc.start is not None and loc.end is not None \
        and not (loc.reason or "").startswith("article_focus")
    if not rec.places:
        return "extra" if own else "right"
    if not own:
        return "missed"
    assert loc is not None and loc.start is not None and loc.end is not None
    return "right" if any(_overlaps((loc.start, loc.end), p) for p in rec.places) else "wrong_place"


def main(gold: Path, limit: int = 0, misses: Path | None = None, halves: tuple[str, ...] = ("tune", "test")) -> dict:
    from eventwire.pipeline import Pipeline

    t0 = time.perf_counter()
    records = [r for r in read_gold(gold) if r.half in halves]
    records = records[:limit] if limit else records
    pipe = Pipeline.load()
    texts = list(dict.fromkeys(r.text for r in records))
    articles = [Article(id=f"s{n}", text=t, path="event-location") for n, t in enumerate(texts)]
    docs = {a.text: d for a, d in zip(articles, pipe.process(articles, batch_size=32))}
    report: dict[str, object] = {}
    rows = []
    for half in halves:
        verdicts: Counter[str] = Counter()
        strict: Counter[str] = Counter()
        for r in (r for r in records if r.half == half):
            ev = event_of(docs[r.text].events, r.verb)
            v = judge(r, ev)
            verdicts[v] += 1
            strict[judge(r, event_of(docs[r.text].events, r.verb, parts=False))] += 1
            if v != "right" and half == "tune":
                rows.append(_miss(r, ev, v) | {"places": [p.text for p in docs[r.text].places if p.lat is not None]})
        n = sum(verdicts.values())
        found = n - verdicts["no_event"]
        report[half] = {"records": n, "right": round(verdicts["right"] / n, 4) if n else 0.0,
                        "over_found": round(verdicts["right"] / found, 4) if found else 0.0,
                        "event_found": round(found / n, 4) if n else 0.0, "verdicts": dict(verdicts),
                        "trigger_only": round(strict["right"] / n, 4) if n else 0.0}
    report["seconds"] = round(time.perf_counter() - t0, 1)
    for half in halves:
        fig = report[half]
        assert isinstance(fig, dict)
        print(f"event-location {half}: {fig['records']} verbs; event's place right {fig['right']:.3f} "
              f"(over events found {fig['over_found']:.3f}; event found {fig['event_found']:.3f}; "
              f"verb matched by the trigger alone {fig['trigger_only']:.3f}); {fig['verdicts']}")
    print(f"seconds {report['seconds']}")
    if misses:
        misses.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in rows), encoding="utf-8")
    return report


def _miss(r: Record, ev: Event | None, verdict: str) -> dict:
    loc = ev.location if ev is not None else None
    return {"verdict": verdict, "text": r.text, "verb": r.text[r.verb[0]:r.verb[1]],
            "gold": [r.text[s:e] for s, e in r.places],
            "pred": None if loc is None else [loc.text, loc.reason, loc.precision]}
