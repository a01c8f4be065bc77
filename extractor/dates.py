"""DATE mentions: points of time found by the rules of ``patterns/dates.yaml``, joined into intervals
and anchored to a year.

Three steps, as in HeidelTime: *extraction* (each named rule yields points: a day, a month, a
quarter, ...), *composition* (``từ <point> đến <point>``, ``giai đoạn 2020-2025``, ``… đến nay``)
and *normalisation* (TIMEX3-style values). A point that prints no year takes it from an earlier
point of the same kind in its sentence (``quý 1-2018 và … quý 2``), else from the article's
``published`` date, else stays ``XXXX``: never from file names or today's date.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from .article import Article, Mention
from .patterns import alternation, compile_rx, load, norm_word

_FLAGS = regex.IGNORECASE | regex.MULTILINE
_PLACEHOLDER = regex.compile(r"\{([A-Za-z_0-9]+)\}")
PRESENT = "PRESENT"


@dataclass(frozen=True)
class _Rule:
    name: str
    kind: str
    rx: regex.Pattern


@dataclass(frozen=True)
class _Grammar:
    """Everything compiled from the data file, once per process."""

    rules: tuple[_Rule, ...]
    opener: regex.Pattern
    range_opener: regex.Pattern
    connector: regex.Pattern
    to_present: regex.Pattern
    coordination: regex.Pattern
    identifiers: tuple[regex.Pattern, ...]
    roman: dict[str, int]
    half: dict[str, str]
    lead: dict[str, str]
    month_counts: dict[int, str]
    max_range_years: int


@dataclass(frozen=True)
class _Point:
    """One extracted point (or self-contained period) before anchoring; ``year`` None = not printed."""

    start: int
    end: int
    rule: str
    kind: str
    year: str | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: str | None = None
    months: int | None = None
    lead: str = "first"
    this_year: bool = False
    year2: str | None = None


@dataclass(frozen=True)
class _Span:
    """A DATE as it will be written: one point, or an interval of two (``last`` None = until now)."""

    start: int
    end: int
    rule: str
    first: _Point
    last: _Point | None = None
    interval: bool = False


def _expand(template: str, words: dict[str, list[str]], fragments: dict[str, str]) -> str:
    """Replace ``{list}`` by the alternation of a word list and ``{FRAGMENT}`` by its regex."""
    def sub(m: regex.Match) -> str:
        key = m.group(1)
        if key in fragments:
            return _expand(fragments[key], words, fragments)
        if key in words:
            return alternation(words[key])
        raise KeyError(f"patterns/dates.yaml: unknown placeholder {{{key}}}")
    return _PLACEHOLDER.sub(sub, template)


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    data = load("dates")
    words, frags = data["words"], data["fragments"]
    tables, iv = data["tables"], data["intervals"]

    def rx(template: str) -> regex.Pattern:
        return compile_rx(_expand(template, words, frags), _FLAGS)

    return _Grammar(
        rules=tuple(_Rule(r["name"], r["kind"], rx(r["rx"])) for r in data["rules"]),
        opener=rx(iv["opener"]),
        range_opener=rx(iv["range_opener"]),
        connector=rx(iv["connector"]),
        to_present=rx(iv["word_connector"] + iv["present"]),
        coordination=rx(iv["coordination"]),
        identifiers=tuple(compile_rx(i["rx"]) for i in data["identifiers"]),
        roman={k.upper(): int(v) for k, v in tables["roman"].items()},
        half={_key(k): v for k, v in tables["half"].items()},
        lead={_key(k): v for k, v in tables["lead"].items()},
        month_counts={int(k): v for k, v in tables["month_counts"].items()},
        max_range_years=int(tables["max_range_years"]),
    )


def _key(words: str) -> str:
    """A table key as looked up from matched text: normalised, lower case, single spaces."""
    return " ".join(norm_word(words).lower().split())


def _full_year(digits: str) -> str:
    """A printed year as four digits; two-digit years (``28/05/13``) are 1970–2069."""
    if len(digits) == 4:
        return digits
    yy = int(digits)
    return str(2000 + yy if yy < 70 else 1900 + yy)


def _group(m: regex.Match, name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _point(g: _Grammar, rule: _Rule, m: regex.Match) -> _Point | None:
    """The point a rule's match denotes, or None when the numbers do not make one."""
    y, yy = _group(m, "y"), _group(m, "yy")
    year = _full_year(y or yy) if (y or yy) else None
    base = _Point(m.start(), m.end(), rule.name, rule.kind, year=year,
                  this_year=_group(m, "nay") is not None)
    d, mo = _group(m, "d"), _group(m, "m")
    if rule.kind == "day":
        return replace(base, day=int(d), month=int(mo))
    if rule.kind == "month":
        return replace(base, month=int(mo))
    if rule.kind == "quarter":
        q = m.group("q").upper()
        return replace(base, quarter=g.roman[q] if q in g.roman else int(q))
    if rule.kind == "half":
        return replace(base, half=g.half[_key(m.group("h"))])
    if rule.kind == "months":
        lead = _group(m, "lead")
        return replace(base, months=int(m.group("n")), lead=g.lead[_key(lead)] if lead else "first")
    if rule.kind == "year_range":
        y1, y2 = m.group("y1"), m.group("y2")
        ok = 0 < int(y2) - int(y1) <= g.max_range_years
        return replace(base, year=y1, year2=y2) if ok else None
    if rule.kind == "year":
        return base
    if rule.kind == "open_year":
        return replace(base, this_year=True)
    raise ValueError(f"patterns/dates.yaml: rule {rule.name} has unknown kind {rule.kind}")


