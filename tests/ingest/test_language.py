"""Language check: English in any shape passes; other languages are refused.

Every text here was written for this test (none comes from a gold set).
"""

from __future__ import annotations

import pytest

from eventwire.ingest.language import foreign_script, looks_english

ENGLISH_NON_PROSE = [
    # headlines, Title Case or not
    "Rebels Seize Northern Border Town After Two-Day Siege",
    "Army retakes hill positions near lake town",
    "Toll rises to 31 in market blast",
    "UN envoy lands in capital ahead of ceasefire talks",
    # short sentences
    "Gunmen torched the clinic.",
    "Talks collapsed again.",
    # lists of names
    "Ahmed Karimov, Leila Haddad, Tomasz Wieczorek, Nguyen Van Long, Oluwaseun Adeyemi",
    "Abu Omar al-Rashidi; Hamid bin Yusuf; Fatima Zahra el-Idrissi; Joao Pereira da Costa",
    # lists of headlines
    "Curfew lifted in port city\nFuel convoy reaches besieged enclave\nTwo aid workers freed",
    # tables of figures
    "District | Killed | Injured\nNorth 12 | 40\nEast 3 | 7\nTotal 15 | 47",
    "Province  2019  2020  2021\nHelmand   310   280   150\nKandahar  120   95    60",
    # bulleted English
    "- 4 soldiers killed in ambush\n- bridge destroyed on main supply road\n- 200 families displaced",
    "* Militia withdraws from airport\n* Police arrest 14 at rally\n* Strike called for Monday",
]

FOREIGN = [
    # French
    "Les forces gouvernementales ont repris lundi le contrôle de la ville après trois "
    "jours de combats, selon un porte-parole de l'armée.",
    "Des manifestants ont été dispersés par la police devant le parlement",
    # Spanish
    "El ejército anunció que los rebeldes abandonaron la base durante la noche y que no "
    "hubo heridos entre los civiles.",
    # German
    "Die Armee hat nach eigenen Angaben die Stadt zurückerobert und viele Kämpfer festgenommen.",
    # Arabic
    "أعلن الجيش أنه استعاد السيطرة على المدينة بعد ثلاثة أيام من القتال",
    "مقتل خمسة مدنيين في قصف",
    # Russian
    "Армия сообщила, что после трёх дней боёв вновь взяла город под контроль.",
    "Пять человек погибли при обстреле",
]


@pytest.mark.parametrize("text", ENGLISH_NON_PROSE)
def test_english_in_any_shape_is_english(text: str) -> None:
    assert looks_english(text)


@pytest.mark.parametrize("text", FOREIGN)
def test_other_languages_are_refused(text: str) -> None:
    assert not looks_english(text)


def test_english_prose_with_a_foreign_name_is_english() -> None:
    text = ("The delegation, led by Jean-Baptiste Moreau of the Comité International, met "
            "officials in the capital on Tuesday to discuss the release of the hostages.")
    assert looks_english(text)


def test_foreign_script_share() -> None:
    assert foreign_script("Пять человек погибли")
    assert not foreign_script("Five people died near Донецк in shelling overnight on Sunday")
    assert not foreign_script("12 | 40 | 7")
