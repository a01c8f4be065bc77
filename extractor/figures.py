"""Figures: every quantity written with digits, and online service levels in words (SPEC §3).

Three passes over ``art.text``. Service levels come first, because ``3,4`` after ``mức độ`` is the
levels 3 and 4, not 3.4. Then every digit run is read by its shape (a number, a fraction, a range,
or a date, time or code that is no figure) and its neighbours (identifier and date cue words
before it, glued letters after it). Last, each figure gets its qualifier from the words before it
and its unit from the noun phrase after it, with counts of dossiers typed ``dossier_count``.

All word lists live in ``patterns/figures.yaml`` and ``patterns/numbers.yaml``. Linking attributes
(metric, period, locality, tier, is_target, service_level) are left to ``linking``.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

import regex

from . import numbers, tables
from .article import Article, Mention
from .patterns import alternation, compile_rx, load, norm_word

_RUN = regex.compile(r"(?<!\w)(?<!\w[.,:/\-–])(?<![+])\d+(?:[.,:/\-–]\d+)*")
_PART_SPLIT = regex.compile(r"([/\-–])")
_WORD = regex.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+\d*|\S")
_HAS_DIGIT = regex.compile(r"\d")
_LEVEL_DIGIT = regex.compile(r"[1-4]")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_PLAIN_INT = regex.compile(r"\d{1,2}")
_CLAUSE_BREAK = regex.compile(r"[,;.()\[\]\n]")
_ID_SUFFIX = regex.compile(r"\s?/\s?\p{Lu}|[-–]\p{Lu}")


def _flat(items: Iterable[Any]) -> list[str]:
    """A YAML list that may include another list through an alias, as flat strings."""
    out: list[str] = []
    for item in items:
        out.extend(_flat(item) if isinstance(item, list) else [str(item)])
    return out


def _phrases(words: Iterable[str]) -> frozenset[str]:
    """Lower-cased, normalised phrases for token-aligned lookups."""
    return frozenset(norm_word(w).lower() for w in words)


@dataclass(frozen=True)
class _Rules:
    """The compiled contents of figures.yaml, built once per process."""

    multiplier: regex.Pattern
    percent: regex.Pattern
    glued: regex.Pattern
    time_suffix: regex.Pattern
    attached_units: frozenset[str]
    identifier_before: regex.Pattern
    count_before_so: regex.Pattern
    date_before: regex.Pattern
    year_before: regex.Pattern
    rank_before: regex.Pattern
    ordinal_before: regex.Pattern
    month_period: regex.Pattern
    around_the_clock: frozenset[str]
    blocked: tuple[regex.Pattern, ...]
    qualifier_before: regex.Pattern
    qualifier_names: dict[str, str]
    comparative_hon: regex.Pattern
    qualifier_after: regex.Pattern
    level_cue: regex.Pattern
    level_words: regex.Pattern
    level_word: regex.Pattern
    level_values: dict[str, str]
    partial_cue: regex.Pattern
    level_context: regex.Pattern
    list_link: regex.Pattern
    verb_link: regex.Pattern
    share_link: regex.Pattern
    shared_qualifiers: frozenset[str]
    compounds: regex.Pattern
    not_head: frozenset[str]
    unit_end: frozenset[str]
    unit_end_joined: regex.Pattern
    backward_head: regex.Pattern
    row_number_header: regex.Pattern
    dossier: frozenset[str]
    classifiers: frozenset[str]
    not_dossier: frozenset[str]
    petition: frozenset[str]
    elided_petition: frozenset[str]
    rank_unit: str


def _before_rx(words: Iterable[str], not_after: Iterable[str] = ()) -> regex.Pattern:
    """Words that end right before a number (only spaces between), as a pattern over the text
    preceding it; not when one of ``not_after`` precedes the word (``danh mục`` is no ``mục``)."""
    unless = list(not_after)
    guard = r"(?<!(?:" + alternation(unless) + r")\s)" if unless else ""
    return regex.compile(guard + r"(?<!\w)" + alternation(words) + r"\s*$", regex.IGNORECASE)


def _between_rx(words: Iterable[str]) -> regex.Pattern:
    """One of ``words`` as all the text between two numbers (spaces around it optional)."""
    return regex.compile(r"\s*" + alternation(words) + r"\s*", regex.IGNORECASE)


def _compound_words(data: dict[str, Any]) -> list[str]:
    """The literal unit compounds plus every head + tail pair of ``counter_compounds``."""
    pairs = [f"{h} {t}" for group in data["counter_compounds"]
             for h in group["heads"] for t in group["tails"]]
    return [*data["unit_compounds"], *pairs]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load("figures")
    mult = alternation(numbers.multipliers())
    quals = data["qualifiers_before"]
    names = {norm_word(w).lower(): name for name, ws in quals.items() for w in ws}
    after = data["qualifiers_after"]
    level = alternation(data["level_words"])
    marks = "|".join(regex.escape(m) for m in data["level_separators"]["marks"])
    joins = alternation(data["level_separators"]["words"])
    sep = rf"(?:\s*(?:{marks})\s*|\s+{joins}\s+)"
    level_list = rf"{level}(?:(?:\s*,\s*|\s+{joins}\s+){level})*"
    one = r"[1-4](?!\d)"
    # a later number that counts something is no level: "mức độ 3 và 2 thủ tục ở mức độ 4"
    counted = alternation(data["partial_cues"] + data["dossier_nouns"])
    more = rf"{one}(?!\s+{counted}(?!\w))"
    stop_after = rf"(?!\d|[.,]\d|\s*%|\s*{mult}(?!\w))"
    cues = alternation(data["level_cues"])
    list_cues = alternation(data["level_list_cues"])
    return _Rules(
        multiplier=regex.compile(rf"\s+({mult}(?:\s+{mult})*)(?!\w)(?!\s+lệ)", regex.IGNORECASE),
        percent=regex.compile(r"\s?%"),
        glued=regex.compile(r"[^\W\d_]+\d*"),
        time_suffix=compile_rx(data["time_suffix_rx"], regex.IGNORECASE),
        attached_units=frozenset(norm_word(w) for w in data["attached_units"]),
        identifier_before=_before_rx(data["identifier_before"], data["identifier_not_after"]),
        count_before_so=regex.compile(r"(?<!\w)" + alternation(data["count_before_so"])
                                      + r"\s+số\s*$", regex.IGNORECASE),
        date_before=_before_rx(data["date_before"]),
        year_before=_before_rx(data["year_before"]),
        rank_before=regex.compile(r"(?<!\w)(?:" + alternation(data["rank_cues"])
                                  + r"\s+thứ(?:\s*\d+\s*(?:,|và|hoặc)\s*thứ)*|"  # "đứng thứ 2 và thứ 3"
                                  + alternation(data["rank_cues_bare"]) + r")\s*$",
                                  regex.IGNORECASE),
        ordinal_before=regex.compile(r"(?<!\w)thứ\s*$", regex.IGNORECASE),
        month_period=compile_rx(data["month_period_rx"], regex.IGNORECASE),
        around_the_clock=frozenset(data["around_the_clock"]),
        blocked=tuple(compile_rx(rx, regex.IGNORECASE) for rx in data["blocked_rx"].values()),
        qualifier_before=regex.compile(r"(?<!\w)(" + alternation(names) + r")\s*$",
                                       regex.IGNORECASE),
        qualifier_names=names,
        comparative_hon=regex.compile(r"(?<!\w)" + alternation(data["comparatives"])
                                      + r"\s+hơn\s*$", regex.IGNORECASE),
        qualifier_after=regex.compile(
            r"[^,;.:()\d\n]{0,40}?(?<!\w)(?:(?P<gt>" + alternation(after["gt"]) + r")|(?P<lt>"
            + alternation(after["lt"]) + r"))(?!\w)", regex.IGNORECASE),
        level_cue=regex.compile(
            rf"(?<!\w)(?:(?P<cue>{cues})\s+(?P<levels>{one}(?:{sep}{more})*)"
            rf"|(?P<lcue>{list_cues})\s+(?P<list>{one}(?:{sep}{more})+)){stop_after}",
            regex.IGNORECASE),
        level_words=regex.compile(rf"(?<!\w){level_list}(?!\w)", regex.IGNORECASE),
        level_word=regex.compile(level, regex.IGNORECASE),
        level_values={norm_word(w).lower(): v for w, v in data["level_words"].items()},
        partial_cue=regex.compile(alternation(data["partial_cues"]) + r"\s*$", regex.IGNORECASE),
        level_context=regex.compile(r"(?<!\w)" + alternation(data["partial_cues"]) + r"(?!\w)",
                                    regex.IGNORECASE),
        list_link=_between_rx(data["list_links"]),
        verb_link=regex.compile(r"\s*(?:,|và)\s*(?:đã\s+)?" + alternation(data["verb_links"]) + r"\s*",
                                regex.IGNORECASE),
        share_link=_between_rx(data["share_links"]),
        shared_qualifiers=frozenset(data["shared_qualifiers"]),
        compounds=regex.compile(alternation(_compound_words(data)) + r"(?!\w)", regex.IGNORECASE),
        not_head=_phrases(_flat(data["unit_not_head"])),
        unit_end=_phrases(_flat(data["unit_end"])),
        unit_end_joined=regex.compile(alternation(data["unit_end_joined"]) + r"\s", regex.IGNORECASE),
        row_number_header=regex.compile(alternation(data["row_number_headers"]), regex.IGNORECASE),
        backward_head=regex.compile(r"(?<!\w)" + alternation(data["backward_heads"]) + r"(?!\w)",
                                    regex.IGNORECASE),
        dossier=_phrases(data["dossier_nouns"]),
        classifiers=_phrases(data["dossier_classifiers"]),
        not_dossier=_phrases(data["not_dossier"]),
        petition=_phrases(data["petition_nouns"]),
        elided_petition=_phrases(data["elided_petitions"]),
        rank_unit=data["rank_unit"],
    )


# --- words -----------------------------------------------------------------------------------

class _Words:
    """The article's words in text order, from underthesea's tokens (so ``hồ sơ`` and ``đơn vị``
    are one word each), with tokens that glue a number to a word (``1.105 HS``) split apart.

    Words are addressed by character position, so a known compound can end inside a token the
    tokenizer got wrong (``tin`` + ``nhắn báo``) and the rest of that token is the next word."""

    def __init__(self, art: Article) -> None:
        self.text = art.text
        self.doc = art.doc
        self.starts: list[int] = art.doc.to_array("IDX").tolist() if len(art.doc) else []

    def _pieces(self, i: int) -> list[tuple[int, int]]:
        """Token ``i`` as word spans: itself, or its parts when it glues digits to letters."""
        tok = self.doc[i]
        if tok.is_space:
            return []
        start, txt = tok.idx, tok.text
        if _HAS_DIGIT.search(txt) and not txt.isdigit():
            return [(start + m.start(), start + m.end()) for m in _WORD.finditer(txt)]
        return [(start, start + len(txt))]

    def next(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The word at or after ``pos`` (the rest of a token when ``pos`` falls inside one), or
        None past ``limit``."""
        i = max(0, bisect_right(self.starts, pos) - 1)
        while i < len(self.starts) and self.starts[i] < limit:
            for start, end in self._pieces(i):
                if end <= pos:
                    continue
                if start < pos:
                    rest = self.text[pos:end]
                    start = pos + len(rest) - len(rest.lstrip())
                if start >= end:
                    continue
                return (start, end) if end <= limit else None
            i += 1
        return None

    def phrase_end(self, pos: int, phrases: frozenset[str], limit: int) -> int:
        """End of the longest run of up to four words from ``pos`` that is one of ``phrases``
        (lower-cased), or 0 when none is."""
        best, cursor, parts = 0, pos, []
        for _ in range(4):
            word = self.next(cursor, limit)
            if word is None:
                break
            parts.append(self.text[word[0]:word[1]])
            if " ".join(" ".join(parts).split()).lower() in phrases:
                best = word[1]
            cursor = word[1]
        return best


