"""Consistency checks over the figures (stub until issue 8)."""
from __future__ import annotations

from .article import Article, Note


def check(art: Article) -> list[Note]:
    """Warnings where the article's figures contradict each other."""
    return []
