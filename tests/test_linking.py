"""Linking figures to metric, service level, period, locality, tier and target (SPEC §3, §6).

The articles here are built by hand: the text is segmented as the pipeline does, and the DATE,
LOCALITY and figure mentions are placed where the recognisers would put them, so these tests pin
the linker alone. The sentences are written for the tests in the genre's usual phrasing.
"""
from __future__ import annotations

from typing import Any

import pytest

from extractor.article import Article, Mention
from extractor.linking import is_change, link, subject_of
from extractor.pipeline import prepare
from extractor.reader import Source


def _at(text: str, span: str, after: str | None) -> int:
    """Offset of ``span``, searched from the first occurrence of ``after`` (or from the start)."""
    start = text.index(after) if after else 0
    return text.index(span, start)


def build(text: str, figures: list[dict[str, Any]] = (), dates: list[tuple] = (),
          places: list[tuple] = (), title: str | None = None) -> Article:
    """An article with mentions placed by hand.

    ``figures``: dicts with ``text``, ``type`` and optionally ``after`` (a string before the span
    to search from), ``value``, ``total``, ``unit``; ``dates``: (span, value, granularity[, after]);
    ``places``: (span, canonical, level, unit[, after][, parent]).
    """
    art = prepare(Source(doc_id="t", text=text, source=None))
    if title:
        art.title, art.title_span = title, (text.index(title), text.index(title) + len(title))
    for span, value, gran, *rest in dates:
        at = _at(text, span, rest[0] if rest else None)
        art.entities.append(Mention(at, at + len(span), "DATE", {"value": value, "granularity": gran}))
    for span, canonical, level, unit, *rest in places:
        at = _at(text, span, rest[0] if rest else None)
        parent = rest[1] if len(rest) > 1 else None
        art.entities.append(Mention(at, at + len(span), "LOCALITY", {
            "canonical": canonical, "level": level, "unit": unit, "name": span, "parent": parent}))
    for f in figures:
        at = _at(text, f["text"], f.get("after"))
        attrs = {"value": f.get("value", 0), "total": f.get("total"), "qualifier": None,
                 "unit": f.get("unit", "%" if f["type"] == "percentage" else None)}
        art.figures.append(Mention(at, at + len(f["text"]), f["type"], attrs))
    return art


def linked(art: Article) -> dict[str, dict[str, Any]]:
    """Run the linker; the attributes of each figure, keyed by its text (first one wins)."""
    link(art)
    out: dict[str, dict[str, Any]] = {}
    for m in art.figures:
        out.setdefault(art.text[m.start:m.end], m.attrs)
    return out


def count(span: str, after: str | None = None, unit: str = "hồ sơ", **kw: Any) -> dict[str, Any]:
    return {"text": span, "type": "dossier_count", "after": after, "unit": unit, **kw}


def rate(span: str, after: str | None = None) -> dict[str, Any]:
    return {"text": span, "type": "percentage", "after": after}


def level(span: str, value: list[Any], after: str | None = None) -> dict[str, Any]:
    return {"text": span, "type": "service_level", "after": after, "value": value}


def quantity(span: str, unit: str, after: str | None = None) -> dict[str, Any]:
    return {"text": span, "type": "quantity", "after": after, "unit": unit}


HUYEN = ("huyện Tân Phú", "Huyện Tân Phú", "district", "huyện")


# --- metric --------------------------------------------------------------------------------------

def test_breakdown_after_the_total_takes_the_cue_before_each_number():
    text = "Năm 2023, huyện Tân Phú tiếp nhận 1.200 hồ sơ, trong đó đúng hạn 1.150 hồ sơ, trễ hạn 50 hồ sơ."
    got = linked(build(text, [count("1.200"), count("1.150"), count("50", after="trễ hạn")],
                       dates=[("Năm 2023", "2023", "year")], places=[HUYEN]))
    assert [got[k]["metric"] for k in ("1.200", "1.150", "50")] == ["received", "on_time", "late"]
    assert {got[k]["period"] for k in got} == {"2023"}
    assert {got[k]["locality"] for k in got} == {"Huyện Tân Phú"}


