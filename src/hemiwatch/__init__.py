"""hemiwatch: evidence-linked facts from news about security in the Americas."""

__version__ = "0.1.0"
