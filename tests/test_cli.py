"""The command line as a user meets it: real files, a real subprocess, one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from extractor.schema import DocumentRecord

from .conftest import ROOT, SEED0


def vnextract(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("vnextract")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_extract_prints_a_valid_record_for_a_seed():
    result = vnextract("extract", str(SEED0))
    assert result.returncode == 0, result.stderr
    record = DocumentRecord.model_validate_json(result.stdout)
    assert record.doc_id == SEED0.stem
    assert record.check_text(SEED0.read_text(encoding="utf-8")) == []


def test_extract_writes_to_a_file(tmp_path):
    out = tmp_path / "r.json"
    assert vnextract("extract", str(SEED0), "-o", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["doc_id"] == SEED0.stem


def test_schema_command_prints_json_schema():
    result = vnextract("schema")
    schema = json.loads(result.stdout)
    assert "DocumentRecord" in schema["title"] and "entities" in schema["properties"]


def test_usage_error_exits_2():
    assert vnextract("extract").returncode == 2


def test_batch_skips_bad_files_and_writes_the_rest(tmp_path):
    (tmp_path / "in").mkdir()
    for src in sorted((ROOT / "corpus").glob("*.txt"))[:2]:
        (tmp_path / "in" / src.name).write_bytes(src.read_bytes())
    (tmp_path / "in" / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "records.jsonl"
    result = vnextract("batch", str(tmp_path / "in"), "-o", str(out))
    assert result.returncode == 1
    assert "zz_empty.txt: empty file" in result.stderr
    records = [DocumentRecord.model_validate_json(line) for line in out.read_text().splitlines()]
    assert len(records) == 2