def test_chained_processing_verbs_take_the_last_stage():
    text = ("Xã đã tiếp nhận, giải quyết và trả kết quả 500 hồ sơ; các phường tiếp nhận và giải "
            "quyết đúng hẹn 480 hồ sơ; 20 hồ sơ đang giải quyết.")
    got = linked(build(text, [count("500"), count("480"), count("20", after="480")]))
    assert got["500"]["metric"] == "resolved"
    assert got["480"]["metric"] == "on_time"
    assert got["20"]["metric"] == "pending"


def test_a_rate_beside_its_count_is_the_rate_of_that_count():
    text = ("Thành phố đã tiếp nhận 2.000 hồ sơ và đã giải quyết được 1.990 hồ sơ, đạt tỷ lệ 99,5%. "
            "Tiếp nhận, giải quyết và trả kết quả 120 HS trực tuyến (100%).")
    got = linked(build(text, [count("2.000"), count("1.990"), rate("99,5%"),
                              count("120", unit="HS trực tuyến"), rate("100%")]))
    assert got["99,5%"]["metric"] == "resolved_rate"
    assert got["120"]["metric"] == "online"       # the noun says what was counted ...
    assert got["100%"]["metric"] == "resolved_rate"  # ... the verb what the share is of


def test_parallel_rates_share_a_cue_and_separate_ones_keep_their_own():
    text = ("Tỷ lệ hồ sơ trực tuyến đạt 93%, tỷ lệ giải quyết hồ sơ đúng hạn đạt 99%. "
            "Chỉ số hài lòng của người dân đạt trên 85% và 88%.")
    got = linked(build(text, [rate("93%"), rate("99%"), rate("85%"), rate("88%")]))
    assert got["93%"]["metric"] == "online_rate"
    assert got["99%"]["metric"] == "on_time_rate"
    assert got["85%"]["metric"] == got["88%"]["metric"] == "satisfaction_rate"


def test_a_change_is_not_the_rate_and_its_comparison_year_is_no_period():
    text = "Tỷ lệ hồ sơ nộp trực tuyến đạt 45%, tăng 7% so với năm 2022."
    got = linked(build(text, [rate("45%"), rate("7%")], dates=[("năm 2022", "2022", "year")]))
    assert got["45%"]["metric"] == "online_rate"
    assert got["7%"]["metric"] == "other"
    assert got["7%"]["period"] is None
    assert is_change(text, text.index("7%")) and not is_change(text, text.index("45%"))


def test_an_online_rate_needs_something_that_is_filed():
    text = ("Tỉnh có 100% dịch vụ công trực tuyến được thiết kế lại. "
            "Có 80% hồ sơ được xử lý trực tuyến.")
    got = linked(build(text, [rate("100%"), rate("80%")]))
    assert got["100%"]["metric"] == "other"
    assert got["80%"]["metric"] == "online_rate"


def test_a_figure_with_no_cue_measures_other():
    text = "Có 98% văn bản đi được gửi dạng điện tử."
    assert linked(build(text, [rate("98%")]))["98%"]["metric"] == "other"


# --- service level -------------------------------------------------------------------------------

def test_level_of_a_count_passes_to_its_rate_but_not_to_the_next_item():
    text = ("Xã tiếp nhận và trả kết quả 320 hồ sơ dịch vụ công mức độ 3 (đạt tỷ lệ 100%); "
            "trong đó có 90 hồ sơ mức độ 4, hồ sơ đang giải quyết 15.")
    got = linked(build(text, [count("320"), level("3", [3], after="mức độ"), rate("100%"),
                              count("90"), level("4", [4], after="90 hồ sơ mức độ"),
                              count("15", after="đang giải quyết")]))
    assert got["320"]["service_level"] == 3 and got["100%"]["service_level"] == 3
    assert got["90"]["service_level"] == 4 and got["90"]["metric"] == "online"
    assert got["15"]["service_level"] is None and got["15"]["metric"] == "pending"
    assert got["3"]["service_level"] is None  # a level figure has none of its own


