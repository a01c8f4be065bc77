"""OFFICIAL entities: spans, names, honorifics and titles, on the corpus, on dev and on the shapes
of SPEC §2 and §6. Example names are made up; the corpus and dev texts are the real articles."""
from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest

from extractor import extract, extract_file
from extractor.schema import DocumentRecord

from .conftest import ANNOTATIONS, CORPUS
from .test_robustness import assert_sound


def officials(text: str) -> list[dict]:
    return [e.model_dump() for e in extract(text).entities if e.type == "OFFICIAL"]


def only(text: str) -> dict:
    found = officials(text)
    assert len(found) == 1, found
    return found[0]


# --- the shapes of a mention --------------------------------------------------------------------

def test_honorific_name_then_dashed_titles():
    o = only("Sáng 10/8, ông Lý Văn Tám - Phó Giám đốc Sở Nội vụ - Trưởng đoàn kiểm tra cải cách "
             "hành chính tỉnh Bình Dương đã có buổi làm việc.")
    assert (o["text"], o["name"], o["honorific"], o["gender"]) == ("Lý Văn Tám", "Lý Văn Tám", "ông", "male")
    assert o["titles"] == ["Phó Giám đốc Sở Nội vụ",
                           "Trưởng đoàn kiểm tra cải cách hành chính tỉnh Bình Dương"]


def test_titles_before_the_name_stop_where_the_name_starts():
    o = only("Giám đốc Sở Nội vụ Hà Nội Trần Huy Khải cho biết, thành phố đã đẩy mạnh cải cách.")
    assert o["text"] == "Trần Huy Khải" and o["titles"] == ["Giám đốc Sở Nội vụ Hà Nội"]
    assert o["honorific"] is None and o["gender"] is None


def test_place_name_before_a_person_name_stays_in_the_title():
    o = only("Chủ tịch UBND xã Tân Thành Bình Trần Quan Lợi cho biết kết quả.")
    assert o["text"] == "Trần Quan Lợi" and o["titles"] == ["Chủ tịch UBND xã Tân Thành Bình"]


def test_titles_on_both_sides_of_the_name():
    o = only("Phó Thủ tướng Thường trực Chính phủ Trương Văn Sĩ, Trưởng ban Chỉ đạo cải cách hành "
             "chính của Chính phủ đã chủ trì hội nghị.")
    assert o["titles"] == ["Phó Thủ tướng Thường trực Chính phủ",
                           "Trưởng ban Chỉ đạo cải cách hành chính của Chính phủ"]


def test_bracketed_title_and_gloss_kept_inside_a_title():
    o = only("Kết quả do bà Hồ Thị Cam (Chủ tịch UBND xã Tân Lộc) công bố.")
    assert o["honorific"] == "bà" and o["gender"] == "female" and o["titles"] == ["Chủ tịch UBND xã Tân Lộc"]
    o = only("Ông Võ Minh Sang, Giám đốc Trung tâm Hành chính công (TTHCC) tỉnh Đồng Tháp, cho biết.")
    assert o["titles"] == ["Giám đốc Trung tâm Hành chính công (TTHCC) tỉnh Đồng Tháp"]


def test_kiem_and_line_breaks_inside_titles():
    o = only("Ông Phan Văn Dũng, Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện, cho biết.")
    assert o["titles"] == ["Phó Chủ tịch UBND huyện", "Trưởng Công an huyện"]
    o = only("Ông Đào Văn Bảy - Ủy viên Ban Thường vụ Thành ủy, Phó Chủ tịch Thường trực UBND thành\n"
             "phố phát biểu.")
    assert o["titles"] == ["Ủy viên Ban Thường vụ Thành ủy", "Phó Chủ tịch Thường trực UBND thành phố"]


def test_a_comma_inside_one_post_is_not_a_separator():
    o = only("Bà Lê Lan Hương, Chánh Văn phòng HĐND, UBND TP. Thái Nguyên đánh giá cao.")
    assert o["titles"] == ["Chánh Văn phòng HĐND, UBND TP. Thái Nguyên"]


def test_title_then_comma_then_honorific():
    o = only("Phát biểu tại hội nghị, Chủ tịch UBND tỉnh, ông Trần Văn Bách nhấn mạnh yêu cầu.")
    assert o["text"] == "Trần Văn Bách" and o["honorific"] == "ông" and o["titles"] == ["Chủ tịch UBND tỉnh"]


def test_dong_chi_anh_chi_are_not_honorifics():
    o = only("Dự hội nghị có đồng chí Trần Thị Bình, Bí thư Thành ủy.")
    assert o["honorific"] is None and o["titles"] == ["Bí thư Thành ủy"]
    o = only("Chị Mai Thị Lụa, công chức một cửa xã, hướng dẫn người dân.")
    assert o["honorific"] is None and o["titles"] == ["công chức một cửa xã"]


