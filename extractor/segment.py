"""Paragraphs, sentences and words from underthesea, as one spaCy ``Doc`` over the normalised text.

The ``Doc``'s text is exactly the normalised text (whitespace runs become whitespace tokens), so a
token's ``idx`` is its offset and nothing downstream can drift from the input. underthesea splits
the sentences; its syllable regex and its word-segmentation model make the words, the model scored
by ``crf`` (the same result as ``word_tokenize`` at a quarter of the cost). underthesea's token
normalisation is not used: our normaliser already did that and kept the map back to the raw text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.tokens import Doc
from underthesea import sent_tokenize
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea.pipeline.word_tokenize import regex_tokenize

from . import crf
from .patterns import load


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


@lru_cache(maxsize=1)
def _syllable_pattern() -> re.Pattern:
    """underthesea's own tokenising regex (URLs, numbers, abbreviations, words), compiled once."""
    return re.compile("(" + "|".join(regex_tokenize.regex_patterns) + ")", re.VERBOSE | re.UNICODE)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans of one sentence: underthesea's syllables, joined into words by its CRF.

    This is ``word_tokenize`` without its detour through strings: the syllables are matched in
    place, so their offsets are exact, and ``crf`` labels them (``tests/test_crf.py`` keeps the
    result equal to ``word_tokenize``'s). underthesea also composes the text (NFC) and maps
    look-alike letters (``ð`` → ``đ``) before matching; on our normalised text that changes no
    lengths, so the offsets still hold (where it would, the sentence is matched as it is).
    """
    sentence = text[start:end]
    normal = normalize_characters_in_text(sentence)
    if len(normal) != len(sentence):
        normal = sentence
    matches = list(_syllable_pattern().finditer(normal))
    inside = crf.segmenter().inside([m.group() for m in matches])
    spans: list[tuple[int, int]] = []
    for m, joined in zip(matches, inside):
        if joined and spans:
            spans[-1] = (spans[-1][0], start + m.end())
        else:
            spans.append((start + m.start(), start + m.end()))
    return spans


@lru_cache(maxsize=1)
def _no_break() -> re.Pattern:
    """A sentence end that is only the dot of a short form ("TX.", "ThS."): ``patterns/sentences.yaml``
    and the unit abbreviations of ``patterns/localities.yaml``."""
    words = {*load("sentences")["no_break_after"], *load("localities")["unit_abbreviations"]}
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
                      + r")\.$")


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each sentence that ends in a short form's dot joined to the next one."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and _no_break().search(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """underthesea's sentence split of one paragraph, as character ranges, with the breaks after
    a short form ("TX. Trảng Bàng") undone."""
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
    return _joined(text, out)


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
