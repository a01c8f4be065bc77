"""Tables flattened into "a | b | c" lines: the header of a column says what its numbers are."""
from __future__ import annotations

from extractor import extract
from extractor.segment import paragraphs
from extractor.tables import find, header_of

PLAIN = ("Kết quả giải quyết TTHC tại một số địa phương (từ ngày 1/1 đến 30/11/2021):\n"
         "STT | Đơn vị | Hồ sơ tiếp nhận | Đúng hạn | Tỷ lệ\n"
         "1 | Tp. Hạ Long | 48.215 | 48.102 | 99,77%\n"
         "2 | Tp. Cẩm Phả | 21.630 | 21.544 | 99,60%\n"
         "(Nguồn: Sở Nội vụ tỉnh Quảng Ninh)")
# what trafilatura makes of an HTML <table>: Markdown rows with a rule under the header
MARKDOWN = ("Năm 2021, các huyện của tỉnh Quảng Ninh giải quyết hồ sơ như sau:\n"
            "| STT | Đơn vị | Hồ sơ tiếp nhận | Đúng hạn | Tỷ lệ | \n"
            "|---|---|---|---|---|\n"
            "| 1 | H. Vân Đồn | 6.912 | 6.905 | 99,90% | \n"
            "Tỉnh tiếp tục đẩy mạnh cải cách hành chính.")


def test_a_table_is_its_header_and_the_rows_under_it():
    tables = find(PLAIN, tuple(paragraphs(PLAIN)))
    assert len(tables) == 1
    table = tables[0]
    assert [PLAIN[a:b] for a, b in table.header] == ["STT", "Đơn vị", "Hồ sơ tiếp nhận", "Đúng hạn", "Tỷ lệ"]
    assert len(table.rows) == 2
    cell = header_of(tables, PLAIN.index("21.544"))
    assert cell is not None and cell.column == 3 and PLAIN[slice(*cell.header)] == "Đúng hạn"
    assert PLAIN[slice(*cell.span)] == "21.544"
    assert header_of(tables, PLAIN.index("Nguồn")) is None


def test_a_line_with_pipes_but_no_header_above_it_is_no_table():
    text = "Trang chủ | Tin tức | Liên hệ\nNăm 2021, huyện tiếp nhận 500 hồ sơ."
    assert find(text, tuple(paragraphs(text))) == []


def test_numbers_in_rows_take_unit_metric_and_period_from_the_headers_and_caption():
    record = extract(PLAIN, doc_id="plain")
    got = {f.text: f for f in record.figures}
    assert "1" not in got and "2" not in got                 # row numbers (STT)
    assert (got["48.215"].type, got["48.215"].unit.lower(), got["48.215"].metric) == \
        ("dossier_count", "hồ sơ", "received")
    assert (got["48.102"].unit.lower(), got["48.102"].metric) == ("hồ sơ", "on_time")
    assert got["99,60%"].metric == "on_time_rate"             # "Tỷ lệ" after "Đúng hạn"
    assert got["21.630"].locality == "Thành phố Cẩm Phả"      # the row's unit
    assert got["48.215"].period == "2021-01-01/2021-11-30"    # from the caption


def test_a_markdown_table_from_html_reads_the_same():
    record = extract(MARKDOWN, doc_id="md")
    got = {f.text: f for f in record.figures}
    assert "1" not in got
    assert (got["6.905"].type, got["6.905"].metric, got["6.905"].locality) == \
        ("dossier_count", "on_time", "Huyện Vân Đồn")
    assert got["99,90%"].metric == "on_time_rate"
