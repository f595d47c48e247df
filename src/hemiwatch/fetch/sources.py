"""The sources to follow, kept in a TOML file (docs/sources.md): one [[source]] table each,
with its URL, a name, a country, a language, a poll interval and an enabled flag."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator

from hemiwatch.errors import ConfigError
from hemiwatch.ingest.corpus import field_error

DEFAULT_FILE = "hemiwatch-sources.toml"
KINDS = ("auto", "feed", "page", "sitemap")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(text: str) -> float:
    """'90s', '15m', '2h', '1d' or a bare number of seconds, as seconds."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"'{text}' is not a duration such as 90s, 15m, 2h or 1d")
    return float(match.group(1)) * _UNIT[(match.group(2) or "s").lower()]


class Source(BaseModel):
    url: str
    name: str = Field(default="", max_length=300)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2
    language: str | None = Field(default=None, pattern=r"^(en|es)$")  # None: detect per article
    every: str | None = None  # poll interval ("15m"); None: the watch's own
    enabled: bool = True
    kind: str = "auto"  # feed, page or sitemap; auto tells from what the URL serves

    @field_validator("url")
    @classmethod
    def _web(cls, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError("a source's URL must be http(s)")
        return value.strip()

    @field_validator("every")
    @classmethod
    def _every(cls, value: str | None) -> str | None:
        if value is not None:
            seconds(value)
        return value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"kind is one of {', '.join(KINDS)}")
        return value

    @property
    def label(self) -> str:
        return self.name or self.url


def sources_path(path: Path | None = None) -> Path:
    """The sources file: the one named, else $HEMIWATCH_SOURCES, else ./hemiwatch-sources.toml."""
    return path or Path(os.environ.get("HEMIWATCH_SOURCES") or DEFAULT_FILE)


def load_sources(path: Path) -> list[Source]:
    """The sources of a file (none if it does not exist); a bad file is a ConfigError that
    says where."""
    if not path.exists():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable TOML file ({exc})") from exc
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise ConfigError(f"{path}: 'source' must be an array of tables ([[source]])")
    found = []
    for n, table in enumerate(tables, 1):
        try:
            found.append(Source.model_validate(table))
        except ValidationError as exc:
            raise ConfigError(f"{path}: source {n}: {field_error(exc)}") from exc
    return found


def save_sources(path: Path, sources: list[Source]) -> None:
    """Write the file whole (to a temporary file first, so a crash leaves the old one)."""
    lines = ["# hemiwatch sources: see docs/sources.md", ""]
    for source in sources:
        lines.append("[[source]]")
        for key, value in source.model_dump(exclude_defaults=True).items():
            lines.append(f"{key} = {_toml(value)}")
        lines.append("")
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text("\n".join(lines), encoding="utf-8")
    temporary.replace(path)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # a JSON string is a TOML basic string, but for DEL, which TOML wants escaped
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
