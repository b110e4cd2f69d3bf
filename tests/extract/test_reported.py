"""Reported content: paraphrase as much as quotation, with its source.

Sentences written for these tests (not taken from any gold set).
"""

from __future__ import annotations

from eventwire.extract.attribution import attribution
from eventwire.extract.quotes import find_quotes
from eventwire.nlp.pipeline import CHUNK_CHARS, parse


def contents(nlp, text: str):
    doc = nlp(text)
    found = find_quotes(doc)
    for q in found:
        assert doc.text[q.text.start : q.text.end] == q.text.text
    return doc, found


def content_of(found, startswith: str):
    return next(q for q in found if q.text.text.startswith(startswith))


def test_paraphrase_after_said_that(nlp):
    _, found = contents(nlp, "The provincial governor said that the bridge over the river had been blown up.")
    q = content_of(found, "the bridge")
    assert not q.direct and q.speaker is not None and q.speaker.text == "The provincial governor"


def test_according_to_gives_the_clause_without_the_phrase(nlp):
    text = "Four fishermen drowned off the coast on Tuesday, according to the harbour authority."
    _, found = contents(nlp, text)
    q = content_of(found, "Four fishermen")
    assert "according" not in q.text.text
    assert q.speaker is not None and q.speaker.text == "the harbour authority"


def test_parenthetical_reporting_clause(nlp):
    _, found = contents(nlp, "The convoy, the drivers said, was stopped twice at checkpoints.")
    q = next(q for q in found if q.arc == "parenthetical")
    assert q.text.text.startswith("The convoy") and q.speaker is not None
    assert q.speaker.text == "the drivers"


def test_speaker_after_the_verb_of_a_quote(nlp):
    text = "“We will not leave our homes,” answered village elder Musa Keita."
    _, found = contents(nlp, text)
    q = content_of(found, "We will not")
    assert q.direct and q.speaker is not None and q.speaker.text.endswith("Musa Keita")


def test_quote_paragraph_after_a_colon_paragraph(nlp):
    text = "The camp manager, Leila Nasser, said on Sunday:\n\n“There is no clean water left for the families.”"
    _, found = contents(nlp, text)
    q = content_of(found, "There is no clean water")
    assert q.speaker is not None and q.speaker.text == "The camp manager"


def test_object_content_of_a_denial(nlp):
    _, found = contents(nlp, "The ministry denied the reports of mass arrests in the capital.")
    q = next(q for q in found if q.arc == "dobj")
    assert q.text.text.startswith("the reports") and q.speaker is not None
    assert q.speaker.text == "The ministry"


def test_pronoun_source_is_the_salient_subject(nlp):
    text = ("Colonel Ana Ruiz briefed reporters after the meeting with Pedro Alves. "
            "She said the border crossing would reopen on Friday.")
    _, found = contents(nlp, text)
    q = content_of(found, "the border crossing")
    assert q.speaker is not None and q.speaker.text == "Colonel Ana Ruiz"


def test_pronoun_speaker_keeps_its_own_words(nlp):
    text = ("Colonel Ana Ruiz briefed reporters after the meeting with Pedro Alves. "
            "She said the border crossing would reopen on Friday.")
    _, found = contents(nlp, text)
    q = content_of(found, "the border crossing")
    assert q.words is not None and q.words.text == "She"
    assert text[q.words.start : q.words.end] == "She"


def test_named_speaker_has_no_separate_words(nlp):
    text = "Colonel Ana Ruiz said the border crossing would reopen on Friday."
    _, found = contents(nlp, text)
    q = content_of(found, "the border crossing")
    assert q.speaker is not None and q.speaker.text == "Colonel Ana Ruiz"
    assert q.words is None


def test_every_event_inside_a_content_carries_its_source(nlp):
    text = ("Local officials told reporters the market was struck twice and that "
            "the clinic next to it was looted.")
    doc, found = contents(nlp, text)
    looted = next(t.i for t in doc if t.text == "looted")
    att = attribution(doc, looted, quotes=found)
    assert att is not None and att.source.text == "Local officials"


def test_a_vow_is_the_actors_own_commitment_sourced_to_it(nlp):
    doc, found = contents(nlp, "The workers' union vowed to block the port next month.")
    block = next(t.i for t in doc if t.text == "block")
    att = attribution(doc, block, quotes=found)
    assert att is not None and att.source.text == "The workers' union"
    q = next(q for q in found if q.arc == "xcomp")
    assert q.text.text.startswith("block the port")


def test_who_urges_another_to_act_is_the_source(nlp):
    doc, found = contents(nlp, "The bishops urged the governor to pardon the two students.")
    pardon = next(t.i for t in doc if t.text == "pardon")
    att = attribution(doc, pardon, quotes=found)
    assert att is not None and att.source.text == "The bishops"


