"""The article as it moves through the pipeline, and the mentions the recognisers find in it.

Every stage reads an ``Article`` and adds to it; offsets of mentions are offsets into
``Article.text`` (the normalised text). Only the writer maps them back to the decoded input.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable

from spacy.tokens import Doc

from .normalise import Normalised
from .reader import Source
from .segment import Segments
from .tables import Table


@dataclass
class Mention:
    """A span a recogniser found: ``label`` is an entity type (DATE, LOCALITY, OFFICIAL) or a figure
    type (dossier_count, percentage, service_level, quantity); ``attrs`` are the record's attributes
    for it; ``rule`` names the pattern that fired, for error messages and debugging."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    rule: str = ""


@dataclass
class Note:
    """A warning to be written into the record; ``figures`` are indices into ``Article.figures``."""

    kind: str
    message: str
    figures: list[int] = field(default_factory=list)


@dataclass
class Article:
    source: Source
    norm: Normalised
    seg: Segments
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: str | None = None
    byline: list[str] = field(default_factory=list)
    chrome: list[tuple[int, int]] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    figures: list[Mention] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    subject: str | None = None  # canonical name of the locality the article is about
    tables: list[Table] = field(default_factory=list)  # tables flattened into "a | b | c" lines

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def doc(self) -> Doc:
        return self.seg.doc

    def entities_of(self, label: str) -> list[Mention]:
        return [m for m in self.entities if m.label == label]

    def printed(self, start: int, end: int) -> str:
        """A normalised span as the article prints it: the input's own spelling (``Thanh Hoá``
        stays), composed to NFC and with whitespace runs (line breaks) as single spaces, so the
        same article in NFD gives the same attribute strings."""
        a, b = self.norm.span_to_raw(start, end)
        return " ".join(unicodedata.normalize("NFC", self.source.text[a:b]).split())

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence range containing ``pos`` (or the nearest one before it)."""
        return _containing(self.seg.sentences, pos)

    def paragraph_of(self, pos: int) -> tuple[int, int]:
        """The paragraph (line) range containing ``pos`` (or the nearest one before it)."""
        return _containing(self.seg.paragraphs, pos)


def _containing(ranges: tuple[tuple[int, int], ...], pos: int) -> tuple[int, int]:
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    if i < 0:
        return ranges[0] if ranges else (0, 0)
    return ranges[i]


class Coverage:
    """Which characters some span covers, one byte per character: asking whether a span is free
    costs the span's length, not the number of spans, so a text naming thousands of units (or, in
    ``officials``, of people) stays linear."""

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._bytes = bytearray(size)
        for start, end in spans:
            self.cover(start, end)

    def cover(self, start: int, end: int) -> None:
        end = min(end, len(self._bytes))
        if start < end:
            self._bytes[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return self._bytes.find(1, start, end) < 0
