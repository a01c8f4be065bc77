"""OFFICIAL entities: named people in a public post, with the titles printed at each mention.

Officials appear in three shapes: an honorific and a name followed by titles (``ông A, Chủ tịch
UBND xã``), titles followed by a name (``Phó Chủ tịch UBND tỉnh A``), and a bare full name followed
by titles. Those carry their own evidence of a post. Later mentions (``ông Hùng``, ``Chủ tịch Hùng``,
the full name alone) are officials only because an earlier or later one named that person with a
post, so they are found in a second pass against the names the first pass collected.

The span is the name; titles are copied from the decoded text (SPEC: "as printed"), so they keep
the article's spelling. All word lists live in ``patterns/titles.yaml``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import regex

from .article import Article, Coverage, Mention
from .patterns import alternation, compile_rx, load, norm_word

LABEL = "OFFICIAL"
MAX_TITLE_WORDS = 18   # a title longer than this has run into the sentence
MAX_NAME = 4           # Vietnamese names have 2–4 syllables
MAX_TITLES = 6         # more posts in a row than this is a list of posts, not one person's
_END = r"(?![\p{L}\p{M}\d])"
# A capitalised syllable, its parts joined by an apostrophe in names of the uplands (``H'Nga``);
# possessive, so a syllable that fails to end is given up at once rather than retried shorter.
_SYLLABLE = r"\p{Lu}\p{Ll}*+(?:['’]\p{L}\p{Ll}*+)*+" + _END


@dataclass(frozen=True)
class _Rules:
    """``titles.yaml`` compiled once per process."""

    position: re.Pattern      # over lowercased text: ``re`` runs this alternation 3× faster
    needs_org: regex.Pattern
    public_org: regex.Pattern
    organisation: regex.Pattern
    unit: regex.Pattern
    unit_before: regex.Pattern
    abbreviation: regex.Pattern
    honorific: re.Pattern     # over lowercased text too
    honorific_value: dict[str, str | None]
    gender: dict[str, str]
    surnames: frozenset[str]
    name_prefixes: tuple[str, ...]
    given_name_markers: frozenset[str]
    middle_names: frozenset[str]
    not_names: frozenset[str]
    stop: regex.Pattern
    field: regex.Pattern
    field_before: regex.Pattern
    gloss: regex.Pattern
    private: regex.Pattern
    non_official: regex.Pattern


def _words(data: dict, key: str) -> list[str]:
    return [str(w) for w in data.get(key) or []]


def _lower(data: dict, key: str) -> list[str]:
    return [w.lower() for w in _words(data, key)]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load("titles")
    honorifics = {norm_word(k): v for k, v in (data.get("honorifics") or {}).items()}
    positions = alternation(_lower(data, "positions") + _lower(data, "positions_needing_org"))
    stops = "|".join(f"(?:{norm_word(s)})" for s in _words(data, "title_stops"))
    return _Rules(
        position=re.compile(rf"(?<!\w)(?:{alternation(_lower(data, 'position_prefixes'))}\s+)?"
                            rf"(?P<core>{positions})(?!\w)"),
        needs_org=compile_rx(f"(?i:{alternation(_words(data, 'positions_needing_org'))})"),
        public_org=compile_rx(rf"(?:\s+phụ trách)?\s+(?i:{alternation(_words(data, 'public_orgs'))}){_END}"),
        organisation=compile_rx(f"(?i:{alternation(_words(data, 'organisations'))}){_END}"),
        unit=compile_rx(rf"(?i:{alternation(_words(data, 'units'))})\s*(?=\p{{Lu}}|\d)"),
        unit_before=compile_rx(rf"(?:(?<![\p{{L}}\p{{M}}])(?i:{alternation(_words(data, 'units'))}))\s+$"),
        abbreviation=compile_rx(rf"(?<![\p{{L}}\p{{M}}])(?:{alternation(_words(data, 'abbreviations'))})$"),
        honorific=re.compile(rf"(?<!\w){alternation(honorifics)}(?=\s+\w)"),
        honorific_value=honorifics,
        gender={norm_word(k): v for k, v in (data.get("genders") or {}).items()},
        surnames=frozenset(norm_word(w) for w in _words(data, "surnames")),
        name_prefixes=tuple(norm_word(w) for w in _words(data, "name_prefixes")),
        given_name_markers=frozenset(norm_word(w) for w in _words(data, "given_name_markers")),
        middle_names=frozenset(norm_word(w) for w in _words(data, "middle_names")),
        not_names=frozenset(norm_word(w) for w in _words(data, "not_names")),
        stop=compile_rx(f"(?:{stops}){_END}"),
        field=compile_rx(rf"(?i:{alternation(_words(data, 'post_fields'))}){_END}"),
        field_before=compile_rx(rf"(?<![\p{{L}}\p{{M}}])(?i:{alternation(_words(data, 'post_fields'))})[ \t]*$"),
        gloss=compile_rx(str(data.get("gloss") or r"(?!)")),
        private=compile_rx(f"(?i:{alternation(_words(data, 'private_posts'))}){_END}"),
        non_official=compile_rx(rf"(?:\s*[,(]\s*|\s+[-–—]\s+|\s+)(?:{alternation(_words(data, 'non_official'))}){_END}"),
    )


_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}\d]){_SYLLABLE}(?: {_SYLLABLE})*")
# Runs read from a given point stop after as many syllables as can matter there, so that a text of
# endless capitalised words is not read to its end from every title or honorific in it.
_TITLE_RUN = regex.compile(rf"{_SYLLABLE}(?: {_SYLLABLE}){{0,{MAX_TITLE_WORDS + MAX_NAME}}}")
_NAME_RUN = regex.compile(rf"{_SYLLABLE}(?: {_SYLLABLE}){{0,{MAX_NAME}}}")
_MORE = regex.compile(rf" {_SYLLABLE}")
_CAPITALISED = regex.compile(_SYLLABLE)
_CAPITAL_AFTER = regex.compile(r" \p{Lu}")
_FIELD_REACH = 30                                   # characters: more than the longest post field
_TITLES_REACH = 12 * MAX_TITLE_WORDS * MAX_TITLES   # characters: more than MAX_TITLES full titles
_WORD = regex.compile(r"[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}\d]+)*")
_GAP = regex.compile(r"[ \t]*(?:\n\s*)?")
_SPACES = regex.compile(r"[ \t]*")
_DELIM = regex.compile(r"[ \t]*,[ \t]*|[ \t]+[-–—][ \t]+|[ \t]*\([ \t]*|[ \t]+")
_DASHES = "-–—"
_KIEM = regex.compile(r"[ \t]*(?:kiêm[ \t]+)?")
_JOIN = regex.compile(r"[ \t]*[,–—-][ \t]*")
_PREV_WORD = regex.compile(r"(\p{Lu}\p{Ll}*) $")


@dataclass
class _Found:
    """One mention before its name is resolved: where the name is and what was printed with it."""

    start: int
    end: int
    titles: list[tuple[int, int]]
    honorific: str | None
    rule: str
    region: tuple[int, int]


@dataclass
class _Scan:
    """What one left-to-right read of titles found: the title spans, where reading stopped, and
    the name the titles stand before (when asked for one)."""

    titles: list[tuple[int, int]] = field(default_factory=list)
    end: int = 0
    name: tuple[int, int] | None = None


def _lowercase(text: str) -> str:
    """``text`` lowercased for the case-blind word lists, offset for offset: characters whose
    lowercase is longer (rare, not Vietnamese) are kept as they are."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


