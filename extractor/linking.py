"""Linking: what each figure measures, and for which period, place and tier (SPEC §3 and §6).

Reports chain many figures in one sentence ("tiếp nhận 26.356 hồ sơ và đã giải quyết được 25.969
hồ sơ, đạt tỷ lệ 99,83%"), so every rule reads a *window* around its figure: the sentence, cut at
``;`` and at the neighbouring counts and rates, because a cue belongs to the figure it stands next
to. The words are data (patterns/linking.yaml); this module only says where to look for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from . import localities, tables
from .article import Article, Mention
from .patterns import alternation, load, norm_word

COUNT, RATE, LEVEL, QUANTITY = "dossier_count", "percentage", "service_level", "quantity"
_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}
_BELOW = {"province": "district", "district": "commune"}
_FLAGS = regex.IGNORECASE | regex.V0

# Grammar glue the rules below are written with (the cue words themselves are data).
_LIST_PUNCT = regex.compile(r"[,()]")
_ABBREVIATION = regex.compile(r"\(\s*[\w.]{1,10}\s*\)")       # "thủ tục hành chính (TTHC)"
_NOUN_END = regex.compile(r"\s(?:và|hoặc|nhưng|thì)\s")           # a count's noun stops at a conjunction
_LEVEL_WORD = regex.compile(r"(?:mức độ|cấp độ|mức)\s+(?=\s*\()")
_SHORT_BRACKETS = regex.compile(r"\([^()]{0,12}\)")
_NEW_RATE = regex.compile(r"t[ỷỉ] lệ|;", _FLAGS)                   # a new "tỷ lệ" starts a new rate
_CLAUSE_MARK = regex.compile(r"[,;(]")
_PHRASE_END = regex.compile(r"[,;:()]")
_SENTENCE_MARK = regex.compile(r"[;.:]")
_LEVEL_JOIN = regex.compile(r"\s*(?:,|và|hoặc)?\s*(?:mức(?: độ)?|cấp độ)?\s*", _FLAGS)
_LIST_JOIN = regex.compile(r"\s*(?:,|và|hoặc)\s*(?:các\s+)?")  # "TP. Bảo Lộc và các huyện Lâm Hà"
_OF_AT = regex.compile(r"(?:của|tại|ở)\s*$", _FLAGS)               # "... của Q. 4"
_NUMBER_END = regex.compile(r"\d(?:[\d.,/]*\d)?\s*$")
_RANK = regex.compile(r"(?<!\w)(?:thứ|hạng)\s*$", _FLAGS)          # "đứng thứ 5/63 tỉnh"
_FROM = regex.compile(r"(?<!\w)từ\s*(?:\S{0,12}\s*(?:-|–|đến)\s*)?$", _FLAGS)  # "giảm từ 20-45 ngày ..."
_DOWN_TO = regex.compile(r"(?<!\w)còn\s*\d", _FLAGS)              # "... còn 12 ngày"
_LIST_ITEM = regex.compile(r"\s*[-–+•]")


def _words(words: list[str]) -> str:
    """A case-insensitive alternation of whole words (no letter may touch either end)."""
    return r"(?<!\w)" + alternation(words) + r"(?!\w)"


def _key(phrase: str) -> str:
    """The spelling a matched phrase is looked up under: lower case, single spaces."""
    return " ".join(norm_word(phrase).lower().split())


@dataclass(frozen=True)
class _Rules:
    """patterns/linking.yaml compiled once per process."""

    cue: regex.Pattern
    cue_kind: dict[str, str]
    priority: dict[str, int]
    count_metric: dict[str, str]
    rate_metric: dict[str, str]
    online_noun: regex.Pattern
    noun_after: regex.Pattern
    not_nouns: frozenset[str]
    change: regex.Pattern
    comparative: regex.Pattern
    scope: regex.Pattern
    rate_link: regex.Pattern
    mask: regex.Pattern
    level_unit: regex.Pattern
    level_topic: regex.Pattern
    tier_list: regex.Pattern
    tier_noun: regex.Pattern
    tier_of: dict[str, str]
    whole_and: regex.Pattern
    unit_noun: regex.Pattern
    actors: regex.Pattern
    national: regex.Pattern
    national_near: regex.Pattern
    national_units: regex.Pattern
    units_of: regex.Pattern
    former: regex.Pattern
    named_unit: regex.Pattern
    generic_unit: regex.Pattern
    bare_unit: regex.Pattern
    comparison: regex.Pattern
    respectively: regex.Pattern
    same_rate: regex.Pattern
    topic_lead: regex.Pattern
    target: regex.Pattern
    target_none: regex.Pattern
    target_continue: regex.Pattern
    goal_heading: regex.Pattern
    result: regex.Pattern
    past: regex.Pattern
    result_before: regex.Pattern
    not_period: tuple[regex.Pattern, ...]
    period_back: regex.Pattern
    period_block: regex.Pattern
    event_back: regex.Pattern
    as_of: regex.Pattern


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """Build the compiled rules from the data file (cached: one build per process)."""
    d = load("linking")
    cue_kind = {_key(w): kind for kind, words in d["metric_cues"].items() for w in words}
    tier_of = {_key(w): tier for tier, words in d["tier_nouns"].items() for w in words}
    noun = alternation(tier_of) + r"(?!\w)(?!\s+(?-i:\p{Lu}))"  # "Sở Tài chính" names one office
    lead = alternation(d["tier_lead"])
    return _Rules(
        cue=regex.compile(_words(list(cue_kind)), _FLAGS),
        cue_kind=cue_kind,
        priority={kind: i for i, kind in enumerate(d["metric_priority"])},
        count_metric=d["count_metric"],
        rate_metric=d["rate_metric"],
        online_noun=regex.compile(r"\s*(?:" + alternation(d["noun_lead"]) + r"\s+)?"
                                  + alternation(d["online_rate_nouns"]) + r"(?!\w)", _FLAGS),
        noun_after=regex.compile(r"\s*(?:" + alternation(d["noun_lead"]) + r"\s+)?(\w+)", _FLAGS),
        not_nouns=frozenset(_key(w) for w in d["not_nouns"]),
        change=regex.compile(_words(d["change_words"]) + r"\s*(?:" + alternation(d["near_words"])
                             + r"\s*)?$", _FLAGS),
        comparative=regex.compile(_words(d["comparatives"]) + r"[^\d,;.]{0,30}$", _FLAGS),
        rate_link=regex.compile(d["rate_link"], _FLAGS),
        scope=regex.compile(_words(d["scope_words"]) + r"\s*$", _FLAGS),
        mask=regex.compile(_words(d["mask"]), _FLAGS),
        level_unit=regex.compile(r"\s*" + alternation(d["service_level_units"]) + r"(?!\w)", _FLAGS),
        level_topic=regex.compile(_words(d["service_level_topic"]), _FLAGS),
        tier_list=regex.compile(r"(?<!\w)(?P<lead>" + lead + r"\s+)?(?P<list>" + noun
                                + r"(?:\s*(?:,|và|hoặc)\s*" + noun + r")*)(?!\w)", _FLAGS),
        tier_noun=regex.compile(r"(?<!\w)" + noun + r"(?!\w)", _FLAGS),
        tier_of=tier_of,
        whole_and=regex.compile(r"(?<!\w)" + alternation(d["whole_unit_offices"])
                                + r"[^,;.]{0,50}\s(?:và|cùng)\s*(?:\d[\d.,]*\s*)?$", _FLAGS),
        unit_noun=regex.compile(r"\s*(" + alternation(tier_of) + r")(?!\w)", _FLAGS),
        actors=regex.compile(_words(d["actors"]) + r"(?:\s*,\s*" + _words(d["actors"]) + ")+", _FLAGS),
        bare_unit=regex.compile(r"(?<!(?:" + alternation(d["not_anaphor_before"]) + r")\s)(?<!\w)("
                                + alternation(d["unit_words"]) + r")(?!\w)(?!\s+(?:(?-i:\p{Lu})|\d|"
                                + alternation(d["not_anaphor_after"]) + r"(?!\w)))", _FLAGS),
        named_unit=regex.compile(r"(?<!\w)" + alternation(d["named_unit_heads"]) + r"\s+\p{Lu}"),
        generic_unit=regex.compile(r"\s*" + alternation(d["generic_units"]) + r"(?!\w)", _FLAGS),
        national=regex.compile(_words(d["national"]), _FLAGS),
        national_near=regex.compile(_words(d["national_near"]) + d["national_gap"], _FLAGS),
        national_units=regex.compile(r"\s*" + alternation(d["national_units"]) + r"(?!\w)", _FLAGS),
        units_of=regex.compile(r"\s*" + _words(d["units_of"]) + r"\s+(?:toàn\s+)?(?:(?P<word>"
                               + alternation(d["unit_words"]) + r")(?!\w)(?!\s+(?:(?-i:\p{Lu})|\d)))?",
                               _FLAGS),
        former=regex.compile(d["former"], _FLAGS),
        comparison=regex.compile(_words(d["comparison"]) + r"\s*$", _FLAGS),
        respectively=regex.compile(_words(d["respectively"]), _FLAGS),
        same_rate=regex.compile(_words(d["same_rate"]), _FLAGS),
        topic_lead=regex.compile(r"[\s,.:–-]*(?:" + alternation(d["topic_lead"]) + r"\s+)?(?:"
                                 + alternation(d["whole_unit_offices"]) + r"\s+)?", _FLAGS),
        target=regex.compile(_words(d["target_cues"] + d["target_none"]), _FLAGS),
        target_none=regex.compile(r"^" + alternation(d["target_none"]) + r"$", _FLAGS),
        goal_heading=regex.compile("(" + _words(d["target_cues"] + d["target_none"]) + r")[^.:;!?]{0,60}:",
                                   _FLAGS),
        target_continue=regex.compile(r"^\W*" + _words(d["target_continue"]), _FLAGS),
        result_before=regex.compile(_words(d["result_before"]) + r"\s*$", _FLAGS),
        result=regex.compile(_words(d["result_cues"]), _FLAGS),
        past=regex.compile(_words(d["past"]), _FLAGS),
        not_period=tuple(regex.compile(p, _FLAGS) for p in d["not_period_before"]),
        period_back=regex.compile(_words(d["period_back"]) + r"(?!\s*\d)", _FLAGS),
        period_block=regex.compile("|".join(d["period_block"]), _FLAGS),
        event_back=regex.compile(r"\W*" + _words(d["event_back"]), _FLAGS),
        as_of=regex.compile(_words(d["as_of"]) + r"\s*$", _FLAGS),
    )


@dataclass
class _View:
    """What linking needs of one article, computed once: the text with office names masked
    (``text``), its clause marks (``stops``, see ``_protected``), the text with named localities
    and dates blanked (``bare``), the figures in text order, the DATEs (and those that can be a
    period), the localities, where the text anchors time itself (``anchors``: "đến nay" outside
    a DATE; "từ đầu năm đến nay" is a period, not an anchor) or opens a goal
    list (``headings``), and the article's subject."""

    art: Article
    text: str
    stops: str
    bare: str
    order: list[Mention]
    dates: list[Mention]
    usable_dates: list[Mention]
    places: list[Mention]
    anchors: list[int]
    headings: list[int]
    subject: str | None
    levels: list[tuple[int, Mention]] = field(default_factory=list)  # service-level figures
    owners: dict[int, int | None] = field(default_factory=dict)  # level → the count it closes

    def sentence(self, m: Mention) -> tuple[int, int]:
        return self.art.sentence_of(m.start)

    def paragraph(self, m: Mention) -> tuple[int, int]:
        return self.art.paragraph_of(m.start)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        return self.art.paragraph_of(pos)