def _identifier_spans(g: _Grammar, text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in g.identifiers for m in rx.finditer(text)]


def _points(g: _Grammar, text: str, start: int = 0, end: int | None = None) -> list[_Point]:
    """Non-overlapping points of ``text[start:end]`` in text order; the longest match wins."""
    end = len(text) if end is None else end
    blocked = _identifier_spans(g, text[start:end])
    found: list[_Point] = []
    for rule in g.rules:
        for m in rule.rx.finditer(text, start, end):
            if any(s < m.end() - start and m.start() - start < e for s, e in blocked):
                continue
            p = _point(g, rule, m)
            if p is not None:
                found.append(p)
    kept: list[_Point] = []
    for p in sorted(found, key=lambda p: (p.start - p.end, p.start)):
        if all(p.end <= k.start or k.end <= p.start for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


def _compose(g: _Grammar, text: str, points: list[_Point]) -> list[_Span]:
    """Join points into intervals where ``từ``/``giai đoạn`` opens and an end follows.

    The opener belongs to the span only when the interval is complete, so ``từ ngày 1/7/2022`` alone
    stays the point ``ngày 1/7/2022`` (SPEC §6); ``từ đầu năm`` without an end is no DATE at all.
    """
    spans: list[_Span] = []
    i = 0
    while i < len(points):
        p = points[i]
        window = max(0, p.start - 40)
        if p.kind == "year_range":
            opener = g.range_opener.search(text, window, p.start)
            spans.append(_Span(opener.start() if opener else p.start, p.end, p.rule, p, interval=True))
            i += 1
            continue
        opener = g.opener.search(text, window, p.start)
        start = p.start if p.kind == "open_year" else opener.start() if opener else None
        nxt = points[i + 1] if i + 1 < len(points) else None
        if start is not None:
            if nxt and nxt.kind not in ("year_range", "open_year") \
                    and g.connector.fullmatch(text, p.end, nxt.start):
                spans.append(_Span(start, nxt.end, "interval", p, nxt, interval=True))
                i += 2
                continue
            now = g.to_present.match(text, p.end)
            if now:
                spans.append(_Span(start, now.end(), "interval_to_now", p, None, interval=True))
                i += 1
                continue
        if p.kind != "open_year":
            spans.append(_Span(p.start, p.end, p.rule, p))
        i += 1
    return spans


def _year_of(p: _Point, anchor: str | None, published: str | None) -> str:
    """The year a point is read in: its own, the sentence's, the article's, or unknown."""
    if p.year:
        return p.year
    if p.this_year or not anchor:
        return published[:4] if published else "XXXX"
    return anchor


def _format(p: _Point, year: str, g: _Grammar) -> tuple[str, str]:
    """TIMEX3-style value and granularity of a point read in ``year``."""
    if p.kind == "day":
        return f"{year}-{p.month:02d}-{p.day:02d}", "day"
    if p.kind == "month":
        return f"{year}-{p.month:02d}", "month"
    if p.kind == "quarter":
        return f"{year}-Q{p.quarter}", "quarter"
    if p.kind == "half":
        return f"{year}-{p.half}", "half"
    if p.kind == "months":
        unit = g.month_counts.get(p.months)
        if unit == "half":
            return f"{year}-{'H1' if p.lead == 'first' else 'H2'}", "half"
        if unit == "year":
            return year, "year"
        lo, hi = (1, p.months) if p.lead == "first" else (13 - p.months, 12)
        return f"{year}-{lo:02d}/{year}-{hi:02d}", "interval"
    if p.kind == "year_range":
        return f"{p.year}/{p.year2}", "interval"
    return year, "year"


def _value(s: _Span, anchor: str | None, published: str | None, g: _Grammar) -> tuple[str, str]:
    """Value and granularity of a span; the two ends of an interval lend each other their year."""
    if not s.interval or s.first.kind == "year_range":
        return _format(s.first, _year_of(s.first, anchor, published), g)
    first_year = s.first.year or (s.last.year if s.last else None)
    start = _format(s.first, first_year or _year_of(s.first, anchor, published), g)[0]
    if s.last is None:
        return f"{start}/{published or PRESENT}", "interval"
    last_year = s.last.year or s.first.year or _year_of(s.last, anchor, published)
    return f"{start}/{_format(s.last, last_year, g)[0]}", "interval"


def _anchors(art: Article, g: _Grammar, spans: list[_Span]) -> list[str | None]:
    """For each span, the year its sentence lends a yearless point of the same kind.

    That is the nearest earlier point of the kind in the sentence that prints a year (``quý 1-2018
    và … quý 2``), else the next span when it is coordinated with this one (``tháng 3 và tháng
    4/2023``); None sends the point to the published date.
    """
    sentences = [art.sentence_of(s.start) for s in spans]
    out: list[str | None] = []
    for i, s in enumerate(spans):
        kind = s.first.kind
        before = (p.year for j in range(i - 1, -1, -1) if sentences[j] == sentences[i]
                  for p in (spans[j].last, spans[j].first) if p and p.kind == kind and p.year)
        anchor = next(before, None)
        if anchor is None and i + 1 < len(spans):
            nxt = spans[i + 1]
            if nxt.first.kind == kind and nxt.first.year and sentences[i + 1] == sentences[i] \
                    and g.coordination.fullmatch(art.text, s.end, nxt.start):
                anchor = nxt.first.year
        out.append(anchor)
    return out


def recognise(art: Article) -> list[Mention]:
    """DATE mentions of ``art.text`` with ``value`` and ``granularity``."""
    g = _grammar()
    spans = _compose(g, art.text, _points(g, art.text))
    out = []
    for s, anchor in zip(spans, _anchors(art, g, spans)):
        value, granularity = _value(s, anchor, art.published, g)
        out.append(Mention(s.start, s.end, "DATE", {"value": value, "granularity": granularity},
                           rule=s.rule))
    return out


def first_day(text: str, start: int = 0, end: int | None = None) -> str | None:
    """ISO date of the first fully printed day in ``text[start:end]``, for date lines and timestamps."""
    g = _grammar()
    for p in _points(g, text, start, end):
        if p.kind == "day" and p.year:
            return f"{p.year}-{p.month:02d}-{p.day:02d}"
    return None