def test_levels_each_with_its_own_mức_độ_combine_for_the_procedures_they_qualify():
    text = "Cục cung cấp dịch vụ công trực tuyến mức độ 3 và mức độ 4 đối với 12 thủ tục hành chính tại 5 cảng."
    got = linked(build(text, [level("3", [3], after="mức độ"), level("4", [4], after="mức độ 3 và"),
                              quantity("12", "thủ tục hành chính"), quantity("5", "cảng")]))
    assert got["12"]["service_level"] == [3, 4]
    assert got["5"]["service_level"] is None


# --- period --------------------------------------------------------------------------------------

def test_period_comes_from_the_sentence_or_earlier_in_the_paragraph_not_a_document_date():
    text = ("Thực hiện Quyết định số 12/QĐ-UBND ngày 5/3/2023 của UBND tỉnh, huyện Tân Phú đẩy mạnh "
            "cải cách. Trong 6 tháng đầu năm 2023, huyện tiếp nhận 700 hồ sơ. Huyện giải quyết "
            "680 hồ sơ.\n\nHuyện có 12 xã.")
    got = linked(build(text, [count("700"), count("680"), quantity("12", "xã")],
                       dates=[("ngày 5/3/2023", "2023-03-05", "day"),
                              ("6 tháng đầu năm 2023", "2023-H1", "half")], places=[HUYEN]))
    assert got["700"]["period"] == got["680"]["period"] == "2023-H1"
    assert got["12"]["period"] is None  # another paragraph
    text = "Theo Quyết định số 12/QĐ-UBND ngày 5/3/2023, huyện có 300 hồ sơ trễ hạn."
    got = linked(build(text, [count("300")], dates=[("ngày 5/3/2023", "2023-03-05", "day")]))
    assert got["300"]["period"] is None


def test_trong_nam_points_back_and_den_nay_anchors_its_own_time():
    text = ("Năm 2024, công tác cải cách được triển khai đồng bộ.\n\nTrong năm, thành phố đã tiếp "
            "nhận 9.000 hồ sơ. Đến nay, thành phố có 40 thủ tục hành chính trực tuyến.")
    got = linked(build(text, [count("9.000"), quantity("40", "thủ tục hành chính")],
                       dates=[("Năm 2024", "2024", "year")]))
    assert got["9.000"]["period"] == "2024"
    assert got["40"]["period"] is None


def test_an_event_day_stays_in_its_sentence_unless_pointed_back_to():
    text = ("Sáng ngày 14/3, huyện tổ chức hội nghị tổng kết. Nhân dịp này, huyện khen thưởng "
            "8 tập thể. Mô hình được áp dụng cho 30 thủ tục hành chính.")
    got = linked(build(text, [quantity("8", "tập thể"), quantity("30", "thủ tục hành chính")],
                       dates=[("ngày 14/3", "XXXX-03-14", "day")]))
    assert got["8"]["period"] == "XXXX-03-14"
    assert got["30"]["period"] is None


# --- locality ------------------------------------------------------------------------------------

def test_locality_is_the_unit_named_before_the_figure_else_the_subject_never_a_national_one():
    text = ("Tỉnh Lâm Đồng đẩy mạnh cải cách hành chính\n"
            "Tỉnh có 85% hồ sơ trực tuyến; riêng huyện Tân Phú đạt 90%. "
            "Cả nước có 60% hồ sơ được xử lý trực tuyến. "
            "Hải Dương và Hậu Giang cùng đạt 58%.")
    places = [("Tỉnh Lâm Đồng", "Tỉnh Lâm Đồng", "province", "tỉnh"), HUYEN,
              ("Hải Dương", "Tỉnh Hải Dương", "province", None),
              ("Hậu Giang", "Tỉnh Hậu Giang", "province", None)]
    art = build(text, [rate("85%"), rate("90%"), rate("60%"), rate("58%")], places=places,
                title="Tỉnh Lâm Đồng đẩy mạnh cải cách hành chính")
    assert subject_of(art) == "Tỉnh Lâm Đồng"
    got = linked(art)
    assert got["85%"]["locality"] == "Tỉnh Lâm Đồng"
    assert got["90%"]["locality"] == "Huyện Tân Phú"
    assert got["60%"]["locality"] is None
    assert got["58%"]["locality"] == "Tỉnh Lâm Đồng"  # about both listed units, so the subject