def _masked(text: str, r: _Rules) -> str:
    """The text with office names ("Bộ phận tiếp nhận và trả kết quả") blanked, same length."""
    return r.mask.sub(lambda m: " " * len(m.group()), text)


def _protected(text: str, r: _Rules) -> str:
    """The text with the punctuation that does not end a clause blanked: commas inside a list of
    units or actors ("các Sở, ban, ngành", "người dân, doanh nghiệp") and an abbreviation in
    brackets ("thủ tục hành chính (TTHC)"). Windows stop at what is left."""
    def blank(m: regex.Match) -> str:
        return _LIST_PUNCT.sub(" ", m.group())
    text = r.tier_list.sub(blank, text)
    text = r.actors.sub(blank, text)
    return _ABBREVIATION.sub(blank, text)


def subject_of(art: Article) -> str | None:
    """Canonical name of the locality the article is about: the one the localities stage set, else
    the same rule run on the LOCALITY mentions at hand (``localities.subject``)."""
    return art.subject or localities.subject(art)


def link(art: Article) -> None:
    """Fill the linking attributes of every figure in ``art.figures``."""
    if not art.figures:
        return
    r = rules()
    order = sorted(art.figures, key=lambda m: m.start)
    text = _masked(art.text, r)
    dates = sorted(art.entities_of("DATE"), key=lambda m: m.start)
    places = sorted(art.entities_of("LOCALITY"), key=lambda m: m.start)
    view = _View(art=art, text=text, stops=_protected(text, r), bare=_blanked(text, [*places, *dates]),
                 order=order, dates=dates, usable_dates=[d for d in dates if _usable_date(art.text, d, r)],
                 anchors=[m.start() for m in r.period_block.finditer(_blanked(text, dates))],
                 headings=[m.start() for m in r.goal_heading.finditer(text) if not r.target_none.match(m.group(1))],
                 places=places,
                 subject=subject_of(art))
    view.levels = [(j, m) for j, m in enumerate(order) if m.label == LEVEL]
    view.owners = {j: _level_owner(view, j) for j, _ in view.levels}
    groups = [_service_level(view, i, r) for i in range(len(order))]
    levels = [_levels(g) for g in groups]
    metrics = _metrics(view, levels, r)
    periods = [_period(view, i, r) for i in range(len(order))]
    for i, fig in enumerate(order):
        locality = _locality(view, i, r)
        fig.attrs.update(
            metric=metrics[i],
            service_level=levels[i],
            period=_level_period(view, i, groups, periods) if fig.label == LEVEL else periods[i],
            locality=locality,
            tier=_tier(view, i, locality, r),
            is_target=_is_target(view, fig, r) or (
                fig.label != LEVEL and _ahead(periods[i], view.art.published)),
        )