def _is_word(w: str) -> bool:
    return w[:1].isalpha()


def _is_name(w: str) -> bool:
    """A capitalised word that is not an acronym: a proper name, which a unit never runs into."""
    return w[:1].isupper() and not w.isupper()


def _unit_from(words: _Words, pos: int, limit: int, rules: _Rules,
               head: bool = True) -> tuple[int, int] | None:
    """The counted noun phrase starting at the word at ``pos``: its first word (or a known
    compound), then modifiers until a word of ``unit_end``, a non-word, a name, or ``limit``.
    ``head`` False skips the check that the first word may start a unit (the caller found it)."""
    text = words.text
    first = words.next(pos, limit)
    if first is None or "\n" in text[pos:first[0]] or not _is_word(text[first[0]:first[1]]):
        return None
    if head and words.phrase_end(first[0], rules.not_head, limit):
        return None
    start, end = first[0], _compound_end(text, first[0], limit, rules) or first[1]
    for _ in range(8):
        word = words.next(end, limit)
        if word is None:
            break
        w = text[word[0]:word[1]]
        if (not _is_word(w) or _is_name(w) or "\n" in text[end:word[0]]
                or words.phrase_end(word[0], rules.unit_end, limit)
                or rules.unit_end_joined.match(w)):
            break
        end = _compound_end(text, word[0], limit, rules) or word[1]
    return start, end


