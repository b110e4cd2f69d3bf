"""Counts of people in a sentence: killed, wounded, evacuated, displaced, arrested, fighters.

A count is a number phrase ("34,000", "two", "dozens", "more than 400,000") governing a
noun of people ("civilians", "others"), or a single person named as the one hurt ("a
17-year-old boy was shot dead", "the man died", "a second victim", "a man and a woman":
2). Its kind comes from the noun ("fighters", "dead"), else from the clause: an outcome
word ("shot dead", "one fatally", "left one man dead") beats the verb ("were wounded",
"were treated"), which beats a conjoined verb ("shot and killed"); a person only hit
("were shot", "stabbed") counts as wounded; a harm suffered ("suffered minor injuries")
is what the harm says; a relative clause tells the fate the main clause does not ("the
two men who died were identified as"). A list set off by semicolons counts each person,
and one more person ("the fourth was grazed") joins the count before it
(``extract.victims``). A bare number set off after a person ("Jane Mora, four,") is an
age, never a count. In one sentence, those hit less those who
died are the wounded ("four people were shot, one fatally": killed 1, wounded 3). A count
of anything but people ("the 2700 block of", "ten rounds") is none.

Who is counted, as a coder counts: the people a casualty verb has as its object or
passive subject, or the subject of an intransitive one ("died"); the subject of an
active casualty verb acts and is never counted ("two gunmen killed a man": killed 1).
Shooters and suspects are people like any other: counted when they are killed or
wounded (ACLED and UCDP count every fatality, perpetrators' included), not when they act.
The words live in ``data/quantities.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.extract.claim_cues import load_cues
from eventwire.data import data_path
from eventwire.extract.selves import with_killer
from eventwire.extract.victims import listed, one_more_joined, one_more_word
from eventwire.model.candidates import QuantityCandidate, TextSpan
from eventwire.nlp.text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class QuantityLexicon:
    number_words: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, tuple[int, str]]
    qualifiers: dict[str, str]
    verbs: dict[str, str]
    nouns: dict[str, str]
    people: frozenset[str]
    hit_verbs: frozenset[str] = frozenset()
    outcomes: dict[str, str] = field(default_factory=dict)
    victim_subject_verbs: frozenset[str] = frozenset()
    single_person: frozenset[str] = frozenset()
    fate_nouns: dict[str, str] = field(default_factory=dict)
    harm_verbs: frozenset[str] = frozenset()
    harms: dict[str, str] = field(default_factory=dict)
    fatal_words: frozenset[str] = frozenset()
    multiples: dict[str, int] = field(default_factory=dict)
    multiple_nouns: dict[str, str] = field(default_factory=dict)
    conditions: frozenset[str] = frozenset()
    not_counts: frozenset[str] = frozenset()
    tally_nouns: frozenset[str] = frozenset()
    one_more: frozenset[str] = frozenset()
    # verbs whose infinitive tells what was only planned, threatened or tried ("vowed to
    # kill the governor", "tried to shoot a guard"): the claim cues' plan and failure verbs
    unrealised: frozenset[str] = frozenset()
    # a death by one's own hand: verb lemma -> the object lemmas that make it one
    # ("turned the gun on himself", "committed suicide"; see ``extract.selves``)
    self_death: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def killing(self) -> frozenset[str]:
        """The lemmas of verbs whose object an agent killed or hit ("killed his wife")."""
        return frozenset(v for v, k in self.verbs.items() if k == "killed") | self.hit_verbs

    @classmethod
    def load(cls) -> QuantityLexicon:
        raw = json.loads(data_path("quantities.json").read_text(encoding="utf-8"))
        return cls(
            number_words=raw["number_words"],
            scales=raw["scales"],
            vague={k: (int(v[0]), str(v[1])) for k, v in raw["vague"].items()},
            qualifiers=raw["qualifiers"],
            verbs=raw["verbs"],
            nouns=raw["nouns"],
            people=frozenset(raw["people_nouns"]),
            hit_verbs=frozenset(raw["hit_verbs"]),
            outcomes=raw["outcomes"],
            victim_subject_verbs=frozenset(raw["victim_subject_verbs"]),
            single_person=frozenset(raw["single_person"]),
            fate_nouns=raw["fate_nouns"],
            harm_verbs=frozenset(raw["harm_verbs"]),
            harms=raw["harms"],
            fatal_words=frozenset(raw["fatal_words"]),
            multiples=raw["multiples"],
            multiple_nouns=raw["multiple_nouns"],
            conditions=frozenset(raw["conditions"]),
            not_counts=frozenset(raw["not_counts"]),
            tally_nouns=frozenset(raw["tally_nouns"]),
            one_more=frozenset(raw.get("one_more", ())),
            unrealised=_unrealised_verbs(),
            self_death={k: frozenset(v) for k, v in raw.get("self_death", {}).items()},
        )


def _unrealised_verbs() -> frozenset[str]:
    cues = load_cues()
    return cues.plan_verbs | cues.failure_verbs


def _is_number(tok: Token, lex: QuantityLexicon) -> bool:
    if tok.ent_type_ in _SKIP_ENTS:
        return False
    low = tok.lower_
    return bool(_DIGITS.match(tok.text)) or low in lex.number_words or low in lex.scales or low in lex.vague


def _value(tokens: list[Token], lex: QuantityLexicon) -> tuple[int, str] | None:
    """Numeric value and implied qualifier of a number phrase."""
    text = " ".join(t.lower_ for t in tokens)
    if text in lex.vague:
        return lex.vague[text]
    total, current = 0.0, 0.0
    for t in tokens:
        low = t.lower_
        if _DIGITS.match(t.text):
            current += float(t.text.replace(",", ""))
        elif low in lex.number_words:
            current += lex.number_words[low]
        elif low in lex.scales:
            current = max(current, 1) * lex.scales[low]
            if lex.scales[low] >= 1000:
                total, current = total + current, 0
        elif low in lex.vague:
            return lex.vague[low]
    value = round(total + current)
    return (value, "exact") if value > 0 else None


def _phrase(sent: Span, i: int, lex: QuantityLexicon) -> list[Token]:
    toks = [sent[i]]
    j = i + 1
    while j < len(sent) and _is_number(sent[j], lex) and sent[j].lower_ not in lex.vague:
        # digits and words are one number only with a scale ("2 million", "five 000" is
        # none): "Image 3 of 32 Seven people" is 32, then 7
        digit_then_word = bool(_DIGITS.match(sent[j - 1].text)) != bool(_DIGITS.match(sent[j].text))
        if digit_then_word and sent[j].lower_ not in lex.scales:
            break
        toks.append(sent[j])
        j += 1
    return toks


def _qualifier(sent: Span, first: Token, lex: QuantityLexicon) -> tuple[str, int] | None:
    """A qualifier ending right before the number: ("at_least", start char)."""
    before = [t for t in sent if t.i < first.i][-3:]
    for n in range(len(before), 0, -1):
        words = before[-n:]
        key = " ".join(t.lower_ for t in words)
        if key in lex.qualifiers:
            return lex.qualifiers[key], words[0].idx
    return None


def _noun(last: Token) -> Token | None:
    """The counted noun: the head of a numeric modifier, or "of" + noun for "dozens of"."""
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and last.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return last.head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if last.pos_ == "NUM" and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"):
        return None
    return None


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above the counted words (at most three arcs up)."""
    node = tok
    for _ in range(3):
        if node.dep_ == "relcl" or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.tag_ in ("VBN", "VBD"):
            return node
    return None


