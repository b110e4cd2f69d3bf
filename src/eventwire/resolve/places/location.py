"""An event's place, and its precision in ACLED's and UCDP's codes.

The event takes the place named in its own sentence; else the article's focus; the choice
and its reason are recorded in ``Location.reason``. A sentence that names only a state or
a country takes the article's focus instead when the focus, told elsewhere, lies inside it
("a shooting in southern Michigan" in a story about Albion). Given the parse and the trigger, the
sentence's place (or none of them) is chosen by a learned chooser (``choose``: a conditional
logit over the parse's features, weights in ``data/eventloc/chooser.json``); the hand rule
(``rule_choice``) is one of its features, and decides alone where the weights are absent:
places of the trigger's own clause first, a place another place modifies (its container or
reference point) before that place, then the most precise; a place that nothing locative
ties to the event is not its place. Without them (``doc=None``), the most precise place, latest on a
tie. Adjectival mentions ("Syrian") and place names inside organisation names never become
an event's place. Unresolved place words of the sentence (``candidates.py``) are candidates
too; one that wins keeps its words at its container's coordinates (``unresolved_location``).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from eventwire.model.records import Location, Place, PlacePrecision
from eventwire.resolve.places.attach import LOCATIVE_PREPS, PLACE_NOUNS, REFERENCE_HEADS, attachment
from eventwire.resolve.places.candidates import unresolved
from eventwire.resolve.places.datafiles import data_file

_PRECISION: dict[str, PlacePrecision] = {
    "point": "point", "city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country",
}
_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 4}
# ACLED geo_precision: 1 the town itself; 2 near a town / a part of a district;
# 3 only a larger region (province) or the country is known.
_ACLED = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
# UCDP GED where_prec: 1 exact location, 2 within 25 km of a known point, 3 second-order
# administrative division, 4 first-order division, 5 linear/area feature, 6 country,
# 7 international waters or airspace.
_UCDP = {"point": 1, "city": 1, "admin2": 3, "admin1": 4, "region": 5, "country": 6, "sea": 7}


def usable(p: Place) -> bool:
    """A place an event can happen at: resolved, not adjectival, not an organisation's name;
    a region within one country ('Darfur') at the precision of a first-level division."""
    return (p.lat is not None and not p.adjectival and not p.in_org
            and (p.feature in _PRECISION or (p.feature == "region" and bool(p.country))))


def article_focus(places: list[Place]) -> Place | None:
    """The article's main place: the most mentioned most precise place, earliest first."""
    cands = [p for p in places if usable(p)]
    if not cands:
        return None
    counts = Counter(p.gazetteer_id for p in cands)
    # a precise place mentioned as often as a coarse one is the better focus
    return min(cands, key=lambda p: (-counts[p.gazetteer_id], _RANK[p.feature or "country"] > 2, p.start))


def event_location(places: list[Place], start: int, end: int, focus: Place | None,
                   doc: Doc | None = None, trigger: int | None = None,
                   parts: tuple[tuple[int, int], ...] = ()) -> Location | None:
    """Where the event between ``start`` and ``end`` happened, with the reason for the
    choice; ``doc`` and ``trigger`` (the trigger's token index): choose by the parse;
    ``parts``: the event's other words (the verb that launched an event noun carries its
    place: "launched an attack in X", "the attack occurred in X")."""
    own = own_places(places, start, end)
    if own and doc is not None and trigger is not None:
        trigger = anchor(doc, trigger, parts)
        model = load_chooser()
        best = choose(own, doc, trigger, model) if model is not None else rule_choice(_resolved(own), doc, trigger)
        if best is not None and best.lat is None:
            return unresolved_location(best, own, focus)
        if best is not None:
            return _narrowed(best, focus, start, end)
    elif _resolved(own):
        best = min(_resolved(own), key=lambda p: (_RANK[p.feature or "country"], -p.start))
        return _narrowed(best, focus, start, end)
    if focus is not None and usable(focus):
        return _location(focus, "article_focus")
    return None


def anchor(doc: Doc, trigger: int, parts: tuple[tuple[int, int], ...]) -> int:
    """The token the event's place hangs on: the verb that governs the event noun when
    that verb is one of the event's words, else the trigger."""
    head = doc[trigger].head
    if head.i != trigger and (head.idx, head.idx + len(head)) in parts:
        return head.i
    return trigger