def test_short_mentions_take_the_full_name_and_only_their_own_titles():
    found = officials("Ông Nguyễn Văn Hùng, Chủ tịch UBND xã, cho biết. Theo ông Hùng, xã đạt kết quả "
                      "tốt. Chủ tịch Hùng cũng nói thêm. Nguyễn Văn Hùng khẳng định sẽ tiếp tục.")
    assert [(o["text"], o["name"], o["honorific"], o["titles"]) for o in found] == [
        ("Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "ông", ["Chủ tịch UBND xã"]),
        ("Hùng", "Nguyễn Văn Hùng", "ông", []),
        ("Hùng", "Nguyễn Văn Hùng", None, ["Chủ tịch"]),
        ("Nguyễn Văn Hùng", "Nguyễn Văn Hùng", None, []),
    ]


def test_officers_are_officials():
    o = only("Đại tá Trần Văn Tín, Giám đốc Công an tỉnh, chủ trì buổi làm việc.")
    assert o["titles"] == ["Đại tá", "Giám đốc Công an tỉnh"]


# --- names of the uplands, and posts joined by a dash ------------------------------------------

@pytest.mark.parametrize("name", ["H'Lan Êban", "Y Khuê Niê", "Ksor H'Bình", "Hoàng Thị Lả",
                                  "Lò Văn Pấng", "Giàng A Tủa"])
def test_any_name_after_an_honorific_and_before_a_post(name):
    o = only(f"Chị {name}, công chức tư pháp - hộ tịch xã, hướng dẫn người dân làm thủ tục.")
    assert o["text"] == o["name"] == name and o["titles"] == ["công chức tư pháp - hộ tịch xã"]


def test_given_name_is_the_short_form_of_an_ede_name():
    found = officials("Chị H'Lan Êban, viên chức một cửa phường, hướng dẫn. Theo chị H'Lan, phường "
                      "tiếp nhận 40 hồ sơ mỗi ngày.")
    assert [(o["text"], o["name"], o["titles"]) for o in found] == [
        ("H'Lan Êban", "H'Lan Êban", ["viên chức một cửa phường"]), ("H'Lan", "H'Lan Êban", [])]


@pytest.mark.parametrize("text, titles", [
    ("Ông Lê Văn Ba, cán bộ địa chính - xây dựng xã Tân Lập, cho biết.",
     ["cán bộ địa chính - xây dựng xã Tân Lập"]),
    ("Bà Hồ Thị Na - công chức Văn phòng - Thống kê - cho biết thêm.", ["công chức Văn phòng - Thống kê"]),
    ("Ông Hà Văn Tư, Trưởng phòng Tổ chức - Cán bộ Sở Nội vụ, cho biết.",
     ["Trưởng phòng Tổ chức - Cán bộ Sở Nội vụ"]),
    ("Ông Trần Văn Năm, Chủ tịch UBND xã – Bí thư Đảng ủy xã, chủ trì.", ["Chủ tịch UBND xã", "Bí thư Đảng ủy xã"]),
])
def test_a_dash_joins_two_fields_of_one_post_and_separates_two_posts(text, titles):
    assert only(text)["titles"] == titles


def test_titles_of_one_mention_are_not_taken_again_by_the_next():
    found = officials("Theo anh Y Khuê Niê - công chức văn hóa - xã hội xã, anh Y Khuê đã hỗ trợ 20 hộ.")
    assert [o["titles"] for o in found] == [["công chức văn hóa - xã hội xã"], []]


# --- adversarial input: every loop and regex stays linear, the record stays sound -------------------

def _sound(text: str) -> DocumentRecord:
    record = extract(text, doc_id="adversarial")
    assert_sound(text, record)
    return record


def _officials_of(record: DocumentRecord) -> list:
    return [e for e in record.entities if e.type == "OFFICIAL"]


def test_an_endless_run_of_name_syllables_is_no_official():
    assert _officials_of(_sound("Nguyễn Văn " * 10_000)) == []


def test_endless_honorifics_without_names_are_no_officials():
    assert _officials_of(_sound("ông " * 25_000)) == []
    assert _officials_of(_sound("Ông " * 25_000)) == []


def test_endless_posts_without_a_name_are_no_officials():
    assert _officials_of(_sound("Chủ tịch UBND " * 7_000)) == []
    assert _officials_of(_sound("cán bộ tư pháp - " * 6_000)) == []


def test_a_text_without_spaces_has_no_entities():
    assert _sound("Nguyễn" * 8_000).entities == []
    assert _sound("a" * 50_000).entities == []


def test_thirty_posts_in_a_row_keep_the_official_and_at_most_a_few_posts():
    text = "Ông Nguyễn Văn An, " + ", ".join(["Phó Chủ tịch UBND xã"] * 30) + " cho biết."
    (o,) = _officials_of(_sound(text))
    assert o.name == "Nguyễn Văn An" and 1 <= len(o.titles) <= 6
    assert set(o.titles) == {"Phó Chủ tịch UBND xã"}


def test_thousands_of_officials_are_each_found():
    record = _sound("Ông Trần Văn Bảy, Chủ tịch UBND xã, cho biết. " * 2_000)
    assert len(_officials_of(record)) == 2_000


# --- who is not an official --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn Bình, người dân phường Tân An, cho biết thủ tục rất nhanh.",
    "Bà Lê Thị Cúc, Giám đốc Công ty TNHH Thành Công, chia sẻ.",
    "Theo ông Trần Văn Khải - Giám đốc Viettel Hậu Giang, thời gian giảm mạnh.",
    "Bài viết của phóng viên Minh Anh.",
    "Anh Đỗ Văn Tú đến UBND quận làm thủ tục. Anh Tú được hướng dẫn tận tình.",
    "Chủ tịch UBND tỉnh Lâm Đồng yêu cầu các sở tăng cường kiểm tra.",
    "Giám đốc Sở Nội vụ Đồng Nai cho biết tỉnh đã hoàn thành kế hoạch.",
    "Chủ tịch quận Long Biên nói thêm về kết quả.",
])
def test_no_official(text):
    assert officials(text) == []


