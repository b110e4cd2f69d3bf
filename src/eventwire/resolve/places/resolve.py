"""Choose each mention's place among its gazetteer candidates, using the article.

Each candidate gets a score: its population (log), its kind (countries and divisions
first), whether the name matched its main name or an alternate one, what the text says
about it ("Idlib province", "Alexandria, La.") and, above all, how well it fits the
article's other places: same country, same first-level division, nearby. The fit is
computed against the other mentions' current choices and iterated a few times, so
unambiguous places ("Rapides Parish", "Syria") pull ambiguous ones ("Alexandria",
"Tripoli") toward them. Mentions in the title count double. A river or lake the
gazetteer lacks is then placed at the division that holds the article (``place_waters``).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from eventwire.model.records import PlaceHow
from eventwire.resolve.places.gazetteer import Candidate, Entry, Gazetteer
from eventwire.resolve.places.mentions import DIRECTIONS, LIST_GAP, NOT_COMPASS, Mention
from eventwire.resolve.places.names import fold
from eventwire.resolve.places.priors import RegionPrior

# Weights: set by hand, then W_CAPITAL, W_COUNTRY, W_ADMIN1, W_NEAR and W_LIST by
# scripts/tune_places.py (coordinate descent on the 'dev' half of the toponym gold, split
# by article id): on the held-out 'test' half, within 161 km, LGL 0.876 -> 0.879 and
# GeoVirus 0.812 -> 0.819.
COMPASS = DIRECTIONS - NOT_COMPASS
MAX_CANDIDATES = 60
CONTEXT_CHARS = 10_000  # a mention's context: the places named this close (both sides)
ROUNDS = 3
KIND_PRIOR = {"country": 3.0, "continent": 3.0, "region": 2.5, "admin1": 2.0, "admin2": 0.5, "city": 0.0}
W_POP = 0.6
W_BASED = 0.6  # more weight on size for a company's seat ('Houston-based'): big cities host firms
W_ALTERNATE = 2.0
W_CAPITAL = 2.5  # a capital's name often stands for its government ("talks with Washington")
W_COUNTRY = 3.2
W_ADMIN1 = 2.8
W_ADMIN2 = 2.0
W_NEAR = 1.5
W_CLUSTER = 2.5
NEAR_KM = 60.0
W_LIST = 4.0  # names listed together share a kind
W_PRIOR_COUNTRY = 3.0  # the outlet's home region (priors.py), learned from its texts
W_PRIOR_ADMIN1 = 3.0
W_PRIOR_NEAR = 2.5
FAMOUS_POP = 300_000  # a city this big overshadows its small namesakes (_shadowed_towns)
SHADOW_RATIO = 30
SHADOW = 0.5  # share of the local evidence (state, neighbours) an overshadowed town forgoes
FOCUS_SHARE = 0.5  # a division holding this share of an article's (or outlet's) places is its focus
REPEAT_DAMPING = 0.3  # a name named n times weighs n ** (1 - this) in its neighbours' context
COUNTRY_NAMED_TOWN = 0.5  # share of the country-level evidence a town named like a country forgoes


@dataclass(frozen=True)
class Choice:
    entry: Entry | None
    score: float
    margin: float
    reason: PlaceHow


def candidates(m: Mention, gaz: Gazetteer) -> list[Candidate]:
    cands = gaz.lookup(m.lookup)
    if m.level:
        suffixed = gaz.lookup(m.division) if m.division else gaz.lookup(m.text)
        if suffixed:
            return suffixed[:MAX_CANDIDATES]
    keep = [c for c in cands if c.entry.feature != "city"] + [c for c in cands if c.entry.feature == "city"]
    return keep[:MAX_CANDIDATES]


def container_filter(m: Mention, cands: list[Candidate], gaz: Gazetteer) -> tuple[list[Candidate], PlaceHow | None]:
    """Keep the candidates inside the container named after a comma, if any are
    ("container"); a country's name has no container ('Mexico, China and Japan' is a
    list). A town the gazetteer lacks, or knows only elsewhere ('Stroud, Ontario', where
    only the English Stroud is known), is placed at its container, the state or
    country, at that precision ("container_area"), rather than at a namesake abroad."""
    if not m.container or any(c.entry.feature == "country" and not c.alternate for c in cands):
        return cands, None
    key = fold(m.container)
    state = gaz.state_abbrevs.get(key)
    outer = [c for c in gaz.lookup(m.container)[:3] if c.entry.feature in {"country", "admin1"}]
    if state:  # 'La.' is Louisiana; 'Georgia' either the state or the country ('Tbilisi, Georgia')
        us = [c for c in gaz.lookup(state) if c.entry.feature == "admin1" and c.entry.country == "USA"][:1]
        outer = us + (outer if fold(state) == key else [])
    isos = {c.entry.country for c in outer if c.entry.feature == "country"}
    a1s = {(c.entry.country, c.entry.admin1) for c in outer if c.entry.feature == "admin1"}
    inside = [c for c in cands if c.entry.country in isos or (c.entry.country, c.entry.admin1) in a1s]
    if inside:
        return inside, "container"
    if outer and m.level is None and not any(c.entry.feature not in {"city", "admin2"} for c in cands):
        return [Candidate(outer[0].entry, False)], "container_area"
    return cands, None


def base_score(m: Mention, c: Candidate, same_name_city: set[tuple[str, str]],
               famous_city: frozenset[tuple[str, str]] = frozenset(), country_name: bool = False) -> float:
    """``country_name``: the name is a country's own ('Mexico'), whose compass part
    ('southern Mexico') is a part of the country, not of the division so called."""
    e = c.entry
    s = W_POP * math.log10(e.pop + 100) + KIND_PRIOR.get(e.feature, 0.0)
    if c.alternate:
        s -= W_ALTERNATE
    if e.capital:
        s += W_CAPITAL
    if m.level:
        s += 3.0 if e.feature == m.level else -3.0
    elif e.feature == "admin1" and (e.country, e.admin1) in same_name_city \
            and (m.qualifier not in COMPASS or (e.country, e.admin1) in famous_city):
        s -= 3.0  # "Aleppo" alone is the city, not the governorate named after it; "southern Idlib" the province
    if m.qualifier in COMPASS and e.feature == "admin1" and (e.country, e.admin1) not in famous_city \
            and not country_name:
        s += 2.0  # 'southern Idlib' is a part of the province; 'eastern Aleppo' of the great city
    if m.qualifier == "near" and e.feature in {"country", "admin1"}:
        s -= 1.0
    if m.qualifier == "based":
        s += W_BASED * math.log10(e.pop + 100)
    return s


def _same_name_cities(cands: list[Candidate], name: str, capital: bool = True) -> set[tuple[str, str]]:
    """The divisions (country, admin1) that hold a town of 20,000 or more of this very
    name, and (``capital``) a division named like its country's capital ('Washington' the
    state beside Washington the capital): 'Aleppo' or 'Washington' alone is the city."""
    key = fold(name)
    same = {(c.entry.country, c.entry.admin1) for c in cands
            if c.entry.feature == "city" and fold(c.entry.name) == key and c.entry.pop >= 20000}
    if not capital:
        return same
    capitals = {c.entry.country for c in cands
                if c.entry.feature == "city" and c.entry.capital and not c.alternate and fold(c.entry.name) == key}
    return same | {(c.entry.country, c.entry.admin1) for c in cands
                   if c.entry.feature == "admin1" and c.entry.country in capitals}


def _near_matrix(cands: list[Candidate], lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """exp(-km / NEAR_KM) between each candidate and each point; 0 for areas."""
    lat = np.radians([c.entry.lat for c in cands])[:, None]
    lon = np.radians([c.entry.lon for c in cands])[:, None]
    plat, plon = np.radians(lat2)[None, :], np.radians(lon2)[None, :]
    h = np.sin((plat - lat) / 2) ** 2 + np.cos(lat) * np.cos(plat) * np.sin((plon - lon) / 2) ** 2
    out = np.exp(-2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1))) / NEAR_KM)
    areas = np.array([c.entry.feature not in {"city", "admin2"} for c in cands])
    out[areas, :] = 0.0
    return out


def _country_named_towns(cands: list[Candidate]) -> np.ndarray:
    """COUNTRY_NAMED_TOWN for the towns of a name that is also a country's own name
    ('Mexico', 'Lebanon', 'Palestine'), else 0: such a town takes only part of the evidence
    of merely being in the article's or outlet's country (a Dallas paper's 'Mexico' is the
    country, not the town in Missouri); its state and neighbours count in full
    ('Palestine' in an East Texas paper)."""
    if not any(c.entry.feature == "country" and not c.alternate for c in cands):
        return np.zeros(len(cands))
    return np.array([COUNTRY_NAMED_TOWN if c.entry.feature in {"city", "admin2"} else 0.0 for c in cands])


def _shadowed_towns(cands: list[Candidate]) -> np.ndarray:
    """SHADOW for the towns of a name borne by a world city far bigger than them
    ('Houston', Pennsylvania, 1,300 people, beside Houston, Texas; 'Petersburg', another
    name of Saint Petersburg, beside a Pennsylvania hamlet so called), else 0: such a town
    takes only part of the evidence of its neighbours and state, since a writer who
    means it usually says so ('Houston, Pa.'), and the famous city is meant otherwise."""
    famous = max((c.entry.pop for c in cands if c.entry.feature == "city"), default=0)
    if famous < FAMOUS_POP:
        return np.zeros(len(cands))
    return np.array([SHADOW if c.entry.feature in {"city", "admin2"} and c.entry.pop * SHADOW_RATIO <= famous
                     else 0.0 for c in cands])


def _prior_score(cands: list[Candidate], prior: RegionPrior, country_named: np.ndarray) -> np.ndarray:
    """How well each candidate fits the outlet's home region (``country_named``: see
    ``_country_named_towns``)."""
    ctry = np.array([prior.countries.get(c.entry.country, 0.0) for c in cands]) * (1 - country_named)
    adm = np.array([prior.admin1s.get((c.entry.country, c.entry.admin1), 0.0)
                    if c.entry.feature != "country" else 0.0 for c in cands])
    near = np.zeros(len(cands))
    if prior.points:
        pts = np.array(prior.points)
        near = _near_matrix(cands, pts[:, 0], pts[:, 1]).max(axis=1)
    return W_PRIOR_COUNTRY * ctry + W_PRIOR_ADMIN1 * adm + W_PRIOR_NEAR * near


def _listed_with_divisions(i: int, mentions: list[Mention], listed: dict[int, list[int]], gaz: Gazetteer) -> bool:
    """Every name listed with mention i is, first of all, a division or a country
    ('Oregon and Washington')."""
    tops = [gaz.lookup(mentions[j].lookup)[:1] for j in listed.get(i, ())]
    return bool(tops) and all(t and t[0].entry.feature in {"admin1", "country"} for t in tops)


def _holds(a: Mention, b: Mention, text: str) -> bool:
    """``b`` follows ``a`` after a comma: 'Tacoma, Washington'."""
    return bool(text) and text[a.end:b.start].strip() == ","


def _held_by_country(a: Mention, b: Mention, gaz: Gazetteer) -> bool:
    """``b`` is a country's own name and ``a``, no country's, may lie in it: 'Oaxaca
    State, Mexico' is a place and its country ('Alabama, Georgia' stays a list)."""
    countries = {c.entry.country for c in gaz.lookup(b.lookup)[:3] if c.entry.feature == "country" and not c.alternate}
    if not countries:
        return False
    held = gaz.lookup(a.division or a.lookup)
    return not any(c.entry.feature == "country" for c in held) and any(c.entry.country in countries for c in held)


