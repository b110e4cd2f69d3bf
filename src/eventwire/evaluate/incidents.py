"""Event-level scores on news articles with the incident each reports (``gva-dev``).

The gold (``../shared/gold/gva-dev``, see its SOURCE.md) gives, for every article, the
incident it reports: day, point, number killed and injured. Every article goes through
the path ``eventwire ingest`` takes (``Pipeline.process`` with the article's ``published``
date and ``outlet``, then ``Store.add`` into a DuckDB file, which links the same event
across articles), one temporary database per half, so that the halves never link to
each other. Scored per article:

- **killed exact**: the largest ``killed`` figure among the article's factual events
  (status asserted, claimed or alleged: a happening recalled as ``background``, or a
  denied or planned killing, is not the article's), 0 if none, against the gold number;
- **wounded exact**: the same for ``wounded`` against the gold number injured;
- **place within 25 km / 161 km** of the incident point, of the *main event*;
- **day exact / within a day** of the incident date, of the main event's start day.

The **main event** is the article's lede: the first factual event, in text order, of a
violent type (PLOVER ASSAULT or FIGHT, or an ACLED violent event type); with none, the
first factual event; with no factual event, none (place and day then count as misses).

Across articles (the product's clusters, the store's ``cluster_id`` of each event): two
articles tell the same incident when a violent factual event of one is in the cluster
of a violent factual event of the other (taken transitively: the articles' clusters are
the connected groups). Pairwise precision / recall / F1 of "these two articles report
the same incident", and B-cubed precision / recall / F1, over the articles of each half.
An article without a violent factual event is a cluster of its own.

The split is ``eventwire.evaluate.split.part(incident, 50)``; misses are written for the
``tune`` half only (``--errors``), the README quotes ``test``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from eventwire.errors import EvaluationError, InputError
from eventwire.evaluate.split import Part, part
from eventwire.link.across import km
from eventwire.link.within import is_violent
from eventwire.model import Article, ArticleDoc, Event

TUNE_PERCENT = 50
FACTUAL = frozenset({"asserted", "claimed", "alleged"})
NEAR_KM, FAR_KM = 25.0, 161.0
PARTS: tuple[Part, ...] = ("tune", "test")


@dataclass(frozen=True)
class Incident:
    incident: str
    day: date
    lat: float | None
    lon: float | None
    killed: int
    injured: int


@dataclass(frozen=True)
class GoldArticle:
    incident: str
    id: str
    title: str | None
    published: date | None
    outlet: str | None
    text: str


@dataclass(frozen=True)
class Outcome:
    """What the product says of one article, beside the gold."""

    article: GoldArticle
    killed: int
    wounded: int
    km: float | None
    day: date | None
    main: Event | None
    cluster: str | None


@dataclass
class Report:
    rows: list[tuple[Outcome, Incident]] = field(default_factory=list)
    refused: int = 0  # articles the reader refuses (not English): left out of every figure

    def rate(self, ok: Callable[[Outcome, Incident], bool]) -> float:
        return round(sum(ok(o, g) for o, g in self.rows) / len(self.rows), 3) if self.rows else 0.0

    def figures(self) -> dict[str, float]:
        clusters = {o.article.id: o.cluster or f"alone:{o.article.id}" for o, _ in self.rows}
        gold = {o.article.id: o.article.incident for o, _ in self.rows}
        p, r, f = pairwise(clusters, gold)
        bp, br, bf = bcubed(clusters, gold)
        return {
            "articles": len(self.rows),
            "refused": self.refused,
            "incidents": len({g.incident for _, g in self.rows}),
            "killed": self.rate(lambda o, g: o.killed == g.killed),
            "killed_zero": self.rate(lambda o, g: g.killed == 0),
            "wounded": self.rate(lambda o, g: o.wounded == g.injured),
            "wounded_zero": self.rate(lambda o, g: g.injured == 0),
            "place_25": self.rate(lambda o, g: o.km is not None and o.km <= NEAR_KM),
            "place_161": self.rate(lambda o, g: o.km is not None and o.km <= FAR_KM),
            "no_place": sum(o.km is None for o, _ in self.rows),
            "day": self.rate(lambda o, g: o.day == g.day),
            "day_1": self.rate(lambda o, g: o.day is not None and abs((o.day - g.day).days) <= 1),
            "pair_p": p, "pair_r": r, "pair_f1": f,
            "b3_p": bp, "b3_r": br, "b3_f1": bf,
        }


# -- gold ---------------------------------------------------------------------------


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_gold(folder: Path) -> tuple[list[GoldArticle], dict[str, Incident]]:
    """The articles (file order) and the incidents of a gva-dev folder."""
    try:
        with (folder / "incidents.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(ln) for ln in fh if ln.strip()]
        with gzip.open(folder / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            arts = [json.loads(ln) for ln in fh if ln.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise EvaluationError(f"{folder}: cannot read the gva-dev gold ({e}); "
                              "expected incidents.jsonl and articles.jsonl.gz") from e
    incidents = {}
    for r in rows:
        day = _date(r["date"])
        if day is None:
            continue
        incidents[str(r["incident"])] = Incident(
            str(r["incident"]), day, r.get("lat"), r.get("lon"), int(r["killed"]), int(r["injured"]))
    articles = [GoldArticle(str(a["incident"]), a["id"], a.get("title"), _date(a.get("published")),
                            a.get("outlet"), a["text"])
                for a in arts if str(a["incident"]) in incidents]
    return articles, incidents


def corpus_sha256(folder: Path) -> str:
    """The first 16 hex digits of the SHA-256 of both gold files, to pin the corpus."""
    digest = hashlib.sha256()
    for name in ("incidents.jsonl", "articles.jsonl.gz"):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:16]


def halves(articles: list[GoldArticle], limit: int = 0) -> dict[Part, list[GoldArticle]]:
    """Each half's articles in file order; ``limit``: whole incidents, in order of first
    appearance, until about ``limit`` articles (so an incident's articles stay together)."""
    out: dict[Part, list[GoldArticle]] = {}
    for half in PARTS:
        by_incident: dict[str, list[GoldArticle]] = defaultdict(list)
        for a in articles:
            if part(a.incident, TUNE_PERCENT) == half:
                by_incident[a.incident].append(a)
        chosen: list[GoldArticle] = []
        for group in by_incident.values():
            if limit and len(chosen) >= limit:
                break
            chosen.extend(group)
        out[half] = chosen
    return out


# -- the product's answer -----------------------------------------------------------


def main_event(events: Iterable[Event]) -> Event | None:
    """The article's lede event (see the module docstring)."""
    facts = sorted((e for e in events if e.status in FACTUAL), key=lambda e: e.evidence.start)
    violent = [e for e in facts if is_violent(e)]
    found = violent or facts
    return found[0] if found else None


def largest(events: Iterable[Event], kind: str) -> int:
    values = [q.value for e in events if e.status in FACTUAL for q in e.quantities if q.kind == kind]
    return max(values, default=0)


def outcome(doc: ArticleDoc, gold: GoldArticle, incident: Incident, cluster: str | None) -> Outcome:
    main = main_event(doc.events)
    dist = None
    if main is not None and main.location is not None and incident.lat is not None:
        loc = main.location
        if loc.lat is not None and loc.lon is not None:
            dist = km(loc.lat, loc.lon, float(incident.lat), float(incident.lon))  # type: ignore[arg-type]
    return Outcome(gold, largest(doc.events, "killed"), largest(doc.events, "wounded"), dist,
                   main.time.start if main is not None and main.time is not None else None,
                   main, cluster)


def run_half(articles: list[GoldArticle], incidents: dict[str, Incident], pipeline: object,
             tick: Callable[[], None] = lambda: None) -> Report:
    """Ingest one half into a fresh temporary store, then score every article."""
    from eventwire.ingest.readers import make_article
    from eventwire.store.database import Store

    report = Report()
    docs: list[tuple[ArticleDoc, GoldArticle]] = []
    read: list[tuple[Article, GoldArticle]] = []
    for a in articles:
        try:
            read.append((make_article(a.text, f"gva:{a.id}", title=a.title, published=a.published,
                                      outlet=a.outlet, headline_first=False), a))
        except InputError:  # as `eventwire ingest` refuses it (a page not in English)
            report.refused += 1
            tick()
    with tempfile.TemporaryDirectory(prefix="eventwire-incidents-") as tmp, \
            Store(Path(tmp) / "incidents.duckdb") as store:
        arts = (art for art, _ in read)
        for doc, gold in zip(pipeline.process(arts), (g for _, g in read), strict=True):  # type: ignore[attr-defined]
            store.add(doc)
            docs.append((doc, gold))
            tick()
        clusters = {r["id"]: r["cluster_id"] for r in store.query("SELECT id, cluster_id FROM events")}
    groups = article_groups(docs, clusters)
    for doc, gold in docs:
        report.rows.append((outcome(doc, gold, incidents[gold.incident], groups.get(doc.article.id)),
                            incidents[gold.incident]))
    return report


def article_groups(docs: list[tuple[ArticleDoc, GoldArticle]], clusters: dict[str, str]) -> dict[str, str]:
    """Each article's group: articles joined when their violent factual events share a
    cluster, transitively (union-find); the group is named by its smallest article id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, str] = {}
    for doc, _ in docs:
        aid = doc.article.id
        find(aid)
        for ev in doc.events:
            if ev.status in FACTUAL and is_violent(ev) and ev.id in clusters:
                c = clusters[ev.id]
                if c in first:
                    a, b = sorted((find(aid), find(first[c])))
                    parent[b] = a
                else:
                    first[c] = aid
    return {aid: find(aid) for aid in parent}


# -- clustering scores --------------------------------------------------------------


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 of the article pairs put in one cluster."""
    def pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for item, key in assign.items():
            groups[key].append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}  # type: ignore[misc]

    pred, true = pairs(predicted), pairs(gold)
    hit = len(pred & true)
    p = hit / len(pred) if pred else 1.0
    r = hit / len(true) if true else 1.0
    return round(p, 3), round(r, 3), _f1(p, r)


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998), averaged over items."""
    pred_size = Counter(predicted.values())
    gold_size = Counter(gold.values())
    both = Counter((predicted[i], gold[i]) for i in predicted)
    n = len(predicted) or 1
    p = sum(both[(predicted[i], gold[i])] / pred_size[predicted[i]] for i in predicted) / n
    r = sum(both[(predicted[i], gold[i])] / gold_size[gold[i]] for i in predicted) / n
    return round(p, 3), round(r, 3), _f1(p, r)


# -- report -------------------------------------------------------------------------


def miss(o: Outcome, g: Incident, merge: bool = False) -> dict[str, object] | None:
    """One tune-half article's misses, for reading (None if all right); ``merge``: its
    cluster is not its incident's."""
    wrong = {
        "killed": o.killed != g.killed, "wounded": o.wounded != g.injured,
        "place": o.km is None or o.km > NEAR_KM, "day": o.day != g.day, "merge": merge,
    }
    if not any(wrong.values()):
        return None
    m = o.main
    return {
        "id": o.article.id, "incident": g.incident, "wrong": [k for k, v in wrong.items() if v],
        "gold": {"killed": g.killed, "injured": g.injured, "day": g.day.isoformat(),
                 "lat": g.lat, "lon": g.lon},
        "got": {"killed": o.killed, "wounded": o.wounded, "km": None if o.km is None else round(o.km, 1),
                "day": o.day.isoformat() if o.day else None,
                "place": m.location.name if m and m.location else None,
                "time_text": m.time.text if m and m.time else None,
                "main": m.evidence.sentence if m else None,
                "type": m.type.plover if m else None, "status": m.status if m else None,
                "lat": m.location.lat if m and m.location else None,
                "lon": m.location.lon if m and m.location else None,
                "cluster": o.cluster},
        "published": o.article.published.isoformat() if o.article.published else None,
    }