class _Reader:
    """The article text with the spans the other recognisers found, and the names known so far."""

    def __init__(self, art: Article, rules: _Rules) -> None:
        self.art = art
        self.text = art.text
        self.rules = rules
        self.localities = {m.start: m.end for m in art.entities if m.label == "LOCALITY"}
        self.places = Coverage(len(art.text), self.localities.items())
        self.date_starts = {m.start for m in art.entities if m.label == "DATE"}
        self.lower = _lowercase(art.text)
        self.positions = self._positions()
        self.position_starts = sorted(self.positions)
        self.known: dict[str, int] = {}      # full name → position of its first mention
        self.short_forms: dict[str, list[str]] = {}   # ``Hùng``, ``Văn Hùng`` → known names
        self.blocked: set[str] = set()       # names printed with a private post or a citizen cue

    # --- names -------------------------------------------------------------------------------

    @cached_property
    def runs(self) -> list[tuple[int, int]]:
        """Spans of the runs of capitalised syllables, read once for the rules that walk them."""
        return [m.span() for m in _RUN.finditer(self.text)]

    def in_locality(self, start: int, end: int) -> bool:
        return not self.places.free(start, end)

    def opens_name(self, syllable: str) -> bool:
        """Whether a syllable can open a full name: a surname, or a given name with an ``H'``/``K'``
        prefix (``H'Lan Êban``), whose clan name comes last and is no surname of the list."""
        return syllable in self.rules.surnames or syllable.startswith(self.rules.name_prefixes)

    def is_full_name(self, syllables: list[str]) -> bool:
        """2–4 capitalised syllables that open like a name (see ``opens_name``), and not a place."""
        return (2 <= len(syllables) <= MAX_NAME and self.opens_name(syllables[0])
                and not any(" ".join(syllables[:k]) in self.rules.not_names
                            for k in range(2, len(syllables) + 1)))

    def learn(self, name: str, pos: int) -> None:
        """Remember a full name printed with a post at ``pos``, under each form a short mention
        may take, so that looking one up does not read every known name. Vietnamese names are
        shortened to their last syllables (``Hùng``); Ede and Jarai ones to their given name,
        which carries the ``H'`` prefix or follows ``Y`` (``H'Lan`` of ``H'Lan Êban``)."""
        if name in self.known:
            return
        self.known[name] = pos
        words = name.split()
        forms = {" ".join(words[k:]) for k in range(len(words))}
        for i, word in enumerate(words):
            if word.startswith(self.rules.name_prefixes):
                forms.add(word)
            elif word in self.rules.given_name_markers and i + 1 < len(words):
                forms.add(f"{word} {words[i + 1]}")
        for form in forms:
            self.short_forms.setdefault(form, []).append(name)

    def known_suffix(self, name: str, pos: int) -> str | None:
        """The known full name ``name`` is a short form of (``Hùng`` → ``Nguyễn Văn Hùng``): the one
        last given before ``pos``, else the first given after it; longer names first on ties."""
        hits = self.short_forms.get(name)
        if not hits:
            return None
        before = [h for h in hits if self.known[h] <= pos]
        if before:
            return max(before, key=lambda h: (self.known[h], len(h)))
        return min(hits, key=lambda h: (self.known[h], -len(h)))

    def name_in_run(self, start: int, end: int, after_unit: bool, alone: bool) -> tuple[int, int] | None:
        """The best name ending a capitalised run, or None.

        The run may begin with the end of a title (``Sở Nội vụ Hà Nội Trần Huy Sáng``). Each suffix
        is a candidate; a known name wins, then a whole run that is a name, then a three-syllable
        name after a two-syllable place, with a middle name as a tie-breaker. Right after a unit
        word the first words are the place's name, so the whole run must be a long name to count.
        Only the last ``MAX_NAME`` words can start a name, which keeps a long run linear.
        """
        words = [(m.start(), m.end()) for m in _WORD.finditer(self.text, start, end)]
        best, best_score = None, 0.0
        for k in range(max(0, len(words) - MAX_NAME), len(words)):
            s = words[k][0]
            if self.in_locality(s, end):
                continue
            syl = [self.text[a:b] for a, b in words[k:]]
            known = self.known_suffix(" ".join(syl), s)
            if known and (len(syl) > 1 or alone):
                score = 10.0 + len(syl)
            elif self.is_full_name(syl) and not (after_unit and k == 0 and len(syl) < 3):
                score = 1.0 + (len(syl) == 3) + 0.5 * (len(syl) == 4) + (syl[1] in self.rules.middle_names)
                score += 3.0 if k == 0 and not after_unit else 0.0
                score += 1.0 if after_unit and k == 2 else 0.0
            else:
                continue
            if score > best_score:
                best, best_score = (s, end), score
        return best

    # --- titles ------------------------------------------------------------------------------

    def _positions(self) -> dict[int, int]:
        """Start → end of every position word that opens a public title, found once per article."""
        out = {}
        for m in self.rules.position.finditer(self.lower):
            if self.rules.needs_org.fullmatch(m.group("core")) and \
                    not self.rules.public_org.match(self.text, m.end()):
                continue
            out[m.start()] = m.end()
        return out

    def position_at(self, pos: int) -> int | None:
        """End of a position word at ``pos`` that opens a public title, or None."""
        return self.positions.get(pos)

    def positions_between(self, start: int, end: int) -> list[int]:
        """Starts of position words in ``[start, end)``, in text order."""
        i, j = bisect_left(self.position_starts, start), bisect_left(self.position_starts, end)
        return self.position_starts[i:j]

    def next_title(self, pos: int) -> int | None:
        """Start of a position word after spaces (and perhaps ``kiêm``) at ``pos``, or None."""
        at = _KIEM.match(self.text, pos).end()
        return at if self.position_at(at) else None

    def scan(self, pos: int, bracket: bool = False, want_name: bool = False) -> _Scan:
        """Titles from the position word at ``pos``; with ``want_name``, up to the name they precede.

        Titles end at a stop word (verb, preposition, date), at sentence punctuation, at a comma,
        dash or ``kiêm`` not followed by another title (then a new title starts), or at the name.
        """
        text, rules, n = self.text, self.rules, len(self.text)
        out = _Scan()
        t_start, cur, words = pos, self.position_at(pos), 1
        if cur is None:
            return out
        title_open = cur   # end of the position word that opened the current title
        while words <= MAX_TITLE_WORDS:
            gap = _GAP.match(text, cur)
            at = gap.end()
            if at >= n or ("\n" in gap.group() and not text[at].islower()):
                break
            if want_name and gap.group() and (run := _TITLE_RUN.match(text, at)):
                if _MORE.match(text, run.end()):
                    return _Scan()   # longer than any title and name together
                after_unit = bool(rules.unit_before.search(text, max(0, at - 12), at))
                alone = cur == title_open and " " not in run.group()
                name = self.name_in_run(at, run.end(), after_unit, alone)
                if name:
                    if name[0] > at:
                        cur = name[0] - 1
                    out.name = name
                    break
                cur, words = run.end(), words + len(run.group().split())
                continue
            ch = text[at]
            if at in self.date_starts or rules.stop.match(text, at) or \
                    text.startswith("và ", at) and self.next_title(at + 3) is not None:
                break
            if at in self.localities:   # a place inside the title, whatever its words look like
                cur = self.localities[at]
                continue
            if ch == "," or (ch in _DASHES and gap.group() and text[at + 1:at + 2] == " ") \
                    or text.startswith("kiêm ", at):
                follow = _SPACES.match(text, at + 1).end()
                if ch in _DASHES and self.joins_fields(cur, follow):
                    cur = at + 1
                    continue
                nxt = self.next_title(at if ch == "k" else at + 1)
                if nxt is not None:
                    if len(out.titles) + 1 >= MAX_TITLES:
                        break
                    out.titles.append((t_start, cur))
                    t_start, cur, words = nxt, self.position_at(nxt), 1
                    title_open = cur
                    continue
                if ch == "," and (rules.organisation.match(text, follow) or rules.unit.match(text, follow)) \
                        or ch in _DASHES and (bracket or _CAPITALISED.match(text, follow)
                                              and not rules.stop.match(text, follow)):
                    cur = at + 1
                    continue
                break
            if ch == "(":
                g = rules.gloss.match(text, at)
                if g and not bracket:
                    cur = g.end()
                    continue
                break
            if ch == "." and (text[at + 1:at + 2].isalnum() or text[at + 1:at + 2] == " "
                              and rules.abbreviation.search(text, max(0, at - 3), at)):
                cur = at + 1
                continue
            if ch in "/&" or ch in _DASHES and not gap.group():
                cur = at + 1
                continue
            w = _WORD.match(text, at)
            if not w:
                break
            cur, words = w.end(), words + 1
        if words > MAX_TITLE_WORDS and not out.name:
            return _Scan()
        out.titles.append((t_start, cur))
        out.end = cur
        return out

    def joins_fields(self, before: int, after: int) -> bool:
        """Whether a dash between ``before`` and ``after`` joins two fields of one post
        (``cán bộ tư pháp - hộ tịch``) rather than ending the title."""
        return bool(self.rules.field_before.search(self.text, max(0, before - _FIELD_REACH), before)
                    and self.rules.field.match(self.text, after))

    def titles_before(self, pos: int) -> tuple[list[tuple[int, int]], int]:
        """Titles that end with a comma or dash right before ``pos`` in its sentence
        (``Chủ tịch UBND tỉnh, ông A``), and where they start; ``[]`` when there are none.
        Only positions within reach of the longest run of titles can start them."""
        s_start = max(self.art.sentence_of(pos)[0], pos - _TITLES_REACH)
        for p in reversed(self.positions_between(s_start, pos)):
            s = self.scan(p)
            if s.titles and _JOIN.fullmatch(self.text, s.end, pos):
                return s.titles, p
        return [], pos

    def titles_after(self, end: int) -> tuple[list[tuple[int, int]], int] | None:
        """Titles printed after a name ending at ``end``: ``, Chủ tịch …``, `` - Chủ tịch …``,
        ``(Chủ tịch …)``; None when a citizen or private-post cue follows instead."""
        if self.rules.non_official.match(self.text, end):
            return None
        d = _DELIM.match(self.text, end)
        if not d or self.position_at(d.end()) is None:
            return [], end
        s = self.scan(d.end(), bracket="(" in d.group())
        return s.titles, s.end