def own_places(places: list[Place], start: int, end: int) -> list[Place]:
    """The usable places between ``start`` and ``end`` (the event's sentence), and its
    unresolved place words (``candidates.unresolved``)."""
    return [p for p in places if (usable(p) or unresolved(p)) and start <= p.start and p.end <= end]


def _resolved(own: list[Place]) -> list[Place]:
    return [p for p in own if p.lat is not None]


def unresolved_location(best: Place, own: list[Place], focus: Place | None) -> Location:
    """The event at place words the gazetteer could not resolve: their words and span, at
    the coordinates of what contains them: the sentence's most precise resolved place
    (the nearest on a tie), else the article's focus; without either, no coordinates."""
    resolved = _resolved(own)
    container = min(resolved, key=lambda p: (_RANK[p.feature or "country"], abs(p.start - best.start))) \
        if resolved else focus if focus is not None and usable(focus) else None
    if container is None:
        return Location(name=best.text, precision="city", text=best.text, start=best.start, end=best.end,
                        reason="sentence;unresolved")
    return Location(name=best.text, country=container.country, admin1=container.admin1, lat=container.lat,
                    lon=container.lon, precision=_PRECISION.get(container.feature or "country", "admin1"),
                    text=best.text, start=best.start, end=best.end,
                    reason=f"sentence;unresolved;within {container.name or container.text}")


def rule_choice(own: list[Place], doc: Doc, trigger: int) -> Place | None:
    """The hand rule: the places of the trigger's clause that something locative ties to it,
    a place another place modifies before that place, then the most precise, earliest."""
    spans = [(p.start, p.end) for p in own]
    ranked = [(attachment(doc, trigger, p.start, p.end, [s for s in spans if s != (p.start, p.end)]), p)
              for p in own]
    ranked = [(a, p) for a, p in ranked if not (a.not_locative or a.other_clause > 1 or a.reference
                                                  or (a.modifier and p.feature == "country"))]
    if not ranked:
        return None
    return min(ranked, key=lambda ap: (ap[0], _RANK[ap[1].feature or "country"], ap[1].start))[1]


def _inside(small: Place, large: Place) -> bool:
    """Does ``small`` lie within the first-level division or country ``large``?"""
    if small.country is None or small.country != large.country:
        return False
    if large.feature == "country":
        return True
    return large.feature == "admin1" and small.admin1 is not None and small.admin1 == large.admin1


def _narrowed(best: Place, focus: Place | None, start: int, end: int) -> Location:
    """The sentence's place; but when it names only a state or a country ("in northern
    Michigan", "in eastern Syria") and the article's focus, told outside this sentence, is
    a town within it, the town: the story says where inside the region it happened."""
    if (focus is not None and usable(focus) and not (start <= focus.start < end)
            and _RANK[best.feature or "country"] >= _RANK["admin1"]
            and _RANK[focus.feature or "country"] <= _RANK["admin2"] and _inside(focus, best)):
        return _location(focus, f"article_focus;within {best.name or best.text}")
    return _location(best, "sentence")


LOCATIVE_BEFORE = ("in ", "at ", "near ", "outside ", "inside ", "across ", "throughout ")


def not_actors(places: list[Place], actors: list[tuple[int, int]], text: str = "") -> list[Place]:
    """The places that are not themselves an actor of the sentence ("Russia and Syria had
    been accused"): a place that fills an actor's span is who, not where; a place inside a
    longer actor phrase ('a dye factory in southern Baghdad'), or after a locative
    preposition ('in Iraq', in ``text``, the article), is still where."""
    def actor(p: Place) -> bool:
        if text[max(0, p.start - 12):p.start].lower().endswith(LOCATIVE_BEFORE):
            return False
        return any(s <= p.start and p.end <= e and p.start - s <= 4 and e - p.end <= 2 for s, e in actors)
    return [p for p in places if not actor(p)]


def _location(p: Place, reason: str) -> Location:
    near = p.qualifier == "near"
    return Location(name=p.name or p.text, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                    precision=_PRECISION.get(p.feature or "country", "admin1"), gazetteer_id=p.gazetteer_id,
                    text=p.text, start=p.start, end=p.end, reason=reason + (";near" if near else ""))


