"""Figures: number formats, exclusions, types, units, qualifiers, service levels and ranges.

Most cases run ``figures.recognise`` on an article no other recogniser has seen, so the exclusions
of dates and names are tested on their own (the pipeline also blocks DATE and LOCALITY spans);
the last tests run the whole pipeline on the annotated corpus and dev articles.
"""
from __future__ import annotations

import json

import pytest

from extractor import extract_file, figures
from extractor.article import Article, Mention
from extractor.pipeline import prepare
from extractor.reader import Source

from .conftest import ANNOTATIONS, CORPUS


def _article(text: str) -> Article:
    return prepare(Source("t", text, None))


def _found(text: str, art: Article | None = None) -> list[dict]:
    """Each figure as a dict: ``text`` (raw span), ``type`` and its attributes."""
    art = art or _article(text)
    out = []
    for m in figures.recognise(art):
        start, end = art.norm.span_to_raw(m.start, m.end)
        out.append({"text": text[start:end], "type": m.label, **m.attrs})
    return out


def _one(text: str, span: str) -> dict:
    hits = [f for f in _found(text) if f["text"] == span]
    assert len(hits) == 1, f"{span!r} in {text!r}: {_found(text)}"
    return hits[0]


# --- formats --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,kind,value,total", [
    ("Thành phố đã tiếp nhận 26.356 hồ sơ.", "26.356", "dossier_count", 26356, None),
    ("Tỷ lệ đúng hạn cấp tỉnh đạt 99,43%.", "99,43%", "percentage", 99.43, None),
    ("Đã giải quyết được 25.969 hồ sơ, đạt tỷ lệ 99.83%.", "99.83%", "percentage", 99.83, None),
    ("Tỷ lệ hài lòng đạt 99,8 % trong năm.", "99,8 %", "percentage", 99.8, None),
    ("Tổng số 2.463.339 bộ hồ sơ đã được tiếp nhận.", "2.463.339", "dossier_count", 2463339, None),
    ("Mỗi năm TP giải quyết 14,5 triệu hồ sơ.", "14,5 triệu", "dossier_count", 14500000, None),
    ("Hệ thống tiếp nhận trên 103 ngàn lượt liên hệ.", "103 ngàn", "quantity", 103000, None),
    ("Đã xử lý hơn 90 nghìn phản ánh.", "90 nghìn", "quantity", 90000, None),
    ("Tổng kinh phí là 1,2 tỷ đồng.", "1,2 tỷ", "quantity", 1200000000, None),
    ("Trong đó có 08 đơn khiếu nại.", "08", "dossier_count", 8, None),
    ("Đã giải quyết xong 201/227 đơn, đạt 88,5%.", "201/227", "dossier_count", 201, 227),
    ("Huyện thực hiện 27/27 nhiệm vụ CCHC.", "27/27", "quantity", 27, 27),
    ("Tỉnh có 3.946/2.463.339 bộ hồ sơ quá hạn.", "3.946/2.463.339", "dossier_count", 3946, 2463339),
    ("Thái Nguyên đạt 88,35/100 điểm.", "88,35/100", "quantity", 88.35, 100),
    ("Đạt được tỷ lệ điểm số cao nhất ở 5/6 nội dung tác động.", "5/6", "quantity", 5, 6),
    ("Tỷ lệ điểm trung bình đạt 61,90%.", "61,90%", "percentage", 61.9, None),
    ("Số người dân sử dụng tăng gấp 3,6 lần năm trước.", "3,6", "quantity", 3.6, None),
    ("Từ nhà tôi chạy lên TTHCC hơn 30km.", "30", "quantity", 30, None),
    ("Chỉ thu phí 70.000 đồng là rẻ.", "70.000", "quantity", 70000, None),
    ("Tổng vốn đầu tư đạt 1,2 nghìn tỷ đồng.", "1,2 nghìn tỷ", "quantity", 1.2e12, None),
    ("Có 5 trên 7 sở đạt loại tốt.", "5 trên 7", "quantity", 5, 7),
    ("Có 3 trong số 10 xã chưa đạt chỉ tiêu.", "3 trong số 10", "quantity", 3, 10),
    ("Đã có 2 trên tổng số 6 huyện hoàn thành.", "2 trên tổng số 6", "quantity", 2, 6),
    ("Tỉnh đứng thứ 9 trên 63 tỉnh, thành phố.", "9 trên 63", "quantity", 9, 63),
])
def test_formats(text, span, kind, value, total):
    fig = _one(text, span)
    assert fig["type"] == kind
    assert fig["value"] == pytest.approx(value)
    assert fig["total"] == total


