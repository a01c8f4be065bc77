"""Whatever users feed it: extract never raises, the record validates, every span indexes the text.

Failures hypothesis found are kept below as regression examples.
"""
from __future__ import annotations

import math
import random
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.schema import DocumentRecord

from .conftest import CORPUS

CHROME = ["Đăng nhập", "Chia sẻ", "Tin cùng chủ đề", "Trang chủ > Tin tức", "Ảnh: Minh Anh",
          "28/05/13 10:22 GMT+7", "Bản in", "\u200b", "\u00a0\u00a0"]
ARTICLES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def assert_sound(text: str, record: DocumentRecord) -> None:
    """The invariants of SPEC §1 that must hold on any input."""
    DocumentRecord.model_validate(record.model_dump())
    assert record.check_text(text) == []
    for item in [*record.entities, *record.figures]:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.text
    for fig in record.figures:
        for v in (fig.value if isinstance(fig.value, list) else [fig.value, fig.total]):
            assert not isinstance(v, float) or math.isfinite(v)


vietnamese = st.lists(st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 .,;:%/-–()\n\"'")
    + ["hồ sơ", "ngày ", "tháng ", "năm ", "quý ", "tỉnh ", "xã ", "ông ", "bà ", "Chủ tịch ",
       "UBND ", "mức độ ", "đạt ", "%", "26.356", "99,43", "10/8/2022", "Nguyễn Văn A", "TP.", "Q.",
       "\u0301", "\u0323", "\u00a0", "\u200b"]), max_size=120).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
@example("\u0301\u0301")            # combining marks with no base letter
@example("ngày 31/2/2022 và 0/0")   # impossible dates and zero fractions
@example("99,9999999999999999999999%")
@example("1" * 400)
def test_arbitrary_unicode_never_breaks_extract(text):
    assert_sound(text, extract(text, doc_id="fuzz"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vietnamese)
@example("mức độ 3 và mức độ 4, đạt 100% 201/0 hồ sơ")
@example("từ ngày 30/8/2021 đến")
@example("ông ông bà Chủ tịch UBND")
def test_vietnamese_like_noise_never_breaks_extract(text):
    assert_sound(text, extract(text, doc_id="fuzz"))


def _edit(text: str, rng: random.Random) -> str:
    """Real damage: lines dropped or duplicated, chrome inserted, characters decomposed."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        action = rng.choice(["drop", "dup", "chrome", "nfd", "cut"])
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "chrome":
            lines.insert(i, rng.choice(CHROME))
        elif action == "nfd":
            lines[i] = unicodedata.normalize("NFD", lines[i])
        else:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(ARTICLES) - 1), st.randoms(use_true_random=False))
def test_damaged_corpus_articles_never_break_extract(which, rng):
    text = _edit(ARTICLES[which], rng)
    assert_sound(text, extract(text, doc_id="edited"))


def test_extract_is_deterministic():
    for text in ARTICLES:
        a = extract(text, doc_id="d").model_dump_json()
        b = extract(text, doc_id="d").model_dump_json()
        assert a == b
