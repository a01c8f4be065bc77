"""Inputs → decoded text. Decoding is the only place bytes become characters, so every offset of a
record indexes the string made here.

The reader decides by content, not by extension: a byte-order mark, valid UTF-8, UTF-16 without a
mark, an HTML page, or a legacy Vietnamese code page (Windows-1258, the TCVN3 and VNI font
encodings) — whichever reads as the most Vietnamese. Undecidable bytes are an error, never a guess.
"""
from __future__ import annotations

import codecs
import json
import logging
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import charset_normalizer
import regex
import yaml

from .errors import InputError
from .schema import sha256_text

DEFAULT_MAX_BYTES = 5_000_000  # a news article is < 100 kB; larger is not an article

# Letters only Vietnamese uses (after NFC): their share tells a right decoding from mojibake.
_VIET = regex.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", regex.I)
_ODD = regex.compile(r"[\p{Cc}--[\n\r\t]]|[µ¸·Ì×ß¬®©ª«¨§¶¹»¼½¾ÆÇÈÉÊËÎÏÑÒÓÔÕÖØÙÞ÷þ\ufffd]", regex.V1)
_WORD = regex.compile(r"\p{L}+")
_VOWELS = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_SYLLABLE = regex.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
                          rf"[{_VOWELS}]{{1,3}}(?:ch|ng|nh|[cmnpt])?$")
_HTML = regex.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", regex.I)
_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
               (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass
class Source:
    """A decoded input: the text offsets refer to, where it came from, and what metadata said."""

    doc_id: str
    text: str
    source: str | None
    notes: list[str] = field(default_factory=list)
    plain: bool = True                 # False when the text was extracted (HTML): the record carries it
    published_hint: str | None = None  # ISO date from metadata (HTML, archive field), if any
    title_hint: str | None = None      # headline from page metadata, if any
    byline_hint: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


@lru_cache(maxsize=1)
def _legacy_tables() -> dict[str, dict[str, str]]:
    """Letter → its byte sequence (as Latin-1 characters) for each legacy font encoding."""
    path = Path(__file__).parent / "data" / "legacy_encodings.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: spec["letters"] for name, spec in data.items()}


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[int, str]:
    return {ord(byte): letter for letter, byte in _legacy_tables()["tcvn3"].items()}


@lru_cache(maxsize=1)
def _vni_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    """VNI writes a letter as up to three characters: match the longest sequence first."""
    to_letter = {seq: letter for letter, seq in _legacy_tables()["vni"].items()}
    keys = sorted(to_letter, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(k) for k in keys)), to_letter


def from_vni(latin: str) -> str:
    """Text in the VNI-Windows font encoding (read as Latin-1) → Unicode."""
    rx, to_letter = _vni_pattern()
    return rx.sub(lambda m: to_letter[m.group()], latin)


def vietnamese_score(text: str) -> float:
    """How Vietnamese a decoding reads: the share of words with Vietnamese letters that are
    well-formed syllables, less a penalty for mojibake signs. Random bytes and wrong code pages make
    impossible syllables (``ÿỵỳ``) and stray symbols, so they score low even when full of accented
    letters; fewer than five such words is too little evidence to pick a code page at all."""
    sample = unicodedata.normalize("NFC", text[:20000]).lower()
    marked = [w for w in _WORD.findall(sample) if _VIET.search(w)]
    if len(marked) < 5:
        return 0.0
    valid = sum(1 for w in marked if _SYLLABLE.match(w))
    return (valid - 3 * len(_ODD.findall(sample))) / len(marked)


def _legacy_candidates(data: bytes) -> Iterator[tuple[str, str, str | None]]:
    """(name, text, note) for each single-byte reading of non-UTF-8 bytes."""
    yield "windows-1258", data.decode("cp1258", errors="replace"), "decoded as Windows-1258"
    latin = data.decode("latin-1")
    yield "tcvn3", latin.translate(_tcvn3_table()), "converted from the TCVN3 (ABC) font encoding"
    yield "vni", from_vni(latin), "converted from the VNI-Windows font encoding"
    guess = charset_normalizer.from_bytes(data).best()   # any other code page it recognises
    if guess is not None and guess.encoding not in ("cp1258", "latin_1", "utf_8"):
        yield guess.encoding, str(guess), f"decoded as {guess.encoding}"


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark shows NUL in every other byte of its ASCII characters."""
    if len(data) < 8:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.3 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode by content; returns the text and notes on any conversion made (never fatal)."""
    for bom, codec in _UTF16_BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom):], codec, where), []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        text, notes = _decode_legacy(data, where, e)
    else:
        notes = []
    if "\x00" in text:
        utf16 = _utf16_without_bom(data)
        if utf16 is None or vietnamese_score(utf16) <= 0:
            raise InputError(where, "binary file (contains NUL bytes), not text")
        text, notes = utf16, ["decoded as UTF-16 without byte-order mark"]
    if not text.strip():
        raise InputError(where, "empty file" if not text else "only whitespace, no text")
    return text, notes


