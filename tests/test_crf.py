"""Our scoring of underthesea's word-segmentation CRF must give exactly ``word_tokenize``'s words."""
from __future__ import annotations

from pathlib import Path

import pytest
from underthesea import sent_tokenize, word_tokenize
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize
from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
from underthesea_core import CRFModel

from extractor import crf
from extractor.normalise import normalise
from extractor.segment import _syllable_pattern, _words

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "texts"
TEXTS = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/data/probe/texts").glob("*.txt"))


def _sentences(paths: list[Path]) -> list[str]:
    """Every sentence of ``paths``, normalised as the pipeline normalises before segmenting."""
    texts = [normalise(p.read_text(encoding="utf-8")).text for p in paths]
    return [s.strip() for text in texts for line in text.split("\n")
            if line.strip() for s in sent_tokenize(line.strip()) if s.strip()]


def _ours(sentence: str) -> list[str]:
    """Our words of ``sentence`` as underthesea spells them: the syllables inside each word span
    joined by one space (even where the text has none, as in ``@dongthap``), in underthesea's
    letters (it maps look-alikes such as ``ð``; we keep the text's own)."""
    syllables = list(_syllable_pattern().finditer(normalize_characters_in_text(sentence)))
    return [" ".join(m.group() for m in syllables if a <= m.start() < b)
            for a, b in _words(sentence, 0, len(sentence))]


def _theirs(sentence: str) -> list[str]:
    return word_tokenize(sentence, use_token_normalize=False)


def test_the_same_words_as_word_tokenize_on_every_sentence_of_the_corpus_and_probe():
    sentences = _sentences(TEXTS)
    assert len(sentences) > 250
    differing = [s for s in sentences if _ours(s) != _theirs(s)]
    assert differing == []


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/dev is not here")
def test_the_same_words_as_word_tokenize_on_the_dev_articles():
    sentences = _sentences(sorted(DEV.glob("*.txt")))
    assert [s for s in sentences if _ours(s) != _theirs(s)] == []


@pytest.mark.parametrize("sentence", [
    "Xin",                                         # one syllable: every template at the edge
    "BOS và EOS là hai từ",                        # syllables spelt like the edge markers
    "Giảm -5 hồ sơ, tăng +7 và 2147483648 hồ sơ",  # isdigit is a 32-bit parse, signs allowed
    "2147483647 hồ sơ và 2147483648 hồ sơ",
    "ǅ là chữ hoa tiêu đề, ß không có chữ hoa một kí tự",
    "Ðồng Tháp và ðồng bằng",                      # underthesea maps ð to đ before matching
    "Xem https://dichvucong.gov.vn/p/home và email a.b@c.vn lúc 10:20:50",
    "TP.HCM, Q.1, ThS. Nguyễn Văn A, H'Mông, 43H-0530",
    "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG",
    "Việt Nam Việt Nam Việt Nam Việt Nam",
])
def test_the_same_words_on_awkward_sentences(sentence):
    assert _ours(sentence) == _theirs(sentence)


def test_the_model_file_is_read_whole():
    """Labels, attribute count and transitions agree with underthesea_core's own reader."""
    path = crf.model_dir() / "models.bin"
    labels, attributes, state, transitions = crf.read_crfsuite(path)
    theirs = CRFModel.load(str(path))
    assert sorted(labels) == ["B-W", "I-W"]
    assert len(set(attributes)) == len(attributes) == theirs.num_attributes
    assert "T[0,1].lower=hồ sơ" in attributes
    assert state.shape == (theirs.num_attributes, 2)
    assert (state != 0).sum() == theirs.num_state_features()
    assert (transitions != 0).sum() == theirs.num_transition_features()


def test_a_file_that_is_not_a_crfsuite_model_is_refused(tmp_path):
    bad = tmp_path / "models.bin"
    bad.write_bytes(b"not a model at all" * 4)
    with pytest.raises(ValueError, match="not a CRFsuite"):
        crf.read_crfsuite(bad)


def test_the_syllable_memo_stays_bounded_and_changes_nothing(monkeypatch):
    """An archive of millions of articles must not grow the memo without end."""
    segmenter = crf.WordSegmenter.load()
    monkeypatch.setattr(crf, "_UNIGRAM_LIMIT", 50)
    for sentence in _sentences(TEXTS[:2]):
        syllables = tokenize(sentence, use_token_normalize=False)
        expected = crf.segmenter().inside(syllables)
        assert segmenter.inside(syllables) == expected
        assert len(segmenter._unigrams) <= 50
