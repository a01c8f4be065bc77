"""Document fields (title, published, byline, chrome) on real articles and on SPEC §6 cases."""
from __future__ import annotations

import json

import pytest


from .conftest import ANNOTATIONS, CORPUS, SEED0, article_with_fields

FIELDS = ("title", "published", "byline")


_article = article_with_fields


def _fields(text: str, published: str | None = None) -> dict:
    art = _article(text, published)
    return {k: getattr(art, k) for k in FIELDS}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_corpus_fields_match_gold(path):
    gold_file = ANNOTATIONS / f"{path.stem}.json"
    if not gold_file.exists():
        pytest.skip("no gold file")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert _fields(path.read_text(encoding="utf-8")) == {k: gold[k] for k in FIELDS}


def test_dev_fields_meet_targets(dev_dir):
    n = title = published = 0
    for gold_file in sorted((dev_dir / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        got = _fields((dev_dir / "texts" / f"{gold_file.stem}.txt").read_text(encoding="utf-8"))
        n += 1
        title += got["title"] == gold["title"]
        published += got["published"] == gold["published"]
    assert title / n >= 0.90 and published / n >= 0.95, (title, published, n)


def test_chrome_lines_of_a_seed_and_the_title_span():
    text = SEED0.read_text(encoding="utf-8")
    art = _article(text)
    chrome = [art.text[a:b] for a, b in art.chrome]
    assert chrome == ["Ngày 10/08/2022", "Chia sẻ", "Tin cùng chủ đề"]
    a, b = art.title_span
    assert art.text[a:b] == art.title and a == 0


def test_login_prompts_are_skipped_before_the_headline():
    text = ("Đăng nhập\n\nĐăng nhập để trải nghiệm thêm những tính năng hữu ích\nZalo\n\n"
            "Kiểm tra công tác cải cách hành chính của huyện\n\nĐTO - Ngày 12/7, đoàn đến huyện.")
    assert _fields(text)["title"] == "Kiểm tra công tác cải cách hành chính của huyện"


def test_lead_sentence_or_caption_first_means_no_title():
    assert _fields("Chiều 6/7, Trung tâm chính thức đi vào hoạt động\nNội dung.")["title"] is None
    assert _fields("Lễ công bố Trung tâm Phục vụ hành chính công tỉnh.\nNội dung.")["title"] is None
    assert _fields("Người dân làm thủ tục tại xã - Ảnh: TỰ TRUNG\nNội dung.")["title"] is None
    assert _fields("Hà Nội nâng cao chất lượng dịch vụ công: Vì nền ...\nNội dung.")["title"] == \
        "Hà Nội nâng cao chất lượng dịch vụ công: Vì nền ..."


def test_title_is_copied_as_printed():
    title = "Chủ tịch Thanh Hoá yêu cầu xin lỗi dân"   # new-style tone mark, kept in the record
    assert _fields(f"{title}\n\nNội dung bài viết.")["title"] == title


def test_published_from_the_text_beats_the_hint_and_body_dates_do_not_count():
    stamped = "Tiêu đề\nNội dung ngày 1/3/2013.\nCao Xuân Lương\n28/05/13 10:22 GMT+7\nXã hội"
    assert _fields(stamped, "2020-01-01")["published"] == "2013-05-28"
    body_only = "Tiêu đề\n\nNgày 10/8/2022, tỉnh tổng kết công tác năm."
    assert _fields(body_only)["published"] is None
    assert _fields(body_only, "2022-08-11")["published"] == "2022-08-11"


def test_bylines_as_printed():
    body = "Tiêu đề bài\nXã tiếp nhận 500 hồ sơ."
    assert _fields(f"{body}\nBài, ảnh: Huỳnh Đức\n")["byline"] == ["Huỳnh Đức"]
    assert _fields(f"{body} Chu Thanh Vân (TTXVN) ")["byline"] == ["Chu Thanh Vân"]
    assert _fields(f"{body}\nLan Hương - Trường Thịnh (tổng hợp)")["byline"] == ["Lan Hương", "Trường Thịnh"]
    assert _fields(f"{body}\nẢnh: Minh Anh")["byline"] == []
    assert _fields(f"{body}\nUBND TP\n")["byline"] == []
