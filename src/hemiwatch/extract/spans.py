"""Character spans searched by position in O(log n): long articles hold thousands of quotes
and mentions, and a linear scan per token made extraction quadratic."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

CharSpan = tuple[int, int]


class Spans:
    """A sorted set of (start, end) character spans (they may overlap)."""

    def __init__(self, spans: Iterable[CharSpan] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among spans[: i + 1]
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def __iter__(self) -> Iterator[CharSpan]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def holds(self, char: int) -> bool:
        """Does any span contain this character?"""
        i = bisect_right(self.starts, char) - 1
        while i >= 0 and self.reach[i] > char:
            if self.spans[i][1] > char:
                return True
            i -= 1
        return False

    def starting_in(self, lo: int, hi: int) -> list[CharSpan]:
        """The spans that start in [lo, hi)."""
        return self.spans[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]
