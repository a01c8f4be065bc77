"""The Dask engine: ``batch``'s per-document function over a Dask bag, on a local cluster or on a
dask.distributed cluster given by its scheduler address (``pip install vnextract[dask]``).

Workers read the input paths themselves, so on a real cluster the inputs must be on a filesystem
every worker sees; the records come back to this process, which writes them, so the output need
not be. Output is a directory of partitions, ``part-00000.jsonl``…, in input order: concatenated,
they are byte for byte what the local engine writes. Each part is written to a temporary name and
renamed when complete, so an interrupted run leaves only complete parts.
"""
from __future__ import annotations

import logging
import math
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import dask
import dask.bag as db
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from .batch import FAILED, RECORD, BatchResult, Item, Outcome, Reporter, failure_line, item_name, \
    process_item, warm_up, work_items
from .errors import InputError

PARTITION_SIZE = 256        # documents per task: ~10 s of work, small against scheduler overhead
PARTS_PER_WORKER = 2        # on a small input, still give every worker something to do
FAILURES = "failures.jsonl"


class WarmUp(WorkerPlugin):
    """Warms each worker up when it joins (workers added later too), as the pool initializer does."""

    idempotent = True

    def setup(self, worker) -> None:
        warm_up()


@contextmanager
def _quiet_distributed() -> Iterator[None]:
    """Keep distributed's INFO chatter off the user's terminal, here and in local workers.

    underthesea installs a root log handler on import (``logging.basicConfig``), so the INFO
    records of distributed's loggers, which it silences only on its own handlers, get printed.
    Raising the logger's level here and, through the environment the nanny gives the worker
    processes it spawns, in them too, leaves warnings and errors visible.
    """
    logger = logging.getLogger("distributed")
    level = logger.level
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    logger.setLevel(logging.ERROR)
    try:
        with dask.config.set({"distributed.nanny.pre-spawn-environ":
                              {**environ, "DASK_LOGGING__DISTRIBUTED": "error"}}):
            yield
    finally:
        logger.setLevel(level)


def _connect(scheduler: str | None, jobs: int):
    """(client, cluster): a client of the cluster at ``scheduler`` (cluster None: not ours to
    close), or of a new local cluster of ``jobs`` single-thread worker processes (underthesea's CRF
    holds the GIL, so threads would not run in parallel)."""
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def partition_size(n_docs: int, workers: int) -> int:
    """Large enough that scheduling is cheap, small enough that every worker gets some partitions."""
    return max(1, min(PARTITION_SIZE, math.ceil(n_docs / max(1, workers * PARTS_PER_WORKER))))


def _prepare(output: Path) -> None:
    """Make the output directory and remove this engine's files left in it by an earlier run."""
    if output.exists() and not output.is_dir():
        raise InputError(str(output), "is a file; with --engine dask the output is a directory")
    output.mkdir(parents=True, exist_ok=True)
    for old in [*output.glob("part-*.jsonl"), *output.glob("part-*.jsonl.tmp"), output / FAILURES]:
        old.unlink(missing_ok=True)


def _write_part(path: Path, outcomes: list[Outcome]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(o.payload for o in outcomes if o.kind == RECORD), encoding="utf-8")
    os.replace(tmp, path)


def run_dask(inputs: Sequence[str], output: Path, jobs: int = 1, scheduler: str | None = None,
             reporter: Reporter | None = None) -> BatchResult:
    """Extract every input into ``output/part-NNNNN.jsonl`` and failures into
    ``output/failures.jsonl`` (input order); a Ctrl-C ends it with ``interrupted`` set."""
    reporter = reporter or Reporter()
    result = BatchResult(output, output / FAILURES)
    _prepare(output)
    paths = list(work_items(inputs, exclude=(output,)))  # archive lines are read here, by the client
    reporter.start(len(paths))
    if not paths:
        reporter.close()
        return result
    with _quiet_distributed():
        return _run(paths, output, jobs, scheduler, reporter, result)


def _run(paths: list[Item], output: Path, jobs: int, scheduler: str | None, reporter: Reporter,
         result: BatchResult) -> BatchResult:
    client, cluster = _connect(scheduler, jobs)
    failures: dict[int, list[Outcome]] = {}
    try:
        client.register_plugin(WarmUp(), name="vnextract-warm-up")
        workers = sum(client.nthreads().values()) or jobs
        size = partition_size(len(paths), workers)
        bag = db.from_sequence(paths, partition_size=size).map(process_item)
        futures = client.compute(bag.to_delayed())
        index = {f.key: i for i, f in enumerate(futures)}
        width = max(5, len(str(len(futures) - 1)))
        completed = as_completed(futures, with_results=True, raise_errors=False)
        del futures                       # a partition's results are freed once written
        for future, value in completed:
            i = index[future.key]
            outcomes = value if future.status == "finished" else \
                _lost(paths[i * size:(i + 1) * size], value)
            _write_part(output / f"part-{i:0{width}d}.jsonl", outcomes)
            failures[i] = [o for o in outcomes if o.kind == FAILED]
            _count(outcomes, result, reporter)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        reporter.close()
    _write_failures(result.failures_file, failures)
    return result


def _lost(paths: list[Item], error: BaseException) -> list[Outcome]:
    """A partition whose task failed as a whole (its worker died, say): each document fails."""
    return [Outcome(item_name(p), FAILED, f"dask task failed: {type(error).__name__}: {error}")
            for p in paths]


def _count(outcomes: list[Outcome], result: BatchResult, reporter: Reporter) -> None:
    for o in outcomes:
        if o.kind == RECORD:
            result.written += 1
        else:
            result.failed += 1
            reporter.failure(o.path, o.payload)
    reporter.advance(len(outcomes))


def _write_failures(path: Path, failures: dict[int, list[Outcome]]) -> None:
    """Failures in input order, written at the end since partitions finish in any order."""
    lines = [failure_line(o.path, o.payload) for i in sorted(failures) for o in failures[i]]
    if lines:
        path.write_text("".join(lines), encoding="utf-8")
