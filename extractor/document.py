"""Document fields: headline, publication date and byline (stub until issue 6)."""
from __future__ import annotations

from .article import Article


def recognise(art: Article) -> None:
    """Set ``art.title``, ``art.published`` and ``art.byline``."""
