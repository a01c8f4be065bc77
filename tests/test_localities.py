"""LOCALITY entities on real articles: spans, canonical names, levels, parents and the subject."""
from __future__ import annotations

import json
import unicodedata

from extractor import document, extract, extract_file, localities
from extractor.article import Article
from extractor.gazetteer import gazetteer
from extractor.normalise import normalise
from extractor.pipeline import run
from extractor.reader import Source
from extractor.segment import segment

from .conftest import CORPUS
from .test_robustness import assert_sound


def _locs(record) -> list[tuple[str, str, str, str | None]]:
    return [(e.text, e.canonical, e.level, e.parent) for e in record.entities if e.type == "LOCALITY"]


def _article(text: str) -> Article:
    """The article after the document stage (headline) and this one, to read ``subject``."""
    norm = normalise(text)
    art = Article(source=Source(doc_id="t", text=text, source=None), norm=norm, seg=segment(norm.text))
    document.recognise(art)
    localities.recognise(art)
    return art


def test_seed_abbreviation_and_typed_province():
    locs = _locs(extract_file(CORPUS / "000_1747892b0d3b6fdd.txt"))
    assert locs[0] == ("Thành phố TDM", "Thành phố Thủ Dầu Một", "district", "Tỉnh Bình Dương")
    assert ("tỉnh Bình Dương", "Tỉnh Bình Dương", "province", None) in locs
    assert ("TP.TDM", "Thành phố Thủ Dầu Một", "district", "Tỉnh Bình Dương") in locs
    # "UBND thành phố", "UBND tỉnh", "các phường": generic, no name
    assert all(text.lower() not in ("thành phố", "tỉnh") for text, *_ in locs)


def test_seed_list_sharing_one_unit_word_resolved_in_one_province():
    locs = _locs(extract_file(CORPUS / "004_a21930844dc46ba8.txt"))
    assert ("Tân Công Chí", "Xã Tân Công Chí", "commune", "Tỉnh Đồng Tháp") in locs
    # "An Phước" names communes in several provinces: the list and the district pick Đồng Tháp
    assert {p for t, c, lv, p in locs if c == "Xã An Phước"} == {"Tỉnh Đồng Tháp"}
    assert ("huyện Tân Hồng", "Huyện Tân Hồng", "district", "Tỉnh Đồng Tháp") in locs


def test_city_named_like_its_province_is_the_city_only_with_a_unit_word():
    locs = _locs(extract("UBND TP Thái Nguyên tiếp nhận 5.210 hồ sơ. Thái Nguyên đạt 88,35 điểm."))
    assert locs == [("TP Thái Nguyên", "Thành phố Thái Nguyên", "district", "Tỉnh Thái Nguyên"),
                    ("Thái Nguyên", "Tỉnh Thái Nguyên", "province", None)]


def test_offsets_and_canonical_on_nfd_input_with_new_style_tones():
    raw = unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh Thanh Hoá và huyện Ứng Hoà (Hà Nội).")
    record = extract(raw)
    locs = [e for e in record.entities if e.type == "LOCALITY"]
    assert [raw[e.start:e.end] for e in locs] == [e.text for e in locs]
    assert [e.canonical for e in locs] == ["Tỉnh Thanh Hóa", "Huyện Ứng Hòa", "Thành phố Hà Nội"]
    assert locs[1].parent == "Thành phố Hà Nội"


def test_enclosing_unit_written_after_picks_the_right_namesake():
    locs = _locs(extract("Ông A ở xã Tân Quới, huyện Thanh Bình, tỉnh Đồng Tháp."))
    assert locs[0] == ("xã Tân Quới", "Xã Tân Quới", "commune", "Tỉnh Đồng Tháp")
    chau_thanh = {g_p for *_, g_p in _locs(extract("Huyện Châu Thành (Tiền Giang) ra quân."))}
    assert chau_thanh == {"Tỉnh Tiền Giang", None}


def test_person_names_streets_and_bylines_are_not_localities():
    assert _locs(extract("Phó Thủ tướng Trương Hòa Bình chủ trì hội nghị.")) == []
    assert _locs(extract("Trụ sở trên đường Lê Lợi, gần cầu Long Biên.")) == []
    assert _locs(extract("Người dân đến UBND xã. Ảnh: Hải An")) == []
    assert _locs(extract("Tư tưởng Hồ Chí Minh soi đường.")) == []


def test_bare_district_names_count_inside_a_province_the_article_names():
    assert _locs(extract("Ông Tư quê ở Hải An, làm nghề biển.")) == []
    locs = _locs(extract("Hải Phòng triển khai mô hình mới; Hải An và Lê Chân dẫn đầu."))
    assert locs[1:] == [("Hải An", "Quận Hải An", "district", "Thành phố Hải Phòng"),
                        ("Lê Chân", "Quận Lê Chân", "district", "Thành phố Hải Phòng")]


