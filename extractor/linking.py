"""Linking figures to metric, period, locality, tier and target (stub until issue 8)."""
from __future__ import annotations

from .article import Article


def link(art: Article) -> None:
    """Fill the linking attributes of every figure in ``art.figures``."""
