"""Paragraphs, sentences and words from underthesea, as one spaCy ``Doc`` over the normalised text.

The ``Doc``'s text is exactly the normalised text (whitespace runs become whitespace tokens), so a
token's ``idx`` is its offset and nothing downstream can drift from the input. underthesea is asked
for sentences and words; its token normalisation is off, because our normaliser already did that
and kept the map back to the raw text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
import spacy
from spacy.tokens import Doc
from underthesea import sent_tokenize, word_tokenize

_FALLBACK_TOKEN = regex.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Segments:
    """The tokenised article: the ``Doc`` and the character ranges of paragraphs and sentences."""

    doc: Doc
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def blank_pipeline() -> spacy.language.Language:
    """A blank Vietnamese pipeline for its vocabulary; pyvi is not used, nothing is downloaded."""
    return spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed: in these articles a line is a paragraph (headline, dateline, body)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def _locate(text: str, piece: str, cursor: int, limit: int) -> int:
    """Offset of ``piece`` at or after ``cursor``, skipping only whitespace; -1 if it is not there."""
    at = text.find(piece, cursor, limit)
    if at < 0 or text[cursor:at].strip():
        return -1
    return at


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans of one sentence from underthesea, aligned syllable by syllable to the text.

    If underthesea ever returns a piece that is not in the text, the rest of the sentence falls
    back to a plain regex tokenisation rather than producing a wrong offset.
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    for word in word_tokenize(text[start:end], use_token_normalize=False):
        first = last = -1
        for syllable in word.split():
            at = _locate(text, syllable, cursor, end)
            if at < 0:
                return spans + [(m.start(), m.end()) for m in _FALLBACK_TOKEN.finditer(text, cursor, end)]
            if first < 0:
                first = at
            cursor = last = at + len(syllable)
        if first >= 0:
            spans.append((first, last))
    return spans + [(m.start(), m.end()) for m in _FALLBACK_TOKEN.finditer(text, cursor, end)]


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """underthesea's sentence split of one paragraph, as character ranges."""
    out = []
    cursor = start
    for sentence in sent_tokenize(text[start:end]):
        sentence = sentence.strip()
        if not sentence:
            continue
        at = text.find(sentence, cursor, end)
        if at < 0:  # underthesea changed the text: keep the rest of the paragraph as one sentence
            break
        out.append((at, at + len(sentence)))
        cursor = at + len(sentence)
    if cursor < end and text[cursor:end].strip():
        rest = text[cursor:end]
        lead = len(rest) - len(rest.lstrip())
        out.append((cursor + lead, end))
    return out


def segment(text: str) -> Segments:
    """Split, tokenise and build the ``Doc``; whitespace between words becomes ``spaces`` or tokens."""
    paras = paragraphs(text)
    sents: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    starts: set[int] = set()
    for p_start, p_end in paras:
        for s_start, s_end in _sentences(text, p_start, p_end):
            sents.append((s_start, s_end))
            words = _words(text, s_start, s_end)
            if words:
                starts.add(words[0][0])
            spans.extend(words)
    words, spaces, sent_starts = [], [], []
    cursor = 0
    for w_start, w_end in spans + [(len(text), len(text))]:
        gap = text[cursor:w_start]
        if gap == " " and words:
            spaces[-1] = True
        elif gap:
            words.append(gap)
            spaces.append(False)
            sent_starts.append(False if words[:-1] else True)
        if w_end > w_start:
            words.append(text[w_start:w_end])
            spaces.append(False)
            sent_starts.append(w_start in starts or not words[:-1])
        cursor = w_end
    doc = Doc(blank_pipeline().vocab, words=words, spaces=spaces, sent_starts=sent_starts) if words \
        else Doc(blank_pipeline().vocab, words=[])
    return Segments(doc, tuple(paras), tuple(sents))