def _relcl_verb(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "relcl" and child.pos_ in ("VERB", "AUX"):
            return child
    return None


def _relcl_kind(noun: Token, lex: QuantityLexicon) -> tuple[str | None, bool]:
    """What a relative clause on the counted people says befell them, when the main
    clause says nothing ("the two men who died were identified as ..."); not when they
    act in it ("the two men who killed the guard")."""
    verb = _relcl_verb(noun)
    if verb is None:
        return None, False
    active = any(c.dep_ == "nsubj" for c in verb.children) and verb.tag_ != "VBN"
    if active and verb.lemma_.lower() not in lex.victim_subject_verbs:
        return None, False
    return clause_kind(verb, lex)


def _stronger(a: str | None, b: str | None) -> str | None:
    """Killed beats wounded beats hit beats anything else: one person who was hit and
    died is dead."""
    order = {"killed": 0, "wounded": 1, "hit": 2}
    if a is None or b is None:
        return a or b
    return a if order.get(a, 3) <= order.get(b, 3) else b


def _outcome(tok: Token, lex: QuantityLexicon) -> str | None:
    """An outcome word on ``tok``: "shot dead", "one fatally", "left one man dead"."""
    found = None
    for c in tok.children:
        if c.dep_ in ("oprd", "acomp", "advmod", "xcomp", "conj", "amod") and c.lower_ in lex.outcomes:
            found = _stronger(found, lex.outcomes[c.lower_])
        if c.dep_ == "prep" and c.lower_ in ("with", "to"):  # "with gunshot wounds", "to death",
            for obj in (g for g in c.children if g.dep_ == "pobj"):  # "to the hospital" (hit)
                found = _stronger(found, lex.outcomes.get(obj.lower_))
        if c.dep_ == "prep" and c.lower_ == "in":  # "in critical condition": alive and hurt
            if any(g.dep_ == "pobj" and (g.lemma_.lower() in lex.conditions or lex.outcomes.get(g.lower_) == "hit")
                   for g in c.children):
                found = _stronger(found, "hit")  # may yet die: counted as those hit are
    return found


def _participle(noun: Token, lex: QuantityLexicon) -> str | None:
    """A casualty participle right after the counted people (an adverb may stand
    between), with no object of its own: "left two dead and four others wounded",
    "three other people injured", "one man dead and four seriously wounded"."""
    at = noun.i + 1
    if at < len(noun.doc) and noun.doc[at].tag_ == "RB":
        at += 1
    if at < len(noun.doc) and noun.doc[at].dep_ == "auxpass":  # "six people getting shot"
        at += 1
    if at >= len(noun.doc):
        return None
    after = noun.doc[at]
    if after.tag_ not in ("VBN", "VBD", "JJ") or any(c.dep_ in ("dobj", "obj") for c in after.children):
        return None
    kind = lex.outcomes.get(after.lower_) or lex.verbs.get(after.lemma_.lower())
    if kind in ("killed", "wounded"):
        return kind
    if after.head.i == noun.i and after.tag_ == "VBN":  # "two men shot and killed", "11 others shot"
        told, hit = clause_kind(after, lex)
        return "hit" if hit else told if told in ("killed", "wounded") else None
    return None


def _partitive_whole(counted: Token, lex: QuantityLexicon) -> bool:
    """"two of the four victims died": the four are the whole a part is counted from,
    not the people the clause befell (the part, "two", is counted on its own)."""
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    whole_of = prep.head
    return whole_of.pos_ == "NUM" or _is_number(whole_of, lex) or whole_of.lower_ == "none"


def _whole_hit(whole: Token, lex: QuantityLexicon) -> str | None:
    """The whole of a partitive that a casualty participle tells of ("one of five people
    shot", "one of the five people hospitalized has died"): all of them were hurt, the
    part among them; counted as those hit are (less those who died)."""
    for c in whole.children:
        if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") and not any(d.dep_ in ("dobj", "obj") for d in c.children):
            low = c.lemma_.lower()  # "five people shot", "four teenagers who were struck"
            if low in lex.hit_verbs or lex.verbs.get(low) == "wounded":
                return "hit"
    return None


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _harm(verb: Token, lex: QuantityLexicon) -> str | None:
    """"suffered minor injuries": wounded; "sustained fatal injuries": killed."""
    if verb.lemma_.lower() not in lex.harm_verbs:
        return None
    found = None
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.harms):
        fatal = any(m.lower_ in lex.fatal_words for m in obj.children if m.dep_ in ("amod", "compound"))
        found = _stronger(found, "killed" if fatal else lex.harms[obj.lemma_.lower()])
    return found


