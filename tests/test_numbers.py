"""Digit strings → values: every number format the articles print (SPEC §3)."""
from __future__ import annotations

import pytest

from extractor import numbers


@pytest.mark.parametrize("digits,multiplier,percent,expected", [
    ("26.356", None, False, 26356),            # dot groups thousands
    ("1.234.567", None, False, 1234567),       # several groups
    ("2.463.339", None, False, 2463339),
    ("99,43", None, True, 99.43),              # comma decimal
    ("99.83", None, True, 99.83),              # dot decimal before %
    ("99,8", None, True, 99.8),
    ("61,90", None, True, 61.9),
    ("100", None, True, 100.0),
    ("0,16", None, True, 0.16),
    ("8,5", None, False, 8.5),
    ("3,6", None, False, 3.6),
    ("88,35", None, False, 88.35),
    ("08", None, False, 8),                    # leading zero
    ("04", None, False, 4),
    ("1.234,5", None, False, 1234.5),          # mixed: last separator is the decimal point
    ("0,350", None, False, 0.35),              # three digits after a zero are decimals
    ("103", "ngàn", False, 103000),            # multiplier words
    ("103", "nghìn", False, 103000),
    ("9,4", "nghìn", False, 9400),
    ("2,5", "triệu", False, 2500000),
    ("14,5", "triệu", False, 14500000),
    ("70", "triệu", False, 70000000),
    ("1,2", "tỷ", False, 1200000000),
    ("1,2", "tỉ", False, 1200000000),
    ("1,2", "nghìn tỷ", False, 1200000000000),  # a run of multipliers multiplies
    ("3", "ngàn  tỷ", False, 3000000000000),
])
def test_parse(digits, multiplier, percent, expected):
    value = numbers.parse(digits, multiplier, percent)
    assert value == pytest.approx(expected)
    assert type(value) is type(expected)


@pytest.mark.parametrize("digits", ["26.356", "08", "103"])
def test_counts_are_int(digits):
    assert isinstance(numbers.parse(digits), int)


@pytest.mark.parametrize("digits,multiplier", [
    ("1.23.4", None),        # groups that fit no reading
    ("1.2345.678", None),
    ("12a", None),
    ("5", "chục"),           # not a multiplier word
    ("5", "nghìn chục"),     # one word of the run is not
])
def test_parse_rejects(digits, multiplier):
    assert numbers.parse(digits, multiplier) is None


@pytest.mark.parametrize("digits,expected", [
    ("2.0", True), ("4.0", True),
    ("1.5", False), ("99.83", False), ("26.356", False), ("99,0", False), ("12", False),
])
def test_is_version(digits, expected):
    assert numbers.is_version(digits) is expected


def test_multiplier_spelling_is_normalised():
    assert numbers.multipliers()["nghìn"] == 1000
    assert numbers.parse("2", "Triệu") == 2000000


def test_integer_part():
    assert numbers.integer_part("02773.898989") == "02773"
    assert numbers.integer_part("26.356") == "26"
