"""The schema must load the gold files exactly, reject what the SPEC forbids, and round-trip."""
from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from extractor import extract
from extractor.gold import check_dir
from extractor.schema import DocumentRecord, dump_record

from .conftest import ANNOTATIONS, CORPUS



def test_corpus_gold_files_pass_check_gold():
    n, problems = check_dir(ANNOTATIONS, CORPUS)
    assert n == 5 and problems == []


def test_dev_gold_files_pass_check_gold(dev_dir):
    n, problems = check_dir(dev_dir / "gold", dev_dir / "texts")
    assert n == 20 and problems == []


@pytest.mark.parametrize("path", sorted(ANNOTATIONS.glob("*.json")), ids=lambda p: p.stem)
def test_gold_round_trips_through_the_schema(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    record = DocumentRecord.model_validate(raw)
    assert dump_record(record) == raw


def test_unknown_keys_and_vocabulary_are_rejected():
    base = {"doc_id": "x", "text_sha256": "0" * 64}
    with pytest.raises(ValidationError):
        DocumentRecord.model_validate({**base, "colour": "red"})
    bad_entity = {"id": "e1", "type": "LOCALITY", "start": 0, "end": 3, "text": "abc",
                  "level": "village", "name": "a", "canonical": "A"}
    with pytest.raises(ValidationError):
        DocumentRecord.model_validate({**base, "entities": [bad_entity]})
    bad_figure = {"id": "f1", "type": "percentage", "start": 0, "end": 3, "text": "9%",
                  "value": 9.0, "metric": "received"}
    with pytest.raises(ValidationError):
        DocumentRecord.model_validate({**base, "figures": [bad_figure]})


def test_check_text_reports_a_wrong_offset():
    text = "Ông Lý Văn Đẹp"
    record = extract(text, doc_id="x")
    bad = record.model_copy(update={"entities": [
        DocumentRecord.model_validate({"doc_id": "x", "text_sha256": record.text_sha256, "entities": [
            {"id": "e1", "type": "OFFICIAL", "start": 0, "end": 3, "text": "Lý ", "name": "Lý Văn Đẹp"}
        ]}).entities[0]]})
    assert any("e1" in p for p in bad.check_text(text))


def test_every_span_of_every_corpus_record_indexes_its_text():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        record = extract(text, doc_id=path.stem)
        assert record.check_text(text) == []
        for item in [*record.entities, *record.figures]:
            assert text[item.start:item.end] == item.text
