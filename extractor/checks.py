"""Consistency checks over the linked figures (SPEC §3): warnings, never errors.

Press releases copy numbers by hand, so a rate that does not follow from the counts printed beside
it, or more dossiers resolved than received, is worth a reader's second look. Every check needs the
linking attributes (metric, locality, period, tier), so it runs after ``linking.link``. Each
warning names its figures and says what was computed, so a reader can redo the arithmetic.
"""
from __future__ import annotations

from typing import Any, Iterable

import regex

from .article import Article, Mention, Note
from .linking import is_change

COUNT, RATE = "dossier_count", "percentage"
TOLERANCE = 0.5  # percentage points: "99,83%" printed for 98,53% is a mismatch, rounding is not
# What a rate's numerator count measures, and which counts it may be a share of (first found wins:
# the on-time rate of a report is a share of the dossiers resolved, else of those received).
_RATE_PARTS = {
    "resolved_rate": ("resolved", ("received",)),
    "on_time_rate": ("on_time", ("resolved", "received")),
    "early_rate": ("early", ("resolved", "received")),
    "late_rate": ("late", ("resolved", "received")),
    "online_rate": ("online", ("received",)),
}
# An on-time count may leave out the early ones printed beside it, which its rate counts too.
_EARLY_TOO = {"on_time": "early"}
# A percentage of a plan or of last year ("đạt 115% kế hoạch", "bằng 130% so với cùng kỳ") may
# exceed 100; so may a change ("tăng 120%").
_RELATIVE = regex.compile(r"\s*(?:\S+\s+){0,2}?(?:kế hoạch|chỉ tiêu|so với|so cùng kỳ|cùng kỳ|dự toán)",
                          regex.IGNORECASE)
_LEVEL = regex.compile(r"mức độ \d")  # a service level between a fraction and its rate
_DIGIT = regex.compile(r"\d")


def check(art: Article) -> list[Note]:
    """Warnings where the article's figures contradict each other or themselves."""
    index = {id(m): i for i, m in enumerate(art.figures)}
    order = sorted(art.figures, key=lambda m: m.start)
    return [*_fractions(order, index), *_over_100(art, order, index),
            *_resolved_vs_received(art, order, index), *_rates(art, order, index)]


def _text(art: Article, m: Mention) -> str:
    return art.text[m.start:m.end]


def _key(m: Mention) -> tuple[Any, ...]:
    """What two counts must share to be compared: the same unit, period, tier and service level."""
    level = m.attrs.get("service_level")
    return (m.attrs.get("locality"), m.attrs.get("period"), m.attrs.get("tier"),
            tuple(level) if isinstance(level, list) else level)


def _fractions(order: list[Mention], index: dict[int, int]) -> Iterable[Note]:
    """"4.573/4.572 hồ sơ": a part larger than its whole."""
    for m in order:
        value, total = m.attrs.get("value"), m.attrs.get("total")
        if isinstance(value, (int, float)) and isinstance(total, (int, float)) and value > total:
            yield Note("fraction_exceeds_total",
                       f"{_num(value)}/{_num(total)}: the part {_num(value)} is larger than the "
                       f"total {_num(total)}", [index[id(m)]])


def _over_100(art: Article, order: list[Mention], index: dict[int, int]) -> Iterable[Note]:
    """A percentage above 100. A rate (on-time, online, satisfaction ...) never can be; another
    percentage can when it is a change ("tăng 120%") or relative to a plan or a past period
    ("đạt 115% kế hoạch"), so those are not flagged."""
    for m in order:
        value = m.attrs.get("value")
        if m.label != RATE or not isinstance(value, (int, float)) or value <= 100:
            continue
        is_rate = m.attrs.get("metric", "other") != "other"
        if not is_rate and (is_change(art.text, m.start) or _RELATIVE.match(art.text, m.end)):
            continue
        yield Note("percentage_over_100", f"{_text(art, m)} is above 100%", [index[id(m)]])


