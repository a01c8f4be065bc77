"""The Dask engine against a real dask.distributed cluster (a LocalCluster of two worker
processes, reached by its scheduler address as a remote cluster would be)."""
from __future__ import annotations

import json

import pytest

from extractor.batch import run_batch

from .test_batch import copy_seeds, seeds, vnextract

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_writes_the_local_engines_records_in_partitions(tmp_path, scheduler):
    copy_seeds(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    local = tmp_path / "local.jsonl"
    run_batch([str(tmp_path / "in")], local)
    out = tmp_path / "out"

    result = vnextract("batch", str(tmp_path / "in"), "-o", str(out), "--engine", "dask",
                       "--scheduler", scheduler)

    assert result.returncode == 1, result.stderr
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) > 1                      # the work was really split
    assert b"".join(p.read_bytes() for p in parts) == local.read_bytes()
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert failures == [{"path": str(tmp_path / "in" / "empty.txt"), "reason": "empty file"}]
    assert result.stderr.splitlines()[-1] == (
        f"{len(seeds())} records written to {out}, 1 failed (see {out / 'failures.jsonl'})")


def test_dask_output_must_be_a_directory(tmp_path, scheduler):
    (tmp_path / "records.jsonl").write_text("")
    result = vnextract("batch", str(seeds()[0]), "-o", str(tmp_path / "records.jsonl"),
                       "--engine", "dask", "--scheduler", scheduler)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {tmp_path / 'records.jsonl'}: is a file; "
                                     "with --engine dask the output is a directory")
