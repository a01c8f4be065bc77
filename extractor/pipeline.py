"""The pipeline, one stage after another: read → normalise → segment → recognise → link → check →
write. Reading the body of ``run`` top to bottom is following one article through the tool.
"""
from __future__ import annotations

from pathlib import Path

from . import checks, dates, document, figures, linking, localities, officials, tables, writer
from .article import Article, Note
from .normalise import normalise
from .reader import Source, read_path
from .schema import DocumentRecord
from .segment import segment


def prepare(source: Source) -> Article:
    """The article before any recogniser has run: normalised, segmented, decoding notes kept."""
    norm = normalise(source.text)
    seg = segment(norm.text)
    art = Article(source=source, norm=norm, seg=seg, tables=tables.find(norm.text, seg.paragraphs))
    art.notes.extend(Note("input", note) for note in source.notes)
    return art


def run(source: Source) -> DocumentRecord:
    """Extract one decoded article."""
    art = prepare(source)
    document.recognise(art)             # title, published date, byline: dates need ``published``
    _prefer_metadata(art)
    art.entities.extend(dates.recognise(art))
    art.entities.extend(localities.recognise(art))
    art.entities.extend(officials.recognise(art))
    art.figures.extend(figures.recognise(art))   # reads the DATE spans so dates are not figures
    linking.link(art)
    art.notes.extend(checks.check(art))
    return writer.to_record(art)


def _prefer_metadata(art: Article) -> None:
    """A page's own metadata (HTML title, author) beats guessing them from the extracted text."""
    if art.source.title_hint:
        art.title = art.source.title_hint
    if art.source.byline_hint and not art.byline:
        art.byline = list(art.source.byline_hint)


def extract(text: str, doc_id: str = "doc", source: str | None = None,
            published: str | None = None) -> DocumentRecord:
    """Extract the record of an article given as a string (offsets index this string).

    ``published`` (ISO date) is used when the text itself prints no date, e.g. from archive metadata.
    """
    return run(Source(doc_id=doc_id, text=text, source=source, published_hint=published))


def extract_file(path: str | Path, doc_id: str | None = None) -> DocumentRecord:
    """Read a file (see ``reader``) and extract its record; bad input raises ``InputError``."""
    return run(read_path(path, doc_id=doc_id))
