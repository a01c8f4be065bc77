"""Shared paths for the tests: the bundled corpus, its gold files, and ../shared/dev when present."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor import document
from extractor.article import Article
from extractor.pipeline import prepare
from extractor.reader import Source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ANNOTATIONS = ROOT / "annotations"
DEV = ROOT.parent / "shared" / "dev"
SEED0 = CORPUS / "000_1747892b0d3b6fdd.txt"


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not (DEV / "gold").is_dir():
        pytest.skip("../shared/dev is not present")
    return DEV


def article_with_fields(text: str, published: str | None = None) -> Article:
    """An article as the pipeline has it when the recognisers start (document fields set)."""
    art = prepare(Source("t", text, None, published_hint=published))
    document.recognise(art)
    return art