def test_percentages_are_floats_counts_are_ints():
    fig = _found("Đã tiếp nhận 26.356 hồ sơ, đạt 100%.")
    assert [type(f["value"]) for f in fig] == [int, float]


# --- exclusions ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sáng ngày 10/8, đoàn kiểm tra làm việc tại xã.",
    "Chiều 30/5, tại Trụ sở Chính phủ, Phó Thủ tướng chủ trì.",
    "Kết quả vận hành từ ngày 30/8/2021 đến 11/11/2021.",
    "Từ ngày 1-1-2016 đến 31-12-2016, các cảng vụ làm thủ tục.",
    "Ngày 29-12, Sở Công thương công bố kết quả.",
    "Trong năm 2021, thành phố tiếp tục cải cách.",
    "Kế hoạch CCHC giai đoạn 2021-2030 của tỉnh.",
    "Tính đến quý I/2017, nhiều bộ đã ban hành kế hoạch.",
    "Đến đầu tháng 3/2017, các bộ đã ban hành kế hoạch.",
    "Trong 6 tháng đầu năm 2022, bộ phận một cửa hoạt động tốt.",
    "Riêng 10 tháng năm nay, quận tiếp tục đẩy mạnh.",
    "Cập nhật 10-12-2021 10:48.",
    "Phiên họp bắt đầu lúc 10h30 tại hội trường.",
    "Buổi làm việc bắt đầu lúc 10h, kết thúc lúc 10 giờ 30 phút.",
    "28/05/13 10:22 GMT+7",
    "UBND Quận 1 thực hiện hàng loạt cải cách.",
    "Anh Tú đến UBND Q.4 làm thủ tục, sau đó đến P.11.",
    "Anh Tú đến UBND Q. 4 làm thủ tục chấm dứt hoạt động.",
    "Theo Nghị định số 73/1999/NĐ-CP của Chính phủ.",
    "Thực hiện Nghị định 61/2018/NĐ-CP về cơ chế một cửa.",
    "Nghị quyết số 01/NQ-TU ngày 31/12/2020 của Ban Chấp hành.",
    "Thực hiện Nghị quyết số 19-2017/NQ-CP của Chính phủ.",
    "Theo Nghị quyết số 39-NQ/TW của Bộ Chính trị.",
    "Văn bản số 3276 / UBND – KSTTCNC gửi các sở.",
    "UBND tỉnh ban hành Kế hoạch 222 về nâng cao chất lượng.",
    "Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015.",
    "Xây dựng theo tiêu chuẩn Quốc gia ISO:2015.",
    "Hệ thống Tổng đài 1022 nhằm kịp thời tiếp nhận phản ánh.",
    "Liên hệ tổng đài 02773.898989 để được hỗ trợ.",
    "Thành phố thực hiện Bộ chỉ số 766 năm 2024.",
    "Cung cấp dịch vụ công thiết yếu theo Đề án 06.",
    "Trong tình hình dịch bệnh Covid-19 diễn biến phức tạp.",
    "Triển khai kiến trúc chính quyền điện tử 2.0 của tỉnh.",
    "Phong trào '3 không' được người dân hưởng ứng.",
    "Áp dụng mô hình “5 tại chỗ” tại bộ phận một cửa.",
    "Thực hiện đề án 1 cửa, 1 cửa liên thông.",
    "Hàng trăm ngàn hồ sơ được giải quyết đúng hạn.",
    "Hai nhân viên thay phiên nhau xử lý.",
    "Tổng đài hỗ trợ 24/7 về sử dụng dịch vụ công.",
    "Hệ thống vận hành tự động 24/24 giờ.",
    "Xem thêm tại https://dongthap.gov.vn/tin-tuc-106767.aspx hoặc email tthcc2020@gmail.com.",
    "HĐND TP khai mạc kỳ họp thứ 7, kỳ họp bất thường.",
    "Đơn vị đạt TOP 10 Sao Khuê 2020.",
    "Chị Cúc ở tổ 3, phường Quang Trung.",
    "Trụ sở đặt tại tầng 6, cao ốc Sonadezi.",
    "Bà Hoa ở xóm 4, xã Tân Lập, cho biết.",
    "Ông sống ở khóm 2, khu 5, cụm 3, đội 4, ngõ 12, ngách 5, hẻm 34, kiệt 7.",
    "Tiếp dân tại phòng 105, khu vực 2, quầy số 3, cổng số 2.",
    "Đợt 2 của chiến dịch dành cho học sinh lớp 10.",
    "Hội nghị khai mạc vào 14 giờ ngày 5/6, kết thúc 17 giờ ngày 6/6.",
    "Đây là hội nghị lần 3 về chuyển đổi số.",
    "Liên hệ 1900 1234 hoặc 0274 3822 456 để được hỗ trợ.",
    "Gọi 1800 1096 miễn phí.",
    "Mạng 5G đã phủ sóng toàn tỉnh.",
    "gồm: (1) cải cách thể chế; (2) cải cách thủ tục hành chính.",
    "1. Kết quả đạt được",
])
def test_not_figures(text):
    assert _found(text) == []


