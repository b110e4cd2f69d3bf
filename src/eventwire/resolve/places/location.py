"""An event's place, and its precision in ACLED's and UCDP's codes.

The event takes the place named in its own sentence; else the article's focus; the choice
and its reason are recorded in ``Location.reason``. A sentence that names only a state or
a country takes the article's focus instead when the focus, told elsewhere, lies inside it
("a shooting in southern Michigan" in a story about Albion). Given the parse and the trigger, the
sentence's place is chosen by how it hangs on the trigger (``attach.py``): places of the
trigger's own clause first, a place another place modifies (its container or reference
point) before that place, then the most precise; a place that nothing locative ties to the
event is not its place. Without them (``doc=None``), the most precise place, latest on a
tie. Adjectival mentions ("Syrian") and place names inside organisation names never become
an event's place.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from eventwire.model.records import Location, Place, PlacePrecision
from eventwire.resolve.places.attach import attachment

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
                   doc: Doc | None = None, trigger: int | None = None) -> Location | None:
    """Where the event between ``start`` and ``end`` happened, with the reason for the
    choice; ``doc`` and ``trigger`` (the trigger's token index): choose by the parse."""
    own = [p for p in places if usable(p) and start <= p.start and p.end <= end]
    if own and doc is not None and trigger is not None:
        spans = [(p.start, p.end) for p in own]
        ranked = [(attachment(doc, trigger, p.start, p.end, [s for s in spans if s != (p.start, p.end)]), p)
                  for p in own]
        ranked = [(a, p) for a, p in ranked if not (a.not_locative or a.other_clause > 1 or a.reference
                                                      or (a.modifier and p.feature == "country"))]
        if ranked:
            best = min(ranked, key=lambda ap: (ap[0], _RANK[ap[1].feature or "country"], ap[1].start))[1]
            return _narrowed(best, focus, start, end)
    elif own:
        best = min(own, key=lambda p: (_RANK[p.feature or "country"], -p.start))
        return _narrowed(best, focus, start, end)
    if focus is not None and usable(focus):
        return _location(focus, "article_focus")
    return None


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
