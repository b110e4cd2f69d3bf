"""ACLED inter codes of an event: what kind of actor each side is, and their interaction.

ACLED codes each actor by its type (``data/acled/inter.json``, from the ACLED codebook):
1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity militias, 5 Rioters,
6 Protesters, 7 Civilians, 8 External/other forces. An event's ``interaction`` is the two
codes as one two-digit number, the lower first (State forces against civilians: 17); an
event with one actor is ten times its code (protesters alone: 60).

An actor's code comes from the dictionary where it names a known group (``Actor.inter``
of a dictionary entry), else from its kind; a militia described by identity words
("ethnic militia", "clan militiamen") is an identity militia. The event's type fixes the
codes the codebook fixes: the crowd of a demonstration is protesters (6) and of a riot
rioters (5), even where the article does not name it; the target of violence against
civilians is civilians (7). A person or an unknown group otherwise has no code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data import data_path
from eventwire.model import Actor, Event
from eventwire.model.records import acled_interaction as interaction

PROTESTS = "Protests"
RIOTS = "Riots"
CIVILIAN_TARGETING = "Violence against civilians"


@dataclass(frozen=True)
class InterTable:
    """The codebook's codes of actor kinds, and the words of an identity militia."""

    kinds: dict[str, int | None]
    identity_words: frozenset[str]
    militia_words: frozenset[str]
    identity_militia: int
    crowd_kinds: frozenset[str]
    protesters: int
    rioters: int
    civilians: int


@lru_cache(maxsize=1)
def load_table() -> InterTable:
    """``data/acled/inter.json`` (read once: a small constant table of the codebook)."""
    raw = json.loads((data_path("acled") / "inter.json").read_text(encoding="utf-8"))
    return InterTable(
        kinds={k: (int(v) if v is not None else None) for k, v in raw["kinds"].items()},
        identity_words=frozenset(w.lower() for w in raw["identity_words"]),
        militia_words=frozenset(w.lower() for w in raw["militia_words"]),
        identity_militia=int(raw["identity_militia"]),
        crowd_kinds=frozenset(raw["crowd_kinds"]),
        protesters=int(raw["protesters"]),
        rioters=int(raw["rioters"]),
        civilians=int(raw["civilians"]),
    )


@dataclass(frozen=True)
class InterCodes:
    inter1: int | None
    inter2: int | None
    interaction: int | None

    def fields(self) -> dict[str, int | None]:
        """The codes as ``EventType`` fields."""
        return {"inter1": self.inter1, "inter2": self.inter2, "interaction": self.interaction}


def actor_code(actor: Actor, table: InterTable) -> int | None:
    """An actor's code from the dictionary entry, else its kind (identity words: 4)."""
    if actor.actor_id is not None and actor.inter is not None and actor.kind not in table.crowd_kinds:
        return actor.inter
    code = table.kinds.get(actor.kind)
    if code in (table.kinds.get("rebels"), table.kinds.get("militia")) and _identity(actor.text, table):
        return table.identity_militia
    return code


def _identity(text: str, table: InterTable) -> bool:
    """A militia named by identity words: "ethnic militia fighters", "clan militiamen"."""
    words = set(text.lower().replace(",", " ").split())
    return bool(words & table.militia_words) and bool(words & table.identity_words)


def inter_codes(acled: tuple[str, str] | None, actor1: Actor | None,
                actor2: Actor | None) -> InterCodes:
    """The inter codes of an event of ACLED type ``acled`` (None: no ACLED event, no codes)."""
    if acled is None:
        return InterCodes(None, None, None)
    table = load_table()
    etype = acled[0]
    code1 = actor_code(actor1, table) if actor1 is not None else None
    code2 = actor_code(actor2, table) if actor2 is not None else None
    crowd = table.protesters if etype == PROTESTS else table.rioters if etype == RIOTS else None
    if crowd is not None:  # the codebook: a demonstration's crowd is protesters, a riot's rioters
        if actor1 is None or actor1.kind in table.crowd_kinds:
            code1 = crowd
        elif actor2 is None or actor2.kind in table.crowd_kinds:
            code2 = crowd  # "police fired tear gas at the crowd": the crowd is the other side
    if etype == CIVILIAN_TARGETING and (actor2 is None or actor2.kind in table.crowd_kinds):
        code2 = table.civilians  # violence against civilians targets civilians
    return InterCodes(code1, code2, interaction(code1, code2))


CLASH = ("Battles", "Armed clash")
ATTACK = (CIVILIAN_TARGETING, "Attack")
ARMED_KINDS = frozenset({"military", "police", "rebels", "militia"})


def sided_type(acled: tuple[str, str] | None, actor1: Actor | None,
               actor2: Actor | None) -> tuple[str, str] | None:
    """The codebook decides between a battle and an attack by who fights whom: an armed
    clash is between organised armed groups, an attack is violence by an armed group on
    civilians. A clash whose named target is civilians (code 7) and whose doer is an armed
    group is an attack; an attack whose named target is an armed force, by an armed group
    or by no one named, is a clash. A country or a government named as the target says
    nothing of who was hit, nor does a target that is the doer itself."""
    if acled not in (CLASH, ATTACK) or actor2 is None:
        return acled
    if actor1 is not None and (actor1.text == actor2.text or actor1.start == actor2.start):
        return acled
    table = load_table()
    kind1 = actor1.kind if actor1 is not None else None
    if acled == CLASH and kind1 in ARMED_KINDS and table.kinds.get(actor2.kind) == table.civilians:
        return ATTACK
    if acled == ATTACK and actor2.kind in ARMED_KINDS and (kind1 is None or kind1 in ARMED_KINDS):
        return CLASH
    return acled


def recoded(ev: Event) -> Event:
    """``ev`` with inter codes recomputed from its own type and actors (after a step that
    changed an actor, such as merging a restatement that names one)."""
    codes = inter_codes(ev.type.acled, ev.actor1, ev.actor2).fields()
    if all(getattr(ev.type, k) == v for k, v in codes.items()):
        return ev
    return ev.model_copy(update={"type": ev.type.model_copy(update=codes)})