def test_date_entities_block_figures():
    """A DATE span from ``dates`` wins over a figure reading of the same digits."""
    text = "Chỉ trong vòng 2 tháng, xã tiếp nhận 982 hồ sơ."
    art = _article(text)
    at = text.index("2 tháng")
    art.entities.append(Mention(at, at + len("2 tháng"), "DATE", {"value": "P2M"}))
    assert [f["text"] for f in _found(text, art)] == ["982"]


def test_year_shaped_count_is_kept():
    assert _one("Năm nay, phường đã tiếp nhận 2020 hồ sơ.", "2020")["unit"] == "hồ sơ"


# --- units and types ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,kind,unit", [
    ("Trong năm 2021, thành phố đã tiếp nhận 26.356 hồ sơ và đã giải quyết.", "26.356", "dossier_count", "hồ sơ"),
    ("Đã tiếp nhận 1.105 HS trực tuyến (100%), không có HS trễ hẹn.", "1.105", "dossier_count", "HS trực tuyến"),
    ("Tiếp nhận 278/278 HS dịch vụ công mức độ 3.", "278/278", "dossier_count", "HS dịch vụ công"),
    ("Ngâm gần 4.000 bộ hồ sơ quá hạn.", "4.000", "dossier_count", "bộ hồ sơ"),
    ("Có 971 hồ sơ mức độ 3, hồ sơ đang trong hạn giải quyết 283.", "283", "dossier_count", "hồ sơ"),
    ("Đến tháng 8, số hồ sơ trực tuyến lên đến 294.125, chưa bao gồm thuế.", "294.125", "dossier_count", "hồ sơ trực tuyến"),
    ("Đã tiếp nhận hơn 13.800 hồ sơ giải quyết thủ tục hành chính.", "13.800", "dossier_count", "hồ sơ"),
    ("Tổng số đơn là 227 đơn (trong đó: 08 đơn khiếu nại, 19 tố cáo, 199 đơn đề nghị).", "19", "dossier_count", "tố cáo"),
    ("Văn phòng đã tiếp nhận được 586 phản ánh, kiến nghị của doanh nghiệp.", "586", "quantity", "phản ánh"),
    ("Đồng Nai đã ban hành mới 216 TTHC, bãi bỏ 173 TTHC.", "216", "quantity", "TTHC"),
    ("Tỉnh đã cung cấp 1.170 dịch vụ công mức độ 3 và 4.", "1.170", "quantity", "dịch vụ công"),
    ("Triển khai 68 số tài khoản cho tất cả các phòng chuyên môn.", "68", "quantity", "số tài khoản"),
    ("Các dịch vụ được áp dụng tại UBND TP và 32 xã, phường.", "32", "quantity", "xã"),
    ("Đảm bảo kết nối 04 cấp nên công tác cải cách hiệu quả.", "04", "quantity", "cấp"),
    ("Trong 6 tháng, TP đã tiếp 107 lượt công dân.", "107", "quantity", "lượt công dân"),
    ("Tỉnh đã khảo sát hơn 6 ngàn phiếu đánh giá về quá trình tiếp nhận.", "6 ngàn", "quantity", "phiếu đánh giá"),
    ("Huyện thực hiện 27/27 nhiệm vụ CCHC năm 2022 của tỉnh.", "27/27", "quantity", "nhiệm vụ CCHC"),
    ("Kiểm tra tại 2 xã An Phước và Tân Công Chí.", "2", "quantity", "xã"),
    ("Theo thỏa thuận hợp tác giữa 2 đơn vị, Bưu điện cung ứng dịch vụ.", "2", "quantity", "đơn vị"),
    ("Cục thực hiện tại 18 cơ quan đăng ký thuyền viên của Cục.", "18", "quantity", "cơ quan đăng ký thuyền viên"),
    ("Quận đã ứng dụng 33 phần mềm, phục vụ 125 thủ tục hành chính trong lĩnh vực.", "125", "quantity", "thủ tục hành chính"),
    ("Có khoảng 100 lượt tàu biển ra vào mỗi ngày.", "100", "quantity", "lượt tàu biển"),
    ("Quận đã thực hiện gần 6.000 tin nhắn báo kết quả giải quyết hồ sơ.", "6.000", "quantity", "tin nhắn"),
    ("Sở đưa 55 dịch vụ công lên mạng.", "55", "quantity", "dịch vụ công"),
    ("Tỉnh công bố 932 DVCTT toàn trình.", "932", "quantity", "DVCTT"),
    ("Tính chung 5 năm qua thì tỷ lệ trễ hạn là 5%.", "5", "quantity", "năm"),
    ("Thái Nguyên đạt 88,35/100 điểm, đứng thứ 5/63 tỉnh, thành phố.", "5/63", "quantity", "hạng"),
    ("Đồng Tháp đứng thứ 2 cả nước về chỉ số hài lòng.", "2", "quantity", "hạng"),
    ("Đạt 82,92%, xếp ở vị trí thứ 2/8 nhóm tác động.", "2/8", "quantity", "hạng"),
    ("Tỷ lệ hồ sơ trực tuyến đạt 93,8%.", "93,8%", "percentage", "%"),
    ("Hồ sơ được trả trong vòng 24 giờ.", "24", "quantity", "giờ"),
    ("Hồ sơ được trả kết quả trong 4 giờ làm việc.", "4", "quantity", "giờ làm việc"),
    ("Thời gian từ 15 ngày rút xuống còn 10 ngày.", "15", "quantity", "ngày"),
    ("Phí chỉ 5.000 đồng một bản.", "5.000", "quantity", "đồng"),
    ("Huyện đã đầu tư 800 triệu đồng lắp đặt hệ thống camera.", "800 triệu", "quantity", "đồng"),
    ("Sở đã chi 2 tỷ đồng trang bị máy tính.", "2 tỷ", "quantity", "đồng"),
    ("Có 1.234 người dân cài đặt ứng dụng.", "1.234", "quantity", "người dân"),
    ("Mỗi ngày có 60 lượt người dân đến giao dịch.", "60", "quantity", "lượt người dân"),
    ("Có 150 lượt tổ chức, cá nhân được hỗ trợ.", "150", "quantity", "lượt tổ chức"),
    ("Tỉnh tổ chức 12 lớp tập huấn cho cán bộ.", "12", "quantity", "lớp tập huấn"),
    ("Huyện có 25 bộ phận một cửa cấp xã.", "25", "quantity", "bộ phận một cửa"),
    ("Tỉnh có 8 lĩnh vực đánh giá kết quả.", "8", "quantity", "lĩnh vực"),
    ("Hai xã còn tồn đọng lần lượt 520 và 310 hồ sơ.", "520", "dossier_count", "hồ sơ"),
    ("Ba phường tiếp nhận 120, 340 và 560 hồ sơ.", "120", "dossier_count", "hồ sơ"),
    ("Ba phường tiếp nhận 120, 340 và 560 hồ sơ.", "340", "dossier_count", "hồ sơ"),
    ("Tỷ lệ của huyện và xã lần lượt là 99,5 và 97,2%.", "99,5", "percentage", "%"),
    ("Có 5 trên 7 sở đạt loại tốt.", "5 trên 7", "quantity", "sở"),
])
def test_units(text, span, kind, unit):
    fig = _one(text, span)
    assert (fig["type"], fig["unit"]) == (kind, unit)