# --- the recogniser ----------------------------------------------------------------------------------

class _Claims:
    """The mentions found so far, and the text their regions (name and titles) claim: a later
    rule does not read a span an earlier mention took."""

    def __init__(self, size: int) -> None:
        self.items: list[_Found] = []
        self.claimed = Coverage(size)

    def add(self, found: _Found) -> None:
        self.items.append(found)
        self.claimed.cover(*found.region)

    def free(self, start: int, end: int) -> bool:
        return self.claimed.free(start, end)


def _private(r: _Reader, titles: list[tuple[int, int]]) -> bool:
    return any(r.rules.private.search(r.text, s, e) for s, e in titles)


def _name_run(r: _Reader, pos: int) -> tuple[int, int] | None:
    """A name starting at ``pos``: capitalised syllables up to a position or organisation word."""
    run = _NAME_RUN.match(r.text, pos)
    if not run:
        return None
    end = pos
    for w in _WORD.finditer(r.text, pos, run.end()):
        if w.start() in r.positions or r.rules.organisation.match(r.text, w.start()):
            break
        end = w.end()
    count = len(r.text[pos:end].split())
    return (pos, end) if 1 <= count <= MAX_NAME else None


def _honorific_mentions(r: _Reader, found: _Claims, second_pass: bool) -> None:
    """``ông A, Chủ tịch …`` and ``Chủ tịch UBND tỉnh, ông A`` (first pass); ``ông Hùng`` for a
    known official (second pass)."""
    for m in r.rules.honorific.finditer(r.lower):
        if not r.text[_SPACES.match(r.text, m.end()).end()].isupper():
            continue
        before = _PREV_WORD.search(r.text, max(0, m.start() - 12), m.start())
        if r.text[m.start()].isupper() and before and before.group(1) in r.rules.surnames | r.rules.middle_names:
            continue  # ``Đỗ Anh Tú``: a name's own syllable, not an honorific
        span = _name_run(r, _SPACES.match(r.text, m.end()).end())
        if not span or not found.free(*span):
            continue
        name = r.text[span[0]:span[1]]
        after = r.titles_after(span[1])
        if after is None or name in r.blocked:
            r.blocked.add(name)
            continue
        titles, end = after
        begin = m.start()
        if not titles:
            titles, begin = r.titles_before(m.start())
            if not found.free(begin, m.start()):
                titles, begin = [], m.start()   # they are the titles of an earlier mention
        if titles and _private(r, titles):
            r.blocked.add(name)
            continue
        known = r.known_suffix(name, span[0])
        if not titles and not (second_pass and known and known not in r.blocked):
            continue
        hon = r.rules.honorific_value.get(m.group())
        found.add(_Found(span[0], span[1], titles, hon, "honorific_name" + ("_titles" if titles else ""),
                         (begin, max(end, span[1]))))