def test_what_lies_deeper_in_a_pledge_is_sourced_to_the_pledger(nlp):
    doc, found = contents(nlp, "The farmers pledged to stay on the square until the minister resigns.")
    resigns = next(t.i for t in doc if t.text == "resigns")
    att = attribution(doc, resigns, quotes=found)
    assert att is not None and att.source.text == "The farmers"


def test_a_report_of_a_plan_is_sourced_to_the_reporter(nlp):
    doc, found = contents(nlp, "Two diplomats said the navy intends to escort the tankers.")
    escort = next(t.i for t in doc if t.text == "escort")
    att = attribution(doc, escort, quotes=found)
    assert att is not None and att.source.text == "Two diplomats"


def test_a_possessive_owner_is_resolved_to_the_person(nlp):
    doc, found = contents(nlp, "Defence Minister Omar Haddad spoke on Monday. "
                               "His claim that the border was quiet drew scorn.")
    q = content_of(found, "the border was quiet")
    assert q.speaker is not None and q.speaker.text == "Defence Minister Omar Haddad"


def test_an_as_clause_reports_the_clause_it_hangs_on(nlp):
    _, found = contents(nlp, "As several engineers have pointed out, the old dam is unlikely to hold.")
    q = content_of(found, "the old dam")
    assert q.speaker is not None and q.speaker.text == "several engineers"


def test_who_issues_a_statement_owns_it(nlp):
    _, found = contents(nlp, "The water board issued a statement that the pumps had failed.")
    q = content_of(found, "the pumps had failed")
    assert q.speaker is not None and q.speaker.text == "The water board"


def test_who_rejects_a_claim_does_not_own_it(nlp):
    _, found = contents(nlp, "The water board rejected the claim that the pumps had failed.")
    assert all(q.speaker is None or q.speaker.text != "The water board" or q.arc != "noun" for q in found)


def test_they_stands_for_people_not_a_place(nlp):
    _, found = contents(nlp, "Nairobi was quiet on Monday. They said the canal would be dug again.")
    q = content_of(found, "the canal")
    assert q.speaker is not None and "Nairobi" not in q.speaker.text


def test_a_name_and_a_colon_open_what_the_name_says(nlp):
    text = "Red Cross: Aid convoys have reached the besieged town\n\nThe convoy left at dawn."
    _, found = contents(nlp, text)
    q = content_of(found, "Aid convoys")
    assert q.arc == "colon" and q.speaker is not None and q.speaker.text == "Red Cross"


def test_a_place_and_a_colon_name_a_topic_not_a_speaker(nlp):
    _, found = contents(nlp, "Yemen: Fighting resumes near the port\n\nThe convoy left at dawn.")
    assert not [q for q in found if q.arc == "colon"]


def test_an_indirect_question_is_what_is_asked(nlp):
    _, found = contents(nlp, "The monitors asked the commanders whether the ceasefire still held.")
    q = content_of(found, "the ceasefire")
    assert q.speaker is not None and q.speaker.text == "The monitors"


def test_an_unnamed_asker_still_reports_the_question(nlp):
    _, found = contents(nlp, "Asked whether the talks had failed, the envoy shook his head.")
    q = content_of(found, "the talks")
    assert q.speaker is None


def test_a_dateline_is_not_the_speaker(nlp):
    text = ("Headline of the day\n\nKABUL, May 2 - Provincial police chief Omar Safi told reporters "
            "that the road had been reopened.\n\nLAGOS (Newswire) - The army said it had repelled an attack.")
    _, found = contents(nlp, text)
    assert content_of(found, "the road").speaker.text == "Provincial police chief Omar Safi"
    assert content_of(found, "it had").speaker.text == "The army"


def test_a_hyphenated_word_is_no_dateline(nlp):
    _, found = contents(nlp, "Troops crossed the border, the state-run news agency reported.")
    assert content_of(found, "Troops").speaker.text == "the state-run news agency"


def test_a_second_report_joined_by_and_is_its_own(nlp):
    text = ("Most of the residents said they were worried about the shelling, and nearly half "
            "said the army would not protect them.")
    _, found = contents(nlp, text)
    first = content_of(found, "they were")
    assert "nearly half" not in first.text.text and not first.text.text.endswith("and")
    assert not [q for q in found if q.text.text.startswith("nearly half")]


def test_a_trailing_aside_of_the_writer_is_not_the_content(nlp):
    text = ("The opposition leader demanded that the governor release the detained students, "
            "who have been held without charge since March.")
    _, found = contents(nlp, text)
    q = content_of(found, "the governor")
    assert q.text.text.endswith("the detained students")


def test_an_aside_before_the_content_ends_stays(nlp):
    text = "The mayor said the water plant, which was shelled in May, has reopened for the district."
    _, found = contents(nlp, text)
    q = content_of(found, "the water plant")
    assert q.text.text.endswith("for the district")