def test_a_bare_unit_word_means_the_unit_of_that_kind_named_last():
    text = ("Thành phố Hồ Chí Minh có nhiều mô hình hay. Quận 3 triển khai dịch vụ mới. "
            "Năm 2020 quận mở thêm 6 dịch vụ công trực tuyến.")
    places = [("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", "province", "thành phố"),
              ("Quận 3", "Quận 3", "district", "quận", None, "Thành phố Hồ Chí Minh")]
    got = linked(build(text, [quantity("6", "dịch vụ công trực tuyến")], places=places,
                       dates=[("Năm 2020", "2020", "year")]))
    assert got["6"]["locality"] == "Quận 3"


def test_a_paragraph_stays_on_the_unit_it_opens_on_until_it_names_another():
    text = ("Huyện Tân Phú đẩy mạnh cải cách\n"
            "Tại xã Phú Lập, bộ phận một cửa tiếp nhận 300 hồ sơ. Người dân chỉ mất 2 ngày để nhận kết quả.\n"
            "Bà Lan, một người dân ở xã Phú Lập, đến làm thủ tục. Bà cho biết phí chỉ 8.000 đồng.\n"
            "Tại xã Phú Lập, cán bộ hướng dẫn tận tình. Xã Phú Sơn cũng làm tốt. Thời gian chờ chỉ 10 phút.")
    places = [("Huyện Tân Phú",) + HUYEN[1:],
              ("xã Phú Lập", "Xã Phú Lập", "commune", "xã"),
              ("xã Phú Lập", "Xã Phú Lập", "commune", "xã", "Bà Lan"),
              ("xã Phú Lập", "Xã Phú Lập", "commune", "xã", "8.000 đồng"),
              ("Xã Phú Sơn", "Xã Phú Sơn", "commune", "xã")]
    art = build(text, [count("300"), quantity("2", "ngày", after="mất"), quantity("8.000", "đồng"),
                       quantity("10", "phút")], places=places, title="Huyện Tân Phú đẩy mạnh cải cách")
    got = linked(art)
    assert got["300"]["locality"] == got["2"]["locality"] == "Xã Phú Lập"
    assert got["8.000"]["locality"] == "Huyện Tân Phú"  # a resident's commune opens no topic
    assert got["10"]["locality"] == "Huyện Tân Phú"     # another commune was named since


def test_subject_of_a_national_round_up_is_none():
    text = "Đà Nẵng dẫn đầu, sau đó là Hải Phòng, Quảng Ninh, Bình Dương và Đồng Nai."
    places = [(n, f"Tỉnh {n}", "province", None) for n in
              ("Đà Nẵng", "Hải Phòng", "Quảng Ninh", "Bình Dương", "Đồng Nai")]
    assert subject_of(build(text, places=places)) is None


# --- tier ----------------------------------------------------------------------------------------

def test_tier_of_aggregates_and_of_counted_units():
    text = ("Tỷ lệ hồ sơ đúng hạn cấp tỉnh đạt 99%, cấp xã đạt 97%. Các sở, ngành tiếp nhận "
            "5.000 hồ sơ. Huyện có 14 xã và 130 khu phố. Huyện Tân Phú đạt 95%.")
    got = linked(build(text, [rate("99%"), rate("97%"), count("5.000"), quantity("14", "xã"),
                              quantity("130", "khu phố"), rate("95%")], places=[("Huyện Tân Phú",) + HUYEN[1:]]))
    assert got["99%"]["tier"] == "province" and got["97%"]["tier"] == "commune"
    assert got["5.000"]["tier"] == "province"
    assert got["14"]["tier"] == "commune" and got["130"]["tier"] is None
    assert got["95%"]["tier"] is None