def clause_kind(verb: Token, lex: QuantityLexicon) -> tuple[str | None, bool]:
    """What a clause says befell the people it counts, and whether they were only hit:
    an outcome ("dead", "fatally") beats the verb, which beats a conjoined verb without a
    subject of its own ("shot and killed"); a hit verb alone ("were shot") is wounded; a
    harm suffered ("suffered minor injuries") is what the harm says."""
    harm = _harm(verb, lex)
    if harm:
        return harm, False
    outcome = _outcome(verb, lex)
    own = lex.verbs.get(verb.lemma_.lower())
    conj = [lex.verbs.get(c.lemma_.lower()) for c in verb.children  # "shot and killed", not
            if c.dep_ == "conj" and c.pos_ == "VERB" and not _has_subject(c)  # "shot 11 people,
            and not any(d.dep_ == "dobj" for d in c.children)]  # then killed himself"
    if outcome == "killed":
        return "killed", False
    if own:
        return own, False
    if "killed" in conj:
        return "killed", False
    if outcome == "wounded" or any(conj):
        return "wounded" if outcome == "wounded" else next(k for k in conj if k), False
    if verb.lemma_.lower() in lex.hit_verbs or outcome == "hit":
        return "wounded", True
    return None, False


def _acts(counted: Token, verb: Token, lex: QuantityLexicon) -> bool:
    """Is ``counted`` the subject that acts ("two gunmen killed"), not the one hurt
    ("the man died", "five others wounded")?"""
    path = counted
    while path.head.i != verb.i and path.head.i != path.i:
        path = path.head
    if path.head.i != verb.i or path.dep_ != "nsubj":
        return False
    passive_like = (verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
                    or verb.pos_ == "ADJ")  # "found the woman dead": the subject of a state
    return verb.lemma_.lower() not in lex.victim_subject_verbs and not passive_like


