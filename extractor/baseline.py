"""The baseline the extractor is compared with: underthesea's own ``ner``, nothing added.

PER becomes OFFICIAL and LOC becomes LOCALITY; no dates, no figures, no document fields. The
attributes the schema requires are placeholders (``name`` and ``canonical`` are the span as printed,
``level`` is ``province``), so the baseline's attribute accuracies say little; its span scores are
the point. underthesea returns tokens without offsets, and it rewrites some spellings (tone
placement), so tokens are found again in the normalised text and mapped back to the decoded text.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from .normalise import Normalised, fold_tone, normalise
from .schema import DocumentRecord, Locality, Official, sha256_text

TYPES = {"PER": "OFFICIAL", "LOC": "LOCALITY"}
# How far past the previous token the next one may start; tokens not found there are skipped.
SEARCH_WINDOW = 200


def _token_pattern(token: str) -> re.Pattern[str]:
    """A token as a regex: its syllables in order, with or without spaces between them."""
    pieces = fold_tone(token).split()
    return re.compile(r"\s*".join(re.escape(p) for p in pieces), re.IGNORECASE)


def align(line: str, tokens: Iterable[str]) -> Iterator[tuple[int, int] | None]:
    """Offsets of each token in ``line`` (``None`` for a token not found), left to right."""
    cursor = 0
    for token in tokens:
        if not token.strip():
            yield None
            continue
        m = _token_pattern(token).search(line, cursor, cursor + len(token) + SEARCH_WINDOW)
        if m is None:
            yield None
            continue
        cursor = m.end()
        yield m.start(), m.end()


def _spans(line: str, tagged: list[tuple]) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of the PER and LOC chunks of one tagged line (BIO tags)."""
    current: list = []  # [start, end, label]
    for offsets, row in zip(align(line, [r[0] for r in tagged]), tagged):
        tag = row[-1]
        prefix, _, label = tag.partition("-")
        inside = prefix == "I" and current and current[2] == label
        if current and not inside:
            yield tuple(current)
            current = []
        if label in TYPES and offsets is not None:
            if inside:
                current[1] = offsets[1]
            else:
                current = [offsets[0], offsets[1], label]
    if current:
        yield tuple(current)


# A sentence: up to a full stop, "!", "?" or ";" followed by a space, or to the end of the line.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?;](?=\s)|(?=\n)|\Z)")


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) of every non-blank sentence. underthesea's features cost time quadratic
    in the length of what it tags, so it is given sentences, not whole paragraphs."""
    for m in _SENTENCE.finditer(text):
        if m.group().strip():
            yield m.start(), m.group()


def recognise(norm: Normalised) -> list[tuple[int, int, str]]:
    """(start, end, entity type) in the normalised text, in text order."""
    from underthesea import ner  # slow to import: only when the baseline is asked for

    found = []
    for offset, line in _sentences(norm.text):
        for start, end, label in _spans(line, ner(line)):
            found.append((offset + start, offset + end, TYPES[label]))
    return found


def baseline_record(text: str, doc_id: str, source: str | None = None) -> DocumentRecord:
    """underthesea's entities of one decoded text as a schema-valid record."""
    norm = normalise(text)
    entities = []
    for n, (start, end, type_) in enumerate(recognise(norm), 1):
        start, end = norm.span_to_raw(start, end)
        span = text[start:end]
        common = {"id": f"e{n}", "start": start, "end": end, "text": span, "name": span}
        if type_ == "OFFICIAL":
            entities.append(Official(type="OFFICIAL", **common))
        else:
            entities.append(Locality(type="LOCALITY", level="province", canonical=span, **common))
    return DocumentRecord(doc_id=doc_id, source=source, text_sha256=sha256_text(text),
                          entities=entities)
