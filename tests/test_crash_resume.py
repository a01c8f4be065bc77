"""A night's work survives a crash: a batch of thousands killed with SIGKILL midway, then resumed,
holds every document exactly once in valid JSON; a symlink loop does not trap the walk."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import SEED0

VNEXTRACT = str(Path(sys.executable).with_name("vnextract"))
N_DOCS = 2000
PLACES = ["xã An Phước", "phường Phú Cường", "huyện Long Thành", "thị xã Dĩ An", "xã Tân Thành"]


def _archive_dir(root: Path) -> Path:
    """2,000 short articles, each different (so each has its own text hash), in 20 folders."""
    for n in range(N_DOCS):
        folder = root / "in" / f"batch{n // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = (f"Tin số {n}\n\nNgày {n % 28 + 1}/{n % 12 + 1}/2022, {PLACES[n % 5]} tiếp nhận "
                f"{n + 10} hồ sơ, giải quyết đúng hạn đạt {90 + n % 10},5%.\n")
        (folder / f"doc{n:05d}.txt").write_text(text, encoding="utf-8")
    return root / "in"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sigkill_midway_then_resume_gives_every_document_once(tmp_path):
    inputs = _archive_dir(tmp_path)
    out = tmp_path / "records.jsonl"
    cmd = [VNEXTRACT, "batch", str(inputs), "-o", str(out), "--jobs", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0 and out.read_bytes().count(b"\n") >= 300:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)   # the whole group: parent, fork server, workers
    proc.wait()
    before = out.read_bytes().count(b"\n")
    assert 300 <= before < N_DOCS

    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=1200)
    assert resumed.returncode == 0, resumed.stderr
    records = _lines(out)                                       # every line parses
    ids = [r["doc_id"] for r in records]
    assert len(ids) == len(set(ids)) == N_DOCS
    assert f"{N_DOCS - before} records written" in resumed.stderr or \
        "already there" in resumed.stderr


def _workers(pid: int) -> list:
    """The pool's worker processes under a ``vnextract batch`` (forked by its fork server)."""
    import psutil
    return [c for c in psutil.Process(pid).children(recursive=True)
            if c.ppid() != pid and c.status() != psutil.STATUS_ZOMBIE]


def test_a_worker_killed_midway_costs_no_document_and_does_not_hang_the_batch(tmp_path):
    inputs = _archive_dir(tmp_path)
    out = tmp_path / "records.jsonl"
    proc = subprocess.Popen([VNEXTRACT, "batch", str(inputs), "-o", str(out), "--jobs", "2",
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 300 and _workers(proc.pid):
                break
            time.sleep(0.2)
        victims = _workers(proc.pid)
        assert proc.poll() is None and victims, "the batch finished before a worker could be killed"
        victims[0].kill()                       # as the OOM killer would
        _, stderr = proc.communicate(timeout=900)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode in (0, 1), stderr
    ids = [r["doc_id"] for r in _lines(out)]
    failures_file = tmp_path / "records.failures.jsonl"
    failed = _lines(failures_file) if failures_file.exists() else []
    assert all("worker process died" in f["reason"] for f in failed)
    assert len(ids) == len(set(ids)) and len(ids) + len(failed) == N_DOCS
    assert ids == sorted(ids)                   # still in input order


def test_a_symlink_loop_in_a_batch_directory_is_reported_not_followed(tmp_path):
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "seed.txt").write_bytes(SEED0.read_bytes())
    (root / "sub" / "back").symlink_to(root, target_is_directory=True)   # in → sub → back → in
    (root / "loop_a").symlink_to(root / "loop_b")                           # a → b → a
    (root / "loop_b").symlink_to(root / "loop_a")
    out = tmp_path / "records.jsonl"
    result = subprocess.run([VNEXTRACT, "batch", str(root), "-o", str(out), "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1                      # the two looping links are reported …
    failed = _lines(tmp_path / "records.failures.jsonl")
    assert sorted(Path(f["path"]).name for f in failed) == ["loop_a", "loop_b"]
    assert all("symbolic links" in f["reason"] for f in failed)
    assert [r["doc_id"] for r in _lines(out)] == ["seed"]   # … the real file is extracted once


def test_jobs_1_and_jobs_2_give_byte_identical_output_on_the_corpus_and_noise(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for p in sorted(SEED0.parent.glob("*.txt")):
        (root / p.name).write_bytes(p.read_bytes())
    (root / "zz_bad.txt").write_bytes(b"\xff\xfe\x00\x00\x01")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.jsonl"
        subprocess.run([VNEXTRACT, "batch", str(root), "-o", str(out), "--jobs", jobs, "--quiet"],
                       capture_output=True, timeout=300)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") == 5