def _list_neighbours(mentions: list[Mention], text: str, gaz: Gazetteer) -> dict[int, list[int]]:
    """Mentions next to each other in a list ('Ohio, Indiana and Iowa'), both ways."""
    out: dict[int, list[int]] = defaultdict(list)
    if not text:
        return out
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.adjectival or b.adjectival or a.in_org or b.in_org:
            continue
        if (a.container and fold(a.container) == fold(b.text)) or _held_by_country(a, b, gaz):
            continue  # 'Oaxaca State, Mexico, Wednesday': the country holds the place, they are no list
        if LIST_GAP.match(text[a.end:b.start]):
            out[i].append(i + 1)
            out[i + 1].append(i)
    return out


def _admin2_key(e: Entry) -> tuple[str, str, str]:
    return (e.country, e.admin1, e.name if e.feature == "admin2" else e.admin2)


class Resolver:
    """Resolve all the mentions of one article together."""

    def __init__(self, gaz: Gazetteer, mentions: list[Mention], title_end: int = 0,
                 prior: RegionPrior | None = None, text: str = "") -> None:
        self.gaz = gaz
        self.mentions = mentions
        self.listed = _list_neighbours(mentions, text, gaz)
        self.keys = [fold(m.lookup) for m in mentions]
        repeats = Counter(self.keys)
        self.weights = [(2.0 if m.start < title_end else 1.0) / repeats[k] ** REPEAT_DAMPING
                        for m, k in zip(mentions, self.keys)]
        self.cands: list[list[Candidate]] = []
        self.base: list[np.ndarray] = []
        self.contained: list[PlaceHow | None] = []  # None, "container" or "container_area" (container_filter)
        for i, m in enumerate(mentions):
            cs, inside = container_filter(m, candidates(m, gaz) if not m.adjectival else [], gaz)
            # listed with others ('Oregon and Washington') or holding the name before it
            # ('Tacoma, Washington'), a name is no more the capital than the division
            alone = not _listed_with_divisions(i, mentions, self.listed, gaz) \
                and not (i and _holds(mentions[i - 1], m, text))
            same = _same_name_cities(cs, m.lookup, capital=alone)
            self.cands.append(cs)
            self.contained.append(inside)
            famous = frozenset(k for k in same if any(c.entry.pop >= FAMOUS_POP and (c.entry.country, c.entry.admin1) == k
                                                      and c.entry.feature == "city" for c in cs))
            named = any(c.entry.feature == "country" and not c.alternate for c in cs)
            self.base.append(np.array([base_score(m, c, same, famous, named) for c in cs]))
        self.prior = prior
        self.gids = [{c.entry.gid for c in cs} for cs in self.cands]
        self.country_named = [_country_named_towns(cs) for cs in self.cands]
        self.shadowed = [_shadowed_towns(cs) for cs in self.cands]
        self._add_support()
        self._starts: list[int] | None = None
        self._confidences: list[float | None] = [None] * len(mentions)
        if prior is not None:
            self.base = [b + _prior_score(cs, prior, named) if len(cs) else b
                         for b, cs, named in zip(self.base, self.cands, self.country_named)]

    def _add_support(self) -> None:
        """Spatial coherence: a candidate near some candidate of the article's other names
        ("Alexandria", "Brandon" and "Douglas County" all in one Minnesota county), or
        inside one of them (a city in the state the article also names), gains."""
        groups: dict[str, list[int]] = {}
        for i, key in enumerate(self.keys):
            if self.cands[i] and not self.mentions[i].adjectival:
                groups.setdefault(key, []).append(i)
        if len(groups) < 2:
            return
        reps = {key: idx[0] for key, idx in groups.items()}
        lat: list[float] = []
        lon: list[float] = []
        owner: list[str] = []
        areas: list[tuple[str, str, str]] = []
        for key, i in reps.items():
            for c in self.cands[i]:
                e = c.entry
                if e.feature in {"city", "admin2"}:
                    lat.append(e.lat)
                    lon.append(e.lon)
                    owner.append(key)
                elif e.feature == "admin1":
                    areas.append((key, e.country, e.admin1))
        # each name's points are one run of columns (appended name by name above)
        cols = {key: (owner.index(key), len(owner) - owner[::-1].index(key)) for key in set(owner)}
        states: dict[str, set[tuple[str, str]]] = {}
        for k, a, b in areas:
            states.setdefault(k, set()).add((a, b))
        lat_arr, lon_arr = np.array(lat), np.array(lon)
        for i, cands in enumerate(self.cands):
            if cands and not self.mentions[i].adjectival:
                others = [k for k in reps if k != self.keys[i]]
                support = self._support(cands, others, cols, lat_arr, lon_arr, states)
                self.base[i] = self.base[i] + W_CLUSTER * support * (1 - self.shadowed[i]) / max(1, len(others)) ** 0.5

    @staticmethod
    def _support(cands: list[Candidate], others: list[str], cols: dict[str, tuple[int, int]], lat: np.ndarray,
                 lon: np.ndarray, states: dict[str, set[tuple[str, str]]]) -> np.ndarray:
        near = _near_matrix(cands, lat, lon) if len(lat) else None
        support = np.zeros(len(cands))
        where = [(c.entry.country, c.entry.admin1) if c.entry.feature != "admin1" else None for c in cands]
        for other in others:
            got = np.zeros(len(cands))
            if near is not None and other in cols:
                got = near[:, slice(*cols[other])].max(axis=1)
            if other in states:  # inside one of the other name's states
                inside = np.array([1.0 if w is not None and w in states[other] else 0.0 for w in where])
                got = np.maximum(got, inside)
            support += got
        return support

    def resolve(self) -> list[Choice]:
        best = [int(np.argmax(b)) if len(b) else -1 for b in self.base]
        scores = self.base
        for _ in range(ROUNDS):
            scores = [self._scores(i, best) for i in range(len(self.mentions))]
            best = [int(np.argmax(s)) if len(s) else -1 for s in scores]
        for i, m in enumerate(self.mentions):
            if m.headed and best[i] >= 0 and not self._country_supported(i, best):
                best[i] = -1  # 'West Kasai' is not the Japanese town Kasai
            elif m.weak and best[i] >= 0 and self._country_contradicted(i, best):
                best[i] = -1  # 'Metro police' in an article on Chicago is no town in Indonesia
        return [self._choice(i, best[i], scores[i]) for i in range(len(self.mentions))]

    def _country_supported(self, i: int, best: list[int]) -> bool:
        """The country of mention i's choice is also that of another of the article's
        places or of the outlet's home region."""
        iso3 = self.cands[i][best[i]].entry.country
        if self.prior is not None and self.prior.countries.get(iso3, 0.0) > 0:
            return True
        return self._context(i, best)[0].get(iso3, 0.0) > 0

    def _country_contradicted(self, i: int, best: list[int]) -> bool:
        """The article's other places (or the outlet's home region) lie in other countries
        than mention i's choice, none in its own."""
        iso3 = self.cands[i][best[i]].entry.country
        countries = dict(self._context(i, best)[0])
        if self.prior is not None:
            countries.update({k: v for k, v in self.prior.countries.items() if v > 0})
        return bool(countries) and countries.get(iso3, 0.0) <= 0

    def _context(self, i: int, best: list[int]) -> tuple[defaultdict, defaultdict, defaultdict,
                                                        list[tuple[float, float, float, str]], float]:
        countries: defaultdict[str, float] = defaultdict(float)
        admin1s: defaultdict[tuple[str, str], float] = defaultdict(float)
        admin2s: defaultdict[tuple[str, str, str], float] = defaultdict(float)
        points: list[tuple[float, float, float, str]] = []
        total = 0.0
        own = self.gids[i]
        for j in self._near(i):
            m = self.mentions[j]
            if j == i or self.keys[j] == self.keys[i]:
                continue
            if best[j] >= 0 and self.cands[j][best[j]].entry.gid in own:
                continue  # another name taken for one of this name's own candidates: circular
            w = self.weights[j]
            if m.adjectival and m.country:
                countries[m.country] += 0.5 * w
                total += 0.5 * w
                continue
            if best[j] < 0:
                continue
            e = self.cands[j][best[j]].entry
            w *= self._confidence(j)
            total += w
            countries[e.country] += w
            if e.feature != "country":
                admin1s[(e.country, e.admin1)] += w
            if e.feature in {"city", "admin2"}:
                points.append((e.lat, e.lon, w, e.gid))
                admin2s[_admin2_key(e)] += w
        return countries, admin1s, admin2s, points, total

    def _near(self, i: int) -> range:
        """The mentions within ``CONTEXT_CHARS`` of mention i (sorted by start): a news
        article's places are all one another's context; a long report's are those of its
        own part, and each mention weighs a bounded number of others (linear in length)."""
        if self._starts is None:
            starts = [m.start for m in self.mentions]
            ordered = all(a <= b for a, b in zip(starts, starts[1:]))
            self._starts = starts if ordered else []  # not in text order: every mention
        if not self._starts:
            return range(len(self.mentions))
        start = self.mentions[i].start
        return range(bisect_left(self._starts, start - CONTEXT_CHARS),
                     bisect_right(self._starts, start + CONTEXT_CHARS))

    def _confidence(self, j: int) -> float:
        if self._confidences[j] is None:
            self._confidences[j] = self._confidence_of(j)
        return self._confidences[j]  # type: ignore[return-value]

    def _confidence_of(self, j: int) -> float:
        if len(self.cands[j]) == 1 or self.contained[j]:
            return 1.5
        b = np.sort(self.base[j])[::-1]
        return 1.0 if b[0] - b[1] > 2.0 else 0.6

    def _scores(self, i: int, best: list[int]) -> np.ndarray:
        cands = self.cands[i]
        if not cands:
            return self.base[i]
        countries, admin1s, admin2s, points, total = self._context(i, best)
        if total <= 0:
            return self.base[i]
        ctry = np.array([countries[c.entry.country] / total for c in cands]) * (1 - self.country_named[i])
        adm = np.array([admin1s[(c.entry.country, c.entry.admin1)] / total
                        if c.entry.feature != "country" else 0.0 for c in cands])
        adm2 = np.array([min(1.0, admin2s[_admin2_key(c.entry)]) if c.entry.feature in {"city", "admin2"}
                         else 0.0 for c in cands])
        near = self._nearness(cands, points)
        local = (W_ADMIN1 * adm + W_ADMIN2 * adm2 + W_NEAR * near) * (1 - self.shadowed[i])
        return self.base[i] + W_COUNTRY * ctry + local + W_LIST * self._list_fit(i, best)

    def _list_fit(self, i: int, best: list[int]) -> np.ndarray:
        """Names listed together are of one kind: 'Mexico, China, Japan and Brazil' are
        countries, 'Virginia, Washington and Wyoming' states, 'Washington and Moscow'
        capitals; the share of the list neighbours whose current choice has the
        candidate's kind (and country, for states). Towns get nothing from a list: 'Atlanta
        and Florida' mixes a city and a state, and a town called Florida is no better for it."""
        cands, out = self.cands[i], np.zeros(len(self.cands[i]))
        chosen = [self.cands[j][best[j]].entry for j in self.listed.get(i, ()) if best[j] >= 0]
        if not chosen:
            return out
        for k, c in enumerate(cands):
            e = c.entry
            out[k] = sum(o.feature == e.feature and (e.feature in {"country", "continent", "region"}
                                                      or (e.feature == "admin1" and o.country == e.country)
                                                      or (o.capital and e.capital))
                         for o in chosen) / len(chosen)
        return out

    @staticmethod
    def _nearness(cands: list[Candidate], points: list[tuple[float, float, float, str]]) -> np.ndarray:
        """exp(-km / NEAR_KM) to the nearest of the other mentions' places; a candidate
        gets nothing from another name resolved to the very same entry ('Mecca' and
        'Medina' both taken for one small town would otherwise prop each other up)."""
        if not points:
            return np.zeros(len(cands))
        lat = np.radians([c.entry.lat for c in cands])[:, None]
        lon = np.radians([c.entry.lon for c in cands])[:, None]
        plat = np.radians([p[0] for p in points])[None, :]
        plon = np.radians([p[1] for p in points])[None, :]
        h = np.sin((plat - lat) / 2) ** 2 + np.cos(lat) * np.cos(plat) * np.sin((plon - lon) / 2) ** 2
        km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        same = np.array([c.entry.gid for c in cands])[:, None] == np.array([p[3] for p in points])[None, :]
        return np.where(same, 0.0, np.exp(-km / NEAR_KM)).max(axis=1)

    def _choice(self, i: int, k: int, scores: np.ndarray) -> Choice:
        if k < 0:
            return Choice(None, 0.0, 0.0, "not_in_gazetteer")
        ordered = np.sort(scores)[::-1]
        margin = float(ordered[0] - ordered[1]) if len(ordered) > 1 else 10.0
        reason = self.contained[i] or ("only_candidate" if len(scores) == 1 else "context")
        return Choice(self.cands[i][k].entry, float(scores[k]), margin, reason)