def _titled_mentions(r: _Reader, found: _Claims) -> None:
    """``Phó Chủ tịch UBND tỉnh A``: titles, then the name, then perhaps more titles."""
    for start in r.position_starts:
        if not found.free(start, r.positions[start]):
            continue
        s = r.scan(start, want_name=True)
        if not s.name or not found.free(*s.name):
            continue
        name = r.text[s.name[0]:s.name[1]]
        after = r.titles_after(s.name[1])
        titles = s.titles + (after[0] if after else [])
        if _private(r, titles) or name in r.blocked:
            r.blocked.add(name)
            continue
        found.add(_Found(s.name[0], s.name[1], titles, None, "titles_name",
                         (start, max(s.name[1], after[1] if after else 0))))


def _named_mentions(r: _Reader, found: _Claims) -> None:
    """``Lê Văn A, Chủ tịch …``: a bare full name followed by its titles.

    Leading capitalised words that cannot open a name are dropped (``Theo Lê Văn A, …``).
    """
    for run_start, run_end in r.runs:
        words = r.text[run_start:run_end].split(" ")
        first = 0
        while first < len(words) and not r.opens_name(words[first]):
            first += 1
        if not r.is_full_name(words[first:]):
            continue
        start = run_start + sum(len(w) + 1 for w in words[:first])
        words = words[first:]
        if r.in_locality(start, run_end) or not found.free(start, run_end):
            continue
        name = " ".join(words)
        after = r.titles_after(run_end)
        if after is None or (after[0] and _private(r, after[0])):
            r.blocked.add(name)
        elif after[0] and name not in r.blocked:
            found.add(_Found(start, run_end, after[0], None, "name_titles", (start, after[1])))


