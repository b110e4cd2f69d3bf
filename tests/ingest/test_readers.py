"""Ingest: formats, boilerplate, stable ids, and bad input as one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputError,
    MalformedInputError,
    NotEnglishInputError,
)
from eventwire.ingest.readers import article_id, read_path
from eventwire.model import Article

STORY = (
    "Floods cut road to northern town\n\n"
    "Floods cut road to northern town\n"
    "© Reuters\n\n"
    "Heavy rain washed away the only road to the town on Monday, officials said, "
    "leaving thousands of residents without supplies for the third day in a row.\n"
)


def _one(path: Path) -> Article | InputError:
    items = list(read_path(path))
    assert len(items) == 1
    return items[0]


def test_plain_text_headline_and_boilerplate(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(STORY, encoding="utf-8")
    art = _one(f)
    assert isinstance(art, Article)
    assert art.title == "Floods cut road to northern town"
    marked = [art.text[a:b] for a, b in art.boilerplate]
    assert marked == ["Floods cut road to northern town", "© Reuters"]
    assert art.text == STORY  # offsets index the file's own text
    assert art.text[art.body_start:].lstrip().startswith("Floods cut road")


def test_seed_boilerplate(seed_path: Path) -> None:
    art = _one(seed_path)
    assert isinstance(art, Article)
    marked = [art.text[a:b] for a, b in art.boilerplate]
    assert "© Getty" in marked
    assert marked.count(art.title) == 1


def test_id_is_stable_content_hash(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY, encoding="utf-8")
    b.write_text(STORY.replace("\n\n", "\n \n"), encoding="utf-8")
    ida, idb = _one(a), _one(b)
    assert isinstance(ida, Article) and isinstance(idb, Article)
    assert ida.id == idb.id == article_id(STORY)


def test_html_via_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["Rebels shelled the airport on Sunday, the army said in a statement."] * 4)
    html = (
        "<html><head><title>Shelling hits airport</title>"
        '<meta property="article:published_time" content="2021-05-02T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Shelling hits airport</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright</footer></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    art = _one(f)
    assert isinstance(art, Article)
    assert art.title == "Shelling hits airport"
    assert "Rebels shelled the airport" in art.text
    assert "Home | World" not in art.text
    assert art.published is not None and art.published.isoformat() == "2021-05-02"


def test_jsonl_fields_and_bad_line(tmp_path: Path) -> None:
    good = {"text": STORY.split("\n", 3)[3], "title": "Floods", "published": "2020-02-03",
            "url": "https://example.org/a", "outlet": "Example"}
    f = tmp_path / "batch.jsonl"
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    items = list(read_path(f))
    assert isinstance(items[0], Article)
    assert items[0].published is not None and items[0].published.isoformat() == "2020-02-03"
    assert items[0].outlet == "Example" and items[0].text == good["text"]
    assert isinstance(items[1], MalformedInputError) and str(items[1]).startswith(f"{f}:2:")
    assert isinstance(items[2], MalformedInputError) and '"text"' in str(items[2])


def test_rss_feed(tmp_path: Path) -> None:
    text = "Troops clashed with militants near the border on Tuesday, the army said in a statement issued late at night."
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>Clashes</title><link>https://example.org/c</link><description>{text}</description>"
        "<pubDate>Tue, 04 Feb 2020 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    f = tmp_path / "wire.rss"
    f.write_text(feed, encoding="utf-8")
    art = _one(f)
    assert isinstance(art, Article)
    assert art.title == "Clashes" and art.outlet == "Wire"
    assert "militants near the border" in art.text
    assert art.published is not None and art.published.isoformat() == "2020-02-04"


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", EmptyInputError, "empty"),
        (b"   \n\n  ", EmptyInputError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), BinaryInputError, "binary"),
        (b"Officials said \x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d\xff\xfe\xfd the talks failed.",
         EncodingInputError, "undecodable"),
        ("Die Regierung hat am Montag in der Hauptstadt neue Gespräche mit den Rebellen "
         "über einen Waffenstillstand begonnen, teilte das Ministerium mit.".encode(),
         NotEnglishInputError, "not English"),
    ],
)
def test_bad_input_is_one_line_error_naming_file(tmp_path: Path, content: bytes, error: type, words: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    item = _one(f)
    assert isinstance(item, error)
    msg = str(item)
    assert msg.startswith(str(f)) and words in msg and "\n" not in msg


def test_malformed_feed(tmp_path: Path) -> None:
    f = tmp_path / "broken.rss"
    f.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    item = _one(f)
    assert isinstance(item, MalformedInputError) and str(item).startswith(str(f))


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    text = "Protest in Bogotá\n\nProtesters gathered in Bogotá on Monday to demand the release of détenus, police said."
    f.write_bytes(text.encode("latin-1"))
    art = _one(f)
    assert isinstance(art, Article) and "Bogotá" in art.text
