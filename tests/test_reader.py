"""Every input kind on real text: the corpus as HTML, NFD, Windows-1258, TCVN3, UTF-16, JSONL."""
from __future__ import annotations

import json
import unicodedata

import pytest

from extractor import extract, extract_file
from extractor.errors import InputError
from extractor.reader import _tcvn3_table, iter_archive, read_path

from .conftest import SEED0

TONES = "\u0300\u0301\u0309\u0303\u0323"


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as old Windows wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) bytes of a lower-cased text (the encoding has no toned capitals)."""
    to_byte = {letter: chr(code) for code, letter in _tcvn3_table().items()}
    return "".join(to_byte.get(ch, ch) for ch in text).encode("latin-1")


def _seed_text() -> str:
    return SEED0.read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """The seed without the few characters legacy code pages lack."""
    return text.replace("\u00a0", " ").replace("–", "-").replace("…", "...")


def test_utf8_with_bom_keeps_offsets_of_the_decoded_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + _seed_text().encode("utf-8"))
    assert read_path(path).text == _seed_text()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_utf16_with_and_without_bom(tmp_path, codec):
    path = tmp_path / "u16.txt"
    path.write_bytes(_seed_text().encode(codec))
    source = read_path(path)
    assert source.text == _seed_text()
    assert (codec == "utf-16") == (source.notes == [])


def test_windows_1258_is_detected_and_recognised_like_utf8(tmp_path):
    text = _plain(_seed_text())
    path = tmp_path / "cp1258.txt"
    path.write_bytes(encode_cp1258(text))
    source = read_path(path)
    assert source.notes == ["decoded as Windows-1258"]
    assert unicodedata.normalize("NFC", source.text) == text
    from_legacy = extract_file(path)
    from_utf8 = extract(text, doc_id="cp1258")
    assert [(e.type, unicodedata.normalize("NFC", e.text)) for e in from_legacy.entities] == \
        [(e.type, e.text) for e in from_utf8.entities]
    assert from_legacy.warnings and from_legacy.warnings[0].kind == "input"


def test_tcvn3_is_converted_with_a_warning(tmp_path):
    text = _plain(_seed_text()).lower()
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(encode_tcvn3(text))
    source = read_path(path)
    assert source.text == text
    assert "TCVN3" in source.notes[0]


def test_undecidable_bytes_are_an_error(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 20)
    with pytest.raises(InputError, match="no legacy Vietnamese encoding fits"):
        read_path(path)


def _html_page(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    paras = "".join(f"<p>{line}</p>" for line in lines[1:])
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            f"<title>{lines[0]}</title><meta name=\"author\" content=\"Đồng Thịnh\">"
            "<meta property=\"article:published_time\" content=\"2022-08-10\"></head><body>"
            "<nav><a href=\"/\">Trang chủ</a> <a href=\"/login\">Đăng nhập</a></nav>"
            f"<article><h1>{lines[0]}</h1>{paras}</article>"
            "<footer>Chia sẻ</footer></body></html>")


def test_html_page_gives_article_text_metadata_and_offsets_into_it(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_html_page(_seed_text()), encoding="utf-8")
    source = read_path(path)
    assert not source.plain and "ông Lý Văn Đẹp" in source.text and "<p>" not in source.text
    record = extract_file(path)
    assert record.title == "Thành phố TDM tiếp Đoàn kiểm tra cải cách hành chính tỉnh Bình Dương năm 2022"
    assert record.text == source.text
    for item in [*record.entities, *record.figures]:
        assert record.text[item.start:item.end] == item.text


def test_html_with_only_scripts_is_an_error(tmp_path):
    path = tmp_path / "scripts.html"
    path.write_text("<!DOCTYPE html><html><head><script>var a = 1;</script></head>"
                    "<body><script>document.write('x')</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="without article text"):
        read_path(path)


def test_nfd_text_gives_the_same_entities_at_mapped_offsets(corpus_files):
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        nfd = unicodedata.normalize("NFD", text)
        want = extract(text, doc_id=path.stem)
        got = extract(nfd, doc_id=path.stem)
        assert len(got.entities) == len(want.entities) and len(got.figures) == len(want.figures)
        for a, b in zip([*got.entities, *got.figures], [*want.entities, *want.figures]):
            assert nfd[a.start:a.end] == a.text
            assert unicodedata.normalize("NFC", a.text) == b.text
            assert a.model_dump(exclude={"start", "end", "text"}) == \
                b.model_dump(exclude={"start", "end", "text"})


def test_jsonl_archive_reports_a_broken_line_and_reads_the_rest(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": "a1", "body": _seed_text()}, ensure_ascii=False),
             "{not json",
             json.dumps({"id": "a2", "body": "Ngày 10/08/2022, xã An Phước tiếp nhận 12 hồ sơ."},
                        ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_archive(path, id_field="id", text_field="body"))
    assert [type(x).__name__ for x in items] == ["Source", "InputError", "Source"]
    assert items[1].path == f"{path}:2" and "malformed JSON" in items[1].reason
    assert [x.doc_id for x in items if not isinstance(x, InputError)] == ["a1", "a2"]


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes: each accented letter as its base letter and mark characters."""
    from extractor.reader import _legacy_tables
    to_seq = _legacy_tables()["vni"]
    return "".join(to_seq.get(ch, ch) for ch in text).encode("latin-1")


def test_vni_is_converted_keeping_capitals(tmp_path):
    text = _plain(_seed_text())
    path = tmp_path / "vni.txt"
    path.write_bytes(encode_vni(text))
    source = read_path(path)
    assert source.text == text
    assert "VNI" in source.notes[0]
    record = extract_file(path)
    assert any(e.text == "Lý Văn Đẹp" for e in record.entities)