def _known_mentions(r: _Reader, found: _Claims) -> None:
    """A known official's full name standing alone (``…”, Nguyễn Văn A nói``): the longest known
    name ending a run of capitalised words, unless a name's syllable stands before it
    (``Lê Nguyễn Văn A``). One read of the runs, however many names are known."""
    names = {n for n in r.known if n not in r.blocked}
    if not names:
        return
    last_words = {n[n.rfind(" ") + 1:] for n in names}
    name_words = r.rules.surnames | r.rules.middle_names
    for run_start, run_end in r.runs:
        text = r.text[run_start:run_end]
        if text[text.rfind(" ") + 1:] not in last_words or _CAPITAL_AFTER.match(r.text, run_end):
            continue   # no known name ends here, or the run goes on in capitals (``UBND``)
        words = text.split(" ")
        name = next((n for k in range(min(MAX_NAME, len(words)), 1, -1)
                     if (n := " ".join(words[-k:])) in names), None)
        if not name:
            continue
        start = run_end - len(name)
        before = _PREV_WORD.search(r.text, max(0, start - 12), start)
        if before and before.group(1) in name_words or not found.free(start, run_end):
            continue
        found.add(_Found(start, run_end, [], None, "known_name", (start, run_end)))


def _learn(r: _Reader, found: _Claims) -> None:
    """Add the names of two or more syllables in ``found`` to the known names: each was printed
    with a post, so a later short mention of it is the same official."""
    for f in found.items:
        name = r.text[f.start:f.end]
        if len(name.split()) >= 2 and name not in r.blocked:
            r.learn(name, f.start)