# --- qualifiers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,qualifier", [
    ("Tỷ lệ văn bản điện tử đạt trên 90%.", "90%", "gt"),
    ("Hơn 80% người dân hài lòng.", "80%", "gt"),
    ("Năm 2018 đạt vượt 94% kế hoạch.", "94%", "gt"),
    ("Phải đối thoại với người dân ít nhất 2 lần / năm.", "2", "gt"),
    ("Khối địa phương đạt tối thiểu 70% hồ sơ dịch vụ công.", "70%", "gt"),
    ("Nhóm C từ 70% trở lên.", "70%", "gt"),
    ("Chỉ số đạt dưới 70%.", "70%", "lt"),
    ("Thời gian ngắn (chỉ trong vòng chưa đầy 2 tháng).", "2", "lt"),
    ("Thời gian giải quyết không quá 3 ngày làm việc.", "3", "lt"),
    ("Thời gian giải quyết tối đa 5 ngày.", "5", "lt"),
    ("Hà Nội sẽ cung cấp khoảng 40% các thủ tục hành chính.", "40%", "approx"),
    ("“Ngâm” gần 4.000 bộ hồ sơ.", "4.000", "approx"),
    ("Tất cả chỉ mất chừng 5 phút.", "5", "approx"),
    ("Tỷ lệ xấp xỉ 50% hồ sơ.", "50%", "approx"),
    ("Gần như 100% hồ sơ được số hóa.", "100%", "approx"),
    ("Hậu Giang đạt 62,55%, thấp hơn 27,77% so với Đà Nẵng.", "27,77%", None),
    ("Nhóm B từ 80% đến dưới 90%.", "80%", None),
    ("Mức độ 4 đạt tới 98,88%.", "98,88%", None),
    ("Có 3 trên 4 đơn vị đạt yêu cầu.", "3 trên 4", None),
    ("Thời gian giải quyết chỉ khoảng 2-3 ngày.", "3", "approx"),
    ("Mỗi ngày xử lý khoảng 50 và 60 hồ sơ.", "60", "approx"),
    ("Có khoảng 80 lượt xe tải, 300 lượt xe máy ra vào.", "300", "approx"),
    ("Giải quyết khoảng 200 hồ sơ, 50 hồ sơ đang xử lý.", "50", None),
    ("Tỷ lệ lần lượt là trên 67% và 73%.", "73%", None),
])
def test_qualifiers(text, span, qualifier):
    assert _one(text, span)["qualifier"] == qualifier