def _resolved_vs_received(art: Article, order: list[Mention], index: dict[int, int]) -> Iterable[Note]:
    """More dossiers resolved than received, for the same locality, period, tier and level. A
    resolved count is compared with the largest received count of its group in its paragraph
    (the others are parts of a breakdown: "227 đơn (trong đó: 08 đơn khiếu nại, ...)"); a
    fraction ("201/227 đơn") carries its own whole and is checked as a fraction."""
    counts = [m for m in order if m.label == COUNT and isinstance(m.attrs.get("value"), (int, float))]
    for done in (m for m in counts if m.attrs.get("metric") == "resolved" and not m.attrs.get("total")):
        para = art.paragraph_of(done.start)
        came = [m for m in counts if m.attrs.get("metric") == "received" and _key(m) == _key(done)
                and art.paragraph_of(m.start) == para]
        if not came:
            continue
        received = max(came, key=lambda m: m.attrs["value"])
        if done.attrs["value"] > received.attrs["value"]:
            yield Note("resolved_exceeds_received",
                       f"{_num(done.attrs['value'])} resolved is more than the "
                       f"{_num(received.attrs['value'])} received ({_where(done)})",
                       sorted([index[id(received)], index[id(done)]]))


def _rates(art: Article, order: list[Mention], index: dict[int, int]) -> Iterable[Note]:
    """A stated rate more than ``TOLERANCE`` points from every rate its counts give: the counts
    are the fraction it follows ("201/227 đơn, đạt 88,5%"), else the count it is the share of and
    the count that is the whole, both in its sentence and of its group ("tiếp nhận 26.356 hồ sơ và
    đã giải quyết được 25.969 hồ sơ, đạt tỷ lệ 99,83%": 25.969 / 26.356 = 98,53%). The message
    gives the reading nearest the stated rate."""
    for rate in order:
        parts = _RATE_PARTS.get(rate.attrs.get("metric", ""))
        value = rate.attrs.get("value")
        if rate.label != RATE or parts is None or not isinstance(value, (int, float)):
            continue
        readings = _counts_of(art, order, rate, parts)
        if not readings:
            continue
        part, whole, used = min(readings, key=lambda pwu: abs(100.0 * pwu[0] / pwu[1] - value))
        computed = 100.0 * part / whole
        if abs(computed - value) > TOLERANCE:
            yield Note("rate_mismatch",
                       f"{_text(art, rate)} stated, but {_num(part)} / {_num(whole)} = "
                       f"{computed:.2f}%", sorted({index[id(m)] for m in [*used, rate]}))


def _counts_of(art: Article, order: list[Mention], rate: Mention,
               parts: tuple[str, tuple[str, ...]]) -> list[tuple[float, float, list[Mention]]]:
    """The readings of numerator and denominator a rate may follow from, with the figures they
    came from. An on-time rate may count the early dossiers too ("trước hạn 2.105, đúng hạn
    1.655, ... tỷ lệ trước hạn và đúng hạn đạt 99,2%" is 3.760 / 3.790), so with both counts
    printed there are two readings."""
    s0, _ = art.sentence_of(rate.start)
    before = [m for m in order if m.label == COUNT and s0 <= m.start and m.end <= rate.start
              and isinstance(m.attrs.get("value"), (int, float)) and _key(m) == _key(rate)]
    if not before:
        return []
    part_metric, whole_metrics = parts
    last = before[-1]
    if last.attrs.get("total") and last.attrs.get("metric") == part_metric and _beside(art, last, rate):
        return [(float(last.attrs["value"]), float(last.attrs["total"]), [last])]
    numerators = [m for m in before if m.attrs.get("metric") == part_metric]
    if not numerators:
        return []
    part = numerators[-1]
    for metric in whole_metrics:
        wholes = [m for m in before if m.attrs.get("metric") == metric and m.start < part.start]
        if wholes and wholes[-1].attrs["value"] > 0:
            whole = wholes[-1]
            readings = [(float(part.attrs["value"]), float(whole.attrs["value"]), [whole, part])]
            early = [m for m in before if m.attrs.get("metric") == _EARLY_TOO.get(part_metric)
                     and m.start > whole.start]
            if early:
                both = float(part.attrs["value"]) + float(early[-1].attrs["value"])
                readings.append((both, float(whole.attrs["value"]), [whole, early[-1], part]))
            return readings
    return []


def _beside(art: Article, count: Mention, rate: Mention) -> bool:
    """Whether no other count or clause stands between a fraction and the rate after it."""
    gap = art.text[count.end:rate.start]
    return ";" not in gap and not _DIGIT.search(_LEVEL.sub("", gap))


def _where(m: Mention) -> str:
    """Locality and period of a figure, for messages."""
    bits = [str(m.attrs.get(k)) for k in ("locality", "period", "tier") if m.attrs.get(k)]
    return ", ".join(bits) or "same unit and period"


def _num(x: float) -> str:
    """A number as the article would print it: 26356 → 26.356, 98.5 → 98,5."""
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:g}".replace(".", ",")

