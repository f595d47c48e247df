"""HTML page -> Article: boilerplate stripped by trafilatura, date found by htmldate."""

from __future__ import annotations

from datetime import date

import trafilatura
from htmldate import find_date

from hemiwatch.errors import UnreadableInput
from hemiwatch.models import Article

# Pages nested deeper than this are refused before lxml is asked to build them.
MAX_DEPTH_HINT = 5000


def article_from_html(html: str, item: str, default_id: str, url: str | None = None) -> Article:
    if html.count("<div") > MAX_DEPTH_HINT and "</div" not in html[: len(html) // 2]:
        raise UnreadableInput(item, "HTML nested too deeply to be an article")
    try:
        text = trafilatura.extract(
            html, url=url, include_comments=False, include_tables=False, favor_precision=True
        )
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise UnreadableInput(item, f"HTML could not be parsed ({type(exc).__name__})") from exc
    if not text or not text.strip():
        raise UnreadableInput(item, "no article text found in the HTML page")
    published = _find_date(html)
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return Article(
        id=default_id,
        title=(meta.title if meta and meta.title else "") or "",
        text="\n\n".join(paragraphs),
        url=url or (meta.url if meta else None),
        source=(meta.sitename if meta else None) or None,
        published=published,
    )


def _find_date(html: str) -> date | None:
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort: a page without a date is still an article
        return None
    return date.fromisoformat(found) if found else None