def _is_people(noun: Token, lex: QuantityLexicon) -> bool:
    return (noun.lemma_.lower() in lex.people or noun.lower_ in lex.people
            or noun.lemma_.lower() in lex.single_person or noun.ent_type_ == "NORP")


def _kind(noun: Token | None, last: Token, lex: QuantityLexicon) -> tuple[str | None, bool]:
    """What was counted, and whether only hit: the noun's own kind ("4,000 fighters",
    "the dead") unless a casualty clause has them as its victims; a count of anything
    but people ("the 2700 block") is none."""
    noun_kind = lex.nouns.get(noun.lower_) if noun is not None else None
    if noun is not None and noun_kind is None and not _is_people(noun, lex):
        return None, False
    counted = noun if noun is not None else last
    outcome = _outcome(last, lex) or (_outcome(noun, lex) if noun is not None else None) \
        or _participle(counted, lex)
    if outcome == "killed":
        return "killed", False
    own = noun is None or last.head.i == noun.i  # not the whole of "one of the five hurt"
    if outcome == "wounded" and own and noun_kind in (None, "fighters"):  # the people's own
        return "wounded", False  # word beats the clause's: "one dead and four seriously wounded"
    verb = _governing_verb(counted)
    if noun is not None and verb is None:
        verb = _relcl_verb(noun)
    verb_kind, hit = (None, False)
    if verb is not None and not _acts(counted, verb, lex):
        verb_kind, hit = clause_kind(verb, lex)
    if verb_kind is None and noun is not None:
        verb_kind, hit = _relcl_kind(noun, lex)
    if verb_kind and noun_kind in (None, "fighters"):
        return verb_kind, hit
    if noun_kind:
        return noun_kind, False
    if outcome:
        return ("wounded", True) if outcome == "hit" else (outcome, False)
    if noun is not None or _toll(last, lex):
        return (_toll(last, lex) or "people"), False
    return None, False


def _toll(num: Token, lex: QuantityLexicon) -> str | None:
    """"the death toll rose to 12", "the toll stands at 5": the figure a toll reaches."""
    prep = num.head
    if num.dep_ != "pobj" or prep.lower_ not in ("to", "at"):
        return None
    for subj in (c for c in prep.head.children if c.dep_ == "nsubj"):
        words = [c.lower_ for c in subj.children if c.dep_ == "compound"] + [subj.lower_]
        key = " ".join(words)
        if subj.lower_ == "toll" or key in lex.nouns:
            return lex.nouns.get(key) or lex.nouns.get(subj.lower_)
    return None


