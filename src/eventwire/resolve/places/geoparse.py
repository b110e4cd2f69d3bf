"""The geoparser: every place mention of an article, resolved with its context."""

from __future__ import annotations

import math
from collections import Counter

from spacy.tokens import Doc

from eventwire.model.records import Place
from eventwire.nlp.text import doc_text
from eventwire.resolve.places.gazetteer import Gazetteer
from eventwire.resolve.places.mentions import Mention, find_mentions, load_knowledge
from eventwire.resolve.places.priors import OutletPriors
from eventwire.resolve.places.resolve import Choice, Resolver, place_waters

REGISTERED_NAME = "geocode.gazetteer.v1"  # the geoparser component's name (eventwire.registrations)
W_CITY_COUNTRY = 2.0  # weight of the article's country (its share of places) in a street's city (_inside_city)


class Geoparser:
    """``Geoparser(load_gazetteer()).parse(doc)`` -> every place mention as a ``Place``."""

    def __init__(self, gazetteer: Gazetteer, *, org_names: bool = True) -> None:
        self.gaz = gazetteer
        self.know = load_knowledge()
        self.org_names = org_names  # list place names inside organisation names (marked in_org)

    def parse(self, doc: Doc, text: str | None = None, hints: dict | None = None,
              priors: OutletPriors | None = None) -> list[Place]:
        """Every place mention of ``doc``; ``hints``: ``title``, ``outlet_domain`` (whose
        home region ``priors``, learned from that outlet's texts, then counts)."""
        text = doc_text(doc) if text is None else text
        if text != doc_text(doc):
            raise ValueError("Geoparser.parse: text must be the text the Doc was made from")
        prior = priors.prior((hints or {}).get("outlet_domain"), self.gaz) if priors is not None else None
        mentions = find_mentions(doc, self.gaz, self.know, prior.names if prior is not None else frozenset())
        if not self.org_names:
            mentions = [m for m in mentions if not m.in_org]
        title_end = _title_end(text, hints)
        choices = place_waters(self.gaz, mentions, Resolver(self.gaz, mentions, title_end, prior, text).resolve())
        places = [self._place(m, c) for m, c in zip(mentions, choices)]
        sizes = [c.entry.pop if c.entry is not None else 0 for c in choices]
        return [_inside_city(m, p, list(zip(mentions, places, sizes)), text) if m.local else p
                for m, p in zip(mentions, places)]

    def _place(self, m: Mention, c: Choice) -> Place:
        if m.adjectival:
            region = self.gaz.demonym_place(m.text) if m.country else self.gaz.region_adjective(m.text)
            if region is not None:
                return Place(text=m.text, start=m.start, end=m.end, name=region.name, country=region.country or None,
                             admin1=region.admin1 or None, lat=region.lat, lon=region.lon, feature=region.feature,
                             gazetteer_id=region.gid, adjectival=True, how="adjectival")
            if not m.country:
                return Place(text=m.text, start=m.start, end=m.end, adjectival=True, how="adjectival")
            country = self.gaz.country(m.country)
            return Place(text=m.text, start=m.start, end=m.end, name=country.name if country else m.country,
                         country=m.country, lat=country.lat if country else None,
                         lon=country.lon if country else None, feature="country",
                         gazetteer_id=country.gid if country else None, adjectival=True,
                         how="adjectival")
        e = c.entry
        if e is None:
            return Place(text=m.text, start=m.start, end=m.end, how=c.reason)
        # a river or lake placed at the article's division is no event's own place (location.usable)
        feature = "water" if m.water else e.feature
        return Place(text=m.text, start=m.start, end=m.end, name=e.name, country=e.country or None,
                     admin1=e.admin1 or None, lat=e.lat, lon=e.lon, feature=feature,
                     gazetteer_id=e.gid, how=c.reason, qualifier=m.qualifier, in_org=m.in_org,
                     score=round(c.margin, 3))


def _inside_city(m: Mention, p: Place, resolved: list[tuple[Mention, Place, int]], text: str) -> Place:
    """A street, neighbourhood or building (``Mention.local``) at the article's city: the
    city named right after it ('... Center in Shelby', '... Avenue, Toronto'), else one of
    its own sentence, else the article's; among several, the bigger, the more often
    named (a street taken for a hamlet of its name does not outweigh the city) and the one
    in the country most of the article's places lie in (a first name taken for a town
    abroad does not hold a New Orleans story's streets). Unresolved,
    with its reason, when the article names no city. Its coordinates are the city's, and
    ``feature`` says so."""
    cities = [(n, q, size) for n, q, size in resolved
              if q.feature == "city" and q.lat is not None and not q.adjectival and not n.local
              and not q.in_org]
    if not cities:
        return p.model_copy(update={"how": "local_without_city", "qualifier": None, "in_org": False})
    after = [q for _, q, _ in cities if 0 <= q.start - p.end <= 4 and text[p.end:q.start].strip() in {",", "in"}]
    counts = Counter(q.gazetteer_id for _, q, _ in cities)
    share = _country_shares(resolved)
    same = [(q, size) for n, q, size in cities if n.sentence == m.sentence]
    pool = same or [(q, size) for _, q, size in cities]
    city = after[0] if after else max(pool, key=lambda qs: (math.log10(qs[1] + 10) + 0.5 * counts[qs[0].gazetteer_id]
                                                            + W_CITY_COUNTRY * share.get(qs[0].country or "", 0.0),
                                                            -qs[0].start))[0]
    return Place(text=p.text, start=p.start, end=p.end, name=city.name, country=city.country, admin1=city.admin1,
                 lat=city.lat, lon=city.lon, feature="city", gazetteer_id=city.gazetteer_id,
                 how="inside_city")


def _country_shares(resolved: list[tuple[Mention, Place, int]]) -> dict[str, float]:
    """Each country's share of the article's resolved places (organisations' names
    included: 'the New Orleans Police' says where the story is), streets and buildings
    left out: the country the article is set in, for ``_inside_city``."""
    held = Counter(q.country for n, q, _ in resolved
                   if q.country and q.lat is not None and not q.adjectival and not n.local)
    total = sum(held.values())
    return {k: v / total for k, v in held.items()} if total else {}


def _title_end(text: str, hints: dict | None) -> int:
    title = (hints or {}).get("title")
    if title and text.startswith(str(title)):
        return len(str(title))
    return 0
