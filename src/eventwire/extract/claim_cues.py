"""The cue words of attribution and claim status, read from ``data/claim_cues.json``.

The words are knowledge and live in the data file; where a cue counts (which
dependency arc, which clause) is decided by the code in ``attribution``, ``status``
and ``quotes``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from eventwire.errors import SetupError

CUES_FILE = "claim_cues.json"


@dataclass(frozen=True)
class ClaimCues:
    """Lower-case lemmas (or words) per cue class; see ``data/claim_cues.json``."""

    reporting_verbs: frozenset[str]
    quote_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    citing_verbs: frozenset[str]
    allegation_reporting_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_raising_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    future_modals: frozenset[str]
    plan_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    plan_adjectives: frozenset[str]
    denial_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    accusation_nouns: frozenset[str]
    opinion_verbs: frozenset[str]
    negators: frozenset[str]
    negative_pronouns: frozenset[str]
    negative_determiners: frozenset[str]
    failure_verbs: frozenset[str]
    failure_prepositions: frozenset[str]
    duration_nouns: frozenset[str]
    stative_verbs: frozenset[str]
    background_adverbs: frozenset[str]
    background_since_units: frozenset[str]
    conditional_marks: frozenset[str]
    speaker_nouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    self_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    belief_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    prep_content_verbs: frozenset[str]
    prep_content_pairs: frozenset[str]  # "verb preposition": "rail against", "point to"
    content_nouns: frozenset[str]
    responsibility_nouns: frozenset[str]
    contradiction_verbs: frozenset[str]
    event_speech_verbs: frozenset[str]
    side_nouns: frozenset[str]
    headline_labels: frozenset[str]  # "Analysis:", "Exclusive:": a kind of piece, not a speaker
    saying_idioms: frozenset[str]  # "verb object" that says: "as one farmer put it, ..."
    sequence_verbs: frozenset[str]  # "the shooting came a day after ...": set after another
    sequence_preps: frozenset[str]  # "came after", "follows ... amid"
    happening_nouns: frozenset[str]  # nouns that name a happening: "the incident", "the attack"
    recency_words: frozenset[str]  # "the latest in a string of", "the first ... since"

    @cached_property
    def prep_pair_verbs(self) -> frozenset[str]:
        """The verbs of ``prep_content_pairs`` ("rail" of "rail against")."""
        return frozenset(pair.split()[0] for pair in self.prep_content_pairs)

    @classmethod
    def from_dict(cls, data: dict[str, object], origin: str) -> ClaimCues:
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = data.get(f.name)
            if not isinstance(raw, list):
                raise SetupError(f"{origin}: cue list '{f.name}' is missing or not a list")
            if f.name == "according_to":
                values[f.name] = tuple(tuple(str(w).lower() for w in seq) for seq in raw)
            else:
                values[f.name] = frozenset(str(w).lower() for w in raw)
        return cls(**values)  # type: ignore[arg-type]


def default_cues_path() -> Path:
    return Path(str(resources.files("eventwire") / "data" / CUES_FILE))


def read_cues(path: Path) -> ClaimCues:
    """Read a cue file; a missing or broken file is a ``SetupError`` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise SetupError(f"{path}: cannot read claim cues ({e})") from e
    return ClaimCues.from_dict(data, str(path))


@lru_cache(maxsize=1)
def load_cues() -> ClaimCues:
    """The shipped cues. Cached: an immutable value read from a versioned data file."""
    return read_cues(default_cues_path())
