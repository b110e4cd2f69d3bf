"""Home-region priors learned from text: where an outlet's articles usually are.

A local paper rarely names its own state ("the Mansfield Police Department", "Richland
County"); its other articles do. ``OutletPriors`` is built in a first pass over an
outlet's archive (text only, never gold labels): each article is geoparsed without
priors, and only its *unambiguous* places count: a name with one candidate in the
gazetteer, a place fixed by its container ("Alexandria, La."), or a country or state
named outright with a clear margin. The counts per outlet give a distribution over
countries and first-level divisions, and a few weighted points, which the resolver adds
to every candidate's score for that outlet's articles. A local outlet's address often
names its town ('columbuslocalnews.com', 'palestineherald.com'): that town, chosen among
its namesakes by the outlet's sure places, counts as ``HOME_VOTES`` more of them.

An outlet also has a local lexicon (Lieberman, Samet and Sankaranarayanan 2010): the
names of towns and districts its articles take as places, found as such in at least
``LOCAL_ARTICLES`` of them ("in Lancaster", "Lancaster, England"). Such a name needs no
cue in the outlet's other articles ("Lancaster woman takes on the law"): in a local paper
the local town is the default sense of its name.

    priors = OutletPriors.build(geoparser, [(outlet, doc), ...])
    places = geoparser.parse(doc, hints={"outlet_domain": outlet}, priors=priors)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import numpy as np

from eventwire.model.records import Place
from eventwire.resolve.places.names import fold
from eventwire.resolve.places.sphere import chord, unit_vectors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.resolve.places.gazetteer import Entry, Gazetteer
    from eventwire.resolve.places.geoparse import Geoparser

SURE_REASONS = frozenset({"only_candidate", "container", "container_area"})
SURE_MARGIN = 2.0  # a contextual choice counts when it beat the runner-up by this much
MAX_POINTS = 200
HOME_VOTES = 3  # the town an outlet is named after counts as this many sure places
HOME_FIT = 3.0  # weight of the outlet's sure places against a home town's size (log10 people)
PRIOR_MIN_ARTICLES = 2  # an outlet's home region is learned from this many of its articles or more
LOCAL_ARTICLES = 2  # a name placed in this many of an outlet's articles is in its local lexicon
LOCAL_FEATURES = {"city", "admin2"}
CLUSTER_KM = 60.0  # the outlet's names cluster within this distance of its home (_name_cluster)
CLUSTER_MIN = 3  # names the home cluster must hold
CLUSTER_LEAD = 2.0  # ... and this many times as many as any cluster in another division
CLUSTER_VOTES = 3  # the home cluster counts as this many sure places
CLUSTER_CANDIDATES = 60  # namesakes of one name considered
CLUSTER_NAMES = 200  # the outlet's most often placed names considered


def outlet_key(outlet: str | None) -> str | None:
    """'https://www.ajc.com/news/x' and 'ajc.com' -> 'ajc.com'."""
    if not outlet:
        return None
    text = str(outlet).strip().lower()
    try:
        host = urlsplit(text if "//" in text else "//" + text).hostname or ""
    except ValueError:  # 'http://[bad' : no host to key on
        return None
    return host.removeprefix("www.") or None


def article_outlet(url: str | None, outlet: str | None) -> str | None:
    """The key an article's outlet is known by: the host of its URL, else its outlet name."""
    return outlet_key(url) or outlet_key(outlet)


def _local(p: Place) -> bool:
    """A town or district the article took as a place in its own right."""
    return p.lat is not None and not p.adjectival and not p.in_org \
        and p.feature in LOCAL_FEATURES


def sure(p: Place) -> bool:
    """An unambiguous place: usable as evidence of where an outlet writes about."""
    if p.lat is None or p.adjectival or p.in_org or not p.country:
        return False
    if p.how in SURE_REASONS:
        return True
    return p.feature in {"admin1", "country"} and (p.score or 0.0) >= SURE_MARGIN