def _ahead(period: str | None, published: str | None) -> bool:
    """A figure whose period starts after the article was published is a plan, not a result
    ("Sau sắp xếp, từ ngày 1/7/2025, tỉnh còn 58 đơn vị" in a June 2025 article)."""
    if not period or not published or "X" in period:
        return False
    start = period.split("/")[0]
    return len(start) == 10 and start > published


# --- windows -------------------------------------------------------------------------------------

def _left_bound(view: _View, i: int) -> int:
    """Where the left window of figure ``i`` starts: its sentence, cut at the last ``;`` and at the
    previous count or rate (a cue before that one belongs to it)."""
    fig = view.order[i]
    s0 = view.sentence(fig)[0]
    start = max(s0, view.text.rfind(";", s0, fig.start) + 1)
    for prev in reversed(view.order[:i]):
        if prev.end <= fig.start and prev.label in (COUNT, RATE):
            return max(start, prev.end)
    return start


_TAIL_STOPS = frozenset(",;:()")


def _right_bound(view: _View, i: int) -> int:
    """Where the tail of figure ``i`` ends: the next clause mark (a comma, semicolon, colon or
    bracket that ``_protected`` left) or the next figure, within the sentence."""
    fig = view.order[i]
    end = view.sentence(fig)[1]
    for nxt in view.order[i + 1:]:
        if nxt.start >= fig.end:
            end = min(end, nxt.start)
            break
    for at, ch in enumerate(view.stops[fig.end:end]):
        if ch in _TAIL_STOPS:
            return fig.end + at
    return end


def _tail(view: _View, i: int) -> str:
    """The words right after figure ``i`` up to a comma, ``và`` or the next figure: its noun."""
    fig = view.order[i]
    text = view.text[fig.end:_right_bound(view, i)]
    cut = _NOUN_END.search(text)
    return text[:cut.start()] if cut else text


# --- metric --------------------------------------------------------------------------------------

def _cues(text: str, r: _Rules) -> list[str]:
    """The cue kinds named in ``text``, in text order (``none`` phrases dropped)."""
    kinds = (r.cue_kind.get(_key(m.group())) for m in r.cue.finditer(text))
    return [k for k in kinds if k and k != "none"]


def _best(kinds: list[str], r: _Rules) -> str | None:
    """The kind that wins among several cues of one window (patterns: ``metric_priority``)."""
    return min(kinds, key=lambda k: r.priority[k]) if kinds else None


def is_change(text: str, start: int) -> bool:
    """Whether the number at ``start`` is a change or a difference ("tăng 3%", "giảm 20%", "cao hơn
    chỉ tiêu 10%"), not a level: its metric is ``other`` and it may exceed 100%."""
    r = rules()
    before = text[max(0, start - 40):start]
    return bool(r.change.search(before) or r.comparative.search(before))


def _online_allowed(view: _View, fig: Mention, r: _Rules) -> bool:
    """A percentage is an online *rate* only of things that are filed: "80% hồ sơ ... trực tuyến",
    not "100% dịch vụ công trực tuyến được thiết kế" or "100% người dân ...". With no noun after
    the "%" the noun stood before it ("tỷ lệ hồ sơ trực tuyến đạt 93,8%")."""
    after = view.text[fig.end:fig.end + 40]
    if r.online_noun.match(after):
        return True
    word = r.noun_after.match(after)
    return word is None or word.start(1) > 2 or _key(word.group(1)) in r.not_nouns


def _header_cues(view: _View, fig: Mention, r: _Rules) -> list[str] | None:
    """For a figure in a table row, the cue kinds of its column header, else of the nearest
    header to its left that has any ("Đúng hạn | Tỷ lệ": the rate is the on-time rate); None
    outside tables."""
    cell = tables.header_of(view.art.tables, fig.start)
    if cell is None:
        return None
    for a, b in reversed(cell.table.header[:cell.column + 1]):
        kinds = _cues(view.text[a:b], r)
        if kinds:
            return kinds
    return []


def _count_kind(view: _View, i: int, r: _Rules) -> tuple[str | None, str | None]:
    """The cue kinds of count ``i``: the one its verb names (left window) and the best of the left
    window and its own noun ("1.105 HS trực tuyến" is online though the verb says resolved); in
    a table, its column header's."""
    fig = view.order[i]
    header = _header_cues(view, fig, r)
    if header is not None:
        return _best(header, r), _best(header, r)
    left = _cues(view.text[_left_bound(view, i):fig.start], r)
    both = left + _cues(_tail(view, i), r)
    return _best(left, r), _best(both, r)


def _own_rate_kind(view: _View, i: int, r: _Rules) -> str | None:
    """The cue kind of percentage ``i`` from its own words: left window (from its last ``tỷ lệ``
    when cues follow it: the words before belong to the figure before) and tail; a tail that
    opens on the noun the share is of ("30% hồ sơ được nộp trực tuyến") speaks alone; in a table,
    its column header decides. After a scope
    word the tail names the whole the share is taken of, not what it measures ("xin lỗi đối với
    100% hồ sơ trễ hạn" is a share of apologies, not a late rate)."""
    fig = view.order[i]
    header = _header_cues(view, fig, r)
    if header is not None:
        return _best(header, r)
    scoped = r.scope.search(view.text, max(0, fig.start - 20), fig.start)
    lo = _left_bound(view, i)
    tail = [] if scoped else _cues(view.text[fig.end:_right_bound(view, i)], r)
    word = r.noun_after.match(view.text, fig.end)
    if tail and word and word.start(1) <= fig.end + 2 and _key(word.group(1)) not in r.not_nouns:
        left = []  # "... hài lòng với dịch vụ công và 30% hồ sơ được nộp trực tuyến": its own noun
    else:
        own = [m.start() for m in _NEW_RATE.finditer(view.text, lo, fig.start)]
        left = _cues(view.text[own[-1]:fig.start], r) if own else []  # "..., tỷ lệ hồ sơ trực tuyến đạt 30%"
        left = left or _cues(view.text[lo:fig.start], r)
    kinds = left + tail
    if "online" in kinds and not _online_allowed(view, fig, r):
        kinds = [k for k in kinds if k != "online"]
    return _best(kinds, r)


