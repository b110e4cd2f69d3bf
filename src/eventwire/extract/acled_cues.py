"""The cue words of ACLED's codebook definitions (``data/acled/cues.json``), the ACLED
types ``acled_type`` assigns, and ``find``, which looks for cue phrases in tokens.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.data import data_path

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

PROTESTS, RIOTS = "Protests", "Riots"
PEACEFUL = (PROTESTS, "Peaceful protest")
INTERVENTION = (PROTESTS, "Protest with intervention")
EXCESSIVE = (PROTESTS, "Excessive force against protesters")
VIOLENT_DEMO = (RIOTS, "Violent demonstration")
MOB = (RIOTS, "Mob violence")
REMOTE = "Explosions/Remote violence"
BATTLES, CIVILIANS = "Battles", "Violence against civilians"
CLASH = (BATTLES, "Armed clash")
ATTACK = (CIVILIANS, "Attack")
ARRESTS = ("Strategic developments", "Arrests")
AGREEMENT = ("Strategic developments", "Agreement")
WEAPONS_SEIZED = ("Strategic developments", "Disrupted weapons use")
# generic types the means of the sentence may make specific
LOOTING = ("Strategic developments", "Looting/property destruction")
SEIZURE = ("Strategic developments", "Other")
SEXUAL = (CIVILIANS, "Sexual violence")
TERRITORY = (BATTLES, "Government regains territory")
OVERTAKE = (BATTLES, "Non-state actor overtakes territory")
TRANSFER = ("Strategic developments", "Non-violent transfer of territory")
TAKEN = frozenset({TERRITORY, OVERTAKE})
BY_MEANS = frozenset({CLASH, ATTACK, LOOTING})
DISTINCTIVE = frozenset({"Chemical weapon", "Suicide bomb"})
VIOLENT_PLOVER = frozenset({"ASSAULT", "COERCE"})
DOERLESS = frozenset({"die", "dead", "death", "casualty", "toll"})  # tolls told of victims
USED_EXTRACTOR = "acled_type.used.v1"
GROUND_EXTRACTOR = "acled_type.ground.v1"


# cue phrases by their first word (``_phrases``)
Phrases = Mapping[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class Cues:
    crowd: Phrases
    violent: Phrases
    lethal: Phrases
    intervention: Phrases
    state: Phrases
    means: tuple[tuple[str, Phrases], ...]  # most specific first
    generic_blast: frozenset[str]
    not_acts: frozenset[str]
    use_verbs: frozenset[str]
    causes: Phrases
    armed: Phrases
    agreement: Phrases
    agree_plover: frozenset[str]
    agree_background: frozenset[str]
    about: frozenset[str]
    about_verbs: frozenset[str]
    civilian: Phrases
    civilian_places: frozenset[str]
    combatant: Phrases
    casualty: Phrases
    sexual: Phrases
    ground: Phrases
    state_force: Phrases
    nonstate: Phrases
    mob: Phrases
    handover: Phrases
    without_fighting: Phrases
    unopposed: Phrases
    movement: frozenset[str]
    retake: Phrases
    agree_verbs: frozenset[str]
    offences: Phrases
    political: Phrases
    cyber: Phrases


def _phrases(words: Sequence[str]) -> Phrases:
    """The cue phrases (lower-cased words), by their first word: ``find`` tries at a token
    only the phrases that start with its lemma or form."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        phrase = tuple(w.lower().split())
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in index.items()}


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """``data/acled/cues.json`` (read once: a small constant table of the codebook)."""
    raw = json.loads((data_path("acled") / "cues.json").read_text(encoding="utf-8"))
    demo, war = raw["demonstration"], raw["not_conflict"]
    return Cues(
        crowd=_phrases(demo["crowd"]), violent=_phrases(demo["violent"]),
        lethal=_phrases(demo["lethal"]), intervention=_phrases(demo["intervention"]),
        state=_phrases(demo["state"]),
        means=tuple((sub, _phrases(words)) for sub, words in raw["means"].items()
                    if not sub.startswith("_")),
        generic_blast=frozenset(raw["means"]["_generic"]),
        not_acts=frozenset(raw["means"]["_not_acts"]),
        use_verbs=frozenset(raw["means"]["_use_verbs"]),
        causes=_phrases(war["causes"]), armed=_phrases(war["armed"]),
        agreement=_phrases(raw["agreement"]["words"]),
        agree_plover=frozenset(raw["agreement"]["plover"]),
        agree_background=frozenset(raw["agreement"]["background"]),
        about=frozenset(demo["about"]),
        about_verbs=frozenset(demo["about_verbs"]),
        civilian=_phrases(raw["civilian_targets"]["words"]),
        civilian_places=frozenset(raw["civilian_targets"]["places"]),
        combatant=_phrases(raw["civilian_targets"]["armed"]),
        casualty=_phrases(raw["casualty"]["words"]),
        sexual=_phrases(raw["sexual"]["words"]),
        ground=_phrases(raw["territory"]["ground"]),
        state_force=_phrases(raw["territory"]["state"]),
        nonstate=_phrases(raw["territory"]["nonstate"]),
        mob=_phrases(raw["mob"]["words"]),
        handover=_phrases(raw["territory"]["handover"]),
        without_fighting=_phrases(raw["territory"]["without_fighting"]),
        unopposed=_phrases(raw["territory"]["unopposed"]),
        movement=frozenset(raw["territory"]["movement"]),
        retake=_phrases(raw["territory"]["retake"]),
        agree_verbs=frozenset(raw["agreement"]["verbs"]),
        offences=_phrases(raw["crime"]["offences"]), political=_phrases(raw["crime"]["political"]),
        cyber=_phrases(raw["crime"]["cyber"]),
    )


def token_keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def find(tokens: Sequence[Token], phrases: Phrases) -> list[Token]:
    """The first token of each place a phrase (lemmas or word forms) starts in ``tokens``."""
    out = []
    keys = [token_keys(tok) for tok in tokens]
    for i, tok in enumerate(tokens):
        if tok.ent_type_ in ("DATE", "TIME"):  # "16 March" is no march
            continue
        lemma, form = keys[i]
        tried = phrases.get(lemma, ()) + (phrases.get(form, ()) if form != lemma else ())
        for phrase in tried:
            if i + len(phrase) <= len(tokens) and all(
                    w in keys[i + k] for k, w in enumerate(phrase)):
                out.append(tok)
                break
    return out