# --- service levels ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,spans,values", [
    ("Tỉnh cung cấp dịch vụ công trực tuyến mức độ 3 và 4.", ["3 và 4"], [[3, 4]]),
    ("Triển khai dịch vụ công mức độ 3, 4 ở nhiều nơi.", ["3, 4"], [[3, 4]]),
    ("Huyện thực hiện trực tuyến mức độ 3,4 trong năm.", ["3,4"], [[3, 4]]),
    ("Thành phố thực hiện dịch vụ công trực tuyến 3,4 tại địa phương.", ["3,4"], [[3, 4]]),
    ("Giao dịch qua dịch vụ công trực tuyến mức độ 3-4 đạt 41%.", ["3-4"], [[3, 4]]),
    ("Kết nối đối với dịch vụ công mức 3, 4 của thành phố.", ["3, 4"], [[3, 4]]),
    ("Sở công bố 55 dịch vụ công trực tuyến cấp độ 4 thuộc 11 nhóm.", ["4"], [[4]]),
    ("Cung cấp dịch vụ công trực tuyến mức độ 3 và mức độ 4 đối với 21 thủ tục.", ["3", "4"], [[3], [4]]),
    ("Tỉnh công bố 932 DVCTT toàn trình, 718 DVCTT một phần.", ["toàn trình", "một phần"],
     [["full"], ["partial"]]),
    ("Cung cấp 100% DVCTT toàn trình, một phần.", ["toàn trình, một phần"], [["full", "partial"]]),
    ("Tỉnh có 900 dịch vụ toàn trình và 650 dịch vụ một phần.", ["toàn trình", "một phần"],
     [["full"], ["partial"]]),
    ("Tỉnh có 2.000 thủ tục một phần.", ["một phần"], [["partial"]]),
])
def test_service_levels(text, spans, values):
    levels = [f for f in _found(text) if f["type"] == "service_level"]
    assert [f["text"] for f in levels] == spans
    assert [f["value"] for f in levels] == values
    assert all(f["unit"] is None for f in levels)