@dataclass(frozen=True)
class RegionPrior:
    """One outlet's home region: shares of its sure places by country and division."""

    articles: int
    countries: dict[str, float]
    admin1s: dict[tuple[str, str], float]
    points: tuple[tuple[float, float, float], ...]  # (lat, lon, weight) of sure cities
    names: frozenset[str] = frozenset()  # the local lexicon: folded names of local places


@dataclass
class _Tally:
    articles: int = 0
    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: Counter[tuple[float, float]] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)  # articles placing each folded name


class OutletPriors:
    """Per-outlet home regions, accumulated from the unambiguous places of its texts."""

    def __init__(self) -> None:
        self._tallies: dict[str, _Tally] = {}
        self._cache: dict[str, RegionPrior | None] = {}

    @classmethod
    def build(cls, parser: Geoparser, items: Iterable[tuple[str | None, Doc]]) -> OutletPriors:
        """Geoparse each (outlet, doc) without priors and keep its sure places."""
        priors = cls()
        for outlet, doc in items:
            priors.add(outlet, parser.parse(doc))
        return priors

    @property
    def articles(self) -> int:
        return sum(t.articles for t in self._tallies.values())

    def add(self, outlet: str | None, places: list[Place]) -> None:
        key = outlet_key(outlet)
        if key is None:
            return
        tally = self._tallies.setdefault(key, _Tally())
        tally.articles += 1
        self._cache.pop(key, None)
        tally.names.update({fold(p.text) for p in places if _local(p)})
        # one vote per distinct place per article: a name repeated ten times is one fact
        for p in {p.gazetteer_id: p for p in places if sure(p)}.values():
            tally.countries[p.country or ""] += 1
            if p.feature != "country" and p.admin1:
                tally.admin1s[(p.country or "", p.admin1)] += 1
            if p.feature in {"city", "admin2"} and p.lat is not None and p.lon is not None:
                tally.points[(round(p.lat, 2), round(p.lon, 2))] += 1

    def prior(self, outlet: str | None, gazetteer: Gazetteer | None = None) -> RegionPrior | None:
        """The outlet's home region; with ``gazetteer``, the town its address is named
        after (see ``home_town``) counts too. None for an outlet of fewer than
        ``PRIOR_MIN_ARTICLES`` articles: one article is no archive, and its own sure places,
        counted again as its outlet's, would outweigh what the rest of it says (a story on
        China naming a college in Houston, Texas would put China in Texas)."""
        key = outlet_key(outlet)
        if key is None or key not in self._tallies or self._tallies[key].articles < PRIOR_MIN_ARTICLES:
            return None
        if key not in self._cache:
            if gazetteer is None:
                self._cache[key] = _prior(self._tallies[key])
            else:
                tally = self._clustered(key, gazetteer)
                self._cache[key] = _prior(_with_votes(tally, _home_town(key, tally, gazetteer), HOME_VOTES))
        return self._cache[key]

    def _clustered(self, key: str, gazetteer: Gazetteer) -> _Tally:
        """The outlet's tally with its name cluster's votes (see ``_name_cluster``)."""
        tally = self._tallies[key]
        return _with_votes(tally, _name_cluster(tally, gazetteer), CLUSTER_VOTES)

    def home_town(self, outlet: str | None, gazetteer: Gazetteer) -> Entry | None:
        """The town the outlet's address is named after, if any (see ``_home_town``)."""
        key = outlet_key(outlet)
        if key is None or key not in self._tallies:
            return None
        return _home_town(key, self._clustered(key, gazetteer), gazetteer)

    def name_cluster(self, outlet: str | None, gazetteer: Gazetteer) -> Entry | None:
        """The town around which the outlet's place names cluster, if one clearly does."""
        key = outlet_key(outlet)
        if key is None or key not in self._tallies:
            return None
        return _name_cluster(self._tallies[key], gazetteer)


