"""An event's place, and its precision in ACLED's and UCDP's codes.

The event takes the place named in its own sentence (the last non-adjectival resolved
place inside ``[start, end)``); else the article's focus; the choice and its reason are
recorded in ``Location.reason``. Adjectival mentions ("Syrian") and place names inside
organisation names never become an event's place.
"""

from __future__ import annotations

from collections import Counter

from eventwire.model.records import Location, Place, PlacePrecision

_PRECISION: dict[str, PlacePrecision] = {
    "point": "point", "city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country",
}
_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
# ACLED geo_precision: 1 the town itself; 2 near a town / a part of a district;
# 3 only a larger region (province) or the country is known.
_ACLED = {"point": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
# UCDP GED where_prec: 1 exact location, 2 within 25 km of a known point, 3 second-order
# administrative division, 4 first-order division, 5 linear/area feature, 6 country,
# 7 international waters or airspace.
_UCDP = {"point": 1, "city": 1, "admin2": 3, "admin1": 4, "region": 5, "country": 6, "sea": 7}


def usable(p: Place) -> bool:
    """A place an event can happen at: resolved, not adjectival, not an organisation's name."""
    return (p.lat is not None and not p.adjectival and p.feature in _PRECISION
            and "in_org" not in (p.reason or ""))


def article_focus(places: list[Place]) -> Place | None:
    """The article's main place: the most mentioned most precise place, earliest first."""
    cands = [p for p in places if usable(p)]
    if not cands:
        return None
    counts = Counter(p.gazetteer_id for p in cands)
    # a precise place mentioned as often as a coarse one is the better focus
    return min(cands, key=lambda p: (-counts[p.gazetteer_id], _RANK[p.feature or "country"] > 2, p.start))


def event_location(places: list[Place], start: int, end: int, focus: Place | None) -> Location | None:
    """Where the event between ``start`` and ``end`` happened, with the reason for the choice."""
    own = [p for p in places if usable(p) and start <= p.start and p.end <= end]
    if own:
        best = min(own, key=lambda p: (_RANK[p.feature or "country"], -p.start))
        return _location(best, "sentence")
    if focus is not None and usable(focus):
        return _location(focus, "article_focus")
    return None


def _location(p: Place, reason: str) -> Location:
    near = "qualifier=near" in (p.reason or "")
    return Location(name=p.name or p.text, country=p.country, admin1=p.admin1, lat=p.lat, lon=p.lon,
                    precision=_PRECISION[p.feature or "country"], gazetteer_id=p.gazetteer_id,
                    text=p.text, start=p.start, end=p.end, reason=reason + (";near" if near else ""))


def acled_geo_precision(precision: str, near: bool = False) -> int:
    """ACLED ``geo_precision`` (1-3) of a place precision; ``near`` a town gives 2."""
    code = _ACLED.get(precision, 3)
    return max(code, 2) if near and code == 1 else code


def ucdp_where_prec(precision: str, near: bool = False) -> int:
    """UCDP GED ``where_prec`` (1-7) of a place precision; ``near`` a point gives 2."""
    code = _UCDP.get(precision, 6)
    return 2 if near and code == 1 else code
