"""Files -> Article, and clear errors for what is not an article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hemiwatch.config import Settings
from hemiwatch.errors import IngestError, UnreadableInput
from hemiwatch.ingest import find_inputs, read_article

HTML = """<!doctype html><html><head><title>Coast guard widens patrols | Sample Gazette</title>
<meta property="og:site_name" content="Sample Gazette">
<meta property="article:published_time" content="2026-04-02T10:00:00Z"></head>
<body><nav>Home | World | Sport | Subscribe now</nav>
<article><h1>Coast guard widens patrols</h1>
<p>KINGSTON, April 2 (Sample Gazette) - The coast guard will widen its patrols after a rise in
smuggling along the southern coast, Commander Elise Nairn said on Thursday.</p>
<p>"We are adding four cutters and two aircraft to the night rotation," Nairn said at a briefing,
adding that the patrols would run through the hurricane season.</p>
<p>Officials said the additional crews were trained in a joint program with regional partners.</p>
</article><footer>Copyright Sample Gazette. All rights reserved. Cookie settings.</footer>
</body></html>"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_first_line_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", "A headline\n\nFirst paragraph.\n\nSecond one.\n")
    article = read_article(path)
    assert (article.id, article.title, article.text) == (
        "story",
        "A headline",
        "First paragraph.\n\nSecond one.",
    )


def test_corpus_json(tmp_path: Path) -> None:
    data = {"id": "x1", "title": "T", "text": "Body.", "published": "2026-01-05", "source": "S"}
    article = read_article(write(tmp_path, "a.json", json.dumps(data)))
    assert article.id == "x1" and str(article.published) == "2026-01-05"


def test_html_strips_boilerplate_and_finds_the_date(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "page.html", HTML))
    assert "four cutters" in article.text
    assert "Subscribe" not in article.text and "Cookie" not in article.text
    assert str(article.published) == "2026-04-02"
    assert article.title.startswith("Coast guard widens patrols")


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "u16.txt", "Título\n\nCuerpo del artículo.".encode("utf-16"))
    assert read_article(path).title == "Título"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"Title\n\nCaf\xe9 con leche \x81\x8d", "not valid UTF-8"),
        (bytes(range(128, 256)) * 4, "not valid UTF-8"),
    ],
)
def test_unreadable_inputs_say_why(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableInput, match=reason):
        read_article(write(tmp_path, "bad.txt", data))


def test_legacy_latin_text_is_read_as_windows_1252(tmp_path: Path) -> None:
    data = "Título\n\nLa Armada incautó 40 kilos de cocaína “ayer”.".encode("cp1252")
    article = read_article(write(tmp_path, "legacy.txt", data))
    assert article.title == "Título" and "cocaína “ayer”" in article.text


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(UnreadableInput, match="too large"):
        read_article(path, Settings())


def test_bad_json_says_where(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="invalid JSON"):
        read_article(write(tmp_path, "x.json", '{"id": "x", "text": '))
    with pytest.raises(UnreadableInput, match="no 'text'"):
        read_article(write(tmp_path, "y.json", '{"id": "y"}'))


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path, "notes.md", "# not an article")
    with pytest.raises(IngestError, match="no articles found"):
        find_inputs(tmp_path)


def test_corpus_folder_reads_its_articles_dir(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    write(tmp_path / "articles", "a.json", '{"id": "a", "text": "x"}')
    write(tmp_path / "gold", "a.json", '{"countries": []}')
    assert [p.name for p in find_inputs(tmp_path)] == ["a.json"]
