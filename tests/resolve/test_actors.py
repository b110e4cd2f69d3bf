"""Actor dictionary: canonical names, countries, kinds and ACLED inter codes."""

from __future__ import annotations

import pytest

from eventwire.resolve.actors import ActorDictionary


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize(
    ("text", "name", "country", "kind", "inter"),
    [
        ("the Iraqi government", "Government of Iraq", "IRQ", "government", 1),
        ("Turkish troops", "Military Forces of Turkey", "TUR", "military", 1),
        ("the army of Mali", "Military Forces of Mali", "MLI", "military", 1),
        ("Nigerian police", "Police Forces of Nigeria", "NGA", "police", 1),
        ("Ukraine's armed forces", "Military Forces of Ukraine", "UKR", "military", 1),
        ("Egyptian state television", "State media of Egypt", "EGY", "media", 8),
        ("the Taliban", "Taliban", "AFG", "rebels", 2),
        ("al-Shabaab militants", "al-Shabaab", "SOM", "rebels", 2),
        ("Hezbollah", "Hezbollah", "LBN", "militia", 3),
        ("UNHCR", "UNHCR", None, "igo", 8),
        ("Doctors Without Borders", "Medecins Sans Frontieres", None, "ngo", 8),
        ("Reuters", "Reuters", None, "media", 8),
        ("Russia", "Government of Russia", "RUS", "government", 1),
    ],
)
def test_known_actors(actors: ActorDictionary, text: str, name: str, country: str | None, kind: str, inter: int) -> None:
    a = actors.resolve(text)
    assert a is not None
    assert (a.name, a.country, a.kind, a.inter) == (name, country, kind, inter)
    assert a.text == text


def test_head_of_state_resolves_to_government_keeping_person(actors: ActorDictionary) -> None:
    a = actors.resolve("President Vladimir Putin")
    assert a is not None and a.name == "Government of Russia" and a.person == "Vladimir Putin"
    surname = actors.resolve("Erdogan")
    assert surname is not None and surname.country == "TUR" and surname.person == "Recep Tayyip Erdogan"


def test_role_noun_takes_article_country(actors: ActorDictionary) -> None:
    a = actors.resolve("rebels", context_country="YEM")
    assert a is not None and a.kind == "rebels" and a.country == "YEM" and a.inter == 2
    civ = actors.resolve("residents", context_country="SDN")
    assert civ is not None and civ.kind == "civilians" and civ.inter == 7


def test_acronyms_match_case_sensitively(actors: ActorDictionary) -> None:
    assert actors.resolve("IS") is not None
    hit = actors.resolve("is")
    assert hit is None or hit.name != "Islamic State"


def test_unknown_named_group_is_kept_with_guessed_kind(actors: ActorDictionary) -> None:
    a = actors.resolve("the Kivu Liberation Front", label="ORG")
    assert a is not None and a.kind == "rebels" and a.name == "Kivu Liberation Front"
    p = actors.resolve("Amina Yusuf", label="PERSON")
    assert p is not None and p.kind == "person"


def test_common_nouns_name_no_actor(actors: ActorDictionary) -> None:
    assert actors.resolve("the decision") is None
    assert actors.resolve("heavy snow") is None