def _compound_end(text: str, pos: int, limit: int, rules: _Rules) -> int:
    """End of a known multi-syllable unit noun starting at ``pos`` (0 if none)."""
    m = rules.compounds.match(text, pos)
    return m.end() if m and m.end() <= limit else 0


# --- candidates ------------------------------------------------------------------------------

@dataclass
class _Figure:
    """A figure under construction: span, value, and what the unit search needs to know."""

    start: int
    end: int
    value: Any
    total: Any = None
    percent: bool = False
    rank: bool = False
    unit: str | None = None
    unit_span: tuple[int, int] | None = None
    rule: str = ""
    multiplier: str | None = None


class _Spans:
    """Disjoint, sorted character ranges (overlapping inputs merged) with an overlap test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def _blocked_spans(art: Article, rules: _Rules) -> _Spans:
    """Spans no figure may overlap: DATE and LOCALITY entities, addresses, phones, slogans."""
    spans = [(m.start, m.end) for m in art.entities if m.label in ("DATE", "LOCALITY")]
    for rx in rules.blocked:
        spans.extend(m.span() for m in rx.finditer(art.text))
    return _Spans(spans)


def _levels(text: str, rules: _Rules) -> Iterable[Mention]:
    """Service levels: digit lists after a level cue, and ``toàn trình`` / ``một phần``."""
    for m in rules.level_cue.finditer(text):
        if m.group("cue") and m.group("cue").lower() == "mức":
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not rules.level_context.search(text, max(line_start, m.start() - 80), m.start()):
                continue
        name = "levels" if m.group("levels") else "list"
        values = [int(d) for d in _LEVEL_DIGIT.findall(m.group(name))]
        yield Mention(m.start(name), m.end(name), "service_level", {"value": values, "unit": None},
                      rule="level_cue" if name == "levels" else "level_list")
    for m in rules.level_words.finditer(text):
        values = [rules.level_values[" ".join(w.group(0).split()).lower()]
                  for w in rules.level_word.finditer(m.group(0))]
        if values[0] == "partial" and not rules.partial_cue.search(text, max(0, m.start() - 40),
                                                                     m.start()):
            continue
        yield Mention(m.start(), m.end(), "service_level", {"value": values, "unit": None},
                      rule="level_words")


def _is_year(digits: str) -> bool:
    return bool(_YEAR.fullmatch(digits))


def _is_day_month(a: str, b: str) -> bool:
    return bool(_PLAIN_INT.fullmatch(a) and _PLAIN_INT.fullmatch(b)
                and 1 <= int(a) <= 31 and 1 <= int(b) <= 12)


def _suffix(text: str, end: int, rules: _Rules) -> tuple[int, bool, str | None, str | None] | None:
    """What is glued after a number: new end, ``%``, multiplier word, glued unit; None when the
    glued letters make a time (``10h``) or a code (``4G``)."""
    m = rules.percent.match(text, end)
    if m:
        return m.end(), True, None, None
    m = rules.glued.match(text, end)
    if m:
        if rules.time_suffix.match(m.group(0)) or m.group(0) not in rules.attached_units:
            return None
        return end, False, None, m.group(0)
    m = rules.multiplier.match(text, end)
    if m:
        after = rules.percent.match(text, m.end())
        return (after.end() if after else m.end()), bool(after), m.group(1), None
    return end, False, None, None


def _excluded_before(before: str, digits: str, rules: _Rules) -> bool:
    """Identifier and date cue words right before the number (``Kế hoạch 222``, ``ngày 15``)."""
    if rules.identifier_before.search(before):
        if before.rstrip().lower().endswith("số") and rules.count_before_so.search(before):
            return False
        return True
    if rules.date_before.search(before):
        return True
    return _is_year(digits) and bool(rules.year_before.search(before))


def _numbers(text: str, m: regex.Match, words: _Words, rules: _Rules) -> list[_Figure]:
    """The figures of one digit run, or none when it is a date, time, code or name."""
    run, start = m.group(0), m.start()
    if ":" in run or run in rules.around_the_clock:
        return []
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40):start]
    parts = _PART_SPLIT.split(run)
    digits = parts[::2]
    seps = parts[1::2]
    suffix = _suffix(text, m.end(), rules)
    if suffix is None or _ID_SUFFIX.match(text, m.end()):
        return []
    end, percent, mult, glued = suffix
    rank = bool(rules.rank_before.search(before))
    if not rank and rules.ordinal_before.search(before):
        return []
    if _excluded_before(before, digits[0], rules) and not rank:
        return []
    if len(digits) > 2 or any(_is_year(d) for d in digits[1:]):
        return []
    if len(digits) == 2 and seps[0] == "/":
        return _fraction(text, start, digits, end, percent, rank, words, rules)
    if len(digits) == 2:
        return _range(text, start, m, digits, end, percent, mult, before, rules)
    return _single(text, start, end, digits[0], percent, mult, glued, rank, before, words, rules)


def _single(text: str, start: int, end: int, digits: str, percent: bool, mult: str | None,
            glued: str | None, rank: bool, before: str, words: _Words,
            rules: _Rules) -> list[_Figure]:
    whole = numbers.integer_part(digits)
    if (len(whole) >= 3 and whole.startswith("0")) or (whole == digits and len(digits) >= 7):
        return []  # a phone, account or file number: quantities that long have separators
    if numbers.is_version(digits) and not percent and not mult:
        return []  # a version number: chính quyền điện tử 2.0
    if rules.month_period.match(text, end):
        return []  # 6 tháng đầu năm 2022: a DATE
    value = numbers.parse(digits, mult, percent)
    if value is None:
        return []
    fig = _Figure(start, end, value, percent=percent, rank=rank, rule="number", multiplier=mult)
    if glued:
        fig.unit, fig.unit_span = glued, (start + len(digits), start + len(digits) + len(glued))
        fig.rule = "number_glued_unit"
    if _is_year(digits) and not percent and not mult and not glued:
        # A bare year-shaped number is a year unless a counted noun follows (2020 hồ sơ).
        if _unit_from(words, end, len(text), rules) is None:
            return []
        fig.rule = "number_year_shaped"
    return [fig]


def _fraction(text: str, start: int, digits: list[str], end: int, percent: bool, rank: bool,
              words: _Words, rules: _Rules) -> list[_Figure]:
    a, b = digits
    if _is_day_month(a, b) and not rank and not _counts_after(text, end, words, rules):
        return []  # 10/8: a day and month
    value, total = numbers.parse(a, percent=percent), numbers.parse(b)
    if value is None or total is None:
        return []
    return [_Figure(start, end, value, total=total, percent=percent, rank=rank, rule="fraction")]


def _counts_after(text: str, end: int, words: _Words, rules: _Rules) -> bool:
    """Does a counted noun follow a day/month-shaped ``a/b`` (``5/6 nội dung``, ``3/4 TTHC``)?
    An acronym only counts when it is a known unit: ``(10/8) UBND tỉnh`` is a date."""
    span = _unit_from(words, end, len(text), rules)
    if span is None:
        return False
    unit = text[span[0]:span[1]]
    return unit[:1].islower() or bool(rules.backward_head.match(unit))


def _range(text: str, start: int, m: regex.Match, digits: list[str], end: int, percent: bool,
           mult: str | None, before: str, rules: _Rules) -> list[_Figure]:
    a, b = digits
    if _is_year(a) or (_is_day_month(a, b) and rules.date_before.search(before)):
        return []
    first_end = start + len(a)
    va, vb = numbers.parse(a, mult, percent), numbers.parse(b, mult, percent)
    if va is None or vb is None:
        return []
    b_start = m.end() - len(b)
    return [_Figure(start, first_end, va, percent=percent, rule="range_low", multiplier=mult),
            _Figure(b_start, end, vb, percent=percent, rule="range_high", multiplier=mult)]


# --- attributes --------------------------------------------------------------------------------

def _qualifier(text: str, fig: _Figure, unit_end: int, rules: _Rules) -> str | None:
    """gt / lt / approx from the words right before the figure, or ``trở lên`` after its unit."""
    line_start = text.rfind("\n", 0, fig.start) + 1
    before = text[max(line_start, fig.start - 30):fig.start]
    m = rules.qualifier_before.search(before)
    if m:
        word = " ".join(m.group(1).split()).lower()
        if not (word == "hơn" and rules.comparative_hon.search(before)):
            return rules.qualifier_names.get(word)
    after = rules.qualifier_after.match(text, unit_end)
    if after:
        return "gt" if after.group("gt") else "lt"
    return None


def _unit_before(text: str, fig: _Figure, words: _Words, rules: _Rules) -> tuple[int, int] | None:
    """The noun a figure counts when it follows the number's clause, as in ``hồ sơ đang trong hạn
    giải quyết 283`` or ``số hồ sơ trực tuyến lên đến 294.125``: the last dossier-like noun of the
    clause, with its modifiers."""
    clause_start = 0
    for b in _CLAUSE_BREAK.finditer(text, max(0, fig.start - 120), fig.start):
        clause_start = b.end()
    heads = list(rules.backward_head.finditer(text, max(clause_start, fig.start - 120), fig.start))
    if not heads:
        return None
    return _unit_from(words, heads[-1].start(), fig.start, rules, head=False)


def _dossier(unit: str, rules: _Rules) -> bool:
    """Is this unit a dossier or petition (``hồ sơ``, ``bộ hồ sơ``, ``HS dịch vụ công``)?"""
    if _starts_with(unit, rules.not_dossier):
        return False
    first, _, rest = " ".join(unit.split()).partition(" ")
    noun = rest if first.lower() in rules.classifiers and rest else unit
    return _starts_with(noun, rules.dossier)


def _starts_with(unit: str | None, phrases: frozenset[str]) -> bool:
    low = " ".join((unit or "").split()).lower()
    return any(low == w or low.startswith(w + " ") for w in phrases)


def _elided_petitions(art: Article, mentions: list[Mention], rules: _Rules) -> None:
    """``05 đơn khiếu nại, 19 tố cáo``: a petition noun counted without ``đơn`` is a dossier
    count when its sentence also counts ``đơn``."""
    petitions = {art.sentence_of(m.start) for m in mentions
                 if m.label == "dossier_count" and _starts_with(m.attrs["unit"], rules.petition)}
    for m in mentions:
        if (m.label == "quantity" and _starts_with(m.attrs["unit"], rules.elided_petition)
                and art.sentence_of(m.start) in petitions):
            m.label, m.rule = "dossier_count", m.rule + "+elided_petition"


def _linked(text: str, low: _Figure, high: _Figure, rules: _Rules) -> bool:
    """Only a range or list word between two figures: ``30 - 50%``, ``3 hay 4``, ``20 đến 45``,
    ``1.032 và 846``, ``120, 340``."""
    between = text[low.end:high.start]
    return bool(between.strip()) and bool(rules.list_link.fullmatch(between))


def _inherit_lists(text: str, figures: list[_Figure], rules: _Rules) -> None:
    """``40-45%``, ``từ 3 đến 5 triệu đồng``, ``120, 340 và 560 hồ sơ``: a number of a range or
    list takes the percent sign, multiplier and unit of the one after it when it has none of its
    own. Right to left, so the last number's unit reaches the first of a longer list. Two verbs
    may share one noun too: ``tiếp nhận 1.500 và giải quyết 1.450 hồ sơ``."""
    for low, high in reversed(list(zip(figures, figures[1:]))):
        if low.unit or low.percent or low.rank or low.total is not None:
            continue
        if not (_linked(text, low, high, rules) or rules.verb_link.fullmatch(text, low.end, high.start)):
            continue
        if high.multiplier and not low.multiplier:
            scaled = numbers.parse(text[low.start:low.end], high.multiplier, high.percent)
            low.value, low.multiplier = (scaled, high.multiplier) if scaled is not None \
                else (low.value, None)
        if high.percent and not low.percent:
            low.percent, low.value = True, float(low.value)
        if high.unit is not None:
            low.unit, low.unit_span = high.unit, high.unit_span


def _shares(text: str, figures: list[_Figure], rules: _Rules) -> list[_Figure]:
    """``3 trên 4 đơn vị``, ``đứng thứ 5 trên 63 tỉnh``: two bare numbers joined by a share word
    are one figure with a total, as ``3/4`` and ``5/63`` are; ``trên`` between numbers is not the
    qualifier "more than"."""
    out: list[_Figure] = []
    for fig in figures:
        prev = out[-1] if out else None
        if (prev and not (prev.percent or prev.multiplier or fig.percent)
                and prev.total is None and fig.total is None and not prev.unit
                and rules.share_link.fullmatch(text, prev.end, fig.start)):
            out[-1] = _Figure(prev.start, fig.end, prev.value, total=fig.value, rank=prev.rank,
                              unit=fig.unit, unit_span=fig.unit_span, rule="share")
        else:
            out.append(fig)
    return out


def _share_qualifiers(text: str, pairs: list[tuple[_Figure, Mention]], rules: _Rules) -> None:
    """``khoảng 2-3 ngày``, ``khoảng 100 lượt tàu, 1.000 lượt xe``: a shared qualifier of the
    first number of a range, list or run of parallel nouns (same head word, only a list word
    between) also qualifies the next number when it has none of its own."""
    for (low, first), (high, second) in zip(pairs, pairs[1:]):
        qualifier = first.attrs["qualifier"]
        if qualifier not in rules.shared_qualifiers or second.attrs["qualifier"]:
            continue
        if _linked(text, low, high, rules) or _parallel(text, low, high, rules):
            second.attrs["qualifier"] = qualifier


def _parallel(text: str, low: _Figure, high: _Figure, rules: _Rules) -> bool:
    """``100 lượt tàu biển, 1.000 lượt phương tiện``: each number's own unit follows it, the units
    are two kinds of one counter (same first word, not the same noun: ``200 hồ sơ, 50 hồ sơ đang
    xử lý`` breaks a total down), and only a list word stands between the first unit and the
    second number."""
    if not (low.unit and high.unit and low.unit_span and low.unit_span[0] >= low.end):
        return False
    a, b = low.unit.lower().split(), high.unit.lower().split()
    if a[0] != b[0] or a == b:
        return False
    between = text[low.unit_span[1]:high.start]
    return bool(between.strip()) and bool(rules.list_link.fullmatch(between))


def _table_cells(art: Article, figures: list[_Figure], rules: _Rules) -> list[_Figure]:
    """Numbers in a table row: the row numbers (column ``STT``) are no figures, and a bare number
    counts what its column header names ("Hồ sơ tiếp nhận" → ``hồ sơ``), or, when the header
    names no noun ("Đúng hạn"), what the nearest header to its left names."""
    if not art.tables:
        return figures
    text, out = art.text, []
    for fig in figures:
        cell = tables.header_of(art.tables, fig.start)
        if cell is None:
            out.append(fig)
            continue
        if rules.row_number_header.fullmatch(text, *cell.header):
            continue
        if not (fig.unit or fig.percent or fig.rank) and cell.span == (fig.start, fig.end):
            for a, b in reversed(cell.table.header[:cell.column + 1]):
                noun = rules.backward_head.search(text, a, b)
                if noun:
                    fig.unit = " ".join(noun.group().split())
                    break
        out.append(fig)
    return out


def _mention(text: str, fig: _Figure, rules: _Rules) -> Mention:
    if fig.percent:
        label, unit = "percentage", "%"
    else:
        unit = rules.rank_unit if fig.rank else fig.unit
        label = "dossier_count" if unit and not fig.rank and _dossier(unit, rules) else "quantity"
    unit_end = fig.unit_span[1] if fig.unit_span and fig.unit_span[0] >= fig.end else fig.end
    attrs = {"value": fig.value, "total": fig.total, "unit": unit,
             "qualifier": _qualifier(text, fig, unit_end, rules)}
    return Mention(fig.start, fig.end, label, attrs, rule=fig.rule)


def recognise(art: Article) -> list[Mention]:
    """Figures found in ``art.text``, in text order."""
    rules = _rules()
    text = art.text
    blocked = _blocked_spans(art, rules)
    levels = [m for m in _levels(text, rules) if not blocked.overlaps(m.start, m.end)]
    taken = _Spans((m.start, m.end) for m in levels)
    words = _Words(art)
    figures: list[_Figure] = []
    for m in _RUN.finditer(text):
        if blocked.overlaps(m.start(), m.end()) or taken.overlaps(m.start(), m.end()):
            continue
        figures.extend(_numbers(text, m, words, rules))
    figures = _shares(text, figures, rules)
    stops = sorted([f.start for f in figures] + [m.start for m in levels]) + [len(text)]
    for fig, after in zip(figures, [*figures[1:], None]):
        if fig.percent or fig.unit_span:
            continue
        limit = stops[bisect_left(stops, fig.end)]
        span = _unit_from(words, fig.end, limit, rules)
        if span is None and not (after and _linked(text, fig, after, rules)):
            span = _unit_before(text, fig, words, rules)
        if span:
            fig.unit_span = span
            fig.unit = " ".join(text[span[0]:span[1]].split())
    _inherit_lists(text, figures, rules)
    figures = _table_cells(art, figures, rules)
    counted = [_mention(text, f, rules) for f in figures]
    _share_qualifiers(text, list(zip(figures, counted)), rules)
    _elided_petitions(art, counted, rules)
    return sorted([*levels, *counted], key=lambda m: (m.start, m.end))
