"""DATE recognition on real articles (corpus gold, dev gold) and on the hard cases of SPEC §6."""
from __future__ import annotations

import json
import unicodedata

import pytest

from extractor import dates

from .conftest import ANNOTATIONS, CORPUS, article_with_fields


_article = article_with_fields


def _dates(text: str, published: str | None = None) -> list[tuple[str, str, str]]:
    """(raw span text, value, granularity) of every DATE, in text order."""
    art = _article(text, published)
    out = []
    for m in dates.recognise(art):
        start, end = art.norm.span_to_raw(m.start, m.end)
        out.append((text[start:end], m.attrs["value"], m.attrs["granularity"]))
    return out


def _raw_dates(path) -> tuple[set, set]:
    """Predicted and gold (start, end, value) of one text, offsets in the raw text."""
    text = path.read_text(encoding="utf-8")
    art = _article(text)
    pred = {(*art.norm.span_to_raw(m.start, m.end), m.attrs["value"]) for m in dates.recognise(art)}
    gold_file = (ANNOTATIONS if path.parent == CORPUS else path.parent.parent / "gold") / f"{path.stem}.json"
    record = json.loads(gold_file.read_text(encoding="utf-8"))
    gold = {(e["start"], e["end"], e["value"]) for e in record["entities"] if e["type"] == "DATE"}
    return pred, gold


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_corpus_dates_match_gold(path):
    if not (ANNOTATIONS / f"{path.stem}.json").exists():
        pytest.skip("no gold file")
    pred, gold = _raw_dates(path)
    assert pred == gold, f"missing {gold - pred}, extra {pred - gold}"


def test_dev_dates_meet_targets(dev_dir):
    tp = fp = fn = value_ok = 0
    for path in sorted((dev_dir / "texts").glob("*.txt")):
        pred, gold = _raw_dates(path)
        pred_spans = {(s, e): v for s, e, v in pred}
        gold_spans = {(s, e): v for s, e, v in gold}
        matched = pred_spans.keys() & gold_spans.keys()
        tp += len(matched)
        fp += len(pred_spans.keys() - gold_spans.keys())
        fn += len(gold_spans.keys() - pred_spans.keys())
        value_ok += sum(pred_spans[k] == gold_spans[k] for k in matched)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.95 and value_ok / tp >= 0.95, (tp, fp, fn, value_ok)


def test_yearless_day_takes_published_year_or_stays_unknown():
    text = "Sáng ngày 10/8, đoàn kiểm tra làm việc tại xã."
    assert _dates(text, "2022-08-11") == [("ngày 10/8", "2022-08-10", "day")]
    assert _dates(text) == [("ngày 10/8", "XXXX-08-10", "day")]


def test_date_line_in_text_anchors_body_dates():
    text = "Tiêu đề bài viết\n\nNgày 10/08/2022\n\nSáng 9/8, đoàn đến xã. Từ năm 2021 đến nay, xã đổi mới."
    assert _dates(text) == [("Ngày 10/08/2022", "2022-08-10", "day"), ("9/8", "2022-08-09", "day"),
                            ("Từ năm 2021 đến nay", "2021/2022-08-10", "interval")]


def test_opener_joins_the_span_only_when_an_end_follows():
    assert _dates("Từ ngày 1/7/2022, người dân nộp hồ sơ.") == [("ngày 1/7/2022", "2022-07-01", "day")]
    assert _dates("từ đầu năm 2013, huyện đã tiếp nhận 982 hồ sơ") == [("năm 2013", "2013", "year")]
    assert _dates("từ ngày 1-1-2016 đến 31-12-2016 là 508 hồ sơ") == \
        [("từ ngày 1-1-2016 đến 31-12-2016", "2016-01-01/2016-12-31", "interval")]


def test_boundary_words_stay_outside_and_keep_the_value():
    assert _dates("Đến cuối năm 2022, tỉnh đạt 90%.") == [("năm 2022", "2022", "year")]
    assert _dates("tính đến nửa đầu tháng 5/2017, đã tiếp nhận 586 phản ánh") == \
        [("tháng 5/2017", "2017-05", "month")]


def test_halves_and_month_counts():
    assert _dates("6 tháng cuối năm 2022") == [("6 tháng cuối năm 2022", "2022-H2", "half")]
    assert _dates("9 tháng đầu năm 2022") == [("9 tháng đầu năm 2022", "2022-01/2022-09", "interval")]
    assert _dates("trong 6 tháng đầu năm, xã đạt 98%", "2019-07-02") == \
        [("6 tháng đầu năm", "2019-H1", "half")]


def test_identifiers_and_durations_are_not_dates():
    text = ("Theo Nghị định số 73/1999/NĐ-CP ngày 19/8/1999 và tiêu chuẩn ISO 9001:2015, trong 3 năm "
            "qua xã tiếp nhận hồ sơ hằng năm; hội nghị lúc 10h30, tổng đài 24/7, đạt 21/63 tỉnh.")
    assert _dates(text) == [("ngày 19/8/1999", "1999-08-19", "day")]


def test_yearless_point_takes_the_year_of_its_sentence():
    text = "đưa lên trực tuyến vào quý 1-2018 và phấn đấu trong quý 2, 100% thủ tục."
    assert _dates(text, "2017-12-30")[1] == ("quý 2", "2018-Q2", "quarter")


def test_offsets_refer_to_the_raw_text_when_input_is_nfd():
    text = unicodedata.normalize("NFD", "Trong quý I/2017 và năm 2016, Hà Nội số hoá tài liệu.")
    assert [(t, v) for t, v, _ in _dates(text)] == [
        (unicodedata.normalize("NFD", "quý I/2017"), "2017-Q1"),
        (unicodedata.normalize("NFD", "năm 2016"), "2016")]


def test_timestamp_line_with_two_digit_year():
    assert _dates("Cán bộ chỉnh lối làm việc\n28/05/13 10:22 GMT+7") == [("28/05/13", "2013-05-28", "day")]
    assert dates.first_day("Đăng lúc 28/05/13 10:22 GMT+7") == "2013-05-28"