def test_a_participle_on_a_noun_speaks_for_the_noun(nlp):
    _, found = contents(nlp, "A veterans' group backing the former governor spent heavily in the state.")
    q = content_of(found, "the former governor")
    assert q.speaker is not None and q.speaker.text.endswith("group")


def test_call_for_someone_to_act(nlp):
    text = "The senator is calling for the government to step up its efforts against the smugglers."
    _, found = contents(nlp, text)
    q = content_of(found, "the government")
    assert q.text.text.endswith("against the smugglers")
    assert q.speaker is not None and q.speaker.text == "The senator"


def test_a_headline_names_its_speaker_before_a_colon(nlp):
    text = ("Factwatch: The Channel Is Too Shallow for Tankers\n\n"
            "The guild wrote to the port authority on Monday.")
    _, found = contents(nlp, text)
    q = content_of(found, "The Channel")
    assert q.speaker is not None and q.speaker.text == "Factwatch"


def test_a_headline_label_is_not_a_speaker(nlp):
    text = "Analysis: The Channel Is Too Shallow for Tankers\n\nThe guild wrote to the port authority on Monday."
    _, found = contents(nlp, text)
    assert not any(q.arc == "colon" for q in found)


def test_a_word_standing_for_what_is_said(nlp):
    _, found = contents(nlp, "Asked whether the bridge had been closed, the district engineer said so.")
    q = next(q for q in found if q.text.text == "so")
    assert q.speaker is not None and q.speaker.text == "the district engineer"


def test_as_someone_put_it(nlp):
    _, found = contents(nlp, "As one farmer put it, the rains came too late for the maize.")
    q = content_of(found, "the rains came")
    assert q.speaker is not None and q.speaker.text == "one farmer"


def test_putting_a_thing_somewhere_says_nothing(nlp):
    _, found = contents(nlp, "The crew put it on the truck before dawn.")
    assert found == []


def test_object_content_leaves_out_the_time_and_occasion_of_the_speech(nlp):
    text = "The union leader denounced the pension reform as a betrayal on Thursday during a rally in the port."
    _, found = contents(nlp, text)
    q = content_of(found, "the pension reform")
    assert q.text.text == "the pension reform as a betrayal"


def test_object_content_leaves_out_a_dashed_aside(nlp):
    text = "The critic compared the budget to emptying the sea with a spoon - an image that stuck."
    _, found = contents(nlp, text)
    q = content_of(found, "the budget")
    assert q.text.text == "the budget to emptying the sea with a spoon"


def test_time_inside_the_reported_clause_stays(nlp):
    text = "The mayor blamed the drivers who had ignored the closure during the storm for the crash."
    _, found = contents(nlp, text)
    q = content_of(found, "the drivers")
    assert "during the storm" in q.text.text


def test_a_commitment_keeps_the_infinitives_that_share_its_to(nlp):
    text = "The governor wants to double the size of the youth program, expand the rail line and create a new water agency."
    _, found = contents(nlp, text)
    q = next(q for q in found if q.arc == "xcomp")
    assert q.text.text.startswith("double the size")
    assert q.text.text.endswith("create a new water agency")


def test_that_clause_the_parse_hung_on_a_noun_is_the_verbs_content(nlp):
    text = "In Lisbon last week, he told a meeting of island leaders that few people understood the stakes."
    _, found = contents(nlp, text)
    q = content_of(found, "few people")
    assert q.text.text == "few people understood the stakes" and q.arc == "ccomp"


def test_a_relative_clause_is_not_a_content(nlp):
    _, found = contents(nlp, "The mayor told a story that his father had loved.")
    assert not any(q.text.text.startswith("his father") for q in found)


def test_a_verb_of_judgment_reports_its_object(nlp):
    text = "The committee chairman disparaged the ceasefire proposal as a trap for the villagers."
    _, found = contents(nlp, text)
    q = content_of(found, "the ceasefire proposal")
    assert q.speaker is not None and q.speaker.text == "The committee chairman"


def test_a_long_text_ending_in_a_blank_paragraph(nlp):
    """A text parsed in pieces whose last paragraph is only spaces (page furniture blanked
    with its offsets kept) is read, not refused: the blank paragraph has no content."""
    para = "The mayor said the new bridge would open to traffic in the spring."
    body = para
    while len(body) + len(para) + 2 < CHUNK_CHARS - 20:
        body += "\n\n" + para
    text = body + "\n\n" + " " * 120  # the blank paragraph starts before the cut, ends after
    assert len(body) < CHUNK_CHARS < len(text)
    doc = next(iter(parse(nlp, [text])))
    found = find_quotes(doc)
    assert any(q.text.text.startswith("the new bridge") for q in found)
