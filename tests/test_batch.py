"""``vnextract batch`` on real files and real processes: bad inputs, globs, resume, determinism
across job counts, and a real Ctrl-C."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import FAILED, DocumentTimeout, expand_inputs, process_item, read_done, \
    run_batch, time_limit
from extractor.errors import InputError
from extractor.schema import DocumentRecord

from .conftest import CORPUS, ROOT

VNEXTRACT = str(Path(sys.executable).with_name("vnextract"))


def vnextract(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([VNEXTRACT, *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def seeds() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def copy_seeds(directory: Path, copies: int = 1) -> list[Path]:
    """``copies`` of every seed under unique names (the doc_id is the file stem)."""
    directory.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(copies):
        for seed in seeds():
            target = directory / f"{n:03d}_{seed.name}"
            target.write_bytes(seed.read_bytes())
            made.append(target)
    return made


def doc_ids(jsonl: Path) -> list[str]:
    return [DocumentRecord.model_validate_json(line).doc_id
            for line in jsonl.read_text(encoding="utf-8").splitlines()]


def test_directory_with_bad_files_reports_them_and_writes_the_rest(tmp_path):
    inputs = tmp_path / "in"
    (inputs / "nested").mkdir(parents=True)
    good = [inputs / "nested" / seed.name for seed in seeds()[:2]]
    for seed, target in zip(seeds(), good):
        target.write_bytes(seed.read_bytes())
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (inputs / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "records.jsonl"

    result = vnextract("batch", str(inputs), "-o", str(out), "--jobs", "2")

    assert result.returncode == 1, result.stderr
    assert doc_ids(out) == [p.stem for p in good]
    failures = [json.loads(line) for line in (tmp_path / "records.failures.jsonl").read_text().splitlines()]
    assert [f["path"] for f in failures] == [str(inputs / "binary.txt"), str(inputs / "zz_empty.txt")]
    assert failures[1]["reason"] == "empty file"
    assert f"error: {inputs / 'zz_empty.txt'}: empty file" in result.stderr.splitlines()
    assert re.fullmatch(r"4/4 docs, [\d.]+ docs/s, \w+ elapsed", result.stderr.splitlines()[-2])
    assert result.stderr.splitlines()[-1] == (
        f"2 records written to {out}, 2 failed (see {tmp_path / 'records.failures.jsonl'})")


def test_a_clean_batch_exits_0_and_leaves_no_failures_file(tmp_path):
    copy_seeds(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    (tmp_path / "records.failures.jsonl").write_text("stale\n")
    result = vnextract("batch", str(tmp_path / "in"), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(doc_ids(out)) == len(seeds())
    assert not (tmp_path / "records.failures.jsonl").exists()
    assert result.stderr.splitlines() == [f"{len(seeds())} records written to {out}, 0 failed"]


def test_inputs_expand_in_a_deterministic_order(tmp_path):
    for name in ("b/2.txt", "b/1.txt", "b/sub/0.txt", "b/.hidden.txt", "a.txt", "c/x.txt", "c/y.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    got = list(expand_inputs([str(tmp_path / "c" / "*.txt"), str(tmp_path / "b"),
                              str(tmp_path / "a.txt"), str(tmp_path / "nothing" / "*.txt"),
                              str(tmp_path / "missing.txt")],
                             exclude=[tmp_path / "b" / "2.txt"]))
    assert got == [str(tmp_path / p) for p in
                   ("c/x.txt", "b/1.txt", "b/sub/0.txt", "a.txt", "nothing/*.txt", "missing.txt")]


def test_glob_inputs_through_the_command(tmp_path):
    copy_seeds(tmp_path / "in")
    (tmp_path / "in" / "notes.md").write_text("not an article")
    out = tmp_path / "records.jsonl"
    result = vnextract("batch", str(tmp_path / "in" / "000_00[01]*.txt"),
                       str(tmp_path / "nowhere" / "*.txt"), "-o", str(out))
    assert result.returncode == 1
    assert doc_ids(out) == [f"000_{p.stem}" for p in seeds()[:2]]
    assert f"error: {tmp_path / 'nowhere' / '*.txt'}: no such file" in result.stderr


def test_resume_after_a_truncated_output_writes_each_document_exactly_once(tmp_path):
    files = copy_seeds(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    run_batch([str(tmp_path / "in")], out)
    complete = out.read_bytes()
    lines = complete.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][: len(lines[2]) // 2])   # killed mid-line

    result = run_batch([str(tmp_path / "in")], out, resume=True)

    assert (result.skipped, result.written, result.failed) == (2, len(files) - 2, 0)
    assert out.read_bytes() == complete
    assert doc_ids(out) == [p.stem for p in files]


def test_resume_skips_only_documents_whose_text_is_unchanged(tmp_path):
    files = copy_seeds(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    run_batch([str(tmp_path / "in")], out)
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nThêm một dòng.\n", encoding="utf-8")
    result = run_batch([str(tmp_path / "in")], out, resume=True)
    assert (result.skipped, result.written) == (len(files) - 1, 1)
    assert doc_ids(out)[-1] == files[0].stem


def test_without_resume_an_existing_output_is_overwritten(tmp_path):
    copy_seeds(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    out.write_text("old content\n")
    result = run_batch([str(tmp_path / "in")], out)
    assert result.written == len(seeds())
    assert len(doc_ids(out)) == len(seeds())


def test_resume_refuses_an_output_corrupted_in_the_middle(tmp_path):
    copy_seeds(tmp_path / "in")
    out = tmp_path / "records.jsonl"
    run_batch([str(tmp_path / "in")], out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + "{not json\n" + "".join(lines[1:]), encoding="utf-8")
    with pytest.raises(InputError, match="line 2 is not a record"):
        read_done(out)


def test_jobs_1_and_jobs_2_write_byte_identical_files(tmp_path):
    copy_seeds(tmp_path / "in" / "a", copies=2)
    copy_seeds(tmp_path / "in" / "b")
    (tmp_path / "in" / "a" / "empty.txt").write_bytes(b"")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"records-{jobs}.jsonl"
        result = vnextract("batch", str(tmp_path / "in"), "-o", str(out), "--jobs", jobs, "-q")
        assert result.returncode == 1, result.stderr
        outputs[jobs] = (out.read_bytes(), (tmp_path / f"records-{jobs}.failures.jsonl").read_bytes())
    assert outputs["1"] == outputs["2"]
    assert len(outputs["1"][0].splitlines()) == 3 * len(seeds())


def test_ctrl_c_stops_cleanly_and_resume_finishes_the_job(tmp_path):
    files = copy_seeds(tmp_path / "in", copies=60)
    out = tmp_path / "records.jsonl"
    command = [VNEXTRACT, "batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2"]
    # A shell starts background jobs with SIGINT ignored; a user's Ctrl-C reaches a foreground one.
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while not (out.exists() and out.stat().st_size) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 130, stderr
    written = doc_ids(out)                       # every line parses as a complete record
    assert 0 < len(written) < len(files)
    assert out.read_bytes().endswith(b"\n")
    assert f"interrupted: {len(written)} records written to {out}; add --resume" in stderr
    assert "Traceback" not in stderr

    result = vnextract("batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--resume")
    assert result.returncode == 0, result.stderr
    assert doc_ids(out) == [p.stem for p in files]
    assert f", {len(written)} already there, 0 failed" in result.stderr


def test_a_document_past_its_time_limit_fails_and_the_batch_goes_on(tmp_path):
    outcome = process_item(str(seeds()[0]), timeout=0.001)   # an article takes far longer
    assert (outcome.kind, outcome.payload) == (FAILED, "timed out after 0.001 s")
    with pytest.raises(DocumentTimeout):
        with time_limit(0.05):
            while True:
                pass
    assert process_item(str(seeds()[0]), timeout=60).kind == "record"   # the alarm was cleared


def test_jsonl_archive_in_a_batch_reports_the_broken_line_and_extracts_the_rest(tmp_path):
    archive = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": "a1", "body": seeds()[0].read_text(encoding="utf-8")}, ensure_ascii=False),
             "{broken",
             json.dumps({"id": "a2", "body": "Năm 2021, huyện Long Thành tiếp nhận 1.200 hồ sơ."},
                        ensure_ascii=False)]
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = subprocess.run([VNEXTRACT, "batch", str(archive), "-o", str(out), "--text-field", "body",
                             "--jobs", "2"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"error: {archive}:2: malformed JSON line" in result.stderr
    assert [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["a1", "a2"]
    failures = [json.loads(x) for x in (tmp_path / "records.failures.jsonl").read_text().splitlines()]
    assert [f["path"] for f in failures] == [f"{archive}:2"]
