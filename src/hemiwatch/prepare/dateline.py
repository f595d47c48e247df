"""Dateline: the place (and date, and outlet) a story was filed from, at the start of its text.

The forms real pages use, English and Spanish:

    Washington, Dec 20 (NationPress) ...        PLACE, DATE (OUTLET)
    PORT-AU-PRINCE, Haiti (AP) — ...            CAPS[, Region] (OUTLET) dash
    WASHINGTON, CMC – ... / OTTAWA — ...         CAPS[, OUTLET] dash
    PANAMÁ.- ... / Haití. – ... / San Pedro Sula – ...
    Oct. 30 (UPI) — ...                         DATE (OUTLET) dash
    01:05 | Lima, Dec. 07.                      TIME | PLACE, DATE.
    (MENAFN- Newsroom Panama) ... / (Guayaquil) ...
    Tegucigalpa, Honduras  (a paragraph of its own)

Nothing inside the dateline counts as a fact; the parser reads it as blanks (prepare/text.py).
The year comes from `published` when the dateline has none.
"""

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

_UP = "A-ZÁÉÍÓÚÑÜÇ"
_MONTH_DAY = r"[A-Za-z]{3,9}\.?\s+\d"
_PLACE = (
    rf"(?P<place>[{_UP}][\w.'’ -]{{1,40}}?"
    rf"(?:,\s*(?!{_MONTH_DAY})[{_UP}][\w.'’ -]{{1,30}}?)?)"
)
_DATE = (
    r"(?P<date>(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})\s+(?:de\s+)?(?P<m2>[A-Za-záéíóú]{3,10})\.?)(?:,?\s+(?P<year>\d{4}))?"
)
_OUTLET = r"\((?P<outlet>[^()\n]{2,60})\)"
_DASH = r"(?:\s*(?:--|[-–—])\s*|\s*\.\s*[-–—]+\s*)"  # " — ", " -- ", ".-", ". –"
_CAPS = rf"[{_UP}][{_UP}.'’ -]{{2,40}}"  # PORT-AU-PRINCE, GUATEMALA CITY, PANAMÁ
_TITLED = rf"[{_UP}][\w'’]+(?:\s+(?:de|del|la|las|los|of|the|[{_UP}][\w'’]+)){{0,4}}"

FORMS = (
    # Washington, Dec 20 (NationPress) ...   SANTO DOMINGO, 17 de noviembre (Prensa Andina).
    re.compile(rf"\A\s*{_PLACE},\s*{_DATE}\s*{_OUTLET}?\s*(?:[-–—:.]+\s*|\s+)(?=\S)"),
    # PORT-AU-PRINCE, Haiti (AP) —   WASHINGTON (Reuters) –   MIAMI (WSVN) -
    re.compile(
        rf"\A\s*(?P<place>{_CAPS}(?:,\s*[{_UP}][\w.'’ -]{{1,30}}?)?),?\s*{_OUTLET}"
        rf"\s*(?:[-–—:.]+\s*|\s+)(?=\S)"
    ),
    # WASHINGTON, CMC –   OTTAWA —   BRIDGETOWN --   PANAMÁ.-   MANILA, Philippines —
    re.compile(
        rf"\A\s*(?P<place>{_CAPS}?[{_UP}])(?:,\s*(?P<outlet>[{_UP}][\w'’]+(?:\s+[{_UP}][\w'’]+)?))?"
        rf"{_DASH}(?=\S)"
    ),
    # Haití. –   San Pedro Sula –   Washington, DC -   Ciudad de Guatemala, Guatemala.-
    re.compile(
        rf"\A\s*(?P<place>{_TITLED}(?:,\s*{_TITLED})?)(?:\.\s*[-–—]+|\s+[-–—]+|\.-)\s*(?=\S)"
    ),
    # Oct. 30 (UPI) —
    re.compile(rf"\A\s*{_DATE}\s*{_OUTLET}\s*[-–—:]+\s*(?=\S)"),
    # 01:05 | Lima, Dec. 07.
    re.compile(rf"\A\s*\d{{1,2}}:\d{{2}}\s*\|\s*{_PLACE},\s*{_DATE}\.?\s*(?=\S)"),
    # (MENAFN- Newsroom Panama)   (Guayaquil)
    re.compile(rf"\A\s*\((?P<outlet>[{_UP}][^()\n]{{1,40}})\)\s*(?=[{_UP}])"),
)
# a first paragraph that is only a place: "Tegucigalpa, Honduras", "Santo Domingo, DR"
PLACE_LINE = re.compile(
    rf"\A\s*(?P<place>{_TITLED}(?:,\s*(?:{_TITLED}|[{_UP}]{{2,3}}))?)\s*\n\s*\n"
)


def extract_dateline(text: str, published: date | None) -> Dateline | None:
    """The dateline at the start of the text, if the first line has one."""
    first = text[: text.find("\n")] if "\n" in text else text
    for form in FORMS:
        m = form.match(first)
        if m is None:
            continue
        groups = m.groupdict()
        if form is FORMS[0] and not (groups.get("date") or groups.get("outlet")):
            continue
        if form is FORMS[3] and not _place_like(groups["place"]):
            continue
        place = (groups.get("place") or groups.get("outlet") or "").strip(" .,-")
        if form is FORMS[6] and groups.get("outlet", "").strip().isdigit():
            continue
        return Dateline(
            place=place,
            date=_resolve_date(m, published) if groups.get("date") else None,
            outlet=(groups.get("outlet") or "").strip() or None,
            span=(m.start(), m.end()),
        )
    line = PLACE_LINE.match(text)
    if line is not None and _place_like(line.group("place")):
        return Dateline(place=line.group("place").strip(), span=(line.start(), line.end()))
    return None


def _place_like(words: str) -> bool:
    """A short run of capitalised words (and particles): a place, not a clause."""
    parts = re.findall(r"[\w'’]+", words)
    return 0 < len(parts) <= 5 and sum(w[:1].isupper() for w in parts) >= len(parts) - 2


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