def _attached_count(view: _View, i: int, r: _Rules) -> Mention | None:
    """The count a percentage is the rate of: "25.969 hồ sơ, đạt tỷ lệ 99,83%", "3.172 HS (100%)".
    The count must come right before it, with only its noun and a linking phrase between."""
    fig = view.order[i]
    j = _previous(view, i)
    if j is None or view.order[j].label != COUNT:
        return None
    count = view.order[j]
    if view.sentence(count) != view.sentence(fig):
        return None
    gap = view.text[count.end:fig.start]
    for level in view.order[j + 1:i]:  # "278 HS dịch vụ công mức độ 3 (đạt tỷ lệ 100%)"
        gap = gap.replace(view.text[level.start:level.end], " ")
    gap = _LEVEL_WORD.sub(" ", gap)
    unit = str(count.attrs.get("unit") or "")
    if unit and gap.lstrip().lower().startswith(unit.lower()):
        gap = gap[gap.lower().find(unit.lower()) + len(unit):]
    gap = _SHORT_BRACKETS.sub(" ", gap)  # "(HS)": an abbreviation of the noun
    if r.rate_link.fullmatch(gap):
        return count
    # "4.572 hồ sơ (HS) theo yêu cầu của công dân (đạt tỷ lệ 100%)": a bracket closing the phrase
    bracket = gap.rfind("(")
    if 0 <= bracket and len(gap) < 120 and not _cues(gap, r) and r.rate_link.fullmatch(gap[bracket:]):
        return count
    return None


def _previous(view: _View, i: int) -> int | None:
    """Index of the figure before ``i`` that is not a service level (a level qualifies the count
    before it, it does not stand between a count and its rate)."""
    for j in range(i - 1, -1, -1):
        if view.order[j].label != LEVEL:
            return j
    return None


def _metrics(view: _View, levels: list[Any], r: _Rules) -> list[str]:
    """The metric of every figure (in text order): cues first, then a figure without a cue of
    its own takes the one of its neighbour in a list ("trên 67% và 73%"); a count still without
    one that is tied to a service level counts online dossiers ("971 hồ sơ mức độ 3")."""
    order = view.order
    kinds: list[str | None] = [None] * len(order)
    fixed = [False] * len(order)
    verb: dict[int, str | None] = {}
    for i, fig in enumerate(order):
        if fig.label == COUNT and is_change(view.text, fig.start):  # "tăng 120 hồ sơ so với quý I"
            verb[i], fixed[i] = None, True
        elif fig.label == COUNT:
            verb[i], kinds[i] = _count_kind(view, i, r)
        elif fig.label == RATE:
            if is_change(view.text, fig.start):
                fixed[i] = True
                continue
            count = _attached_count(view, i, r)
            own = _own_rate_kind(view, i, r)
            j = _previous(view, i)
            if count is not None and j is not None and own in (None, kinds[j], verb[j]):
                kinds[i] = verb[j] or kinds[j]
                fixed[i] = True
            else:
                kinds[i] = own
    _spread(view, kinds, fixed)
    _breakdown(view, kinds, fixed, r)
    for i, fig in enumerate(order):
        if fig.label == COUNT and kinds[i] is None and levels[i] is not None:
            kinds[i] = "online"
    out = []
    for fig, kind in zip(order, kinds):
        if fig.label == COUNT and kind:
            out.append(r.count_metric[kind])
        elif fig.label == RATE and kind:
            out.append(r.rate_metric[kind])
        else:
            out.append("other")
    return out


def _spread(view: _View, kinds: list[str | None], fixed: list[bool]) -> None:
    """Give a figure with no cue the kind of the nearest figure of its type in the same sentence
    that it is listed with (no new ``tỷ lệ`` between them): the previous one, else the next."""
    order = view.order
    for i, fig in enumerate(order):
        if kinds[i] or fixed[i] or fig.label not in (COUNT, RATE):
            continue
        sent = view.sentence(fig)
        for j in [*range(i - 1, -1, -1), *range(i + 1, len(order))]:
            other = order[j]
            if view.sentence(other) != sent:
                continue
            if other.label != fig.label:
                continue
            lo, hi = (other.end, fig.start) if j < i else (fig.end, other.start)
            if _NEW_RATE.search(view.text, lo, hi):
                break
            if kinds[j]:
                kinds[i] = kinds[j]
                break


def _breakdown(view: _View, kinds: list[str | None], fixed: list[bool], r: _Rules) -> None:
    """"... tỷ lệ đúng hạn bình quân đạt 97,8%. Đặc khu Cát Hải đạt 100%, xã Vĩnh Bảo đạt
    99,9%": a sentence that opens on a unit and gives rates with no cue breaks down the rate the
    sentence before it ended on (same paragraph), so its rates measure the same thing; so does a
    rate after "tỷ lệ này", whatever sentence of the paragraph the rate it refers to is in."""
    order = view.order
    for i, fig in enumerate(order):
        if kinds[i] or fixed[i] or fig.label != RATE:
            continue
        s0, _ = view.sentence(fig)
        p0, _ = view.paragraph(fig)
        earlier = [j for j in range(i) if p0 <= order[j].start and order[j].end <= s0]
        rates = [j for j in earlier if order[j].label == RATE and kinds[j]]
        if rates and r.same_rate.search(view.text, s0, fig.start):
            kinds[i] = kinds[rates[-1]]
            continue
        opener = next((p for p in view.places if p.start >= s0), None)
        if opener is not None and opener.start < fig.start \
                and r.topic_lead.fullmatch(view.bare, s0, opener.start) \
                and earlier and rates and earlier[-1] == rates[-1] \
                and view.sentence(order[earlier[-1]])[1] >= s0 - 2:
            kinds[i] = kinds[earlier[-1]]


# --- service level -------------------------------------------------------------------------------

def _levels(group: list[Mention]) -> Any:
    """The service level a group of level figures gives: none, one level as a scalar, several as
    a list (SPEC §6)."""
    if not group:
        return None
    flat: list[Any] = []
    for v in (m.attrs.get("value") for m in group):
        for x in v if isinstance(v, list) else [v]:
            if x not in flat:
                flat.append(x)
    return flat[0] if len(flat) == 1 else flat


