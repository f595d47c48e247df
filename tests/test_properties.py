"""Property tests (hypothesis): on any text, only hemiwatch's own errors escape, and every span
lies inside the text. `make fuzz` runs these longer (HYPOTHESIS_PROFILE=long) and atheris."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemiwatch.config import Settings
from hemiwatch.errors import HemiwatchError, IngestError
from hemiwatch.extract import extract_dateline
from hemiwatch.ingest import read_bytes
from hemiwatch.models import Article
from hemiwatch.pipeline import analyze
from tests.test_robustness import _spans

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# News-like pieces, so the parser meets quotes, numbers and datelines, plus any character.
PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", ",", ".", " said ", " told reporters", " he ", " She ",
    "up to ", "more than ", "5,500 ", "7.500 ", "$40 million ", "troops ", "Venezuela ",
    "Admiral Tomas Ferreira", "PORT AUREL, May 2 (Sample Wire) - ", "\n\n", " - ", "(", ")",
    "the coast guard", " seized ", "cocaine", " 12 ", "percent", "Caracas", "1.2 tonnes",
])  # fmt: skip
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@given(NEWSY)
def test_dateline_never_breaks(text: str) -> None:
    found = extract_dateline(text, None)
    if found is not None:
        assert 0 <= found.span[0] <= found.span[1] <= len(text)


@given(NEWSY)
def test_analysis_spans_lie_inside_the_text(text: str) -> None:
    try:
        facts = analyze(Article(id="p", title="", text=text))
    except HemiwatchError:
        return
    for span in _spans(facts):
        assert 0 <= span[0] <= span[1] <= len(text), (span, text)
    for quote in facts.quotes:
        assert quote.text.strip()


HTML = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "</div>",
                "<script>",
                "</script>",
                "<!--",
                "-->",
                "<html>",
                "<body>",
                "<article>",
                "<h1>",
                "&amp;",
                "&#0;",
                "<",
                ">",
                "<title>",
                "</title>",
                "\x00",
            ]
        ),
        PIECES,
        st.text(max_size=6),
    ),
    max_size=40,
).map("".join)


@given(HTML)
def test_html_ingest_gives_an_article_or_a_clear_error(page: str) -> None:
    try:
        article = read_bytes(page.encode("utf-8", "surrogatepass"), "p.html", "p", "html",
                             Settings())  # fmt: skip
    except IngestError as exc:
        assert exc.reason
        return
    except UnicodeEncodeError:
        return
    assert article.text.strip()
