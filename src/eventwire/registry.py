"""Components of the per-article pipeline: what each reads and writes, checked when built.

A component is a function ``(parts, state) -> None`` that reads some fields of the
article's ``ArticleState`` and sets others, declared as ``requires`` and ``assigns``
(spaCy's ``Language.factory(assigns=..., requires=...)``). ``check`` runs when a pipeline
is built (spaCy's ``pipe_analysis``): a component that requires a field no earlier
component assigns, or that names a field the state does not have, is a ``ConfigError``
naming it. ``run`` applies one component and checks that it set only what it declared.
The built-ins are registered in one place, ``eventwire.registrations``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Protocol

from eventwire.errors import ConfigError
from eventwire.extract.attribution import QuoteIndex
from eventwire.model import Article, Event, Place, Quantity, Quote, Source, Time
from eventwire.model.candidates import Trigger
from eventwire.model.spans import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from eventwire.extract.claim_cues import ClaimCues
    from eventwire.extract.coder.runtime import Coding, EventCoder
    from eventwire.extract.quantities import QuantityLexicon
    from eventwire.extract.triggers import EventTyper
    from eventwire.resolve.actors import ActorDictionary
    from eventwire.resolve.places import Geoparser
    from eventwire.resolve.places.priors import OutletPriors


class Parts(Protocol):
    """The expensive parts a component may use, built once (``Pipeline.load``)."""

    typer: EventTyper
    actors: ActorDictionary
    quantities: QuantityLexicon
    geoparser: Geoparser
    cues: ClaimCues
    coder: EventCoder | None


@dataclass
class ArticleState:
    """One article on its way through the components: the parse, then what each
    component assigns (see ``registrations`` for who sets which field)."""

    article: Article
    doc: Doc
    text: str  # the Doc's text: every offset indexes it
    priors: OutletPriors | None  # outlets' home regions (``Store.outlet_priors``)
    times: list[Time] = field(default_factory=list)
    time_index: SpanIndex[Time] = field(default_factory=lambda: SpanIndex([]))
    places: list[Place] = field(default_factory=list)
    place_index: SpanIndex[Place] = field(default_factory=lambda: SpanIndex([]))
    focus: Place | None = None  # the article's main place (``article_focus``)
    country: str | None = None  # ... and its country
    quotes: QuoteIndex = field(default_factory=lambda: QuoteIndex([]))
    quote_records: list[Quote] = field(default_factory=list)
    said: dict[tuple[int, int], Source | None] = field(default_factory=dict)  # quote span -> source
    sentences: list[tuple[Span, list[Trigger]]] = field(default_factory=list)  # body's, with triggers
    codings: dict[int, Coding] = field(default_factory=dict)  # the coder's, by sentence start
    events: list[Event] = field(default_factory=list)
    orphans: list[Quantity] = field(default_factory=list)  # counts told without an event
    # spans of counts of people hit -> the dead their own sentence already took from them
    hit: dict[tuple[int, int], int] = field(default_factory=dict)
    # spans of counts of those an agent killed ("killed his wife and three children") ->
    # the killer's own deaths already in the count ("... before turning the gun on himself": 1)
    victims: dict[tuple[int, int], int] = field(default_factory=dict)


GIVEN = frozenset({"article", "doc", "text", "priors"})  # set before the first component
STATE_FIELDS = frozenset(f.name for f in fields(ArticleState))


@dataclass(frozen=True)
class Component:
    """A named, versioned step (``geocode.gazetteer.v1``) and what it reads and writes."""

    name: str
    run: Callable[[Parts, ArticleState], None]
    requires: frozenset[str]
    assigns: frozenset[str]


def compose(names: Iterable[str], registry: dict[str, Component]) -> tuple[Component, ...]:
    """The registered components of ``names``, in that order, checked (``check``)."""
    names = list(names)
    unknown = [n for n in names if n not in registry]
    if unknown:
        raise ConfigError(f"no pipeline component registered as {', '.join(map(repr, unknown))}; "
                          f"registered: {', '.join(sorted(registry))}")
    return check(registry[n] for n in names)


def check(components: Iterable[Component], given: frozenset[str] = GIVEN) -> tuple[Component, ...]:
    """The components in order, once each one's requirements are assigned by the state's
    given fields or by an earlier component; else a ``ConfigError`` that names the
    component, the missing fields, and who assigns them."""
    steps = tuple(components)
    assigned = set(given)
    for n, c in enumerate(steps):
        unknown = (c.requires | c.assigns) - STATE_FIELDS
        if unknown:
            raise ConfigError(f"pipeline component {c.name!r} names fields ArticleState does not have: "
                              f"{', '.join(sorted(unknown))}")
        missing = c.requires - assigned
        if missing:
            later = {f: [d.name for d in steps[n + 1:] if f in d.assigns] for f in sorted(missing)}
            said = "; ".join(f"{f!r} (assigned by {', '.join(who) if who else 'no component'}"
                             f"{' later' if who else ''})" for f, who in later.items())
            raise ConfigError(f"pipeline component {c.name!r} requires {said}: put a component "
                              f"that assigns it before {c.name!r}")
        assigned |= c.assigns
    return steps


def run(component: Component, parts: Parts, state: ArticleState) -> None:
    """Apply one component; a field it set without declaring it is a ``ConfigError``."""
    before = {name: getattr(state, name) for name in STATE_FIELDS}
    component.run(parts, state)
    wrote = {name for name, value in before.items() if getattr(state, name) is not value}
    undeclared = wrote - component.assigns
    if undeclared:
        raise ConfigError(f"pipeline component {component.name!r} set {', '.join(sorted(undeclared))} "
                          "without declaring it in assigns")