def _decoded(data: bytes, codec: str, where: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(where, f"invalid {codec} at byte {e.start}") from None


def _decode_legacy(data: bytes, where: str, err: UnicodeDecodeError) -> tuple[str, list[str]]:
    """Choose among legacy readings by how Vietnamese they read; refuse when none does."""
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None and vietnamese_score(utf16) > 0:
            return utf16, ["decoded as UTF-16 without byte-order mark"]
        raise InputError(where, "binary file (contains NUL bytes), not text")
    best = max(_legacy_candidates(data), key=lambda c: vietnamese_score(c[1]))
    if vietnamese_score(best[1]) < 0.8:
        raise InputError(where, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
                                " and no legacy Vietnamese encoding fits")
    return best[1], [best[2]] if best[2] else []


def from_html(html: str, doc_id: str, where: str) -> Source:
    """Main article text of a web page (trafilatura), with its title, date and author metadata."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its notes are not our errors
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            favor_recall=True)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = doc.get("text") or ""
    if not text.strip():
        raise InputError(where, "HTML page without article text")
    author = (doc.get("author") or "").strip()
    return Source(doc_id=doc_id, text=text, source=where, plain=False,
                  notes=["article text extracted from HTML"],
                  published_hint=doc.get("date") or None, title_hint=doc.get("title") or None,
                  byline_hint=[a.strip() for a in regex.split(r";|,| - ", author) if a.strip()])


def source_from_bytes(data: bytes, doc_id: str, where: str) -> Source:
    """One document from its bytes: decoded, and extracted first when it is an HTML page."""
    text, notes = decode_bytes(data, where)
    if _HTML.match(text[:2000]):
        src = from_html(text, doc_id, where)
        src.notes[:0] = notes
        return src
    return Source(doc_id=doc_id, text=text, source=where, notes=notes)


def _read_bytes(path: Path, where: str, max_bytes: int) -> bytes:
    if not path.exists() and not path.is_symlink():
        raise InputError(where, "no such file")
    try:
        if path.is_dir():
            raise InputError(where, "is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(where, f"{size} bytes is over the limit of {max_bytes} (--max-bytes)")
        return path.read_bytes()
    except PermissionError:
        raise InputError(where, "permission denied") from None
    except OSError as e:
        raise InputError(where, e.strerror or str(e)) from None


def read_path(path: str | Path, doc_id: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one document file; the doc_id defaults to the file stem, as the SPEC asks."""
    p = Path(path)
    return source_from_bytes(_read_bytes(p, str(path), max_bytes), doc_id or p.stem, str(path))


def is_archive(path: str | Path) -> bool:
    """JSONL archives hold many articles, one per line (``.jsonl``/``.ndjson``, or ``-`` for stdin)."""
    return str(path) == "-" or Path(path).suffix.lower() in (".jsonl", ".ndjson")


def iter_archive(path: str | Path, id_field: str = "id", text_field: str = "text",
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Source | InputError]:
    """Each line of a JSONL archive as a Source, or an InputError naming the file and line.

    A broken line is reported and skipped; the rest of the archive is still read.
    """
    where = "<stdin>" if str(path) == "-" else str(path)
    try:
        stream = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    except OSError as e:
        yield InputError(where, e.strerror or str(e))
        return
    with stream:
        for n, line in enumerate(stream, 1):
            if line.strip():
                yield _archive_line(line, n, where, id_field, text_field, max_bytes)


def _archive_line(line: bytes, n: int, where: str, id_field: str, text_field: str,
                  max_bytes: int) -> Source | InputError:
    at = f"{where}:{n}"
    if len(line) > max_bytes:
        return InputError(at, f"line of {len(line)} bytes is over the limit of {max_bytes}")
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return InputError(at, f"malformed JSON line ({e.msg if hasattr(e, 'msg') else e})")
    if not isinstance(item, dict) or not isinstance(item.get(text_field), str):
        return InputError(at, f"no string field {text_field!r}")
    if not item[text_field].strip():
        return InputError(at, f"field {text_field!r} is empty")
    doc_id = str(item.get(id_field) or f"{Path(where).stem}-{n}")
    text = item[text_field]
    if _HTML.match(text[:2000]):
        try:
            return from_html(text, doc_id, at)
        except InputError as e:
            return e
    published = item.get("published") or item.get("date")
    return Source(doc_id=doc_id, text=text, source=at,
                  published_hint=published if isinstance(published, str) else None)