def test_unit_named_at_the_level_of_the_articles_time():
    old = _locs(extract("UBND quận 2 làm việc với UBND quận 9.", published="2019-05-02"))
    assert [c for _, c, _, p in old] == ["Quận 2", "Quận 9"]
    assert {p for *_, p in old} == {"Thành phố Hồ Chí Minh"}
    before = extract("Thị xã Phổ Yên được công nhận.", published="2019-05-02")
    assert _locs(before)[0][1] == "Thị xã Phổ Yên"
    after = [e for e in extract("Người dân phường Sài Gòn làm thủ tục.", published="2025-09-01").entities
             if e.type == "LOCALITY"]
    assert (after[0].canonical, after[0].level, after[0].code) == ("Phường Sài Gòn", "commune", None)


def test_typed_name_missing_from_the_gazetteer_is_kept_at_its_units_level():
    name = "Nà Khoang Thượng"
    assert not any(gazetteer().lookup(" ".join(name.split()[:k])) for k in (1, 2, 3))
    locs = _locs(extract(f"Đoàn đã kiểm tra tại xã {name}, huyện Tân Hồng."))
    assert locs[0] == (f"xã {name}", f"Xã {name}", "commune", "Tỉnh Đồng Tháp")


def test_party_committees_plural_lists_and_capitals():
    locs = _locs(extract("Huyện ủy Tân Hồng làm việc với 3 xã: An Phước, Tân Công Chí và Bình Phú."))
    assert [t for t, *_ in locs] == ["Tân Hồng", "An Phước", "Tân Công Chí", "Bình Phú"]
    assert {p for *_, p in locs} == {"Tỉnh Đồng Tháp"}
    assert _locs(extract("ĐỒNG THÁP: HẸN GIỜ ĐẾN NHÀ DÂN")) == [
        ("ĐỒNG THÁP", "Tỉnh Đồng Tháp", "province", None)]


def test_special_zones_since_july_2025_are_communes_without_a_spec_unit():
    record = extract("Sau sắp xếp, đặc khu Vân Đồn tiếp nhận 300 hồ sơ.", published="2025-09-01")
    (loc,) = [e for e in record.entities if e.type == "LOCALITY"]
    assert (loc.text, loc.unit, loc.level, loc.canonical, loc.parent) == (
        "đặc khu Vân Đồn", None, "commune", "Đặc khu Vân Đồn", "Tỉnh Quảng Ninh")


def test_a_long_gap_of_whitespace_between_two_places():
    text = "Xã Tân An" + " " * 30_000 + "và xã Tân An\n" + "\n" * 30_000 + "thuộc tỉnh Long An."
    record = extract(text, doc_id="adversarial")
    assert_sound(text, record)
    assert [e.canonical for e in record.entities if e.type == "LOCALITY"] == [
        "Xã Tân An", "Xã Tân An", "Tỉnh Long An"]


def test_a_list_of_thousands_of_units_is_read_whole():
    text = "Đoàn đã làm việc tại các xã Tân An, " + "xã Tân An, " * 9_000 + "xã Tân An."
    record = extract(text, doc_id="adversarial")
    assert_sound(text, record)
    locs = [e for e in record.entities if e.type == "LOCALITY"]
    assert len(locs) == 9_002 and {(e.level, e.canonical) for e in locs} == {("commune", "Xã Tân An")}


def test_subject_is_the_headline_locality_or_the_dominant_one():
    art = _article("Người Sài Gòn làm thủ tục tại nhà\n\nUBND quận 1 tiếp nhận hồ sơ. "
                   "Quận 1 đạt 99%, quận 1 dẫn đầu và quận 3 đứng thứ hai.")
    assert art.title_span is not None
    assert art.subject == "Quận 1"   # the city of the headline, but the article is about a district
    art = _article("Đồng Tháp: Hẹn giờ đến nhà dân\n\nUBND tỉnh Đồng Tháp và xã Tân Quới triển khai.")
    assert art.subject == "Tỉnh Đồng Tháp"
    roundup = _article("Dẫn đầu là Đà Nẵng, Hà Nội, Phú Yên, Lạng Sơn, Hải Phòng và Quảng Ninh.")
    assert roundup.subject is None
    one = _article("Sáng nay, UBND quận 1 (TP HCM) tiếp dân. Quận 1 nhận 100 hồ sơ; quận 1 đạt 99%.")
    assert one.subject == "Quận 1"


def _dev_scores(dev) -> tuple[float, float, float]:
    tp = fp = fn = canonical = level = 0
    for gold_path in sorted((dev / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (dev / "texts" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        want = {(e["start"], e["end"]): e for e in gold["entities"] if e["type"] == "LOCALITY"}
        got = {(e.start, e.end): e for e in run(Source(doc_id=gold_path.stem, text=text,
                                                       source=None)).entities
               if e.type == "LOCALITY"}
        for span, e in got.items():
            if span in want:
                tp += 1
                canonical += unicodedata.normalize("NFC", e.canonical) == want[span]["canonical"]
                level += e.level == want[span]["level"]
            else:
                fp += 1
        fn += len(set(want) - set(got))
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    return f1, canonical / max(1, tp), level / max(1, tp)


def test_dev_set_targets(dev_dir):
    f1, canonical, level = _dev_scores(dev_dir)
    assert f1 >= 0.95 and canonical >= 0.95 and level >= 0.98, (f1, canonical, level)
