"""Direct quotes (straight and curly, split, continued) and indirect speech."""

from __future__ import annotations

import pytest

from eventwire.extract.quotes import find_quotes, quote_pieces


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp.pipeline import load_pipeline

    return load_pipeline()


def quotes_of(nlp, text: str):
    doc = nlp(text)
    quotes = find_quotes(doc)
    for q in quotes:
        assert doc.text[q.text.start : q.text.end] == q.text.text
    return [q for q in quotes if q.direct], [q for q in quotes if not q.direct]


def test_speaker_after_curly_quote(nlp):
    text = "“The road to the airport is open again,” a police spokesman said."
    direct, _ = quotes_of(nlp, text)
    assert len(direct) == 1
    assert direct[0].text.text == "The road to the airport is open again"
    assert direct[0].speaker is not None and direct[0].speaker.text == "a police spokesman"
    assert direct[0].verb == "said"


def test_speaker_before_with_colon(nlp):
    text = "The mayor told the council: “We cannot house everyone who arrives.”"
    direct, _ = quotes_of(nlp, text)
    assert direct[0].speaker is not None and direct[0].speaker.text == "The mayor"
    assert direct[0].text.text == "We cannot house everyone who arrives."


def test_speaker_in_the_middle_straight_quotes(nlp):
    text = '"Our clinic has no power," the nurse said. "We are working by torchlight."'
    direct, _ = quotes_of(nlp, text)
    expected = ["Our clinic has no power", "We are working by torchlight."]
    assert [q.text.text for q in direct] == expected
    assert all(q.speaker is not None and q.speaker.text == "the nurse" for q in direct)


def test_quote_continued_in_next_paragraph(nlp):
    text = (
        "Mariam Haddad runs the shelter.\n\n"
        "“We had forty families last week. Now we have ninety.\n\n"
        "“There is no more room,” she said."
    )
    direct, _ = quotes_of(nlp, text)
    assert [q.text.text[:12] for q in direct] == ["We had forty", "There is no "]
    assert all(q.speaker is not None and q.speaker.text == "Mariam Haddad" for q in direct)


def test_via_on_quote(nlp):
    text = (
        "“The attackers will be found,” the prime minister said, "
        "according to the Anatolia agency."
    )
    direct, _ = quotes_of(nlp, text)
    assert direct[0].via is not None and direct[0].via.text == "the Anatolia agency"


def test_indirect_speech(nlp):
    text = "The governor said that the curfew would be lifted on Friday."
    direct, indirect = quotes_of(nlp, text)
    assert direct == []
    assert len(indirect) == 1
    assert indirect[0].text.text == "the curfew would be lifted on Friday"
    assert indirect[0].speaker is not None and indirect[0].speaker.text == "The governor"
    assert indirect[0].verb == "said"


def test_scare_quotes_are_not_quotes(nlp):
    text = "The government calls the fighters “terrorists” and refuses talks."
    direct, _ = quotes_of(nlp, text)
    assert direct == []


def test_unclosed_quote_ends_at_paragraph():
    text = "“No one told us to leave.\n\nThe camp was quiet on Monday."
    pieces = quote_pieces(text)
    assert len(pieces) == 1
    assert text[pieces[0].start : pieces[0].end] == "No one told us to leave."
    assert not pieces[0].closed


def test_doubled_apostrophes_are_quote_marks(nlp):
    text = ("''The water is gone,'' said Mr. Okafor, a herder. ''We will move the cattle north.''\n\n"
            "He left on Monday.")
    direct, _ = quotes_of(nlp, text)
    texts = [q.text.text for q in direct]
    assert texts == ["The water is gone", "We will move the cattle north."]
    assert all(q.speaker is not None and q.speaker.text == "Mr. Okafor" for q in direct)


def test_an_apostrophe_of_possession_opens_no_quote():
    text = "The farmers' union met the herders' council on Friday."
    assert quote_pieces(text) == []


def test_speaker_of_as_someone_put_it(nlp):
    text = "As the port director recently put it, “The ships will not wait for us.”"
    direct, _ = quotes_of(nlp, text)
    assert direct[0].speaker is not None and direct[0].speaker.text == "the port director"


def test_pronoun_speaker_of_a_direct_quote_keeps_its_words(nlp):
    text = ("Mayor Lena Ortiz visited the flooded district on Monday. "
            "“We will rebuild the bridge before winter,” she said.")
    direct, _ = quotes_of(nlp, text)
    assert len(direct) == 1
    q = direct[0]
    assert q.speaker is not None and q.speaker.text == "Mayor Lena Ortiz"
    assert q.words is not None and text[q.words.start : q.words.end] == q.words.text == "she"


def test_speaker_who_gives_a_statement_before_a_colon(nlp):
    text = "The harbour master made the following comment: “No ship will leave before the storm passes.”"
    direct, _ = quotes_of(nlp, text)
    assert len(direct) == 1
    assert direct[0].speaker is not None and direct[0].speaker.text == "The harbour master"


def test_a_colon_after_an_act_gives_no_speaker(nlp):
    text = "The harbour master closed the gates: “No ship will leave before the storm passes.”"
    direct, _ = quotes_of(nlp, text)
    assert all(q.speaker is None for q in direct)
