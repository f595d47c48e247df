"""Raw bytes -> text, refusing what is not text with a reason a person can act on."""

from __future__ import annotations

import codecs
import logging
import re

from hemiwatch.errors import UnreadableInput

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, item: str, max_bytes: int) -> str:
    """Decode UTF-8 (UTF-16/32 with a BOM); refuse empty, oversized, binary or undecodable input."""
    if len(data) > max_bytes:
        raise UnreadableInput(
            item, f"too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
        )
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data[:8192]:
        raise UnreadableInput(item, "binary file (NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = _repaired(data, item, exc) if encoding == "utf-8" else ""
        if not text:
            raise UnreadableInput(
                item, f"not valid {exc.encoding.upper()} (bad byte at offset {exc.start})"
            ) from exc
    if not text.strip():
        raise UnreadableInput(item, "empty: no text")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise UnreadableInput(item, "binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


UNDEFINED_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")
# a multi-byte UTF-8 sequence: text that has one is UTF-8, whatever stray bytes it also holds
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
log = logging.getLogger(__name__)


def _repaired(data: bytes, item: str, exc: UnicodeDecodeError) -> str:
    """Text that is not valid UTF-8 throughout: UTF-8 with each bad byte replaced (U+FFFD, and
    a warning) when the rest is UTF-8, so that one stray byte never turns the whole text into
    mojibake; else legacy Windows-1252; else "" (refused)."""
    if _UTF8_SEQUENCE.search(data):
        text = data.decode("utf-8", errors="replace")
        log.warning(
            "%s: %d byte(s) not valid UTF-8 (first at offset %d) replaced by U+FFFD",
            item,
            text.count("\ufffd") - data.decode("utf-8", "ignore").count("\ufffd"),
            exc.start,
        )
        return text
    return _windows_1252(data) or ""


def _windows_1252(data: bytes) -> str | None:
    """Legacy Latin-1 / Windows-1252 text (much of the region's older web and wire copy), when
    the bytes read as such: few non-ASCII bytes, none that Windows-1252 leaves undefined."""
    high = sum(1 for b in data if b >= 0x80)
    if high > 0.2 * len(data) or any(b in UNDEFINED_1252 for b in data):
        return None
    return data.decode("cp1252")
