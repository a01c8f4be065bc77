"""LOCALITY mentions: named administrative units, resolved against the gazetteer (SPEC §2, §6).

Rules find spans, from the most to the least certain; a later rule skips text an earlier one took:

* ``typed``: a unit word or abbreviation, then a name (``tỉnh Bình Dương``, ``TP.TDM``, ``Q. 4``);
  the unit word fixes the level, the gazetteer the name: the longest run of capitalised syllables
  it knows, so ``xã Tân Thành Bình Trần Quan Vinh`` stops before the person. A name the gazetteer
  lacks (a commune merged away before its oldest snapshot) still counts after a full unit word
  (``typed_unknown``).
* ``bare``/``alias``: a name without a unit word. A province name or alias always counts; a
  district or commune name when the article also writes it with its unit word; a district name of
  two syllables or more (``bare_district``) when the article names its province. Other bare
  commune names (``An Bình``, ``Quang Trung``) are as often people, streets or companies.
* ``list``: names continuing a list after a unit (``2 xã An Phước và Tân Công Chí``,
  ``quận Long Biên, Hoàn Kiếm``), looked up at the level of the list's head.

Each span's candidate units are then narrowed by what the article says: the unit word as written,
a unit named right after it (``xã Tân Quới, huyện Thanh Bình``), the provinces the article names,
and the snapshot nearest its publication date. Word lists live in ``patterns/localities.yaml``.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import get_args

import regex

from .article import Article, Coverage, Mention
from .gazetteer import (
    ERA_2020,
    ERA_2021,
    ERA_2025_01,
    ERA_2025_07,
    Gazetteer,
    Place,
    canonical_name,
    fold,
    gazetteer,
)
from .patterns import alternation, load, norm_word
from .schema import Unit

LABEL = "LOCALITY"
UNIT_LEVELS = {"tỉnh": ("province",), "thành phố": ("province", "district"),
               "thị xã": ("district",), "huyện": ("district",), "quận": ("district",),
               "xã": ("commune",), "phường": ("commune",), "thị trấn": ("commune",),
               "đặc khu": ("commune",)}
SPEC_UNITS = frozenset(get_args(Unit))   # the record's ``unit`` values; ``đặc khu`` is not one
_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}
# Rules whose spans count only inside a province the article names (see ``_supported``).
_NEEDS_PROVINCE = {"weak_abbreviation", "bare_district"}

# A capitalised syllable, or one in capitals ("ĐỒNG NAI" in an upper-case headline)
_SYLLABLE = r"(?:\p{Lu}\p{Ll}*(?:['’]\p{L}+)*|\p{Lu}{2,})"
_RUN = rf"{_SYLLABLE}(?: {_SYLLABLE})*(?![\p{{L}}\p{{N}}])"
_NUMBER = r"\d{1,2}(?![\p{L}\p{N}]|[.,/]\d)"
_RUN_RX = regex.compile(_RUN)
# Between a unit and the one enclosing it: "xã Tân Quới, huyện Thanh Bình", "Châu Thành (Sóc Trăng)".
_ENCLOSED_BY = regex.compile(r"\s*+(?:[,(–-]|thuộc)?\s*+")   # possessive: a long gap fails at once
_WORDS_BEFORE = regex.compile(r"(\p{L}+)(?: (\p{L}+))?[ ]*:?[ ]*\Z")


@dataclass
class _Found:
    """A span and the units it may name, before the article's context picks one."""

    start: int
    end: int
    name: str
    candidates: list[Place]
    rule: str
    unit: str | None = None            # the unit word as written, expanded
    numbered: bool = False
    list_level: str | None = None      # level a list goes on at ("province": a list of provinces
                                       # may name cities among them)
    chosen: Place | None = field(default=None, repr=False)
    group: list[_Found] | None = field(default=None, repr=False)   # the members of its list

    @property
    def key(self) -> str:
        return fold(self.name)


