"""hemiwatch: evidence-linked facts from news about security in the Americas.

from hemiwatch import Article, analyze
facts = analyze(Article(id="a1", text="..."))
"""

from hemiwatch.models import Article, Facts
from hemiwatch.pipeline import analyze, analyze_many

__version__ = "0.1.0"
__all__ = ["Article", "Facts", "__version__", "analyze", "analyze_many"]