def _service_level(view: _View, i: int, r: _Rules) -> list[Mention]:
    """The online-service level figures a count, rate or counted procedure is tied to: a level
    right after its noun ("718 DVCTT một phần"), else the nearest one in its clause (one after it
    must be close), with the levels listed right beside it ("mức độ 3 và mức độ 4 đối với 21 thủ
    tục" → [3, 4]). A quantity has one only when it counts procedures or services, or when the
    clause opens on the level ("đối với dịch vụ công trực tuyến mức độ 3 và 4, ... 68 tài khoản")."""
    fig = view.order[i]
    if fig.label == LEVEL:
        return []
    if fig.label == RATE:
        count = _attached_count(view, i, r)
        if count is not None:  # "278 HS dịch vụ công mức độ 3 (đạt tỷ lệ 100%)": the count's level
            return _service_level(view, view.order.index(count), r)
    s0, s1 = view.sentence(fig)
    lo, hi = _clause(view.text, fig, s0, s1)
    levels = [(j, m) for j, m in view.levels if lo <= m.start < hi
              and (m.start < fig.start or _level_after(view, fig, m))
              and view.owners[j] in (None, i)]
    if fig.label == QUANTITY and not r.level_unit.match(view.text[fig.end:fig.end + 30]):
        counts_units = r.tier_list.match(view.text[fig.end:fig.end + 40].lstrip())
        levels = [] if counts_units else [(j, m) for j, m in levels if m.end <= fig.start
                                          and r.level_topic.search(view.text[lo:m.start])]
    if not levels:
        return []
    nxt = i + 1 < len(view.order) and view.order[i + 1]
    if nxt and nxt.label == LEVEL and (i + 1, nxt) in levels and \
            not _CLAUSE_MARK.search(view.stops, fig.end, nxt.start):
        j, near = i + 1, nxt
    else:
        j, near = min(levels, key=lambda jm: _distance(view, fig, jm[1]))
    group = [near]
    for k in (j - 1, j + 1):
        if 0 <= k < len(view.order) and view.order[k].label == LEVEL:
            a, b = sorted((view.order[k], near), key=lambda m: m.start)
            if _LEVEL_JOIN.fullmatch(view.text, a.end, b.start):
                group.append(view.order[k])
    return sorted(group, key=lambda m: m.start)


def _level_after(view: _View, fig: Mention, level: Mention) -> bool:
    """Whether a level after a figure can be its level: near ("80% thủ tục ... trực tuyến mức độ
    3, 4"), and not in the next rate of a list ("đạt trên 98%, tỷ lệ hồ sơ trực tuyến mức độ 3, 4
    đạt 10%")."""
    return level.start - fig.end <= _LEVEL_REACH and not _NEW_RATE.search(view.text, fig.end, level.start)


def _level_owner(view: _View, j: int) -> int | None:
    """The figure whose noun phrase a level figure closes ("971 hồ sơ mức độ 3", "1.012 dịch vụ
    toàn trình"): the one right before it in its sentence with no clause punctuation between.
    Other figures cannot take it."""
    level = view.order[j]
    k = _previous(view, j)
    if k is None or view.sentence(view.order[k]) != view.sentence(level):
        return None
    if _PHRASE_END.search(view.stops, view.order[k].end, level.start):
        return None
    return k


_LEVEL_REACH = 100  # characters: "80% thủ tục ... sẽ thực hiện trực tuyến mức độ 3, 4" is near


def _distance(view: _View, fig: Mention, other: Mention) -> int:
    """Characters between two spans; another count or rate between them adds a penalty, since a
    level after the next count belongs to that count."""
    lo, hi = (other.end, fig.start) if other.end <= fig.start else (fig.end, other.start)
    between = sum(1 for m in view.order if lo <= m.start < hi and m.label in (COUNT, RATE))
    return max(0, hi - lo) + 200 * between


# --- period --------------------------------------------------------------------------------------

def _usable_date(text: str, d: Mention, r: _Rules) -> bool:
    """Not a document's issue date ("Nghị quyết số 01/NQ-TU ngày 31/12/2020") nor a comparison
    ("so với năm 2017")."""
    before = text[max(0, d.start - 40):d.start]
    return not any(p.search(before) for p in r.not_period)


def _period(view: _View, i: int, r: _Rules) -> str | None:
    """The DATE the figure reports on (SPEC §3, §6).

    A usable DATE before it in its sentence (a period rather than a day when the sentence has
    both); a service level takes only that. Else a DATE in its own tail ("27/27 nhiệm vụ CCHC năm
    2022"). Else none when its clause anchors time itself ("đến nay", "mỗi năm", "5 năm qua").
    Else a DATE after it in the sentence, else the period running through the paragraph. A
    figure in a table row looks from the table's caption on.
    """
    fig = view.order[i]
    s0, s1 = view.sentence(fig)
    usable = view.usable_dates
    cell = tables.header_of(view.art.tables, fig.start)
    if cell is not None:  # a table row: its caption, the line above the header, gives the period
        s0 = view.art.paragraph_of(max(0, cell.table.header[0][0] - 1))[0]
    before = [d for d in usable if s0 <= d.start and d.end <= fig.start]
    if before:
        periods = [d for d in before if d.attrs.get("granularity") != "day"]
        return (periods or before)[-1].attrs.get("value")
    if fig.label == LEVEL:
        return None
    tail_end = _right_bound(view, i)
    own = [d for d in usable if fig.end <= d.start and d.end <= tail_end]
    if own:
        return own[0].attrs.get("value")
    c0, c1 = _clause(view.text, fig, s0, s1)
    if any(c0 <= at < c1 for at in view.anchors):
        return None
    event = _event_day(view, s0, r)
    if event is not None:
        return event
    after = [d for d in usable if fig.end <= d.start < s1]
    if after:
        return after[0].attrs.get("value")
    return _running_period(view, fig, r)


def _level_period(view: _View, j: int, groups: list[list[Mention]],
                  periods: list[str | None]) -> str | None:
    """A service level reports on the period of the percentage it qualifies ("Tỷ lệ hồ sơ trực
    tuyến mức độ 3, 4 đạt 4,15%"), not of the dated series in brackets it heads ("mức độ 3, 4 có
    giao dịch tăng nhanh (năm 2016 có 50%, ...)"); a level that qualifies none keeps its own."""
    level = view.order[j]
    rates = [i for i, g in enumerate(groups) if view.order[i].label == RATE and any(m is level for m in g)]
    for i in rates:
        rate = view.order[i]
        if "(" not in view.text[min(level.end, rate.end):max(level.start, rate.start)]:
            return periods[i]
    return periods[j]


def _event_day(view: _View, s0: int, r: _Rules) -> str | None:
    """The day of the event a sentence points back to ("Nhân dịp này, ... khen thưởng 10 tập
    thể"): the first day named in the sentence before."""
    if not r.event_back.match(view.text, s0) or s0 <= view.paragraph_at(s0)[0]:
        return None
    prev = view.art.sentence_of(s0 - 1)
    days = [d for d in view.usable_dates
            if prev[0] <= d.start < prev[1] and d.attrs.get("granularity") == "day"]
    return days[0].attrs.get("value") if days else None


def _clause(text: str, fig: Mention, s0: int, s1: int) -> tuple[int, int]:
    """The part of the sentence between the semicolons around ``fig``."""
    semi = text.find(";", fig.end, s1)
    return max(s0, text.rfind(";", s0, fig.start) + 1), semi if semi >= 0 else s1