def _mention(art: Article, r: _Reader, f: _Found) -> Mention:
    """The record's attributes: the full name as printed where it was first given, the titles
    as printed at this mention."""
    span_text = art.text[f.start:f.end]
    full = r.known_suffix(span_text, f.start) or span_text
    if full == span_text:
        name = art.printed(f.start, f.end)
    else:
        at = r.known[full]
        name = art.printed(at, at + len(full))
    titles = [t for t in (art.printed(s, e).strip(" ,-–—") for s, e in f.titles) if t]
    return Mention(f.start, f.end, LABEL, {
        "name": name, "honorific": f.honorific, "gender": r.rules.gender.get(f.honorific or ""),
        "titles": titles}, rule=f.rule)


def recognise(art: Article) -> list[Mention]:
    """OFFICIAL mentions of ``art``: first those printed with a post, then the later mentions of
    the people they name."""
    r = _Reader(art, _rules())
    found = _Claims(len(art.text))
    _honorific_mentions(r, found, second_pass=False)
    _learn(r, found)
    _titled_mentions(r, found)
    _named_mentions(r, found)
    _learn(r, found)
    if r.known:
        _titled_mentions(r, found)
        _honorific_mentions(r, found, second_pass=True)
        _known_mentions(r, found)
    return [_mention(art, r, f) for f in sorted(found.items, key=lambda f: f.start)]
