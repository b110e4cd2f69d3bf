"""Entity-ruler patterns from the actor dictionary: named groups as ORG, leaders as PERSON.

The small English model tags SANA as PERSON and mistakes organisations named after places
("Red Cross", "Syrian Observatory") for places; these patterns, built from
``data/actors/`` by ``scripts/build_knowledge.py``, correct it.
"""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.data import data_path


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def _pattern(label: str, alias: str, ent_id: str) -> dict[str, object]:
    return {"label": label, "pattern": alias, "id": ent_id}


def actor_patterns(folder: Path | None = None) -> list[dict[str, object]]:
    folder = folder or data_path("actors")
    out: list[dict[str, object]] = []
    for row in _rows(folder / "groups.tsv"):
        gid, name, aliases = row[0], row[1], row[5]
        for alias in dict.fromkeys([name, *aliases.split("|")]):
            if len(alias) < 2 or alias.islower():
                continue  # lower-case aliases ("bandits") are common nouns, not names
            out.append(_pattern("ORG", alias.removeprefix("the "), gid))
    for row in _rows(folder / "leaders.tsv"):
        person, aliases = row[0], row[1]
        for alias in dict.fromkeys([person, *aliases.split("|")]):
            if " " in alias or alias.startswith("al-"):
                out.append(_pattern("PERSON", alias, person))
    return out


def write_patterns(out: Path | None = None) -> Path:
    out = out or data_path("entity_patterns.jsonl")
    rows = actor_patterns()
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return out