def test_a_citizen_beside_an_official_is_left_out():
    found = officials("Ông Phạm Văn Lâm ở xã Tân Quới gọi điện. Ông Trần Văn Tấn – giám đốc Trung tâm "
                      "Hành chính công tỉnh, cho biết. Ông Lâm rất hài lòng, ông Tấn nói.")
    assert [(o["text"], o["name"]) for o in found] == [("Trần Văn Tấn", "Trần Văn Tấn"),
                                                       ("Tấn", "Trần Văn Tấn")]


# --- offsets and spelling as printed -------------------------------------------------------------

def test_titles_and_names_are_copied_as_printed_from_nfd_and_new_style_tones():
    text = unicodedata.normalize("NFD", "Bí thư Thành uỷ Nguyễn Thiện Hoà tới dự kỳ họp.")
    record = extract(text)
    (o,) = [e for e in record.entities if e.type == "OFFICIAL"]
    assert text[o.start:o.end] == o.text
    assert o.name == "Nguyễn Thiện Hoà" and o.titles == ["Bí thư Thành uỷ"]  # NFC, tones as printed


# --- real articles ---------------------------------------------------------------------------------

def _key(e) -> tuple:
    return e.start, e.end, e.name, e.honorific, e.gender, tuple(e.titles)


@pytest.mark.parametrize("gold_path", sorted(ANNOTATIONS.glob("*.json")), ids=lambda p: p.stem)
def test_corpus_officials_match_the_hand_annotations(gold_path):
    gold = DocumentRecord.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))
    pred = extract_file(CORPUS / f"{gold_path.stem}.txt", doc_id=gold_path.stem)
    want = [_key(e) for e in gold.entities if e.type == "OFFICIAL"]
    got = [_key(e) for e in pred.entities if e.type == "OFFICIAL"]
    assert got == want


def test_dev_officials_meet_the_targets(dev_dir):
    tp = fp = fn = t_tp = t_fp = t_fn = honorific_ok = 0
    for gold_path in sorted((dev_dir / "gold").glob("*.json")):
        gold = DocumentRecord.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))
        pred = extract_file(dev_dir / "texts" / f"{gold_path.stem}.txt", doc_id=gold_path.stem)
        g = {(e.start, e.end): e for e in gold.entities if e.type == "OFFICIAL"}
        p = {(e.start, e.end): e for e in pred.entities if e.type == "OFFICIAL"}
        tp, fp, fn = tp + len(g.keys() & p.keys()), fp + len(p.keys() - g.keys()), fn + len(g.keys() - p.keys())
        for span in g.keys() & p.keys():
            a, b = Counter(g[span].titles), Counter(p[span].titles)
            both = sum((a & b).values())
            t_tp, t_fp, t_fn = t_tp + both, t_fp + sum(b.values()) - both, t_fn + sum(a.values()) - both
            honorific_ok += g[span].honorific == p[span].honorific
    assert 2 * tp / (2 * tp + fp + fn) >= 0.95
    assert 2 * t_tp / (2 * t_tp + t_fp + t_fn) >= 0.90
    assert honorific_ok / tp >= 0.95
