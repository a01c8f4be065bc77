"""The normaliser must give one spelling per word while keeping every offset mappable."""
from __future__ import annotations

import unicodedata

import pytest

from extractor.normalise import fold_tone, normalise


@pytest.mark.parametrize("new,old", [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"),
    ("khoẻ", "khỏe"), ("HOÀ", "HÒA"),
])
def test_new_style_tones_fold_to_old_style(new, old):
    assert fold_tone(new) == old


@pytest.mark.parametrize("word", ["hoàn thành", "quý", "toán", "thuyền", "khuyến"])
def test_closed_syllables_and_qu_keep_their_marks(word):
    assert fold_tone(word) == word


def test_nfd_text_normalises_and_maps_back(corpus_files):
    raw = unicodedata.normalize("NFD", corpus_files[0].read_text(encoding="utf-8"))
    norm = normalise(raw)
    assert norm.text == fold_tone(unicodedata.normalize("NFC", raw)).replace("\u00a0", " ")
    at = norm.text.index("Lý Văn Đẹp")
    start, end = norm.span_to_raw(at, at + len("Lý Văn Đẹp"))
    assert unicodedata.normalize("NFC", raw[start:end]) == "Lý Văn Đẹp"


def test_invisible_characters_are_dropped_and_spaces_unified():
    raw = "Sở\u00a0Nội\u200b vụ"
    norm = normalise(raw)
    assert norm.text == "Sở Nội vụ"
    start, end = norm.span_to_raw(3, 9)
    assert raw[start:end] == "Nội\u200b vụ"