def test_no_tier_for_mixed_tiers_or_a_named_unit_nearer_than_the_tier_word():
    text = ("Thành phố cung cấp 40% thủ tục của các sở, ban, ngành, quận, huyện trực tuyến. "
            "Trong khối các sở, Sở Tài chính đạt 91%.")
    got = linked(build(text, [rate("40%"), rate("91%")]))
    assert got["40%"]["tier"] is None
    assert got["91%"]["tier"] is None


# --- target --------------------------------------------------------------------------------------

def test_goals_are_targets_results_and_levels_are_not():
    text = ("Tỉnh phấn đấu đến năm 2025 có 90% hồ sơ được xử lý trực tuyến toàn trình. "
            "Năm 2023, tỉnh đã đạt 70% hồ sơ trực tuyến. "
            "Thời gian giải quyết sẽ giảm từ 15 ngày xuống còn 7 ngày.")
    got = linked(build(text, [rate("90%"), level("toàn trình", ["full"]), rate("70%"),
                              quantity("15", "ngày"), quantity("7", "ngày", after="còn")],
                       dates=[("năm 2025", "2025", "year"), ("Năm 2023", "2023", "year")]))
    assert got["90%"]["is_target"] is True and got["90%"]["period"] == "2025"
    assert got["90%"]["service_level"] == "full"
    assert got["toàn trình"]["is_target"] is False
    assert got["70%"]["is_target"] is False
    assert got["15"]["is_target"] is False and got["7"]["is_target"] is True


def test_goal_heading_reaches_its_list_items():
    text = "Mục tiêu đến hết năm 2025: - 100% hồ sơ được số hóa. - 80% hồ sơ được xử lý trực tuyến."
    got = linked(build(text, [rate("100%"), rate("80%")], dates=[("năm 2025", "2025", "year")]))
    assert got["100%"]["is_target"] and got["80%"]["is_target"]
    assert got["80%"]["period"] == "2025"


@pytest.mark.parametrize("sentence", [
    "Xã tiếp nhận 300 hồ sơ theo yêu cầu của người dân.",
    "Hệ thống đã đảm bảo tiếp nhận 300 hồ sơ mỗi ngày.",
])
def test_goal_words_in_a_result_do_not_make_a_target(sentence):
    assert linked(build(sentence, [count("300")]))["300"]["is_target"] is False


def test_every_figure_gets_every_linking_attribute():
    text = "Trong năm 2022, xã tiếp nhận 100 hồ sơ."
    art = build(text, [count("100")], dates=[("năm 2022", "2022", "year")])
    link(art)
    assert {"metric", "service_level", "period", "locality", "tier", "is_target"} <= set(art.figures[0].attrs)


def test_a_national_round_up_headlined_with_one_province_has_no_subject():
    from extractor import extract
    text = ("Công bố Chỉ số cải cách hành chính năm 2022: Quảng Ninh tiếp tục dẫn đầu\n"
            "Chiều 2/6, tại Hà Nội, Ban Chỉ đạo cải cách hành chính của Chính phủ công bố Chỉ số "
            "cải cách hành chính năm 2022.\n"
            "Quảng Ninh dẫn đầu với 91,27%. Hải Phòng xếp thứ 2 với 89,5%, Bình Dương xếp thứ 3. "
            "Kon Tum và Khánh Hòa ở nhóm cuối. Hà Nội tăng 4 bậc.\n"
            "Giá trị trung bình của các địa phương đạt 84,62%, tăng 1,78 điểm so với năm 2021.")
    record = extract(text, doc_id="roundup")
    got = {f.text: f.locality for f in record.figures}
    assert got["91,27%"] == "Tỉnh Quảng Ninh"      # named in its sentence
    assert got["84,62%"] is None                  # no unit named: the nation's, not Quảng Ninh's


def test_a_province_headline_keeps_its_subject_beside_a_few_other_provinces():
    from extractor import extract
    text = ("Bắc Ninh sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023\n"
            "Tỉnh Bắc Ninh đạt 87,52 điểm, xếp thứ 12/63; dẫn đầu là tỉnh Quảng Ninh.\n"
            "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,1%.")
    record = extract(text, doc_id="province")
    assert {f.text: f.locality for f in record.figures}["99,1%"] == "Tỉnh Bắc Ninh"
