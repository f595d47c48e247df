"""Runs of words inside quotation marks, paragraph by paragraph (text only, no parse).

Curly (“ ”), straight ("), guillemets (« ») and low-high („ “) marks. Single marks are nested
quotes or apostrophes and stay inside the outer run. A paragraph whose last quote is left open
continues into the next paragraph when that one opens with a mark (the news convention for a
quote over several paragraphs); any other unbalanced paragraph yields no straight-mark quote
rather than a guess, and never spoils the paragraphs after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hemiwatch.models import Span

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_TRIM = " \t\n,;:"


@dataclass(frozen=True)
class QuoteRun:
    """One unbroken run inside marks: `span` is the content (marks excluded)."""

    span: Span
    paragraph: int
    continues: bool = False  # left open: the quote goes on in the next paragraph
    continued: bool = False  # this run is the continuation of the previous paragraph's quote


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
        found, open_at = _scan(para)
        continued = carry
        carry = False
        if open_at is not None:
            nxt = text[paras[p_index + 1][0] :].lstrip()[:1] if p_index + 1 < len(paras) else ""
            if nxt and nxt == para[open_at - 1]:
                found.append((open_at, len(para), True))
                carry = True
            elif para[open_at - 1] == '"':
                found = [f for f in found if para[f[0] - 1] != '"']  # unbalanced straight marks
        for i, (a, b, opened) in enumerate(found):
            span = _trim(text, start + a, start + b)
            if span is not None:
                runs.append(
                    QuoteRun(span, p_index, continues=opened, continued=continued and i == 0)
                )
    return runs


def _scan(para: str) -> tuple[list[tuple[int, int, bool]], int | None]:
    """Closed runs as (content start, content end, False), and where an unclosed run opens."""
    found: list[tuple[int, int, bool]] = []
    closer: str | None = None
    opened = 0
    for i, ch in enumerate(para):
        if closer is None:
            if ch in OPENERS and not (ch == '"' and _is_inch_mark(para, i)):
                closer, opened = OPENERS[ch], i + 1
        elif ch == closer or (closer == "“" and ch == "”"):
            found.append((opened, i, False))
            closer = None
    return found, (opened if closer is not None else None)


def _is_inch_mark(para: str, i: int) -> bool:
    return i > 0 and para[i - 1].isdigit() and (i + 1 == len(para) or not para[i + 1].isalpha())


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return (a, b) if b > a and any(ch.isalnum() for ch in text[a:b]) else None
