"""Runs of words inside quotation marks, paragraph by paragraph (text only, no parse).

Curly (“ ”), straight ("), doubled single (''), guillemets (« ») and low-high („ “) marks; a
closing mark turned the wrong way (”…”) in aggregator copy; and single marks used as quotation
marks (‘…’, '…' in wire copy) when no double mark is open and they cannot be apostrophes
(“the Biden Administration’s” has a letter on both sides). Single marks inside a double-marked
run are a nested quote and stay inside it. A paragraph whose last quote is left open continues
into the next paragraph when that one opens with a mark (the news convention for a quote over
several paragraphs); any other unbalanced paragraph yields no straight-mark quote rather than a
guess, and never spoils the paragraphs after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hemiwatch.models import Span

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
SINGLES = {"‘": "’", "'": "'"}
_TRIM = " \t\n,;:"


@dataclass(frozen=True)
class QuoteRun:
    """One unbroken run inside marks: `span` is the content (marks excluded)."""

    span: Span
    paragraph: int
    continues: bool = False  # left open: the quote goes on in the next paragraph
    continued: bool = False  # this run is the continuation of the previous paragraph's quote
    single: bool = False  # in single marks (‘…’): a label or a quote, the attribution decides


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: text between blank lines."""
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def find_quote_runs(text: str) -> list[QuoteRun]:
    runs: list[QuoteRun] = []
    paras = paragraphs(text)
    carry = False
    for p_index, (start, end) in enumerate(paras):
        para = text[start:end]
        found, open_at, opener = _scan(para)
        continued = carry
        carry = False
        if open_at is not None:
            nxt = text[paras[p_index + 1][0] :].lstrip()[:1] if p_index + 1 < len(paras) else ""
            if nxt and (nxt == opener or (opener == "”" and nxt in "“”")):
                found.append((open_at, len(para), True))
                carry = True
            elif opener == '"':
                found = [f for f in found if para[f[0] - 1] != '"']  # unbalanced straight marks
        singles = [] if open_at is not None and not carry else _singles(para, found)
        for i, (a, b, opened) in enumerate(sorted(found + singles)):
            span = _trim(text, start + a, start + b)
            if span is not None:
                runs.append(
                    QuoteRun(
                        span,
                        p_index,
                        continues=opened,
                        continued=continued and i == 0 and not para[: a - 1].strip(),
                        single=(a, b, opened) in singles,
                    )
                )
    return runs


def _scan(para: str) -> tuple[list[tuple[int, int, bool]], int | None, str]:
    """Closed runs as (content start, content end, False), where an unclosed run opens, and
    its opening mark."""
    found: list[tuple[int, int, bool]] = []
    closer: str | None = None
    opened, opener = 0, ""
    i = 0
    while i < len(para):
        ch = para[i]
        doubled = para[i : i + 2] == "''"
        if closer is None:
            if doubled and _opens(para, i, 2):
                closer, opened, opener = "''", i + 2, "''"
                i += 2
                continue
            if ch in OPENERS and not (ch == '"' and _is_inch_mark(para, i)):
                closer, opened, opener = OPENERS[ch], i + 1, ch
            elif ch == "”" and _opens(para, i, 1):
                closer, opened, opener = "”", i + 1, "”"  # a closing mark used as the opener
        elif closer == "''" and doubled:
            found.append((opened, i, False))
            closer = None
            i += 2
            continue
        elif ch == closer or (closer == "“" and ch == "”") or (closer == "”" and ch == "“"):
            found.append((opened, i, False))
            closer = None
        i += 1
    return found, (opened if closer is not None else None), opener


def _opens(para: str, i: int, width: int) -> bool:
    """A mark at the start of the paragraph or after a space or bracket, before a word."""
    before = para[i - 1] if i > 0 else " "
    after = para[i + width] if i + width < len(para) else " "
    return (before.isspace() or before in "([—–-") and (after.isalpha() or after in "[¿¡.")


def _singles(para: str, doubles: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Runs in single marks outside every double-marked run: an opening mark after a space or
    bracket and before a word, closed by the same kind of mark before a space or punctuation
    (not an apostrophe: "Administration’s", "rock 'n' roll" need words of three or more)."""
    inside = [(a - 1, b + 1) for a, b, _ in doubles]
    out: list[tuple[int, int, bool]] = []
    i = 0
    while i < len(para):
        ch = para[i]
        if ch in SINGLES and _opens(para, i, 1) and not any(a <= i < b for a, b in inside):
            close = _single_close(para, i + 1, SINGLES[ch])
            clear = close is not None and not any(a <= close < b for a, b in inside)
            if close is not None and clear and para[i + 1 : close].strip():
                out.append((i + 1, close, False))
                i = close + 1
                continue
        i += 1
    return out


def _single_close(para: str, start: int, mark: str) -> int | None:
    """The closing single mark of a run opened at `start`, within the paragraph's sentence
    span: one with no letter after it."""
    for j in range(start + 1, len(para)):
        ch = para[j]
        if ch in '“”«»"':
            return None
        if ch == mark or (mark == "’" and ch == "'"):
            after = para[j + 1] if j + 1 < len(para) else " "
            if not after.isalnum() and not para[j - 1].isspace():
                return j
    return None


def _is_inch_mark(para: str, i: int) -> bool:
    return i > 0 and para[i - 1].isdigit() and (i + 1 == len(para) or not para[i + 1].isalpha())


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if b > a and any(ch.isalnum() for ch in text[a:b]) else None