def test_level_list_is_not_a_decimal():
    found = _found("Thực hiện dịch vụ công trực tuyến 3,4 tại địa phương.")
    assert [f["type"] for f in found] == ["service_level"]


@pytest.mark.parametrize("text", [
    "Đó là một phần tích cực trong con số trên.",
    "Cơ quan mới giải quyết một phần yêu cầu của người dân.",
])
def test_mot_phan_outside_services_is_no_level(text):
    assert _found(text) == []


# --- ranges and lists ------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Tỷ lệ dự kiến đạt 40-45% trong năm.", [("40", "percentage", 40.0, "%"), ("45%", "percentage", 45.0, "%")]),
    ("Giảm thời gian từ 20-45 ngày còn 12 ngày.",
     [("20", "quantity", 20, "ngày"), ("45", "quantity", 45, "ngày"), ("12", "quantity", 12, "ngày")]),
    ("Chỉ mất 2-3 ngày là có kết quả.", [("2", "quantity", 2, "ngày"), ("3", "quantity", 3, "ngày")]),
    ("Thời gian còn 3 hay 4 ngày.", [("3", "quantity", 3, "ngày"), ("4", "quantity", 4, "ngày")]),
    ("Sẽ giảm từ 20 đến 45 ngày.", [("20", "quantity", 20, "ngày"), ("45", "quantity", 45, "ngày")]),
    ("Hỗ trợ từ 3 đến 5 triệu đồng.",
     [("3", "quantity", 3000000, "đồng"), ("5 triệu", "quantity", 5000000, "đồng")]),
    ("Thời gian giảm từ 7 xuống 5 ngày.", [("7", "quantity", 7, "ngày"), ("5", "quantity", 5, "ngày")]),
    ("Ba xã có 1,5 và 2 tỷ đồng.",
     [("1,5", "quantity", 1500000000, "đồng"), ("2 tỷ", "quantity", 2000000000, "đồng")]),
])
def test_ranges(text, expected):
    got = [(f["text"], f["type"], f["value"], f["unit"]) for f in _found(text)]
    assert got == expected


# --- contract with the rest of the pipeline ----------------------------------------------------

def test_no_linking_attributes_and_named_rules():
    art = _article("Trong năm 2021, thành phố đã tiếp nhận 26.356 hồ sơ, đạt 99,83%.")
    for m in figures.recognise(art):
        assert m.rule
        assert set(m.attrs) <= {"value", "total", "qualifier", "unit"}


def _gold_figures(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["figures"]


def _match_rate(pairs) -> tuple[float, float]:
    """Span F1 (same type, overlapping spans, one-to-one) and value F1 over (pred, gold) lists."""
    tp = vtp = n_pred = n_gold = 0
    for pred, gold in pairs:
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        used: set[int] = set()
        for g in gold:
            for i, p in enumerate(pred):
                if i not in used and p.type == g["type"] and p.start < g["end"] and g["start"] < p.end:
                    used.add(i)
                    tp += 1
                    vtp += (p.value == pytest.approx(g["value"]) and p.total == g["total"]
                            and p.qualifier == g["qualifier"])
                    break
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0
    return f1, 2 * vtp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def test_corpus_gold_figures():
    pairs = []
    for gold in sorted(ANNOTATIONS.glob("*.json")):
        record = extract_file(CORPUS / json.loads(gold.read_text(encoding="utf-8"))["source"])
        pairs.append((record.figures, _gold_figures(gold)))
    if not pairs:
        pytest.skip("no corpus annotations")
    span_f1, value_f1 = _match_rate(pairs)
    assert span_f1 >= 0.97 and value_f1 >= 0.95


def test_dev_gold_figures(dev_dir):
    pairs = []
    for gold in sorted((dev_dir / "gold").glob("*.json")):
        source = json.loads(gold.read_text(encoding="utf-8"))["source"]
        pairs.append((extract_file(dev_dir / "texts" / source).figures, _gold_figures(gold)))
    span_f1, value_f1 = _match_rate(pairs)
    assert span_f1 >= 0.97 and value_f1 >= 0.95