def place_waters(gaz: Gazetteer, mentions: list[Mention], choices: list[Choice]) -> list[Choice]:
    """A river or lake the gazetteer lacks ('the Catawba River') is placed at the
    first-level division the article is about ("water_in_focus"): the division of at least
    two and ``FOCUS_SHARE`` of its resolved towns, districts and divisions; unresolved when
    none is. Local news names local waters: on LGL this found 22 of the 27 gold rivers and
    lakes missed before, and 9 of the 23 it placed are within 161 km of the gold point (a
    river is long, a state wide). The outlet's home division as a fallback placed no more
    of them within 161 km.
    The geoparser marks such a place ``water``, so that it never becomes an event's own
    place: a foreign river in a local story ('the Euphrates') would be placed wrong."""
    if not any(m.water for m in mentions):
        return choices
    held = Counter((c.entry.country, c.entry.admin1) for m, c in zip(mentions, choices)
                   if c.entry is not None and c.entry.admin1 and not m.in_org and not m.adjectival
                   and c.entry.feature in {"city", "admin2", "admin1"})
    focus = None
    if held:
        (key, n), total = held.most_common(1)[0], sum(held.values())
        focus = key if n >= 2 and n / total >= FOCUS_SHARE else None
    entry = next((c.entry for c in gaz.lookup(focus[1]) if c.entry.feature == "admin1"
                  and c.entry.country == focus[0]), None) if focus else None
    if entry is None:
        return choices
    return [Choice(entry, 0.0, 0.0, "water_in_focus") if m.water and c.entry is None else c
            for m, c in zip(mentions, choices)]
