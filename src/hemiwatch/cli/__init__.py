"""The `hemiwatch` command: thin wrappers over ingest, pipeline, store, analyze and render.

common.py    the app, options, consoles
article.py   analyze, export-facts, quotes (of one article), eval
corpus.py    ingest and the commands over a stored corpus
sources.py   the web sources file (sources add|list|remove) and watch
"""

from hemiwatch.cli import article, corpus, sources
from hemiwatch.cli.common import app

__all__ = ["app", "article", "corpus", "sources"]