def acled_geo_precision(precision: str, near: bool = False) -> int:
    """ACLED ``geo_precision`` (1-3) of a place precision; ``near`` a town gives 2."""
    code = _ACLED.get(precision, 3)
    return max(code, 2) if near and code == 1 else code


def ucdp_where_prec(precision: str, near: bool = False) -> int:
    """UCDP GED ``where_prec`` (1-7) of a place precision; ``near`` a point gives 2."""
    code = _UCDP.get(precision, 6)
    return 2 if near and code == 1 else code


# --- the learned chooser -------------------------------------------------------------
# For one event trigger and the usable places of its sentence, a conditional logit scores
# every place and "none of them" (the event is not placed by its sentence); the best scores
# wins. Features are read from the parse (how the place hangs on the trigger, the
# preposition heading it, the path between them, order and distance, containment among the
# sentence's places, distance-phrase cues) plus the hand rule's own choice. Weights:
# ``data/eventloc/chooser.json``, built by ``scripts/train_eventloc.py`` (see MODEL_CARD.md).

CHOOSER_FILE = ("eventloc", "chooser.json")
NONE = "none"


@lru_cache(maxsize=1)
def load_chooser() -> dict[str, float] | None:
    """The chooser's weights (feature -> weight), or None where the file is absent (the
    hand rule then decides)."""
    path = data_file(*CHOOSER_FILE)
    if not path.exists():
        return None
    return {str(k): float(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["weights"].items()}


def choose(own: list[Place], doc: Doc, trigger: int, weights: dict[str, float]) -> Place | None:
    """The event's place among ``own`` (its sentence's usable places), or None."""
    feats = choice_features(own, doc, trigger)
    # a place inside a relative clause ("a man who had lived in X") tells of someone, not
    # of the event: never chosen, however the weights lean
    scores = [-math.inf if f.get("path_dep=relcl") and f.get("clause=2")
              else sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    return None if best == 0 else own[best - 1]


def choice_features(own: list[Place], doc: Doc, trigger: int) -> list[dict[str, float]]:
    """Features of "none" (first) and of each place of ``own``, in order."""
    spans = [(p.start, p.end) for p in own]
    atts = [attachment(doc, trigger, p.start, p.end, [s for s in spans if s != (p.start, p.end)]) for p in own]
    roots = [_root(doc, p) for p in own]
    rule = rule_choice(_resolved(own), doc, trigger)
    trig = doc[trigger]
    dists = [abs(r.i - trigger) if r is not None else 99 for r in roots]
    ranks = [_RANK[p.feature or "country"] for p in own]
    known = [r for r, p in zip(ranks, own, strict=True) if p.lat is not None] or [0]
    n = len(own)
    none = {f"{NONE}:bias": 1.0, f"{NONE}:n={min(n, 4)}": 1.0, f"{NONE}:rule_none": float(rule is None),
            f"{NONE}:trig_pos={trig.pos_}": 1.0, f"{NONE}:trig_dep={_dep(trig)}": 1.0,
            f"{NONE}:any_tied": float(any(not a.not_locative and a.other_clause == 0 for a in atts)),
            f"{NONE}:all_unresolved": float(all(p.lat is None for p in own)),
            f"{NONE}:lemma={trig.lemma_.lower()}": 1.0}
    out = [none]
    for k, p in enumerate(own):
        a, r = atts[k], roots[k]
        f: dict[str, float] = {
            "bias": 1.0, f"clause={a.other_clause}": 1.0, "modifies_place": float(a.modifies_place),
            "reference": float(a.reference), "not_locative": float(a.not_locative), "modifier": float(a.modifier),
            f"feature={p.feature}": 1.0, "rule": float(p is rule), f"rule&n={min(n, 4)}": float(p is rule),
            "most_precise": float(p.lat is not None and ranks[k] == min(known)),
            "least_precise": float(p.lat is not None and ranks[k] == max(known) and n > 1),
            "nearest": float(dists[k] == min(dists)), "log_dist": math.log1p(min(dists[k], 60)),
            "near": float("qualifier=near" in (p.reason or "")),
            "contains_other": float(any(_inside(q, p) and _RANK[q.feature or "country"] < ranks[k]
                                        for q in own if q is not p)),
            "inside_other": float(any(_inside(p, q) and _RANK[q.feature or "country"] > ranks[k]
                                      for q in own if q is not p)),
        }
        if p.lat is None:
            f[f"unresolved={p.how}"] = 1.0
            f["unresolved&rule_none"] = float(rule is None)
        if r is not None:
            f |= _parse_features(doc, trig, r, {i for j, q in enumerate(roots) if j != k and q is not None
                                                for i in _span_tokens(doc, own[j])})
            if p.lat is None:  # how unresolved words read: the parser's label, the preposition
                f[f"unresolved&ent={r.ent_type_ or 'none'}"] = 1.0
                f |= {f"unresolved&{key}": 1.0 for key in list(f) if key.startswith("prep=") and "&" not in key}
        out.append(f)
    return out


def _root(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _span_tokens(doc: Doc, p: Place) -> range:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "compound", "poss", "amod", "appos", "conj",
                   "npadvmod", "nmod", "attr", "ROOT", "advmod", "dative", "oprd", "acl", "pcomp"})
_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "xcomp", "acl", "csubj", "parataxis", "pcomp"})
_PREPS = LOCATIVE_PREPS | {"of", "from", "to", "for", "by", "with", "against", "after", "during", "since"}
_CUE_WORDS = REFERENCE_HEADS | {"road", "highway", "border", "route"}


