"""PolNeAR scoring: brat standoff read right, annotator duplicates resolved, and the
overlap rule, on a small article written for this test (no gold text)."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.polnear import Tally, article_files, figures, read_article, score_article
from eventwire.model import Actor, Article, ArticleDoc, Quote

TEXT = ("Mayor Lina Park said the new bridge will open in May. "
        "\u201cWe are ready,\u201d she added. The council disagrees.\n")


def _write(tmp: Path) -> Path:
    split = tmp / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "city.txt").write_text(TEXT, encoding="utf-8")
    said = TEXT.index("said")
    content = TEXT.index("the new bridge")
    quote = TEXT.index("We are")
    she = TEXT.index("she")
    ann = "\n".join([
        f"T1\tSource {0} {15}\tMayor Lina Park",
        f"T2\tCue {said} {said + 4}\tsaid",
        f"T3\tContent {content} {content + 9};{content + 10} {TEXT.index('in May') + 6}\tx",
        "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1",
        f"T4\tSource {she} {she + 3}\tshe",
        f"T5\tContent {quote - 1} {quote + 14}\t\u201cWe are ready,\u201d",
        "E2\tAttribution:T8 Content:T5 Source:T4",
    ])
    (split / "attributions" / "city_bbbb.ann").write_text(ann, encoding="utf-8")
    (split / "attributions" / "city_aaaa.ann").write_text(ann, encoding="utf-8")
    return split


def test_reads_brat_and_picks_one_annotator(tmp_path: Path) -> None:
    split = _write(tmp_path)
    files = article_files(split)
    assert [a.name for _, a in files] == ["city_aaaa.ann"]
    gold = read_article(*files[0])
    first, second = gold.attributions
    assert len(first.content) == 2  # a discontinuous content keeps both pieces
    assert first.source_text == "Mayor Lina Park"
    assert second.source_text == "she" and second.referent_text == "Mayor Lina Park"


def test_overlap_rule_and_pronoun_source(tmp_path: Path) -> None:
    gold = read_article(*article_files(_write(tmp_path))[0])
    mayor = Actor(name="Lina Park", text="Mayor Lina Park", start=0, end=15, kind="person")
    bridge = TEXT.index("the new bridge")
    quote = TEXT.index("We are")
    wrong = TEXT.index("The council")
    doc = ArticleDoc(
        article=Article(id="city", text=TEXT),
        quotes=(
            Quote(speaker=mayor, text=TEXT[bridge:bridge + 14], start=bridge, end=bridge + 14, direct=False),
            Quote(speaker=mayor, text="We are ready", start=quote, end=quote + 12),
            Quote(speaker=None, text="The council disagrees", start=wrong, end=wrong + 21, direct=False),
        ),
    )
    tally = Tally()
    score_article(gold, doc, tally)
    f = figures(tally)
    # "the new bridge" is 3 of the content's 7 tokens: under half, not found
    assert f["content_recall"] == 0.5 and f["quoted_recall"] == 1.0 and f["paraphrase_recall"] == 0.0
    assert f["source"] == 1.0  # "she" resolved to the mayor, and the product names her
    assert f["quote_precision"] == round(2 / 3, 3)


def test_a_relative_pronoun_source_stands_for_the_words_it_follows() -> None:
    from eventwire.evaluate.polnear import antecedent

    text = "The plan was backed by the farmers' union, which said it would help."
    assert antecedent(text, text.index("which")) == "backed by the farmers' union"  # five words back
    text = "Aid came from Dr. Amal Noor and Mr. Idris Bello, who flew in (with the convoy) on Friday."
    assert antecedent(text, text.index("who")) == "Noor and Mr. Idris Bello"


def test_a_pronoun_source_is_not_resolved_to_a_relative_pronoun() -> None:
    from eventwire.evaluate.polnear import _with_referents

    text = "Dr. Amal Noor wrote a report, which warned of floods. He said the dams were weak."
    span = lambda words: ((text.index(words), text.index(words) + len(words)),)  # noqa: E731
    gold = [(span("of floods"), span("Dr. Amal Noor"), span("wrote")),
            (span("of floods"), span("which"), span("warned")),
            (span("the dams were weak"), span("He"), span("said"))]
    he = list(_with_referents(text, gold))[2]
    assert he.referent_text == "Dr. Amal Noor"
