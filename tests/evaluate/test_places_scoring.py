"""How `evaluate places` scores one toponym: the gold's country names and places in no country."""

from __future__ import annotations

from eventwire.evaluate.places import GoldToponym, _iso3_of_country_name, score_toponym
from eventwire.model.records import Place


def test_geonames_country_names_are_read_as_geonames_writes_them() -> None:
    cache: dict[str, str | None] = {}
    assert [_iso3_of_country_name(n, cache) for n in ("Palestinian Territory", "Turkey", "United States", None)] \
        == ["PSE", "TUR", "USA", None]


def _place(country: str | None, lat: float, lon: float) -> Place:
    return Place(text="x", start=0, end=1, name="x", country=country, lat=lat, lon=lon, feature="region")


def test_a_toponym_in_no_country_is_right_only_when_the_prediction_names_none() -> None:
    sea = GoldToponym(0, 7, "Red Sea", 20.0, 38.0, None, None, None)
    assert score_toponym(sea, _place(None, 20.5, 38.5), "lgl")["country"] is True
    assert score_toponym(sea, _place("EGY", 26.0, 34.0), "lgl")["country"] is False
    assert score_toponym(sea, None, "lgl")["country"] is False
    gaza = GoldToponym(0, 4, "Gaza", 31.5, 34.47, "281133", "PSE", "Gaza Strip")
    assert score_toponym(gaza, _place("PSE", 31.5, 34.47), "lgl")["country"] is True
    assert score_toponym(gaza, _place(None, 31.5, 34.47), "lgl")["country"] is False


def test_a_toponym_is_reachable_when_a_namesake_lies_near_its_gold_point() -> None:
    from eventwire.evaluate.places import _namesake_within
    from eventwire.resolve.places import load_gazetteer

    gaz = load_gazetteer()
    assert _namesake_within(GoldToponym(0, 6, "Aleppo", 36.2, 37.16), gaz.lookup("Aleppo"), 161)
    assert not _namesake_within(GoldToponym(0, 6, "Aleppo", 0.0, 0.0), gaz.lookup("Aleppo"), 161)
    assert not _namesake_within(GoldToponym(0, 9, "Qwzxvbnmk", 36.2, 37.16), gaz.lookup("Qwzxvbnmk"), 161)
