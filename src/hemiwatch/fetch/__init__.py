"""The web -> items for ingest: polite fetching (fetch.http), the guard on every address
(fetch.guard), sources to follow (fetch.sources), one poll of a source (fetch.poll) and the
loop that keeps the corpus current (fetch.watch)."""