def _dep(t: Token) -> str:
    return t.dep_ if t.dep_ in _DEPS else "other"


def _parse_features(doc: Doc, trig: Token, r: Token, others: set[int]) -> dict[str, float]:
    """How the place's root ``r`` hangs on the trigger ``trig`` in the parse."""
    f: dict[str, float] = {f"dep={_dep(r)}": 1.0, "after": float(r.i > trig.i)}
    anchor = r
    while anchor.dep_ in ("conj", "appos") and anchor.head.i != anchor.i:
        f[f"via={anchor.dep_}"] = 1.0
        if anchor.head.i in others:
            f[f"via_{anchor.dep_}_place"] = 1.0
        anchor = anchor.head
    if anchor.dep_ == "pobj":
        prep = anchor.head
        word = prep.lower_ if prep.lower_ in _PREPS else "other"
        f[f"prep={word}"] = 1.0
        f[f"prep={word}&{'after' if r.i > trig.i else 'before'}"] = 1.0
        host = prep.head
        f[f"prep={word}&host={'trigger' if host.i == trig.i else host.pos_}"] = 1.0
        if host.i in others:
            f[f"prep={word}&host_place"] = 1.0
        if host.lower_ in PLACE_NOUNS:
            f["place_noun"] = 1.0
        if host.lower_ in _CUE_WORDS:
            f[f"prep={word}&cue"] = 1.0
    elif anchor.head.i in others:
        f[f"dep={_dep(anchor)}&head_place"] = 1.0
    window = doc[max(0, r.i - 5):r.i]
    if any(t.lower_ in _CUE_WORDS for t in window) or any(t.like_num and t.i + 1 < len(doc)
                                                          and doc[t.i + 1].lower_ in REFERENCE_HEADS for t in window):
        f["distance_cue"] = 1.0
    up_p, up_t, lca = _lca(r, trig)
    f[f"up_place={min(up_p, 5)}"] = 1.0
    f[f"up_place={min(up_p, 5)}&trig_pos={trig.pos_}"] = 1.0
    f[f"up_trig={min(up_t, 3)}"] = 1.0
    f["trig_dominates"] = float(up_t == 0)
    if lca is not None:
        path = [r, *list(r.ancestors)[:max(up_p - 1, 0)]]
        verbs = sum(1 for t in path[1:] if t.pos_ in ("VERB", "AUX") and t.i != trig.i)
        f[f"path_verbs={min(verbs, 2)}"] = 1.0
        for lab in {t.dep_ for t in path if t.dep_ in _DEPS | _CLAUSES}:
            f[f"path_dep={lab}"] = 1.0
    between = doc[min(r.i, trig.i) + 1:max(r.i, trig.i)]
    f["commas_between"] = float(min(sum(1 for t in between if t.text == ","), 3))
    f["verbs_between"] = float(min(sum(1 for t in between if t.pos_ == "VERB"), 3))
    return f


def _lca(a: Token, b: Token) -> tuple[int, int, Token | None]:
    """Hops from ``a`` and from ``b`` up to their lowest common ancestor."""
    chain_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate(chain_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return index[t.i], k, t
    return len(chain_a), 99, None
