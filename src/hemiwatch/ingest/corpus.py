"""Corpus-format article JSON (../shared/eval/FORMAT.md) and plain-text files -> Article."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from hemiwatch.errors import UnreadableInput
from hemiwatch.models import Article


def load_json(text: str, item: str) -> Any:
    """JSON, or the reason it is refused: not JSON, nested too deep, a number too long."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(item, f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    except RecursionError as exc:
        raise UnreadableInput(item, "invalid JSON (nested too deep)") from exc
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise UnreadableInput(item, "invalid JSON (a number too long to read)") from exc


def article_from_json(text: str, item: str, default_id: str) -> Article:
    """One article object in the corpus format; `id` falls back to the file name."""
    return article_from_dict(load_json(text, item), item, default_id)


def checked(item: str, **fields: Any) -> Article:
    """An Article of these fields, or UnreadableInput naming the field the checks refused."""
    try:
        return Article(**fields)
    except ValidationError as exc:
        raise UnreadableInput(item, field_error(exc)) from exc


def field_error(exc: ValidationError) -> str:
    """The first field a record's checks refused (an Article, a Source), and why, in a
    person's words."""
    first = exc.errors()[0]
    where = ".".join(str(x) for x in first["loc"])
    return f"bad field '{where}': {first['msg'].removeprefix('Value error, ')}"


def article_from_dict(data: Any, item: str, default_id: str) -> Article:
    if not isinstance(data, dict):
        raise UnreadableInput(item, "expected a JSON object with a 'text' field")
    if not isinstance(data.get("text"), str) or not data["text"].strip():
        raise UnreadableInput(item, "the article has no 'text'")
    fields = {k: data.get(k) for k in ("url", "source", "published")}
    return checked(
        item,
        id=str(data.get("id") or default_id),
        title=str(data.get("title") or ""),
        text=data["text"],
        **fields,
    )


def article_from_plain_text(text: str, default_id: str) -> Article:
    """First non-empty line is the title, the rest is the body."""
    lines = text.strip().split("\n", 1)
    title = lines[0].strip()
    body = lines[1].strip("\n") if len(lines) > 1 else ""
    if not body.strip():
        body, title = title, ""
    return Article(id=default_id, title=title, text=_tidy(body))


def _tidy(text: str) -> str:
    """Trim trailing spaces per line and collapse runs of blank lines to one."""
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