def _running_period(view: _View, fig: Mention, r: _Rules) -> str | None:
    """The period the paragraph has set by the time the figure's sentence starts, walking it in
    order. A DATE sets it, unless it is bracketed (a series "(năm 2016 có 50%, năm 2017 ...)"
    stays in its brackets) or a day (an event's date, not a reporting period) that is not an as-of
    date ("tính đến 15/11/2021"). A time anchor of an earlier sentence ("đến nay", "cùng ngày")
    clears it. ``trong năm``/``trong kỳ`` set the last year named before them, in any paragraph."""
    s0 = view.sentence(fig)[0]
    p0, _ = view.paragraph(fig)
    text = view.text
    usable = view.usable_dates
    events: list[tuple[int, str | None]] = [(at, None) for at in view.anchors if p0 <= at < s0]
    for d in usable:
        if p0 <= d.start and d.end <= s0 and not _bracketed(text, p0, d.start):
            as_of = r.as_of.search(text[max(p0, d.start - 16):d.start])
            if d.attrs.get("granularity") != "day" or as_of:
                events.append((d.start, d.attrs.get("value")))
    for m in r.period_back.finditer(text, p0, fig.start):
        years = [d for d in usable if d.end <= m.start() and d.attrs.get("granularity") == "year"
                 and not _bracketed(text, view.paragraph_at(d.start)[0], d.start)]
        events.append((m.start(), years[-1].attrs.get("value") if years else None))
    return max(events, key=lambda e: e[0])[1] if events else None


