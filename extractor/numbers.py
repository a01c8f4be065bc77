"""Digit strings → numbers, the way these articles write them.

Vietnamese groups thousands with a dot and writes decimals with a comma (``26.356``, ``99,43``), but
English habits leak in (``99.83%``), so a separator is read by the digits after it: exactly three
digits make a thousands group, anything else a decimal part; before ``%`` a lone separator is always
decimal. Pure functions over strings; the multiplier words come from ``patterns/numbers.yaml``.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from .patterns import load, norm_word

Number = int | float

_SHAPE = regex.compile(r"\d+(?:[.,]\d+)*")
_SEPARATOR = regex.compile(r"[.,]")
_VERSION = regex.compile(r"\d{1,2}\.0")


@lru_cache(maxsize=1)
def multipliers() -> dict[str, int]:
    """Multiplier word → factor (``nghìn`` → 1000), in the spelling of normalised text."""
    return {norm_word(w).lower(): int(f) for w, f in load("numbers")["multipliers"].items()}


def _decimal(digits: str, percent: bool) -> Decimal | None:
    """The exact value of a digit string, or None when its groups fit no reading (``1.23.4``)."""
    if not _SHAPE.fullmatch(digits):
        return None
    seps = _SEPARATOR.findall(digits)
    groups = _SEPARATOR.split(digits)
    if not seps:
        return Decimal(digits)
    if len(set(seps)) == 2:
        # Mixed: the last separator is the decimal point, the others group thousands (1.234,5).
        decimal_sep = seps[-1]
        if decimal_sep in seps[:-1] or any(len(g) != 3 for g in groups[1:-1]):
            return None
        return Decimal("".join(groups[:-1]) + "." + groups[-1])
    if len(seps) == 1:
        whole, part = groups
        if len(part) == 3 and not percent and whole.lstrip("0"):
            return Decimal(whole + part)
        return Decimal(whole + "." + part)
    if all(len(g) == 3 for g in groups[1:]):
        return Decimal("".join(groups))
    return None


def to_number(value: Decimal, as_float: bool = False) -> Number:
    """``int`` when the value is integral (counts), else ``float``; percentages always ``float``."""
    if as_float:
        return float(value)
    return int(value) if value == value.to_integral_value() else float(value)


def parse(digits: str, multiplier: str | None = None, percent: bool = False) -> Number | None:
    """The value of ``digits`` (``26.356``, ``99,43``, ``08``) times the multiplier words, if any;
    a run of them multiplies (``1,2 nghìn tỷ`` is 1.2 × 1000 × 10⁹, as the articles write money).

    None when the string is not a well-formed number, so callers can treat it as an identifier.
    """
    value = _decimal(digits, percent)
    if value is None:
        return None
    for word in (multiplier or "").split():
        factor = multipliers().get(norm_word(word).lower())
        if factor is None:
            return None
        value = value * factor
    return to_number(value, as_float=percent)


def is_version(digits: str) -> bool:
    """True for ``2.0``, ``4.0``: a whole number with a dot and a zero is a version
    (``chính quyền điện tử 2.0``, ``công nghiệp 4.0``), never a quantity."""
    return bool(_VERSION.fullmatch(digits))


def integer_part(digits: str) -> str:
    """The digits before the first separator (``02773`` of ``02773.898989``)."""
    return _SEPARATOR.split(digits, maxsplit=1)[0]
