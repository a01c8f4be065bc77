"""Loading the rule data in ``patterns/``.

Each YAML file there holds one family of rules: word lists, value tables and rules, plus the
``examples`` and ``not`` corpus that ``tests/test_patterns.py`` runs (see patterns/README.md).
Words are normalised the way article text is, so a list written with ``hoà`` still matches ``hòa``.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import regex
import yaml

from .normalise import fold_tone


# libyaml's parser when PyYAML was built with it: the pure-Python one is a third of cold start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def patterns_dir() -> Path:
    """``patterns/`` beside the package in a checkout, or inside it when installed from a wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "patterns", here / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("patterns/ directory not found next to the extractor package")


def norm_word(word: str) -> str:
    """A pattern word in the spelling of normalised article text."""
    return fold_tone(unicodedata.normalize("NFC", word))


@lru_cache(maxsize=None)
def load(name: str) -> dict[str, Any]:
    """The parsed ``patterns/<name>.yaml``; cached, so each process reads each file once."""
    path = patterns_dir() / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_LOADER) or {}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so ``Phó Chủ tịch`` beats ``Chủ tịch``.

    Spaces in a word match any run of whitespace, since titles break over lines.
    """
    parts = sorted({norm_word(w) for w in words if w}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def compile_rx(pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile a pattern string from data, normalised like the text (``regex`` module, V1 off)."""
    return regex.compile(norm_word(pattern), flags)
