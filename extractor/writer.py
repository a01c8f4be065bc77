"""Mentions → the SPEC's ``DocumentRecord``, with offsets mapped back to the decoded text."""
from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .article import Article, Mention
from .schema import DocumentRecord, Entity, Figure, Warning

_ENTITY = TypeAdapter(Entity)


def _raw_span(art: Article, m: Mention) -> tuple[int, int, str]:
    start, end = art.norm.span_to_raw(m.start, m.end)
    return start, end, art.source.text[start:end]


def _ordered(mentions: list[Mention]) -> list[Mention]:
    """Text order, then longer first, so ids read like the gold files'."""
    return sorted(mentions, key=lambda m: (m.start, m.end, m.label))


def _entity(art: Article, m: Mention, n: int) -> Any:
    start, end, text = _raw_span(art, m)
    return _ENTITY.validate_python({"id": f"e{n}", "type": m.label, "start": start, "end": end,
                                    "text": text, **m.attrs})


def _figure(art: Article, m: Mention, n: int) -> Figure:
    start, end, text = _raw_span(art, m)
    return Figure(id=f"f{n}", type=m.label, start=start, end=end, text=text, **m.attrs)


def to_record(art: Article) -> DocumentRecord:
    """Build and validate the record; ids are assigned in text order (e1…, f1…, w1…)."""
    figures = _ordered(art.figures)
    fig_ids = {id(m): f"f{n}" for n, m in enumerate(figures, 1)}
    warnings = [
        Warning(id=f"w{n}", kind=note.kind, message=note.message,
                figures=[fig_ids[id(art.figures[i])] for i in note.figures])
        for n, note in enumerate(art.notes, 1)
    ]
    return DocumentRecord(
        doc_id=art.source.doc_id,
        source=art.source.source,
        text_sha256=art.source.sha256,
        title=art.title,
        published=art.published,
        byline=art.byline,
        entities=[_entity(art, m, n) for n, m in enumerate(_ordered(art.entities), 1)],
        figures=[_figure(art, m, n) for n, m in enumerate(figures, 1)],
        warnings=warnings,
        text=None if art.source.plain else art.source.text,
    )
