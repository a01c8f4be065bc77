"""The Doc built from underthesea's words must reproduce the text exactly, offsets included."""
from __future__ import annotations

from extractor.segment import segment


def test_doc_text_is_the_input_and_tokens_carry_offsets(corpus_files):
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        seg = segment(text)
        assert seg.doc.text == text
        for token in seg.doc:
            assert text[token.idx:token.idx + len(token.text)] == token.text


def test_multi_syllable_words_and_paragraphs():
    text = "Sáng ngày 10/8, ông Lý Văn Đẹp làm việc.\n\nThành phố tiếp nhận 26.356 hồ sơ."
    seg = segment(text)
    words = [t.text for t in seg.doc if not t.is_space]
    assert "Lý Văn Đẹp" in words and "hồ sơ" in words and "26.356" in words
    assert [text[s:e] for s, e in seg.paragraphs] == [
        "Sáng ngày 10/8, ông Lý Văn Đẹp làm việc.", "Thành phố tiếp nhận 26.356 hồ sơ."]


def test_sentences_split_inside_a_paragraph():
    text = "Đoàn đã làm việc tại xã. Chủ tịch UBND xã báo cáo kết quả."
    seg = segment(text)
    assert [text[s:e] for s, e in seg.sentences] == [
        "Đoàn đã làm việc tại xã.", "Chủ tịch UBND xã báo cáo kết quả."]
    assert sum(1 for _ in seg.doc.sents) == 2