def _bracketed(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside an open bracket (counting from ``start``)."""
    span = text[start:pos]
    return span.count("(") > span.count(")")


# --- locality ------------------------------------------------------------------------------------

def _listed_with(view: _View, place: Mention) -> list[Mention]:
    """The localities listed together with ``place`` ("Hải Dương và Hậu Giang"), in text order;
    just ``place`` when it stands alone. A figure after a list is about all of them, not one."""
    def joined(a: Mention, b: Mention) -> bool:
        return 0 <= b.start - a.end <= 10 and bool(_LIST_JOIN.fullmatch(view.text, a.end, b.start))
    at = view.places.index(place)
    lo, hi = at, at
    while lo > 0 and joined(view.places[lo - 1], view.places[lo]):
        lo -= 1
    while hi + 1 < len(view.places) and joined(view.places[hi], view.places[hi + 1]):
        hi += 1
    return view.places[lo:hi + 1]


def _named(view: _View, place: Mention) -> Mention:
    """A locality glossed by its parent ("quận 1 (TP HCM)", "Châu Thành (Sóc Trăng)") stands for
    the lower unit."""
    for other in view.places:
        if other.end <= place.start and place.start - other.end <= 3 \
                and _LEVEL_RANK.get(other.attrs.get("level"), 0) > _LEVEL_RANK.get(place.attrs.get("level"), 0):
            return other
    return place


def _locality(view: _View, i: int, r: _Rules) -> str | None:
    """The unit the figure reports on: none right after a national cue or for a count of
    provinces or ministries; the owner of the units
    it counts ("71 xã ... của tỉnh"); the unit a bare unit word after the last named one means
    ("... và thành phố Hải Phòng, thành phố có 114 đơn vị"); the nearest locality before it in
    its sentence (not a comparison or a former unit; of a list, the one ``lần lượt`` gives it,
    else the subject), else the unit a bare unit word of its clause means, else one its tail
    names ("... của Q. 4"); national figures have none; else the unit the paragraph has been
    about, else the article's subject."""
    fig = view.order[i]
    s0, s1 = view.sentence(fig)
    text = view.art.text
    if r.national_near.search(view.text, max(s0, fig.start - 40), fig.start):
        return None
    if fig.label == QUANTITY and r.national_units.match(view.text, fig.end) \
            and not _ranked(view, fig):
        return None
    owner = _units_owner(view, i, r)
    if owner is not None:
        return owner
    before = _places(view, s0, fig.start, r)
    word = _anaphor_word(view, fig, r)
    back = _anaphor(view, fig.start, word.group(1), r) if word is not None else None
    if back is not None and (not before or word.start() >= before[-1].end):
        return back
    if before:
        place = _named(view, before[-1])
        listed = _listed_with(view, place)
        if len(listed) > 1:
            return _respective(view, i, listed, r) or view.subject
        return _enclosing(view, i, place, r)
    hi = min(s1, fig.end + 80)
    after = [p for p in view.places if fig.end <= p.start < hi
             and _OF_AT.search(text, max(fig.end, p.start - 6), p.start)
             and not _SENTENCE_MARK.search(text, fig.end, p.start)]
    if after and len(_listed_with(view, after[0])) == 1:
        return after[0].attrs.get("canonical")
    if r.national.search(view.text[s0:s1]):
        return None
    if word is not None:  # "tỉnh phấn đấu ...": about a unit of its own kind, not the paragraph's
        return view.subject
    return _carried(view, fig, r) or view.subject


def _ranked(view: _View, fig: Mention) -> bool:
    """A rank ("đứng thứ 5/63 tỉnh", "xếp hạng 12"): the number places a unit among others, so it
    counts nothing and is the ranked unit's own."""
    return bool(_RANK.search(view.text, max(0, fig.start - 8), fig.start))


def _places(view: _View, lo: int, hi: int, r: _Rules) -> list[Mention]:
    """The localities in ``text[lo:hi]`` that a figure after them can be about: not the ones
    compared with ("so với tỉnh Bình Dương"), nor former units ("Q. Lê Chân (cũ)")."""
    text = view.art.text
    return [p for p in view.places if lo <= p.start and p.end <= hi
            and not r.comparison.search(text[max(lo, p.start - 12):p.start])
            and not r.former.match(text, p.end)]


def _units_owner(view: _View, i: int, r: _Rules) -> str | None:
    """Whose units a quantity counts, where its tail says so: "11/11 xã, phường trên địa bàn
    thành phố" (a bare unit word, resolved as an anaphor), "15 xã của huyện Chư Sê" (a named
    one)."""
    fig = view.order[i]
    if fig.label != QUANTITY or _counted_units(view, i, r) is None or _ranked(view, fig):
        return None  # a rank is the unit's own
    nouns = r.tier_list.match(view.text, r.unit_noun.match(view.text, fig.end).start(1))
    if nouns is None:
        return None
    tail = r.units_of.match(view.text, nouns.end())
    if tail is None:
        return None
    if tail.group("word"):
        return _anaphor(view, tail.start("word"), tail.group("word"), r)
    named = next((p for p in view.places if p.start == tail.end()), None)
    return named.attrs.get("canonical") if named is not None else None


def _respective(view: _View, i: int, listed: list[Mention], r: _Rules) -> str | None:
    """"A và B ..., lần lượt 1.032 và 846 hồ sơ": the k-th figure after ``lần lượt`` is about the
    k-th unit listed before it."""
    fig = view.order[i]
    marks = list(r.respectively.finditer(view.text, listed[-1].end, fig.start))
    if not marks:
        return None
    k = sum(1 for m in view.order if marks[-1].end() <= m.start < fig.start and m.label != LEVEL)
    return listed[k].attrs.get("canonical") if k < len(listed) else None


def _enclosing(view: _View, i: int, place: Mention, r: _Rules) -> str | None:
    """The unit a figure about ``place`` reports on: ``place`` itself, unless the figure counts
    units of its own tier or above ("TP. Buôn Ma Thuột đứng thứ 2 trong 15 huyện, thị xã, thành
    phố": the 15 are the province's districts), which belong to its province."""
    fig = view.order[i]
    units = _counted_units(view, i, r) if fig.label == QUANTITY and not _ranked(view, fig) else None
    rank = _LEVEL_RANK.get(units or "")
    parent = place.attrs.get("parent")
    if rank and parent and rank <= _LEVEL_RANK.get(place.attrs.get("level"), 0):
        return parent
    return place.attrs.get("canonical")


def _carried(view: _View, fig: Mention, r: _Rules) -> str | None:
    """The unit a paragraph opens on ("Tại TP. Vinh, ...", "Năm 2019, UBND TP. Nha Trang ...")
    holds for the later sentences of the paragraph that name no unit ("Thời gian cấp phép giảm
    từ 20 ngày ..."), as long as no other unit has been named since. A resident's commune ("bà
    X, người dân ở P.13") does not open a paragraph; a round-up without subject has no topic."""
    p0, _ = view.paragraph(fig)
    s0, _ = view.sentence(fig)
    earlier = _places(view, p0, s0, r)
    if view.subject is None or not earlier or not r.topic_lead.fullmatch(view.bare, p0, earlier[0].start):
        return None
    topic = _named(view, earlier[0]).attrs.get("canonical")
    if len(_listed_with(view, earlier[0])) > 1 or _named(view, earlier[-1]).attrs.get("canonical") != topic:
        return None
    return topic


def _anaphor_word(view: _View, fig: Mention, r: _Rules) -> regex.Match | None:
    """The last bare unit word ("quận", "tỉnh") before the figure in its clause that is not part
    of a tier cue ("các xã", "cấp huyện")."""
    s0, s1 = view.sentence(fig)
    lo, _ = _clause(view.text, fig, s0, s1)
    words = list(r.bare_unit.finditer(view.bare, lo, fig.start))
    if not words:
        return None
    tiers = _tier_cues(view, lo, fig.start, r, lead_free=False)
    found = None
    for m in words:
        if not any(c.start <= m.start() and m.end() <= c.end for c in tiers):
            found = m
    return found


def _anaphor(view: _View, pos: int, word: str, r: _Rules) -> str | None:
    """A bare unit word at ``pos`` ("Năm 2009 quận mở ...", "Tại UBND quận, 10 phường ...",
    "tỉnh phấn đấu ...") means the unit of that kind named last before it in its sentence, else
    the article's subject when it is of that kind (a province named in passing, "dẫn đầu là
    tỉnh Quảng Ninh", does not take over), else the unit of that kind named last before it, or a
    unit of that level named without its kind ("Nghệ An"). Former units ("Q. Hải Châu (cũ)")
    are not meant."""
    unit = _key(word)
    level = r.tier_of.get(unit)
    earlier = [p for p in view.places if p.end <= pos and not r.former.match(view.art.text, p.end)]
    s0, _ = view.art.sentence_of(pos)
    of_kind = [p for p in earlier if _key(str(p.attrs.get("unit") or "")) == unit]
    in_sentence = [p for p in of_kind if p.start >= s0]
    if in_sentence:
        return in_sentence[-1].attrs.get("canonical")
    subject = _place_named(view, view.subject)
    if subject is not None and _key(str(subject.attrs.get("unit") or "")) == unit:
        return view.subject
    for p in reversed(of_kind):
        return p.attrs.get("canonical")
    for p in reversed(earlier):
        if p.attrs.get("unit") is None and p.attrs.get("level") == level:
            return p.attrs.get("canonical")
    return None


# --- tier ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _TierCue:
    """A list of unit nouns naming a tier: where it is, its lead word, its class."""

    start: int
    end: int
    lead: str
    tier: str
    own: str  # the class of the nouns alone, before coordination with an office is considered


def _tier_cues(view: _View, lo: int, hi: int, r: _Rules, lead_free: bool) -> list[_TierCue]:
    """Lists of unit nouns in ``text[lo:hi]`` that name a tier, with their class (patterns:
    ``tier_nouns``; "none" for a list that mixes tiers, or that is coordinated with the office of
    the whole unit: "UBND TP và 32 xã, phường", "Bộ phận một cửa và các xã"). A noun needs a
    lead word ("các", "cấp") or a number before it, or a second noun, unless ``lead_free`` and it
    opens the text (the noun of a counted figure). Named localities and dates are not read."""
    text = view.bare[lo:hi]
    raw = view.art.text
    out = []
    for m in r.tier_list.finditer(text):
        nouns = [_key(n) for n in r.tier_noun.findall(m.group("list"))]
        number_before = _NUMBER_END.search(text, max(0, m.start() - 24), m.start())
        if m.group("lead") or len(nouns) > 1 or number_before or (lead_free and m.start() < 3):
            own = _list_class({r.tier_of[n] for n in nouns})
            with_office = r.whole_and.search(raw, max(0, lo + m.start() - 60), lo + m.start())
            out.append(_TierCue(lo + m.start(), lo + m.end(), _key(m.group("lead") or ""),
                                "none" if with_office else own, own))
    return out


def _list_class(classes: set[str]) -> str:
    """The class of a list of unit nouns: the one tier they share. Agencies ("ban, ngành") join
    any tier; a city joins the tier of the units listed with it ("huyện, thị xã, thành phố" are
    the district-level units, "tỉnh, thành phố" the provinces)."""
    tiers = classes - {"sector"}
    if len(tiers) > 1:
        tiers -= {"city"}
    return tiers.pop() if len(tiers) == 1 else "none"


def _resolve(tier: str, view: _View, locality: str | None) -> str | None:
    """A tier class as a tier: ``local`` ("các địa phương") is the level below the unit the figure
    is about, the provinces for a national figure; ``city`` ("cấp thành phố") is the level of the
    city the figure is about (a city of a province is a district), else the province."""
    if tier == "none":
        return None
    if tier == "local":
        return "province" if locality is None else _level_below(view, locality)
    if tier == "city":
        place = _place_named(view, locality)
        city = place is not None and _key(str(place.attrs.get("unit") or "")) == "thành phố"
        return str(place.attrs.get("level")) if city else "province"
    return tier


def _tier(view: _View, i: int, locality: str | None, r: _Rules) -> str | None:
    """The tier a figure aggregates (SPEC §6). A count or rate: a unit list right after it
    ("100% các xã", "90% hồ sơ tại cấp tỉnh"), else the nearest before it in its clause (up to a
    ``;``), since the tier a clause opens on holds for every figure it reports ("cấp xã tiếp nhận
    500 hồ sơ, giải quyết 490 hồ sơ, đạt 98%"); not the noun another figure counts, and not when a
    named unit stands nearer ("huyện Thanh Oai (hơn 81%)"). A quantity: the units it counts."""
    fig = view.order[i]
    if fig.label == LEVEL:
        return None
    if fig.label == QUANTITY:
        return _counted_tier(view, i, locality, r)
    tail = _tier_cues(view, fig.end, _right_bound(view, i), r, lead_free=True)
    if tail:
        return _resolve(tail[0].tier, view, locality)
    s0, s1 = view.sentence(fig)
    c0, _ = _clause(view.text, fig, s0, s1)
    left = [c for c in _tier_cues(view, c0, fig.start, r, lead_free=False) if not _is_noun_of(view, i, c)]
    if not left:
        return None
    if _named_between(view, left[-1].end, fig.start, r):
        return None
    return _resolve(left[-1].tier, view, locality)


def _is_noun_of(view: _View, i: int, cue: _TierCue) -> bool:
    """Whether a tier cue is the noun of a count or rate before figure ``i`` ("100% phường, xã
    triển khai ..., tỷ lệ hồ sơ trực tuyến đạt 20%": the communes are what the 100% counts, not
    the tier the 20% reports on). The units a quantity counts are the clause's subject ("5 địa
    phương xếp cuối đều đạt dưới 40%", "22 xã đã tiếp nhận 11.408 hồ sơ")."""
    return any(view.order[k].label in (COUNT, RATE)
               and view.order[k].end <= cue.start < _right_bound(view, k) for k in range(i))


def _named_between(view: _View, lo: int, hi: int, r: _Rules) -> bool:
    """Whether a named unit (a locality, "Sở Tài chính", "Bộ Nội vụ") stands between two offsets."""
    return any(lo <= p.start and p.end <= hi for p in view.places) or \
        bool(r.named_unit.search(view.art.text, lo, hi))


def _counted_tier(view: _View, i: int, locality: str | None, r: _Rules) -> str | None:
    """The tier of the units a quantity counts: its noun ("14 phường", "22 sở, ngành"), a
    "cấp xã" after it ("3 cán bộ cấp phường"), or for a generic noun ("3 đơn vị: huyện Thanh
    Oai, ...") the level of the units it lists, else the tier named before it in its sentence.
    A rank ("đứng thứ 5/63 tỉnh") counts nothing."""
    fig = view.order[i]
    s0, s1 = view.sentence(fig)
    if _ranked(view, fig):
        return None
    units = _counted_units(view, i, r)
    if units is not None:
        return _resolve(units, view, locality)
    for cue in _tier_cues(view, fig.end, _right_bound(view, i), r, lead_free=True):
        if cue.lead == "cấp":
            return _resolve(cue.tier, view, locality)
    if not r.generic_unit.match(view.text, fig.end):
        return None
    listed = {p.attrs.get("level") for p in view.places if fig.end <= p.start < s1}
    if len(listed) == 1:
        return listed.pop()
    before = _tier_cues(view, s0, fig.start, r, lead_free=False)
    return _resolve(before[-1].tier, view, locality) if before else None


def _counted_units(view: _View, i: int, r: _Rules) -> str | None:
    """The tier class of the unit noun right after a quantity ("14 phường", "11 huyện, thị xã,
    thành phố", "2 xã An Phước và Tân Công Chí"), or None when it counts something else."""
    fig = view.order[i]
    unit = r.unit_noun.match(view.text, fig.end)
    if unit is None:
        return None
    if not r.tier_list.match(view.text, unit.start(1)):  # a named unit follows the noun
        return _list_class({r.tier_of[_key(unit.group(1))]})
    cues = _tier_cues(view, fig.end, _right_bound(view, i), r, lead_free=True)
    return cues[0].own if cues and cues[0].start < fig.end + 3 else None


def _blanked(text: str, spans: list[Mention]) -> str:
    """``text`` with the given spans (named localities, dates) blanked: "xã Tân Thành Bình" is one
    unit, not the communes of a tier, and "năm 2024, xã" is no count of communes."""
    chars = list(text)
    for m in spans:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _place_named(view: _View, locality: str | None) -> Mention | None:
    """A mention of the locality with this canonical name, for its level and unit."""
    return next((p for p in view.places if p.attrs.get("canonical") == locality), None)


def _level_below(view: _View, locality: str) -> str | None:
    """The tier below a locality's own level."""
    place = _place_named(view, locality)
    return _BELOW.get(place.attrs.get("level")) if place is not None else None


# --- target --------------------------------------------------------------------------------------

def _goal_in(text: str, r: _Rules) -> bool:
    """Whether ``text`` holds a goal cue that no later result marker ("đã", "đạt được") undoes.
    A goal word in a clause about the past ("Trước đây tôi phải đi lại ít nhất 2 lần") is none."""
    last_goal = -1
    for m in r.target.finditer(text):
        clause = max(text.rfind(mark, 0, m.start()) for mark in ",;")
        if not r.target_none.match(m.group()) and \
                not r.result_before.search(text, max(0, m.start() - 8), m.start()) and \
                not r.past.search(text, clause + 1, m.start()):
            last_goal = m.end()
    if last_goal < 0:
        return False
    return not r.result.search(text, last_goal)


def _is_target(view: _View, fig: Mention, r: _Rules) -> bool:
    """Goals and targets (SPEC §3): a goal cue before the figure in its sentence, a goal heading
    ("Mục tiêu đến hết năm 2025:") in the sentence before or heading the list item it is in, or
    a sentence that continues a goal sentence ("Cùng với đó, 100% hồ sơ ..."). Never a service
    level (SPEC §6); never the old value of a reduction ("giảm từ 20 ngày còn 12 ngày": 20 is
    today's, 12 the goal)."""
    if fig.label == LEVEL:
        return False
    text = view.text
    s0, s1 = view.sentence(fig)
    if _FROM.search(text, max(s0, fig.start - 20), fig.start) and _DOWN_TO.search(text, fig.end, s1):
        return False
    if _goal_in(text[s0:fig.start], r):
        return True
    p0, _ = view.paragraph(fig)
    if s0 <= p0:
        return False
    prev = view.art.sentence_of(s0 - 1)
    item = _LIST_ITEM.match(text, s0, fig.start)
    for at in view.headings:
        if p0 <= at < s0 and (item or prev[0] <= at < prev[1]):
            return True
    if r.target_continue.search(text[s0:fig.start]) and not r.result.search(text, s0, fig.start):
        return prev[0] >= p0 and _goal_in(text[prev[0]:prev[1]], r)
    return False
