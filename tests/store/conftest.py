"""Fixtures of the store tests: real local-news articles (gva-dev, tune half) extracted
once by the real pipeline, several telling the same shootings."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from pathlib import Path

import pytest

from eventwire.evaluate.split import part
from eventwire.model import ArticleDoc

N_INCIDENTS = 8  # incidents told by 2-4 articles each: about 18 articles


def gva_articles(gold: Path, n_incidents: int = N_INCIDENTS) -> list[dict]:
    """Articles of the first incidents (in file order) of the tune half that several
    articles tell; each as a JSON Lines record eventwire reads."""
    by_incident: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(gold / "gva-dev" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if part(obj["incident"]) == "tune":
                by_incident[obj["incident"]].append(obj)
    chosen = [arts for arts in by_incident.values() if 2 <= len(arts) <= 4][:n_incidents]
    return [{"text": a["text"], "title": a["title"], "published": a["published"],
             "outlet": a["outlet"]} for arts in chosen for a in arts]


@pytest.fixture(scope="session")
def gva_jsonl(gold_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The articles as a JSON Lines file (what `eventwire ingest` reads)."""
    path = tmp_path_factory.mktemp("gva") / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in gva_articles(gold_dir)), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def gva_docs(gva_jsonl: Path, pipeline) -> list[ArticleDoc]:
    """The articles extracted by the real pipeline, in file order."""
    from eventwire.engines.local import BatchReport, articles

    return list(pipeline.process(articles([gva_jsonl], BatchReport())))