def _age(sent: Span, toks: list[Token], lex: QuantityLexicon) -> bool:
    """A bare number set off after a person is an age, not a count: "Jane Mora, four,
    was shot", "the victim (19)"."""
    first, last = toks[0], toks[-1]
    if first.i - 2 < sent.start or last.i + 1 >= sent.end:
        return False
    opener, person, closer = sent.doc[first.i - 1], sent.doc[first.i - 2], sent.doc[last.i + 1]
    if (opener.text, closer.text) not in ((",", ","), ("(", ")"), (",", ";"), (",", ".")):
        return False
    return person.ent_type_ == "PERSON" or _is_people(person, lex)


def _counter(sent: Span, toks: list[Token], noun: Token | None, lex: QuantityLexicon) -> bool:
    """A number of a counter or ratio, not of people: "Image 3 of 33", "1 / 33"; a bare
    number in brackets is an age or a note ("(25) shot twice")."""
    first, last = toks[0], toks[-1]
    before = sent.doc[first.i - 1] if first.i > sent.start else None
    after = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
    if (before is not None and before.text == "/") or (after is not None and after.text == "/"):
        return True
    if noun is None and before is not None and after is not None and (before.text, after.text) == ("(", ")"):
        return True
    if before is not None and before.lower_ == "per":
        return True  # "19.3 deaths per 100,000 people": a rate
    if noun is None and before is not None and before.lower_ in ("both", "each"):
        return True  # "Jane and John, both 16": an age
    if "." in first.text and not any(t.lower_ in lex.scales for t in toks):
        return True  # "19.3 deaths per 100,000": a rate
    if any(a.lemma_.lower() in ("age", "aged") for a in list(last.ancestors)[:4]):
        return True  # "three men, ages 25, 26 and 33"
    if noun is not None or before is None or before.lower_ != "of" or first.i - 2 < sent.start:
        return False
    return sent.doc[first.i - 2].like_num  # "3 of 33": the whole of a bare number


_SINGLE_DEPS = ("nsubj", "nsubjpass", "dobj")
_NOT_ONE = {"no", "every", "each", "any", "all", "some"}
_AGE_UNITS = {"year", "month", "week", "day"}
_REFLEXIVE = {"himself", "herself"}


def _aged(tok: Token) -> bool:
    """An age standing for the person: "a 6-year-old was shot", "the 17-year-old died"."""
    return tok.lower_ == "old" and any(c.lower_ in _AGE_UNITS for c in tok.children)


def _person(tok: Token, lex: QuantityLexicon) -> bool:
    if tok.tag_ == "PRP":
        return tok.lower_ in ("he", "she", "him", "her")
    if _aged(tok):
        return True
    if tok.ent_type_ == "PERSON":
        return tok.pos_ == "PROPN" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return tok.tag_ == "NN" and tok.lemma_.lower() in lex.single_person


