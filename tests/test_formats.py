"""Outputs read back the way their users read them: csv module, SQL, a browser-like parse."""
from __future__ import annotations

import csv
import sqlite3
from html.parser import HTMLParser

import pytest

from extractor import extract
from extractor.formats import ITEM_COLUMNS, read_records, write_csv, write_jsonl, write_sqlite
from extractor.htmlview import show_page
from extractor.report import report_page

SENTENCE = ("Ngày 10/08/2022\nTrong năm 2021, thành phố Thủ Dầu Một đã tiếp nhận 26.356 hồ sơ, "
            "giải quyết đúng hạn đạt tỷ lệ 99,83%; ông Lý Văn Đẹp, Phó Giám đốc Sở Nội vụ, chủ trì.")


@pytest.fixture(scope="module")
def records():
    return [extract(SENTENCE, doc_id="a"), extract(SENTENCE.replace("26.356", "1.200"), doc_id="b")]


def test_csv_has_bom_and_one_row_per_entity_and_figure(tmp_path, records):
    path = tmp_path / "out.csv"
    n = write_csv(records, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ITEM_COLUMNS
    assert n == len(rows) == sum(len(r.entities) + len(r.figures) for r in records)
    assert {row["doc_id"] for row in rows} == {"a", "b"}


def test_sqlite_answers_a_query(tmp_path, records):
    path = tmp_path / "out.sqlite"
    assert write_sqlite(records, path) == 2
    db = sqlite3.connect(path)
    docs = db.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
    assert docs == [("a",), ("b",)]
    n_fig = db.execute("SELECT COUNT(*) FROM figures").fetchone()[0]
    assert n_fig == sum(len(r.figures) for r in records)
    write_sqlite(records[:1], path)  # writing a document again replaces it, never duplicates
    assert db.execute("SELECT COUNT(*) FROM figures WHERE doc_id='a'").fetchone()[0] == len(records[0].figures)


def test_jsonl_round_trip(tmp_path, records):
    path = tmp_path / "r.jsonl"
    write_jsonl(records, path)
    assert list(read_records(path)) == records


class _Marks(HTMLParser):
    """The highlighted text of the article: runs of adjacent ``<span class="s …">`` pieces."""

    def __init__(self):
        super().__init__()
        self.marked = ""
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "span" and (dict(attrs).get("class") or "").startswith("s ")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.marked += data


def test_show_page_highlights_every_drawn_span(records):
    record = records[0]
    parser = _Marks()
    parser.feed(show_page(record, SENTENCE))
    assert record.entities and record.figures
    for item in [*record.entities, *record.figures]:
        assert item.text in parser.marked, item


def test_report_page_counts_documents(records):
    page = report_page(records)
    assert "2 documents" in page
    assert "Thành phố Thủ Dầu Một" in page and "<polyline" in page  # the on-time rate line
