"""The record contract of DESIGN.md as frozen pydantic models.

Every extracted value carries the ``[start, end)`` character span of the words it came
from, indexing ``Article.text`` exactly. Fields the contract names keep their names;
extra fields (``start``, ``end``, ``reason``, ``extractor``...) add evidence, never
replace it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

Status = Literal["asserted", "claimed", "alleged", "denied", "negated", "planned", "background"]
ActorKind = Literal[
    "government",
    "military",
    "police",
    "rebels",
    "militia",
    "civilians",
    "igo",
    "ngo",
    "media",
    "person",
    "other",
]
QuantityKind = Literal["killed", "wounded", "evacuated", "displaced", "fighters", "arrested", "people"]
Qualifier = Literal["exact", "about", "at_least", "at_most"]
Precision = Literal["day", "week", "month", "quarter", "year"]
PlacePrecision = Literal["point", "city", "admin2", "admin1", "country"]


class Record(BaseModel):
    """Base of all records: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Record):
    """An ingested article. ``text`` is the text all offsets index."""

    id: str
    title: str | None = None
    text: str
    published: date | None = None
    published_inferred: bool = False
    published_reason: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    # [start, end) ranges of ``text`` that are boilerplate (repeated headline, photo
    # credit): kept in ``text`` so offsets stay exact, never read as content.
    boilerplate: tuple[tuple[int, int], ...] = ()
    # where the body starts (after the headline line of a plain-text article)
    body_start: int = 0


class Actor(Record):
    name: str  # canonical
    country: str | None = None  # ISO3
    kind: ActorKind = "other"
    text: str  # the words in the article
    start: int | None = None
    end: int | None = None
    inter: int | None = None  # ACLED inter code 1-8
    person: str | None = None  # the person behind a government actor ("Bashar al-Assad")
    actor_id: str | None = None  # dictionary id


class Source(Record):
    """Who the article says reports a fact, and through whom."""

    name: str
    text: str
    start: int | None = None
    end: int | None = None
    kind: ActorKind | None = None
    country: str | None = None
    via: str | None = None  # "SANA" in "the army said, according to SANA"
    verb: str | None = None  # reported / said / according to
    outlet: str | None = None  # the outlet that published the article


class Quote(Record):
    speaker: Actor | None
    via: str | None = None
    text: str
    start: int
    end: int
    direct: bool = True


class Location(Record):
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision
    gazetteer_id: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    reason: str | None = None  # "sentence" | "article_focus" | ...


PlaceHow = Literal[
    "context",  # chosen among candidates by the article's other places and the sizes
    "only_candidate",  # the gazetteer has one place of that name
    "container",  # the text names its container ('Aleppo, Syria', 'Alexandria, La.')
    "container_area",  # no town of that name in the container: the container itself
    "adjectival",  # a demonym or region adjective ('Syrian'): a reference, not a place
    "inside_city",  # a street, neighbourhood or building, at the article's city (``name``)
    "not_in_gazetteer",  # unresolved: no such name
    "local_without_city",  # unresolved: a street or building, and the article names no city
    "water_in_focus",  # a river or lake the gazetteer lacks, at the article's division
    "sentence_words",  # unresolved: a sentence's place words no mention covers (an event's candidate only)
]


