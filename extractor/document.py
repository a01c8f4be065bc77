"""Document fields: which lines are site chrome, the headline, the publication date and the byline.

Articles arrive as the plain text of a web page, so the headline is not always the first line (menus
and login prompts come first) and the author and date may be printed after the body. Every shape
lives in ``patterns/document.yaml``; this module only walks the lines in the order a reader would.
This stage runs before ``dates`` because yearless dates are read in the year of ``published``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import dates
from .article import Article
from .patterns import compile_rx, load, norm_word

Line = tuple[int, int]


@dataclass(frozen=True)
class _Shapes:
    """The compiled contents of ``patterns/document.yaml``."""

    chrome_lines: frozenset[str]
    chrome_len: int  # the longest chrome line: longer lines are not looked up
    footer_headers: frozenset[str]
    chrome: tuple[regex.Pattern, ...]
    captions: tuple[regex.Pattern, ...]
    leads: tuple[regex.Pattern, ...]
    max_title_words: int
    timestamps: tuple[regex.Pattern, ...]
    title_timestamp: regex.Pattern
    byline_line: regex.Pattern
    byline_glued: regex.Pattern
    name: regex.Pattern
    separator: regex.Pattern
    not_names: frozenset[str]
    lines_from_end: int


def _chrome_key(line: str) -> str:
    return " ".join(norm_word(line).rstrip(": ").lower().split())


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    data = load("document")
    ci = regex.IGNORECASE
    by = data["byline"]
    chrome_lines = frozenset(_chrome_key(w) for w in data["chrome_lines"])
    names = f"(?P<names>{by['name']}(?:{by['separator']}{by['name']})*)"
    return _Shapes(
        chrome_lines=chrome_lines,
        chrome_len=max(map(len, chrome_lines)) + 2,
        footer_headers=frozenset(_chrome_key(w) for w in data["footer_headers"]),
        chrome=tuple(compile_rx(s["rx"], ci) for s in data["chrome_shapes"]),
        captions=tuple(compile_rx(s["rx"]) for s in data["captions"]),
        leads=tuple(compile_rx(s["rx"]) for s in data["leads"]),
        max_title_words=int(data["max_title_words"]),
        timestamps=tuple(compile_rx(s["rx"], ci) for s in data["timestamps"]),
        title_timestamp=compile_rx(data["title_timestamp"], ci),
        byline_line=compile_rx(f"(?:{by['prefix']})?{names}{by['suffix']}$"),
        byline_glued=compile_rx(f"{by['glued_after']}{names}{by['suffix']}$"),
        name=compile_rx(by["name"]),
        separator=compile_rx(by["separator"]),
        not_names=frozenset(norm_word(w) for w in by["not_names"]),
        lines_from_end=int(by["lines_from_end"]),
    )


def _is_chrome(s: _Shapes, line: str) -> bool:
    listed = len(line) <= s.chrome_len and _chrome_key(line) in s.chrome_lines
    return listed or any(rx.search(line) for rx in s.chrome)


def _is_timestamp(s: _Shapes, line: str) -> bool:
    """A timestamp line, alone or as the first cell of a menu-like row ("Ngày đăng: 08/07/2019 |
    Lượt xem: 312")."""
    first = line.split("|", 1)[0].strip()
    return any(rx.search(first) for rx in s.timestamps)


def _is_caption(s: _Shapes, line: str) -> bool:
    return any(rx.search(line) for rx in s.captions)


def _published(s: _Shapes, text: str, lines: list[Line]) -> tuple[str | None, int | None]:
    """The date of the first timestamp line (or headline-line timestamp) and that line's index."""
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        tail = s.title_timestamp.search(line)
        if _is_timestamp(s, line) or tail:
            day = dates.first_day(text, a + tail.start() if tail else a, b)
            if day:
                return day, i
    return None, None


def _footer(s: _Shapes, text: str, lines: list[Line], stamp: int | None) -> int:
    """Index of the first line of the page footer: a timestamp or a related-articles header
    ("Tin liên quan") printed in the second half of the page; ``len(lines)`` without one."""
    half = len(lines) // 2
    headers = (i for i, (a, b) in enumerate(lines[half + 1:], half + 1)
               if _chrome_key(text[a:b]) in s.footer_headers)
    return min(stamp if stamp is not None and stamp > half else len(lines), next(headers, len(lines)))


def _chrome(s: _Shapes, text: str, lines: list[Line], stamp: int | None) -> list[Line]:
    """Chrome lines: the listed and shaped ones, and every line of the page footer."""
    footer = _footer(s, text, lines, stamp)
    return [(a, b) for i, (a, b) in enumerate(lines)
            if i >= footer or _is_chrome(s, text[a:b]) or _is_timestamp(s, text[a:b])]


def _title(s: _Shapes, text: str, lines: list[Line], chrome: set[Line]) -> tuple[int, int] | None:
    """Span of the headline: the first non-chrome line, unless it is a lead sentence or a caption."""
    first = next((ln for ln in lines if ln not in chrome), None)
    if first is None:
        return None
    a, b = first
    tail = s.title_timestamp.search(text, a, b)
    if tail:
        b = a + len(text[a:tail.start()].rstrip())
    line = text[a:b]
    if not line.strip() or _is_caption(s, line) or len(line.split()) > s.max_title_words \
            or any(rx.search(line) for rx in s.leads):
        return None
    return a, b


def _names(s: _Shapes, text: str, start: int, end: int) -> list[Line] | None:
    """Spans of the names of a signature in ``text[start:end]``, or None if one is not a name."""
    out, cursor = [], start
    for sep in [*s.separator.finditer(text, start, end), None]:
        a, b = cursor, sep.start() if sep else end
        cursor = sep.end() if sep else end
        piece = text[a:b]
        if not piece.strip():
            continue
        lead = len(piece) - len(piece.lstrip())
        out.append((a + lead, a + len(piece.rstrip())))
    for a, b in out:
        if not s.name.fullmatch(text, a, b) or set(text[a:b].split()) & s.not_names:
            return None
    return out or None


def _byline(s: _Shapes, text: str, lines: list[Line], chrome: set[Line],
            title: Line | None) -> list[Line]:
    """Spans of the author names: a line of names, or names glued after a paragraph's last sentence.

    Looks at the last few non-chrome lines from the end, since photo captions often follow the
    signature; a photo credit is neither shape (its names follow ``Ảnh:``). Some sites print the
    signature under the headline instead, so the line after it is tried last.
    """
    body = [ln for ln in lines if ln not in chrome][1:]  # the headline is never the signature
    for a, b in list(reversed(body))[:s.lines_from_end]:
        m = s.byline_line.match(text, a, b)
        if m and (names := _names(s, text, *m.span("names"))):
            return names
        m = s.byline_glued.search(text, a, b)
        if m and (names := _names(s, text, *m.span("names"))):
            return names
    under = next((ln for ln in body if title and ln[0] > title[1]), None)
    m = s.byline_line.fullmatch(text, *under) if under else None
    return (m and _names(s, text, *m.span("names"))) or []


def recognise(art: Article) -> None:
    """Set ``art.title``/``title_span``, ``art.published``, ``art.byline`` and ``art.chrome``."""
    s = _shapes()
    text = art.text
    lines = list(art.seg.paragraphs)
    published, stamp = _published(s, text, lines)
    art.published = published or art.source.published_hint
    art.chrome = _chrome(s, text, lines, stamp)
    chrome = set(art.chrome)
    span = _title(s, text, lines, chrome)
    if span:
        art.title_span = span
        art.title = art.printed(*span)
    art.byline = [art.printed(*name) for name in _byline(s, text, lines, chrome, span)]