def _fate_of(tok: Token, lex: QuantityLexicon) -> str | None:
    """"the death of his son": what the noun governing "of" + ``tok`` says befell it; a
    happening that hits, told fatal ("the fatal shooting of a girl"), killed."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or not _person(tok, lex):
        return None
    if any(c.dep_ == "nummod" or c.lower_ in _NOT_ONE for c in tok.children):
        return None
    noun = prep.head
    if lex.multiple_nouns.get(noun.lemma_.lower()) == "hit" and any(  # "the fatal shooting of a girl"
            c.dep_ == "amod" and c.lower_ in lex.fatal_words for c in noun.children):
        return "killed"
    return lex.fate_nouns.get(noun.lemma_.lower())


def _told_of(tok: Token, lex: QuantityLexicon) -> tuple[str | None, bool]:
    """One person a casualty participle tells of, wherever the person stands in the
    clause: "reports of a 4-year-old shot dead", "the body of a man killed on Friday"."""
    if tok.dep_ in _SINGLE_DEPS or not _person(tok, lex) or tok.tag_ == "PRP":
        return None, False
    if any(c.dep_ == "nummod" or c.lower_ in _NOT_ONE for c in tok.children):
        return None, False
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            kind, hit = clause_kind(c, lex)
            if kind in ("killed", "wounded"):
                return kind, hit
    return None, False


def _single(tok: Token, lex: QuantityLexicon) -> bool:
    """One person named as such: "a 17-year-old boy", "the man", "a second victim",
    "John Smith", "he"."""
    if tok.dep_ not in _SINGLE_DEPS or (tok.head.pos_ not in ("VERB", "AUX") and tok.head.lower_ not in lex.outcomes):
        return False
    if any(c.dep_ == "nummod" or c.lower_ in _NOT_ONE for c in tok.children):
        return False
    if tok.tag_ == "PRP":  # "the boy shot himself": the one who acts is the one hurt
        return tok.lower_ in ("he", "she") or (tok.dep_ == "dobj" and tok.lower_ in _REFLEXIVE)
    if _aged(tok):
        return True
    if tok.lower_ == "another" and tok.pos_ == "PRON":  # "two died and another was wounded"
        return True
    if one_more_word(tok, lex.one_more):  # "three were shot and the fourth was grazed"
        return True
    if tok.ent_type_ == "PERSON":
        return tok.pos_ == "PROPN" and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return tok.tag_ == "NN" and tok.lemma_.lower() in lex.single_person


def _one_more(tok: Token, lex: QuantityLexicon, first: Token) -> bool:
    """A person beside ``first`` in a list; a proper name beside a person's name is a
    person too, whatever the tagger took it for ("Dale Hubbard, Kevin Moore and Tyrell
    Banks were struck": the last tagged a company)."""
    if tok.lemma_.lower() in lex.single_person or tok.ent_type_ == "PERSON" or _aged(tok):
        return True
    return first.ent_type_ == "PERSON" and first.pos_ == "PROPN" and tok.pos_ == "PROPN"


def _singles(sent: Span, lex: QuantityLexicon) -> list[QuantityCandidate]:
    out = []
    for tok in sent:
        fate = _fate_of(tok, lex)
        kind: str | None
        told, told_hit = _told_of(tok, lex)
        if fate is not None:
            kind, hit = fate, False
        elif told is not None:
            kind, hit = told, told_hit
        elif not _single(tok, lex) or _acts(tok, tok.head, lex):
            continue
        else:
            kind, hit = clause_kind(tok.head, lex)
            # "found the girl dead" (the girl's own word, or the one she is subject of),
            # "a man with gunshot wounds"
            own = _stronger(_outcome(tok, lex), lex.outcomes.get(tok.head.lower_) if tok.head.pos_ == "ADJ" else None)
            if own == "killed" or (own and kind is None):
                kind, hit = ("wounded", True) if own == "hit" else (own, False)
            hit = hit and not _also(tok.head)
        if kind not in ("killed", "wounded", "arrested") or _unrealised(tok.head, lex):
            continue
        same = [c for c in (*tok.conjuncts, *listed(tok)) if c.i > tok.i
                and not any(d.dep_ == "nummod" for d in c.children) and _one_more(c, lex, tok)]
        last = max([tok, *same], key=lambda t: t.i)
        start, end = tok.left_edge.idx, last.idx + len(last.text)
        if tok.left_edge.i < sent.start:
            start = tok.idx
        out.append(QuantityCandidate(kind, 1 + len(same), "exact",
                                     TextSpan(doc_text(sent.doc)[start:end], start, end),
                                     token_i=tok.i, extra={"hit": "yes"} if hit else {}))
    return out


def _unrealised(verb: Token, lex: QuantityLexicon) -> bool:
    """"vowed to kill the governor", "tried to shoot a guard": no one befell it."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.unrealised


def _net_of_dead(found: list[QuantityCandidate]) -> list[QuantityCandidate]:
    """Those hit less those who died are the wounded: one sentence's distinct victims."""
    dead = max((q.value for q in found if q.kind == "killed"), default=0)
    if not dead:
        return found
    out = []
    for q in found:
        if q.extra.get("hit") and q.kind == "wounded":
            if q.value <= dead:
                continue
            q = QuantityCandidate(q.kind, q.value - dead, q.qualifier, q.span, q.token_i,
                                  {**q.extra, "less_dead": str(dead)})
        out.append(q)
    return out


def _tally(verb: Token, lex: QuantityLexicon) -> bool:
    """A count over many happenings or a stretch of time, not one event's: "21 people
    were shot in shootings across the city", "killed in attacks this week", "four
    people have been shot since May", "gun violence has killed thousands"."""
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("since", "across"):
                return True
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
                return True  # "since the initiative was launched"
            if c.dep_ == "prep" and c.lower_ in ("in", "over", "during", "within") and _stretch(c):
                return True  # "killed in the past four days"
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "from"):
                if any(g.dep_ == "pobj" and g.lemma_.lower() in lex.tally_nouns
                       and (g.tag_ == "NNS" or g.lemma_.lower() == "violence") for g in c.children):
                    return True
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() == "violence":
                return True
            if c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "month", "week", "weekend") \
                    and any(d.lower_ in ("this", "last", "past") for d in c.children):
                return True
    return False