class Place(Record):
    """A place mention in the article, resolved or with the reason it is not."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country | admin1 | admin2 | city | point | region | continent | water
    gazetteer_id: str | None = None
    adjectival: bool = False  # "Syrian": a reference to the country, not an event place
    how: PlaceHow | None = None  # how resolved, or why unresolved
    qualifier: str | None = None  # what the text says before or after it: 'near', 'eastern', 'based' ('X-based')
    in_org: bool = False  # heads or sits inside an organisation's name ('University of Aleppo'): no event's place
    score: float | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reason(self) -> str | None:
        """``how``, ``qualifier`` and ``in_org`` as one readable string, as stored and
        exported: 'context;qualifier=near;in_org', 'inside:Chicago'."""
        if self.how is None:
            return None
        head = f"inside:{self.name}" if self.how == "inside_city" else self.how
        return head + (f";qualifier={self.qualifier}" if self.qualifier else "") + (";in_org" if self.in_org else "")

    @model_validator(mode="before")
    @classmethod
    def _from_reason(cls, data: object) -> object:
        """A stored or exported place gives ``reason`` as the string; read its parts back."""
        if not isinstance(data, dict) or "reason" not in data:
            return data
        data = dict(data)
        for field, value in cls.reason_fields(data.pop("reason")).items():
            data.setdefault(field, value)
        return data

    @staticmethod
    def reason_fields(reason: str | None) -> dict[str, Any]:
        """The typed fields the ``reason`` string stands for: 'context;qualifier=near;in_org'
        -> how 'context', qualifier 'near', in_org; 'inside:Chicago' -> how 'inside_city'."""
        parts = (reason or "").split(";")
        out: dict[str, Any] = {}
        if parts[0]:
            out["how"] = "inside_city" if parts[0].startswith("inside:") else parts[0]
        for part in parts[1:]:
            if part == "in_org":
                out["in_org"] = True
            elif part.startswith("qualifier="):
                out["qualifier"] = part.removeprefix("qualifier=")
        return out


class Time(Record):
    """A time expression, resolved against the publication date where it can be."""

    text: str
    start: int
    end: int
    start_date: date | None = None
    end_date: date | None = None
    precision: Precision | None = None
    value: str | None = None  # TIMEX3-style value: 2016-12-22, 2016-W50, 2016-09, 2016
    reason: str | None = None


class TimeRef(Record):
    """An event's time: the contract's ``{"start", "end", "precision", "text"}``."""

    start: date
    end: date
    precision: Precision
    text: str | None = None
    reason: str | None = None  # "clause" | "sentence" | "publication_date"
    span_start: int | None = None
    span_end: int | None = None


class Quantity(Record):
    kind: QuantityKind
    value: int
    qualifier: Qualifier = "exact"
    text: str
    start: int
    end: int
    source: str | None = None  # whose figure it is


def acled_interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, lower first; a sole actor
    is ten times its code."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


class EventType(Record):
    plover: str
    mode: str | None = None
    acled: tuple[str, str] | None = None
    # ACLED inter codes of actor1 and actor2 (1 State forces ... 8 External/other forces)
    # and their interaction (lower first; a sole actor is 10x its code), where the event
    # has an ACLED type (eventwire.resolve.inter)
    inter1: int | None = Field(None, ge=1, le=8)
    inter2: int | None = Field(None, ge=1, le=8)
    interaction: int | None = Field(None, ge=10, le=88)
    # CAMEO quad class (0 statement, 1 meeting/agreement, 2 material cooperation, 3 verbal
    # conflict, 4 material conflict) where the learned coder read the event's sentence
    quad: int | None = Field(None, ge=0, le=4)


class Evidence(Record):
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    extractor: str | None = None
    confidence: float | None = None
    # the happening the sentence reports (its main event); the sentence's other events
    # are its parts or asides
    main: bool = False
    # the sentence's other words that tell this same happening (character spans): a toll
    # folded into its act ("..., killing three"), the verb that launched an offensive
    parts: tuple[tuple[int, int], ...] = ()


class Claim(Record):
    """One party's word on an event: who says so, and what it makes of it.

    A contested event carries one claim per party ("rebels claimed the attack", "officials
    said the drone was intercepted"): ``status`` is that party's (claimed, denied...),
    ``text``/``start``/``end`` the words that say so.
    """

    status: Status
    source: Source | None = None
    text: str
    start: int
    end: int
    reason: str | None = None


class Named(Record):
    """A person the article names in full: a victim or a suspect, whom other reports of
    the same happening name too; ``aged`` when the article gives them an age ("Ana
    Reyes, 31,", "31-year-old Ana Reyes"), which makes them surely a party of the news.
    ``name`` is "first last" in lower case; ``text``/``start``/``end`` the words in the
    article (its first mention)."""

    name: str
    text: str
    start: int
    end: int
    aged: bool = False


class Event(Record):
    id: str
    type: EventType
    status: Status
    actor1: Actor | None = None
    actor2: Actor | None = None
    associates: tuple[Actor, ...] = ()
    location: Location | None = None
    time: TimeRef | None = None
    quantities: tuple[Quantity, ...] = ()
    source: Source | None = None
    evidence: Evidence
    article_id: str | None = None
    reasons: dict[str, str] = Field(default_factory=dict)  # why a field is empty
    # every party's claim when parties disagree (empty when the event has one voice)
    claims: tuple[Claim, ...] = ()
    # on the article's lead event only: the people the article names in full, wherever in
    # the article (``link.names``); linking reads them as the event's own
    named: tuple[Named, ...] = ()

    @property
    def contested(self) -> bool:
        return len({c.status for c in self.claims}) > 1

    @property
    def inter_codes(self) -> tuple[int | None, int | None, int | None]:
        """ACLED's inter1, inter2 and interaction: the event's own codes
        (``eventwire.resolve.inter``), or for records made before them, its actors'."""
        if self.type.interaction is not None:
            return self.type.inter1, self.type.inter2, self.type.interaction
        inter1 = self.actor1.inter if self.actor1 else None
        inter2 = self.actor2.inter if self.actor2 else None
        return inter1, inter2, acled_interaction(inter1, inter2)


class StoredEvent(Event):
    """An event as the store holds it: the cluster it belongs to (the smallest id of the
    events told by several articles as one), whether the cluster's figures disagree, and
    its last change (``eventwire changes``)."""

    cluster_id: str
    flagged: bool = False
    change_seq: int | None = None
    changed_at: datetime | None = None  # UTC


class ArticleDoc(Record):
    """One document per article: the output of ``eventwire extract``."""

    article: Article
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[Time, ...] = ()

    def to_contract(self) -> dict[str, object]:
        """The JSON shape of DESIGN.md (article without its text and internals)."""
        art = self.article
        return {
            "article": {
                "id": art.id,
                "title": art.title,
                "published": art.published.isoformat() if art.published else None,
                "published_inferred": art.published_inferred,
                "published_reason": art.published_reason,
                "outlet": art.outlet,
                "url": art.url,
                "path": art.path,
            },
            "events": [e.model_dump(mode="json") for e in self.events],
            "quotes": [q.model_dump(mode="json") for q in self.quotes],
            "places": [p.model_dump(mode="json") for p in self.places],
            "times": [t.model_dump(mode="json") for t in self.times],
        }
