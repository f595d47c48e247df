"""The one exception tree of hemiwatch.

    HemiwatchError
     ├── ConfigError          bad settings, raised at start-up
     ├── IngestError          input could not become an Article
     │    ├── UnreadableInput empty, binary, undecodable, too large -> skip, recorded
     │    └── FetchError      a URL could not be fetched -> recorded, retried next poll
     │         └── FetchRefused  a URL the policy forbids (private address, robots.txt)
     ├── ExtractError         the NLP stage failed on a valid Article
     └── StoreError           database failure, translated once at the store's edge
          └── NotFound        no such article (-> HTTP 404)

The CLI prints a HemiwatchError as one clear line and exits non-zero; anything else is a bug.
"""

from __future__ import annotations


class HemiwatchError(Exception):
    """Base of every error hemiwatch raises on purpose."""


class ConfigError(HemiwatchError):
    """Bad settings or a missing model, found at start-up."""


class IngestError(HemiwatchError):
    """An input could not become an Article."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class UnreadableInput(IngestError):
    """Empty, binary, undecodable or too large: skipped and recorded, never retried."""


class FetchError(IngestError):
    """A URL could not be fetched (network, HTTP status, size): recorded, tried again on the
    next poll. `transient` when it may pass by itself (a timeout, a network error, a 5xx)."""

    def __init__(self, item: str, reason: str, transient: bool = False) -> None:
        super().__init__(item, reason)
        self.transient = transient


class FetchRefused(FetchError):
    """A URL the fetch policy forbids: not http(s), credentials in it, a private or loopback
    address, disallowed by robots.txt. Never requested."""


class ExtractError(HemiwatchError):
    """The NLP stage failed on a valid Article."""


class StoreError(HemiwatchError):
    """The database failed or refused; raised from the SQLAlchemy error that caused it."""


class NotFound(StoreError):
    """No stored item has that id."""
