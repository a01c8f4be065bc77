"""Figures recogniser (stub until its issue lands)."""
from __future__ import annotations

from .article import Article, Mention


def recognise(art: Article) -> list[Mention]:
    """Mentions found in ``art.text``."""
    return []
