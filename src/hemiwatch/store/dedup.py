"""Near-duplicates and wire republications: MinHash signatures (datasketch) and LSH bands.

Bands live in the database, so a new article finds its story cluster with an indexed lookup
instead of a scan of every stored signature.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import Any

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above ~0.5 Jaccard share a band
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6  # estimated Jaccard of word 4-shingles above which two texts are one story
SHINGLE = 4


def normalize(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(normalize(text)).encode("utf-8")).hexdigest()


def signature(text: str) -> Any:
    """A datasketch MinHash of the text's word 4-shingles."""
    from datasketch import MinHash  # imported on first use: it pulls in scipy

    words = normalize(text)
    mh = MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)  # fast, same in every run
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return mh


def bands(mh: Any) -> list[tuple[int, str]]:
    values = mh.hashvalues
    return [
        (
            b,
            hashlib.blake2b(
                values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=12
            ).hexdigest(),
        )
        for b in range(BANDS)
    ]


def to_bytes(mh: Any) -> bytes:
    import numpy as np  # on first use: the commands that only read never need it

    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def best_match(sig: bytes, others: list[bytes]) -> tuple[int, float]:
    """(index, estimated Jaccard) of the most similar signature, compared in one pass."""
    if not others:
        return -1, 0.0
    import numpy as np

    mine = np.frombuffer(sig, dtype=np.uint64)
    stack = np.frombuffer(b"".join(others), dtype=np.uint64).reshape(len(others), NUM_PERM)
    scores = np.count_nonzero(stack == mine, axis=1) / NUM_PERM
    i = int(np.argmax(scores))
    return i, float(scores[i])