_SPANS = {"day", "week", "month", "year", "decade"}
_SPAN_MODS = {"past", "last", "previous", "recent"}


def _over_time(counted: Token) -> bool:
    """A tally told on the counted people themselves: "thousands since Sandy Hook",
    "dozens across the region"."""
    return any(c.dep_ == "prep" and c.lower_ in ("since", "across")
               for t in (counted, *counted.conjuncts) for c in t.children)


def _stretch(prep: Token) -> bool:
    """"in the past four days", "over the last two weeks": a stretch of time."""
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _SPANS
               and any(m.lower_ in _SPAN_MODS for m in g.children) for g in prep.children)


def _also(verb: Token) -> bool:
    """"two men were also shot": people beside those already told."""
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)


def _other(noun: Token | None) -> bool:
    """"three other people", "five others": people beside those already told, never
    the dead of the same happening counted again."""
    return noun is not None and (noun.lower_ == "others" or any(
        c.lower_ == "other" and c.dep_ in ("amod", "det") for c in noun.children))


def _joined(found: list[tuple[QuantityCandidate, Token | None]]) -> list[QuantityCandidate]:
    """Counts of conjoined people are one group: "three men and three women injured" is
    6 wounded, "two adults and four children dead" 6 killed; the group takes the kind
    one of them has when the other is only "people"."""
    out: list[tuple[QuantityCandidate, Token | None]] = []
    for q, noun in found:
        prev = out[-1] if out else None
        between = doc_text(noun.doc)[prev[0].span.end:q.span.start] if prev is not None and noun is not None else ""
        if (prev is not None and noun is not None and prev[1] is not None and noun.dep_ == "conj"
                and noun.head.i == prev[1].i and between.strip() == "and"
                and (q.kind == prev[0].kind or "people" in (q.kind, prev[0].kind))):
            a = prev[0]
            kind = a.kind if q.kind == "people" else q.kind
            start, end = a.span.start, max(a.span.end, q.span.end)
            text = doc_text(noun.doc)[start:end]
            qualifier = a.qualifier if a.qualifier == q.qualifier else "about"
            out[-1] = (QuantityCandidate(kind, a.value + q.value, qualifier, TextSpan(text, start, end),
                                         token_i=a.token_i, extra={**a.extra, **q.extra}), noun)
            continue
        out.append((q, noun))
    return [q for q, _ in out]


def _with_single(numeric: list[tuple[QuantityCandidate, Token | None]], one: QuantityCandidate,
                 sent: Span) -> tuple[list[tuple[QuantityCandidate, Token | None]], bool]:
    """"a man and two women were killed": the one person joins the conjoined count (3)."""
    assert one.token_i is not None
    near = {c.i for c in sent.doc[one.token_i].conjuncts}
    out, joined = [], False
    for q, noun in numeric:
        if not joined and noun is not None and noun.i in near and q.kind in (one.kind, "people"):
            start, end = min(q.span.start, one.span.start), max(q.span.end, one.span.end)
            q = QuantityCandidate(one.kind, q.value + one.value, q.qualifier,
                                  TextSpan(doc_text(sent.doc)[start:end], start, end),
                                  token_i=min(q.token_i or one.token_i, one.token_i),
                                  extra={**q.extra, **one.extra})
            joined = True
        out.append((q, noun))
    return out, joined