def format_report(half: str, f: dict[str, float]) -> str:
    return "\n".join([
        f"{half}: {f['articles']} articles of {f['incidents']} incidents"
        + (f" ({f['refused']} refused by the reader, left out)" if f.get("refused") else ""),
        f"  killed exact        {f['killed']:.3f}   (0 everywhere {f['killed_zero']:.3f})",
        f"  wounded exact       {f['wounded']:.3f}   (0 everywhere {f['wounded_zero']:.3f})",
        f"  place 25 / 161 km   {f['place_25']:.3f} / {f['place_161']:.3f}   ({f['no_place']} without a place)",
        f"  day exact / +-1     {f['day']:.3f} / {f['day_1']:.3f}",
        f"  same incident pairs P / R / F1  {f['pair_p']:.3f} / {f['pair_r']:.3f} / {f['pair_f1']:.3f}",
        f"  B-cubed P / R / F1  {f['b3_p']:.3f} / {f['b3_r']:.3f} / {f['b3_f1']:.3f}",
    ])


def evaluate(folder: Path, limit: int = 0, pipeline: object | None = None,
             progress: Callable[[int], Callable[[], None]] | None = None,
             parts: tuple[Part, ...] = PARTS) -> dict[Part, Report]:
    """The reports of ``parts`` (both halves by default); ``progress(total)`` gives a
    function called once per article."""
    from eventwire.pipeline import Pipeline

    articles, incidents = read_gold(folder)
    split = halves(articles, limit)
    pipe = pipeline if pipeline is not None else Pipeline.load()
    tick = progress(sum(len(split[h]) for h in parts)) if progress else (lambda: None)
    return {half: run_half(split[half], incidents, pipe, tick) for half in parts}


def main(folder: Path, limit: int = 0, errors: Path | None = None,
         parts: tuple[Part, ...] = PARTS) -> dict[str, dict[str, float]]:
    """Print ``parts`` (both halves by default: tune, then test) and return their figures."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    err = Console(stderr=True)
    with Progress(TextColumn("scoring incidents"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        def progress(total: int) -> Callable[[], None]:
            task = bar.add_task("articles", total=total)
            return lambda: bar.advance(task)

        reports = evaluate(folder, limit, progress=progress, parts=parts)
    out: dict[str, dict[str, float]] = {}
    for half in parts:
        out[half] = reports[half].figures()
        print(format_report(half, out[half]))
    if errors is not None and "tune" in reports:
        with errors.open("w", encoding="utf-8") as fh:
            rows = reports["tune"].rows
            members: dict[str, set[str]] = defaultdict(set)
            for o, g in rows:
                members[f"gold:{g.incident}"].add(o.article.id)
                members[f"got:{o.cluster or o.article.id}"].add(o.article.id)
            for o, g in rows:
                merge = members[f"gold:{g.incident}"] != members[f"got:{o.cluster or o.article.id}"]
                m = miss(o, g, merge)
                if m is not None:
                    fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    return out