def _name_cluster(tally: _Tally, gazetteer: Gazetteer) -> Entry | None:
    """The town or district around which most of the outlet's place names have a namesake
    within ``CLUSTER_KM``, when at least ``CLUSTER_MIN`` do and ``CLUSTER_LEAD`` times as
    many as around any place of another division. A local paper's towns are ambiguous one
    by one and plain together: Middletown, Berlin, Cromwell, Clinton and East Hampton lie
    around Middletown, Connecticut, and nowhere else together. A national outlet's names
    cluster nowhere, and give nothing."""
    from scipy.spatial import cKDTree

    entries: list[Entry] = []
    owner: list[int] = []
    for k, (name, _) in enumerate(tally.names.most_common(CLUSTER_NAMES)):
        for c in gazetteer.lookup(name)[:CLUSTER_CANDIDATES]:
            if c.entry.feature in LOCAL_FEATURES:
                entries.append(c.entry)
                owner.append(k)
    if len(set(owner)) < CLUSTER_MIN:
        return None
    unit = unit_vectors([(e.lat, e.lon) for e in entries])
    # for each entry, the number of names with a namesake within CLUSTER_KM of it
    counts = np.array([len({owner[j] for j in near})
                       for near in cKDTree(unit).query_ball_point(unit, chord(CLUSTER_KM))])
    best = int(np.argmax(counts))
    home = entries[best]
    rival = max((int(n) for e, n in zip(entries, counts) if (e.country, e.admin1) != (home.country, home.admin1)),
                default=0)
    if counts[best] < CLUSTER_MIN or counts[best] < CLUSTER_LEAD * rival:
        return None
    return home


def _with_votes(t: _Tally, place: Entry | None, votes: int) -> _Tally:
    """The tally with ``place`` counted as ``votes`` more sure places."""
    if place is None:
        return t
    t = _Tally(t.articles, t.countries.copy(), t.admin1s.copy(), t.points.copy(), t.names)
    t.countries[place.country] += votes
    if place.feature != "country" and place.admin1:
        t.admin1s[(place.country, place.admin1)] += votes
    if place.feature in LOCAL_FEATURES:
        t.points[(round(place.lat, 2), round(place.lon, 2))] += votes
    return t


def _home_town(key: str, tally: _Tally, gazetteer: Gazetteer) -> Entry | None:
    """The town a local outlet's address is named after ('columbuslocalnews.com',
    'chronicle.augusta.com', 'thelancasterandmorecambecitizen.co.uk'), decided among
    the towns of that name in the countries of the outlet's sure places by size and
    by the outlet's divisions ('palestineherald.com' with East Texas places: Palestine,
    Texas). None when no label of the address begins with a town's name."""
    if not tally.countries:
        return None
    total = sum(tally.countries.values())
    a1_total = sum(tally.admin1s.values()) or 1
    best: tuple[float, Entry] | None = None
    for label in key.split(".")[:-1]:
        label = label.replace("-", "")
        for text in {label, label.removeprefix("the")}:
            for e in gazetteer.towns_prefixing(text):
                if e.country not in tally.countries:
                    continue
                score = math.log10(e.pop) + HOME_FIT * (tally.countries[e.country] / total
                                                        + tally.admin1s[(e.country, e.admin1)] / a1_total)
                if best is None or score > best[0]:
                    best = (score, e)
    return best[1] if best else None


def _prior(t: _Tally) -> RegionPrior | None:
    total = sum(t.countries.values())
    if total == 0:
        return None
    a1_total = sum(t.admin1s.values()) or 1
    points = tuple((lat, lon, n / total) for (lat, lon), n in t.points.most_common(MAX_POINTS))
    names = frozenset(n for n, k in t.names.items() if k >= LOCAL_ARTICLES)
    return RegionPrior(t.articles, {k: v / total for k, v in t.countries.items()},
                       {k: v / a1_total for k, v in t.admin1s.items()}, points, names)