def _multiples(sent: Span, lex: QuantityLexicon) -> list[QuantityCandidate]:
    """"a double homicide" is 2 killed, "a triple shooting" 3 hit."""
    out = []
    for tok in sent:
        value = lex.multiples.get(tok.lower_)
        head = tok.head
        kind = lex.multiple_nouns.get(head.lemma_.lower()) if value and head.i > tok.i else None
        if kind is None or value is None:
            continue
        start, end = tok.idx, head.idx + len(head.text)
        hit = kind == "hit"
        out.append(QuantityCandidate("wounded" if hit else kind, value, "exact",
                                     TextSpan(doc_text(sent.doc)[start:end], start, end),
                                     token_i=tok.i, extra={"hit": "yes"} if hit else {}))
    return out


def find_quantities(sent: Span, lex: QuantityLexicon) -> list[QuantityCandidate]:
    """Every count of people in a sentence, with kind, value, qualifier and span."""
    numeric: list[tuple[QuantityCandidate, Token | None]] = []
    i = 0
    while i < len(sent):
        tok = sent[i]
        if not _is_number(tok, lex) or (tok.lower_ in lex.scales and tok.lower_ not in lex.number_words):
            i += 1
            continue
        toks = _phrase(sent, i, lex)
        i += len(toks)
        after = toks[-1].i + 1
        if after < sent.end and sent.doc[after].lower_ in lex.not_counts:  # "4 o'clock", "10 p.m."
            continue
        val = _value(toks, lex)
        noun = _noun(toks[-1])
        if noun is None and _age(sent, toks, lex):
            continue
        if _counter(sent, toks, noun, lex):
            continue
        kind: str | None
        whole = toks[-1] if noun is None else noun if toks[-1].head.i == noun.i else None
        if whole is not None and _partitive_whole(whole, lex):
            if noun is None or not _whole_hit(noun, lex):
                continue
            kind, hit = "wounded", True
        else:
            kind, hit = _kind(noun, toks[-1], lex)
        if val is None or kind is None:
            continue
        value, qualifier = val
        qual = _qualifier(sent, toks[0], lex)
        start = qual[1] if qual else toks[0].idx
        if qual:
            qualifier = qual[0]
        end_tok = noun if noun is not None and noun.i > toks[-1].i else toks[-1]
        selves = [c for c in end_tok.conjuncts if c.i > end_tok.i and not any(d.dep_ == "nummod" for d in c.children)
                  and (c.lower_ in _REFLEXIVE or (c.tag_ == "NN" and c.lemma_.lower() in lex.single_person))]
        if selves and kind in ("killed", "wounded"):  # "killed four classmates and himself": 5,
            # "two women and a man were wounded": 3
            value, end_tok = value + len(selves), selves[-1]
        end = end_tok.idx + len(end_tok.text)
        text = doc_text(sent.doc)[start:end]
        verb = _governing_verb(noun if noun is not None else toks[-1])
        counted = noun if noun is not None else toks[-1]
        if kind in ("killed", "wounded") and not _toll(toks[-1], lex) and (
                (verb is not None and _tally(verb, lex)) or _over_time(counted)):
            continue
        hit = hit and not _other(noun) and not (verb is not None and _also(verb))
        numeric.append((QuantityCandidate(kind, value, qualifier, TextSpan(text, start, end),
                                          token_i=toks[0].i, extra={"hit": "yes"} if hit else {}), noun))
    singles = []
    for one in _singles(sent, lex):
        numeric, joined = _with_single(numeric, one, sent)
        if not joined:
            singles.append(one)
    out = _joined(numeric)
    out.extend(singles)
    out.extend(_multiples(sent, lex))
    out.sort(key=lambda q: q.span.start)
    return with_killer(_net_of_dead(one_more_joined(out, sent, lex.one_more)), sent, lex.self_death, lex.killing)

