"""Dateline: "Washington, Dec 20 (NationPress)" -> place, date (year from `published`), outlet."""

from __future__ import annotations

import re
from datetime import date

from hemiwatch.models import Dateline

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january", "ene", "enero"),
            ("feb", "february", "febrero"),
            ("mar", "march", "marzo"),
            ("apr", "april", "abr", "abril"),
            ("may", "mayo"),
            ("jun", "june", "junio"),
            ("jul", "july", "julio"),
            ("aug", "august", "ago", "agosto"),
            ("sep", "sept", "september", "septiembre", "setiembre"),
            ("oct", "october", "octubre"),
            ("nov", "november", "noviembre"),
            ("dec", "december", "dic", "diciembre"),
        ],
        start=1,
    )
    for m in names
}

_MONTH_DAY = r"[A-Za-z]{3,9}\.?\s+\d"
_PLACE = (
    r"(?P<place>[A-ZÁÉÍÓÚÑÜ][\w.'’ -]{1,40}?"
    rf"(?:,\s*(?!{_MONTH_DAY})[A-ZÁÉÍÓÚÑ][\w.'’ -]{{1,30}}?)?)"
)
_DATE = (
    r"(?P<date>(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})\s+(?:de\s+)?(?P<m2>[A-Za-záéíóú]{3,10})\.?)(?:,?\s+(?P<year>\d{4}))?"
)
_OUTLET = r"\((?P<outlet>[^()\n]{2,60})\)"
DATELINE = re.compile(
    rf"\A\s*{_PLACE}(?:,\s*{_DATE})?\s*{_OUTLET}?\s*(?:[-–—:.]+\s*|\s+)(?=\S)", re.UNICODE
)


def extract_dateline(text: str, published: date | None) -> Dateline | None:
    """The dateline at the start of the text, if the first line has one."""
    first = text[: text.find("\n")] if "\n" in text else text
    m = DATELINE.match(first)
    if not m or not (m.group("date") or m.group("outlet")):
        return None
    place = m.group("place").strip()
    if not m.group("date") and not place.isupper():
        return None  # "Sister Ann (not pictured) was ..." is a caption, not a dateline
    return Dateline(
        place=place,
        date=_resolve_date(m, published),
        outlet=(m.group("outlet") or "").strip() or None,
        span=(m.start("place"), m.end()),
    )


def _resolve_date(m: re.Match[str], published: date | None) -> date | None:
    month = MONTHS.get((m.group("m1") or m.group("m2") or "").lower().rstrip("."))
    day = int(m.group("d1") or m.group("d2") or 0)
    if not month or not day:
        return None
    year = int(m.group("year")) if m.group("year") else None
    if year is None:
        if published is None:
            return None
        year = published.year
        # A dateline of late December on an article published in early January is last year's.
        if month - published.month > 6:
            year -= 1
        elif published.month - month > 6:
            year += 1
    try:
        return date(year, month, day)
    except ValueError:
        return None