@dataclass(frozen=True)
class _Rules:
    typed: regex.Pattern
    runs: regex.Pattern
    follower: regex.Pattern
    unit_words: dict[str, str]
    committee_words: dict[str, str]
    abbreviations: dict[str, str]
    weak: frozenset[str]
    numbered: frozenset[str]
    name_abbreviations: dict[str, str]
    aliases: dict[str, tuple[str, str, str | None]]
    excluded: frozenset[str]
    not_after: frozenset[str]
    not_after_except: frozenset[str]
    person_words: frozenset[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    """The compiled rules of ``patterns/localities.yaml`` (built once per process)."""
    data = load("localities")
    g = gazetteer()
    aliases = {fold(a["text"]): (a["name"], a["level"], a.get("unit")) for a in data["aliases"]}
    hyphenated = [p.name for p in g.places if "-" in p.name or "–" in p.name]
    literal = alternation([a["text"] for a in data["aliases"]] + hyphenated) + r"(?![\p{L}\p{N}])"
    weak = set(data["weak_abbreviations"])
    strong = "|".join(regex.escape(a) for a in data["unit_abbreviations"] if a not in weak)
    initials = "|".join(regex.escape(a) for a in data["unit_abbreviations"] if a in weak)
    abbrevs = rf"(?:{strong})(?:\.[ ]?|[ ])|(?:{initials})\.[ ]?"   # "Q. 4" needs its dot
    names = alternation(data["name_abbreviations"]) + r"(?![\p{L}\p{N}])"
    words = alternation(data["unit_words"])
    typed = (rf"(?<![\p{{L}}\p{{N}}.])"
             rf"(?:(?P<plural>(?i:các|những|\d+)[ ]+(?P<pword>(?i:{words}))[ ]*:[ ]*)"
             rf"|(?P<committee>(?i:{alternation(data['committee_words'])}))[ ]+"
             rf"|(?P<word>(?i:{words}))[ ]+|(?P<abbr>{abbrevs}))"
             rf"(?:(?P<num>{_NUMBER})|(?P<short>{names})|(?P<lit>{literal})|(?P<run>{_RUN}))")
    follower = (r"(?:\s*\([^()\n]{0,60}\))?(?:\s*[,;]\s*|\s+(?:và|hoặc|cùng)\s+)"
                rf"(?:(?P<num>{_NUMBER})|(?P<run>{_RUN}))")
    return _Rules(
        typed=regex.compile(typed),
        # not glued to a word by a hyphen: "ứng dụng C-Thái Nguyên" is an app
        runs=regex.compile(rf"(?<![\p{{L}}\p{{N}}]|\p{{L}}[-–])(?:(?P<lit>{literal})|(?P<run>{_RUN}))"),
        follower=regex.compile(follower),
        unit_words={fold(k): v for k, v in data["unit_words"].items()},
        committee_words={fold(k): v for k, v in data["committee_words"].items()},
        abbreviations=dict(data["unit_abbreviations"]),
        weak=frozenset(weak),
        numbered=frozenset(data["numbered_units"]),
        name_abbreviations={norm_word(k): norm_word(v) for k, v in data["name_abbreviations"].items()},
        aliases=aliases,
        excluded=frozenset(fold(x) for x in data["bare_excluded"]),
        not_after=frozenset(fold(x) for x in data["not_after"]),
        not_after_except=frozenset(fold(x) for x in data["not_after_except"]),
        person_words=frozenset(fold(x) for x in data["person_words"]),
    )


# --- finding spans ----------------------------------------------------------------------------

def _syllables(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the space-separated syllables of a run."""
    out, pos = [], start
    for piece in text[start:end].split(" "):
        out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out


def _longest(g: Gazetteer, text: str, syls: list[tuple[int, int]],
             ok: Callable[[Place], bool]) -> tuple[int, list[Place]]:
    """The longest name at the start of a run whose places pass ``ok``: (syllables, places)."""
    for k in range(min(g.max_words, len(syls)), 0, -1):
        key = fold(text[syls[0][0]:syls[k - 1][1]])
        if g.has_name(key):
            places = [p for p in g.lookup(key) if ok(p)]
            if places:
                return k, places
    return 0, []


def _blocked_before(r: _Rules, text: str, pos: int) -> bool:
    """Whether the words before ``pos`` make a name there a street, feature or person
    (``đường Lê Lợi``, ``bà Hà Giang``, ``Ảnh: Hải An``)."""
    m = _WORDS_BEFORE.search(text, max(0, pos - 30), pos)
    if not m or (m.lastindex == 2 and fold(f"{m.group(1)} {m.group(2)}") in r.not_after_except):
        return False
    return fold(m.group(m.lastindex)) in r.not_after or fold(m.group(0).rstrip(": ")) in r.not_after


def _typed(art: Article, r: _Rules, g: Gazetteer) -> list[_Found]:
    found = []
    for m in r.typed.finditer(art.text):
        if m.group("abbr"):
            abbr = m.group("abbr").rstrip(". ")
            unit, weak = r.abbreviations[abbr], abbr in r.weak
        else:
            unit, weak = _introduced_unit(r, m), False
        hit = _typed_name(art.text, r, g, m, unit, weak)
        if hit and (m.group("committee") or m.group("plural")):
            # "Huyện ủy Tân Hồng", "các xã: An Phước, ...": the span is the name alone
            hit.start = next(m.start(n) for n in ("num", "short", "lit", "run") if m.group(n))
            hit.rule = "committee" if m.group("committee") else "list"
        if hit:
            found.append(hit)
    return found


def _introduced_unit(r: _Rules, m: regex.Match) -> str:
    """The unit a unit word, a party committee (``Huyện ủy``) or a list head (``các xã:``) names."""
    if m.group("committee"):
        return r.committee_words[fold(m.group("committee"))]
    return r.unit_words[fold(m.group("pword") or m.group("word"))]


def _typed_name(text: str, r: _Rules, g: Gazetteer, m: regex.Match, unit: str,
                weak: bool) -> _Found | None:
    """The unit a unit word introduces, from the form of the name after it."""
    levels = UNIT_LEVELS[unit]
    ok = (lambda p: p.level in levels)
    if m.group("num"):
        name = m.group("num")
        places = [p for p in g.lookup(name) if ok(p)] if unit in r.numbered else []
        return _Found(m.start(), m.end(), name, places, "typed", unit, numbered=True) if places else None
    if m.group("short"):
        name = r.name_abbreviations[m.group("short")]
        places = [p for p in g.lookup(name) if ok(p)]
        return _Found(m.start(), m.end(), name, places, "abbreviation", unit) if places else None
    if m.group("lit"):
        name, places = _literal_places(r, g, m.group("lit"))
        places = [p for p in places if ok(p)]
        if places:
            return _Found(m.start(), m.end(), name, places, "abbreviation", unit)
        run = _RUN_RX.match(text, m.start("lit"))   # "phường Sài Gòn" is a ward, not the city
        if not run:
            return None
        start, end = run.span()
    else:
        start, end = m.span("run")
    syls = _syllables(text, start, end)
    k, places = _longest(g, text, syls, ok)
    if k:
        end = syls[k - 1][1]
        return _Found(m.start(), end, text[syls[0][0]:end], places,
                      "weak_abbreviation" if weak else "typed", unit)
    if _unknown_name(text, r, syls) and m.group("word") and "province" not in levels:
        return _Found(m.start(), end, text[start:end], [_unknown(unit, text[start:end])],
                      "typed_unknown", unit)
    return None


def _unknown_name(text: str, r: _Rules, syls: list[tuple[int, int]]) -> bool:
    """Whether a whole run after a unit word looks like a unit's name the gazetteer lacks: two to
    four syllables, not a person's (``thành phố Nguyễn Đức Chung``)."""
    return 2 <= len(syls) <= 4 and fold(text[slice(*syls[0])]) not in r.person_words


def _unknown(unit: str, name: str) -> Place:
    """A stand-in place for a typed name missing from the gazetteer (no code, no parent row)."""
    return Place(-1, UNIT_LEVELS[unit][-1], unit, name, "", None, 0)


def _literal_places(r: _Rules, g: Gazetteer, printed: str) -> tuple[str, list[Place]]:
    """The gazetteer name and places of an alias or a hyphenated name (``TT-Huế``)."""
    alias = r.aliases.get(fold(printed))
    if alias:
        name, level, _ = alias
        return name, g.lookup(name, level)
    return printed, g.lookup(printed)


def _bare(art: Article, r: _Rules, g: Gazetteer, taken: Coverage,
          known: dict[str, list[Place]]) -> list[_Found]:
    """Names without a unit word (see module docstring), outside the spans already ``taken``."""
    text = art.text
    found = []
    for m in r.runs.finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        if not m.group("lit"):
            found.extend(_bare_in_run(art, r, g, _syllables(text, m.start(), m.end()), known))
        elif not _blocked_before(r, text, m.start()):
            printed = m.group("lit")
            name, places = _literal_places(r, g, printed)
            if fold(printed) not in r.aliases:
                places = [p for p in places if p.level == "province"]
            if places:
                unit = (r.aliases.get(fold(printed)) or (None, None, None))[2]
                found.append(_Found(m.start(), m.end(), name, places, "alias", unit))
    return found


def _bare_in_run(art: Article, r: _Rules, g: Gazetteer, syls: list[tuple[int, int]],
                 known: dict[str, list[Place]]) -> list[_Found]:
    """Bare names inside one run of capitalised syllables, left to right.

    A name may start anywhere in the run (``Người Sài Gòn``, ``Viettel Hậu Giang``) except right
    after a surname or middle name (``Trương Hòa Bình`` is a person). After a district or commune
    name the run must end or go on with a person's name (a title before the official's name); a
    province may also run into the next sentence of a headline that lost its period.
    """
    text = art.text
    words = [fold(text[s:e]) for s, e in syls]
    bylines = {fold(b) for b in art.byline}
    out = []
    i = 0
    while i < len(words):
        skip = _excluded_length(r, words, i)
        if skip:
            i += skip
            continue
        k, name, places, rule = _bare_name(r, g, words, i, known)
        rest = i + k
        if not k or (rest < len(words) and words[rest] not in r.person_words
                     and places[0].level != "province") or _blocked(r, text, words, syls, i):
            i += 1
            continue
        start, end = syls[i][0], syls[rest - 1][1]
        printed = text[start:end]
        if fold(printed) not in bylines:
            unit = r.aliases[fold(printed)][2] if rule == "alias" else None
            out.append(_Found(start, end, name or printed, places, rule, unit))
        i = rest
    return out


def _blocked(r: _Rules, text: str, words: list[str], syls: list[tuple[int, int]], i: int) -> bool:
    """Whether the word before syllable ``i`` of a run makes a name there not a unit."""
    if i:
        return words[i - 1] in r.person_words or words[i - 1] in r.not_after
    return _blocked_before(r, text, syls[0][0])


def _excluded_length(r: _Rules, words: list[str], i: int) -> int:
    """Number of syllables of an excluded phrase (``Hồ Chí Minh``, the person) starting at ``i``."""
    for k in range(min(4, len(words) - i), 1, -1):
        if " ".join(words[i:i + k]) in r.excluded:
            return k
    return 0


def _bare_name(r: _Rules, g: Gazetteer, words: list[str], i: int,
               known: dict[str, list[Place]]) -> tuple[int, str | None, list[Place], str]:
    """The longest alias, province name, typed name or district name at word ``i``."""
    for k in range(min(g.max_words, len(words) - i), 0, -1):
        key = " ".join(words[i:i + k])
        if key in r.aliases:
            name, level, _ = r.aliases[key]
            return k, name, g.lookup(name, level), "alias"
        if key in known and (known[key][0].level == "province" or not g.lookup(key, "province")):
            return k, None, known[key], "bare"
        if not g.has_name(key):
            continue
        provinces = g.lookup(key, "province")
        if provinces:   # a bare province name is the province, even beside a same-named city
            return k, None, provinces, "bare"
        districts = g.lookup(key, "district") if k > 1 else []
        if districts:
            return k, None, districts, "bare_district"
    return 0, None, [], ""


def _lists(art: Article, r: _Rules, g: Gazetteer, found: list[_Found]) -> list[_Found]:
    """Names continuing a list after a found unit, at the level of the list's head."""
    taken = Coverage(len(art.text), ((f.start, f.end) for f in found))
    out: list[_Found] = []
    groups: list[list[_Found]] = []
    queue = deque(sorted(found, key=lambda f: f.start))
    while queue:
        head = queue.popleft()
        m = r.follower.match(art.text, head.end)
        nxt = _follower(r, g, art.text, head, m) if m else None
        if nxt and taken.free(nxt.start, nxt.end):
            out.append(nxt)
            taken.cover(nxt.start, nxt.end)
            queue.appendleft(nxt)
            if head.group is None:
                head.group = [head]
                groups.append(head.group)
            head.group.append(nxt)
            nxt.group = head.group
    for members in groups:
        _same_province(g, members)
    return out


def _same_province(g: Gazetteer, members: list[_Found]) -> None:
    """The units of one list lie in one province when they can (``các xã Tân Phú, Phú Lợi``)."""
    common = set.intersection(*({_province(g, p) for p in f.candidates} for f in members))
    if common:
        for f in members:
            f.candidates = [p for p in f.candidates if _province(g, p) in common]


def _follower(r: _Rules, g: Gazetteer, text: str, head: _Found, m: regex.Match) -> _Found | None:
    """The next item of a list whose head is ``head``, if it names a unit of the head's kind."""
    level = head.list_level or head.candidates[0].level
    provinces = {_province(g, p) for p in head.candidates}
    if m.group("num"):
        name = m.group("num")
        places = [p for p in g.lookup(name, level) if _province(g, p) in provinces]
        return _Found(m.start("num"), m.end("num"), name, places, "list", head.unit,
                      numbered=True) if head.numbered and places else None
    syls = _syllables(text, m.start("run"), m.end("run"))
    if level == "province":   # a city among provinces: "Đà Nẵng, TP.HCM, Vũng Tàu, Nha Trang"
        ok = (lambda p: p.level == "district" and p.unit in ("thành phố", "thị xã"))
    else:
        ok = (lambda p: p.level == level and _province(g, p) in provinces)
    k, places = _longest(g, text, syls, ok)
    if not k or (k < len(syls) and fold(text[slice(*syls[k])]) not in r.person_words):
        return None
    start, end = syls[0][0], syls[k - 1][1]
    return _Found(start, end, text[start:end], places, "list",
                  head.unit if level != "province" else None, list_level=level)


# --- choosing one unit per span -----------------------------------------------------------------

def _province(g: Gazetteer, place: Place) -> str | None:
    """Canonical name of a place's province (null for a stand-in the gazetteer lacks)."""
    return g.province_name(place) if place.id >= 0 else None


def _unique_province(g: Gazetteer, f: _Found) -> str | None:
    provinces = {_province(g, p) for p in f.candidates}
    return provinces.pop() if len(provinces) == 1 else None


def _supported(g: Gazetteer, found: list[_Found]) -> list[_Found]:
    """Keep spans of the weaker rules only inside a province the article names otherwise.

    One-letter abbreviations with a name (``P.Hương``) are more often someone's initial, and a
    bare district name elsewhere than in the article's provinces is more often a person or a
    company; bare repetitions of a dropped name go with it.
    """
    named = {_unique_province(g, f) for f in found if f.rule not in _NEEDS_PROVINCE
             and f.rule != "bare"} | {_unique_province(g, f) for f in found
                                      if f.candidates[0].level == "province"}
    named.discard(None)
    dropped = set()
    for f in found:
        if f.rule in _NEEDS_PROVINCE:
            f.candidates = [p for p in f.candidates if _province(g, p) in named]
            if not f.candidates:
                dropped.add(f.key)
    kept = {f.key for f in found if f.candidates and f.rule != "bare"}
    return [f for f in found if f.candidates and not (f.key in dropped and f.key not in kept)]


def _era_order(published: str | None) -> tuple[int, ...]:
    """Snapshots to prefer, nearest the article's date first (SPEC §6: a unit is named at the
    level it had when the article was written); undated articles prefer the 2021–2024 list, the
    middle of the years these articles come from."""
    if published and published[:7] >= "2025-07":
        return ERA_2025_07, ERA_2025_01, ERA_2021, ERA_2020
    if published and published[:4] <= "2020":
        return ERA_2020, ERA_2021, ERA_2025_01, ERA_2025_07
    if not published or published[:4] <= "2023":
        return ERA_2021, ERA_2025_01, ERA_2020, ERA_2025_07
    return ERA_2025_01, ERA_2021, ERA_2020, ERA_2025_07


def _era_rank(place: Place, order: tuple[int, ...]) -> int:
    return next((i for i, bit in enumerate(order) if place.eras & bit), len(order))


def _resolve(art: Article, g: Gazetteer, found: list[_Found]) -> Counter[str]:
    """Pick one place per span (see module docstring); returns the article's province weights."""
    weights: Counter[str] = Counter(p for p in (_unique_province(g, f) for f in found) if p)
    order = _era_order(art.published)
    ordered = sorted(found, key=lambda f: f.start)
    for i, f in enumerate(ordered):
        cands = f.candidates
        if f.unit:
            cands = [p for p in cands if p.unit == f.unit] or cands
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt and len(cands) > 1 and _ENCLOSED_BY.fullmatch(art.text, f.end, nxt.start):
            cands = [p for p in cands if any(_LEVEL_RANK[a.level] < _LEVEL_RANK[p.level]
                                             and g.within(p, a) for a in nxt.candidates)] or cands
        done = next((m.chosen for m in f.group or () if m.chosen and m.chosen.id >= 0), None)
        if done and len(cands) > 1:
            cands = [p for p in cands if _province(g, p) == _province(g, done)] or cands
        if len(cands) > 1:
            best = max(weights[_province(g, p)] for p in cands)
            if best:
                cands = [p for p in cands if weights[_province(g, p)] == best]
        f.chosen = min(cands, key=lambda p: (_era_rank(p, order), p.id))
    return weights


def _mention(art: Article, g: Gazetteer, f: _Found, weights: Counter[str]) -> Mention:
    place = f.chosen or f.candidates[0]
    canonical = place.canonical
    if f.unit and f.unit != place.unit and place.level in UNIT_LEVELS[f.unit]:
        canonical = canonical_name(f.unit, place.name)   # "thị xã Phổ Yên", before it was a city
    if place.id >= 0:
        parent = g.parent_canonical(place)
    else:
        parent = weights.most_common(1)[0][0] if weights else None
    return Mention(f.start, f.end, LABEL, {
        "unit": unit if (unit := f.unit or place.unit) in SPEC_UNITS else None,
        "level": place.level,
        "name": _printed_name(art, f),
        "canonical": canonical,
        "code": place.pre_2025_code,
        "parent": parent,
    }, rule=f.rule)


def _printed_name(art: Article, f: _Found) -> str:
    """The name as the article prints it (raw spelling), or the expansion of an abbreviation."""
    if f.rule in ("abbreviation", "alias"):
        return f.name
    return art.printed(f.end - len(f.name), f.end)


def recognise(art: Article) -> list[Mention]:
    """LOCALITY mentions of ``art.text``; also sets ``art.subject`` (see ``subject``)."""
    r, g = rules(), gazetteer()
    typed = _typed(art, r, g)
    known = {f.key: f.candidates for f in typed if f.rule != "typed_unknown"}
    taken = Coverage(len(art.text), ((f.start, f.end) for f in typed))
    found = _supported(g, typed + _bare(art, r, g, taken, known))
    found += _lists(art, r, g, found)
    weights = _resolve(art, g, found)
    mentions = sorted((_mention(art, g, f, weights) for f in found), key=lambda m: m.start)
    art.subject = subject(art, mentions)
    return mentions


def subject(art: Article, mentions: list[Mention] | None = None) -> str | None:
    """Canonical name of the locality the article is about, for figures that name none.

    The headline's locality, unless a unit inside it is named at least twice as often (an article
    headlined with the city but about one of its districts); without one in the headline, the most
    named unit when one province holds most mentions (its province when no unit dominates);
    null for round-ups of many provinces, headlined with one of them or not ("Quảng Ninh tiếp
    tục dẫn đầu" over a national ranking).
    """
    mentions = mentions if mentions is not None else art.entities_of(LABEL)
    if not mentions:
        return None
    counts = Counter(m.attrs["canonical"] for m in mentions)
    province = {m.attrs["canonical"]: m.attrs["parent"] or m.attrs["canonical"] for m in mentions}
    by_province: Counter[str] = Counter()
    for canonical, n in counts.items():
        by_province[province[canonical]] += n
    total = sum(counts.values())
    if total >= 8 and len(by_province) >= 4 and by_province.most_common(1)[0][1] * 3 < total:
        return None
    if art.title_span:
        in_title = [m for m in mentions if art.title_span[0] <= m.start < art.title_span[1]]
        if in_title:
            head = in_title[0].attrs["canonical"]
            inner = [c for c in counts if c != head and province[c] == head
                     and counts[c] >= max(3, 2 * counts[head])]
            return max(inner, key=counts.__getitem__) if inner else head
    top_province, n_top = by_province.most_common(1)[0]
    if n_top * 5 < sum(counts.values()) * 3:
        return None
    top, n = max(((c, k) for c, k in counts.items() if province[c] == top_province),
                 key=lambda ck: ck[1])
    return top if n * 2 > n_top else top_province
