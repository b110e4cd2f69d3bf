"""Score whole event records against gold articles coded by people (ACLED-style sets).

Gold format, one article per line of JSON Lines::

    {"id", "text", "title"?, "published": "YYYY-MM-DD",
     "events": [{"plover"?, "acled_type"?, "acled_sub_event_type"?, "actor1"?,
                 "actor1_kind"?, "lat"?, "lon"?, "date"?, "fatalities"?}]}

Each gold event is matched to at most one predicted event of the same article: same
ACLED event type (or PLOVER category when the gold gives no ACLED type), then the
nearest date and place. Reported per field: event type precision / recall / F1 (over
the predicted events that are facts, status asserted or claimed), and over matched pairs
sub-event type, actor1 by name and by kind, location within 25 km, date exact,
fatalities exact and within 10%.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.errors import EvaluationError
from eventwire.link.across import km
from eventwire.model import Event

FACTS = {"asserted", "claimed"}


@dataclass
class Tally:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool | None) -> None:
        if ok is None:
            return
        self.total += 1
        self.hits += int(ok)

    def rate(self) -> float | None:
        return round(self.hits / self.total, 3) if self.total else None


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, Tally] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.fields.setdefault(name, Tally())


def read_gold(path: Path) -> list[dict[str, object]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(ln) for ln in lines if ln.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise EvaluationError(f"{path}: cannot read the gold records ({e})") from e


def _type_of(ev: Event, gold: dict[str, object]) -> bool:
    if gold.get("acled_type"):
        return ev.type.acled is not None and ev.type.acled[0] == gold["acled_type"]
    return ev.type.plover == gold.get("plover")


def _fatalities(ev: Event) -> int | None:
    killed = [q.value for q in ev.quantities if q.kind == "killed"]
    return max(killed) if killed else None


def _distance(ev: Event, gold: dict[str, object]) -> float | None:
    loc = ev.location
    if loc is None or loc.lat is None or loc.lon is None or gold.get("lat") is None:
        return None
    return km(loc.lat, loc.lon, float(gold["lat"]), float(gold["lon"]))  # type: ignore[arg-type]


def _day_gap(ev: Event, gold: dict[str, object]) -> int:
    if ev.time is None or not gold.get("date"):
        return 10_000
    return abs((ev.time.start - date.fromisoformat(str(gold["date"]))).days)


def match(predicted: list[Event], gold_events: list[dict[str, object]]) -> list[tuple[dict[str, object], Event | None]]:
    """Pair each gold event with the closest unused predicted event of its type."""
    free = list(predicted)
    out: list[tuple[dict[str, object], Event | None]] = []
    for g in gold_events:
        cands = [e for e in free if _type_of(e, g)]
        best = min(cands, key=lambda e: (_day_gap(e, g), _distance(e, g) or 0.0), default=None)
        if best is not None:
            free.remove(best)
        out.append((g, best))
    return out


def score_pair(s: Scores, g: dict[str, object], ev: Event) -> None:
    s.matched += 1
    if g.get("acled_sub_event_type"):
        s.tally("sub_event_type").add(ev.type.acled is not None and ev.type.acled[1] == g["acled_sub_event_type"])
    if g.get("actor1"):
        s.tally("actor1_name").add(ev.actor1 is not None and ev.actor1.name == g["actor1"])
    if g.get("actor1_kind"):
        s.tally("actor1_kind").add(ev.actor1 is not None and ev.actor1.kind == g["actor1_kind"])
    if g.get("lat") is not None:
        dist = _distance(ev, g)
        s.tally("location_25km").add(dist is not None and dist <= 25)
    if g.get("date"):
        s.tally("date_exact").add(ev.time is not None and ev.time.start.isoformat() == g["date"])
    if g.get("fatalities") is not None:
        want, got = int(g["fatalities"]), _fatalities(ev)  # type: ignore[call-overload]
        got = got if got is not None else 0
        s.tally("fatalities_exact").add(got == want)
        s.tally("fatalities_10pct").add(abs(got - want) <= 0.1 * max(want, 1))


def evaluate(predicted_by_article: dict[str, list[Event]], gold: list[dict[str, object]]) -> Scores:
    s = Scores()
    for art in gold:
        events = [e for e in predicted_by_article.get(str(art["id"]), []) if e.status in FACTS]
        gold_events = list(art.get("events", []))  # type: ignore[call-overload]
        s.gold += len(gold_events)
        s.predicted += len(events)
        for g, ev in match(events, gold_events):
            if ev is not None:
                score_pair(s, g, ev)
    return s


def report(s: Scores, path: Path) -> dict[str, object]:
    p = s.matched / s.predicted if s.predicted else 0.0
    r = s.matched / s.gold if s.gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    figures: dict[str, object] = {"gold_events": s.gold, "predicted_events": s.predicted,
                                  "matched": s.matched, "type_precision": round(p, 3),
                                  "type_recall": round(r, 3), "type_f1": round(f1, 3)}
    figures.update({k: t.rate() for k, t in sorted(s.fields.items())})
    print(f"records {path.name}: {s.gold} gold events, {s.predicted} predicted facts, {s.matched} matched")
    print(f"  event type  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    for name, t in sorted(s.fields.items()):
        print(f"  {name:18} {t.hits}/{t.total}  {t.rate()}")
    return figures


def main(gold_path: Path) -> dict[str, object]:
    """Run the pipeline on the gold articles and score the records it makes."""
    from eventwire.ingest.readers import make_article
    from eventwire.pipeline import Pipeline

    gold = read_gold(gold_path)
    pipe = Pipeline.load()
    arts = [
        make_article(str(g["text"]), f"{gold_path.name}#{g['id']}", title=g.get("title"),  # type: ignore[arg-type]
                     published=date.fromisoformat(str(g["published"])) if g.get("published") else None,
                     headline_first=g.get("title") is None)
        for g in gold
    ]
    predicted = {str(g["id"]): list(doc.events) for g, doc in zip(gold, pipe.process(arts), strict=True)}
    return report(evaluate(predicted, gold), gold_path)
