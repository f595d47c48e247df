"""The article's text read before any parse: its dateline (dateline.py) and its runs of quoted
words (quotemarks.py). Offsets always stay those of the article text."""
