"""Score attribution, quotes and claim status on the claims test set.

The committed set (``eventwire/data/claims_testset.jsonl``) holds hand-written
news-style sentences, each with one trigger word and its gold status, source, ``via``
and (optionally) quotes; lines are marked ``"split": "dev"`` (looked at while building)
or ``"test"`` (held out). Scores are reported per split:

* status: accuracy per gold status and over all;
* source / via: the predicted words equal the gold words (case, spacing, quote marks
  and end punctuation aside); a gold null is right only when nothing is predicted;
* quotes: a gold quote is found when a predicted quote starts with its words and has
  the gold speaker.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.data import data_path
from eventwire.errors import EvaluationError

STATUSES = ("asserted", "claimed", "alleged", "denied", "negated", "planned", "background")
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class GoldClaim:
    line: int
    text: str
    trigger: str
    occurrence: int
    status: str
    source: str | None
    via: str | None
    quotes: tuple[tuple[str, str], ...]
    split: str


@dataclass(frozen=True)
class Outcome:
    gold: GoldClaim
    status: str
    source: str | None
    via: str | None
    quotes_found: int


def blind_gold() -> Path:
    """Sentences written by someone who never saw the extractor: the honest measure."""
    return data_path("claims_testset_blind.jsonl")


def default_gold() -> Path:
    return data_path("claims_testset.jsonl")


def read_gold(path: Path) -> list[GoldClaim]:
    """The gold lines of ``path``; a missing file or a bad line is an ``EvaluationError``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read the claims test set ({e})") from e
    gold = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            quotes = tuple((q["text_startswith"], q["speaker"]) for q in d.get("quotes", []))
            gold.append(GoldClaim(n, d["text"], d["trigger"], int(d.get("trigger_occurrence", 0)),
                                  d["status"], d.get("source"), d.get("via"), quotes,
                                  d.get("split", "dev")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise EvaluationError(f"{path}:{n}: bad claims line ({e})") from e
    return gold


def normalise(words: str | None) -> str | None:
    if words is None:
        return None
    words = words.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", words).strip(" \t\n.,;:\"'").lower()


def find_trigger(doc: object, claim: GoldClaim) -> int:
    first_word = claim.trigger.split()[0]
    hits = [t.i for t in doc if t.text == first_word]  # type: ignore[attr-defined]
    if len(hits) <= claim.occurrence:
        raise EvaluationError(f"line {claim.line}: trigger '{claim.trigger}' not found in the text")
    return hits[claim.occurrence]


def run(gold: list[GoldClaim]) -> list[Outcome]:
    from eventwire.extract.attribution import attribution
    from eventwire.extract.quotes import find_quotes
    from eventwire.extract.status import status
    from eventwire.nlp.pipeline import load_pipeline, parse

    nlp = load_pipeline()
    outcomes = []
    for claim, doc in zip(gold, parse(nlp, [c.text for c in gold]), strict=True):
        i = find_trigger(doc, claim)
        quotes = find_quotes(doc)
        att = attribution(doc, i, quotes=quotes)
        decision = status(doc, i, att)
        found = sum(
            any(q.text.text.startswith(start) and normalise(q.speaker.text if q.speaker else None)
                == normalise(speaker) for q in quotes)
            for start, speaker in claim.quotes
        )
        outcomes.append(Outcome(claim, decision.status, att.source.text if att else None,
                                att.via.text if att and att.via else None, found))
    return outcomes


def score(outcomes: list[Outcome]) -> dict[str, object]:
    n = len(outcomes)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for o in outcomes:
        total[o.gold.status] += 1
        right[o.gold.status] += o.status == o.gold.status
    quotes = sum(len(o.gold.quotes) for o in outcomes)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "sentences": n,
        "status": ratio(sum(right.values()), n),
        "per_status": {s: ratio(right[s], total[s]) for s in STATUSES if total[s]},
        "source": ratio(sum(normalise(o.source) == normalise(o.gold.source) for o in outcomes), n),
        "via": ratio(sum(normalise(o.via) == normalise(o.gold.via) for o in outcomes), n),
        "quotes": ratio(sum(o.quotes_found for o in outcomes), quotes),
        "quote_count": quotes,
    }


def report(figures: dict[str, dict[str, object]], path: Path, digest: str) -> None:
    print(f"claims test set {path.name} sha256:{digest[:12]}")
    for split, f in figures.items():
        if not f["sentences"]:
            continue
        print(f"[{split}] sentences={f['sentences']} status={f['status']} source={f['source']} "
              f"via={f['via']} quotes={f['quotes']} (of {f['quote_count']})")
        per = f["per_status"]
        assert isinstance(per, dict)
        print("  per status: " + " ".join(f"{s}={v}" for s, v in per.items()))


def main(gold: Path | None = None) -> dict[str, dict[str, object]]:
    """Score the claims test set (default: the committed one); print and return figures."""
    path = gold or default_gold()
    claims = read_gold(path)
    outcomes = run(claims)
    present = list(dict.fromkeys(o.gold.split for o in outcomes))
    figures = {
        split: score([o for o in outcomes if split == "all" or o.gold.split == split])
        for split in dict.fromkeys([*SPLITS[:-1], *present, "all"])
    }
    report(figures, path, hashlib.sha256(path.read_bytes()).hexdigest())
    return figures
