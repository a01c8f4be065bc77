"""Batch extraction at archive scale: many inputs to one JSONL file, in input order, going on past
bad files, resumable after a kill.

Everything here streams. Inputs are expanded lazily (a directory is walked one sorted listing at a
time), at most a fixed window of documents is in flight, and each finished record is written as one
complete line with a single ``write`` call, so memory stays flat however large the archive is and a
killed run leaves only whole lines behind. The one function that turns a path into a record line or
a failure, ``process_item``, is shared by the local pool and the Dask engine (``dask_engine``).

With ``--jobs 2`` and more the parent only orchestrates: documents are read, extracted and
serialised in the workers, which receive paths and send back finished lines.
"""
from __future__ import annotations

import glob
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence, Union

from tqdm import tqdm

from .errors import InputError
from .pipeline import extract, run
from .reader import Source, is_archive, iter_archive, read_path
from .schema import dump_record

RECORD, FAILED, SKIPPED = "record", "failed", "skipped"
CHUNK = 4               # documents per pool task: enough to hide the IPC round trip (~30 ms/doc)
WINDOW_PER_JOB = 4      # tasks in flight per worker: keeps workers busy, bounds memory
WORKER_LOST = "its worker process died while extracting it (out of memory, a crash, or killed)"
WARM_UP_TEXT = ("Ngày 10/8/2022, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Bình Dương, cho biết "
                "99,5% trong số 1.234 hồ sơ được giải quyết đúng hạn.")


# ---------------------------------------------------------------- inputs

def _has_magic(item: str) -> bool:
    return any(c in item for c in "*?[")


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory``, sorted by name at each level, hidden entries skipped.

    Only one directory listing is held at a time, so walking a tree of millions of files costs the
    memory of its largest directory, not of the tree. Symlinked directories are not followed (a
    link cycle would never end); a link that leads nowhere is listed, so the batch reports it.
    """
    with os.scandir(directory) as entries:
        listing = sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)
    for entry in listing:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_symlink():
            if not _links_to_dir(entry):
                yield entry.path         # a dangling or looping link is reported when read
        elif entry.is_file():
            yield entry.path


def _links_to_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:                      # a link loop: not a directory we could walk
        return False


def _outside(path: str, excluded: Sequence[str]) -> bool:
    absolute = os.path.abspath(path)
    return not any(absolute == e or absolute.startswith(e + os.sep) for e in excluded)


def expand_inputs(inputs: Iterable[str], exclude: Sequence[Path] = ()) -> Iterator[str]:
    """Paths to extract, in a deterministic order: files as given, directories walked recursively,
    globs (``corpus/*.txt``, ``archive/**/*.html``) expanded sorted.

    A path that does not exist is passed on as it is, so that reading it reports "no such file" like
    any other bad input; so is a glob that matches nothing (as a shell without ``nullglob`` does).
    ``exclude`` keeps the batch's own outputs out when they sit inside an input directory.
    """
    excluded = [os.path.abspath(e) for e in exclude]
    for item in inputs:
        if os.path.isdir(item):
            candidates: Iterable[str] = _walk(item)
        elif os.path.exists(item) or not _has_magic(item):
            candidates = [item]
        else:
            matches = sorted(glob.glob(item, recursive=True))
            candidates = _expand_matches(matches) if matches else [item]
        yield from (p for p in candidates if _outside(p, excluded))


def _expand_matches(matches: list[str]) -> Iterator[str]:
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match)
        else:
            yield match


# ---------------------------------------------------------------- one document

class Outcome(NamedTuple):
    """What one input became. ``payload`` is the record as one JSON line (newline included) for a
    record, the reason for a failure, empty for a document skipped because it is already done."""

    path: str
    kind: str
    payload: str


def _crash_reason(error: Exception) -> str:
    """A one-line reason for an unexpected exception, naming where it was raised so a bug report
    can start from the failures file alone."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    message = str(error).splitlines()[0] if str(error) else ""
    return f"internal error: {type(error).__name__}: {message}{where}"


class DocumentTimeout(Exception):
    """One document took longer than ``--timeout``: a pathological input must not stall a batch."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` in this block after ``seconds`` (SIGALRM, so only in a process's
    main thread: pool workers and ``--jobs 1``; Dask runs tasks in threads and goes without)."""
    if not seconds or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# A document to extract: a file's path, one line of a JSONL archive already read (its Source), or
# the error of an archive line that could not be read, which is reported like a bad file.
Item = Union[str, Source, InputError]


def work_items(inputs: Sequence[str], exclude: Sequence[Path] = (), id_field: str = "id",
               text_field: str = "text") -> Iterator[Item]:
    """Every document of the inputs, lazily: files as paths, JSONL archives (``.jsonl``, or ``-``
    for stdin) line by line, so a broken line costs that line only."""
    for path in _input_paths(inputs, exclude):
        if is_archive(path):
            yield from iter_archive(path, id_field, text_field)
        else:
            yield path


def _input_paths(inputs: Sequence[str], exclude: Sequence[Path]) -> Iterator[str]:
    """Every input expanded to files, lazily; ``-`` (stdin) stands for itself."""
    for item in inputs:
        yield from [item] if item == "-" else expand_inputs([item], exclude)


def item_name(item: Item) -> str:
    """Where a document came from, as failures and errors name it."""
    if isinstance(item, str):
        return item
    return item.path if isinstance(item, InputError) else item.source or item.doc_id


def process_item(item: Item, done_sha256: str = "", timeout: float | None = None) -> Outcome:
    """Document → record line or failure; never raises for a bad, unlucky or endless document.

    ``done_sha256`` holds the text hashes (space-separated) already in the output under this
    document's id; a document whose text hashes to one of them is skipped without extracting. The
    hash is checked here, in the worker, because it needs the decoded text.
    """
    path = item_name(item)
    if isinstance(item, InputError):
        return Outcome(path, FAILED, item.reason)
    try:
        with time_limit(timeout):
            source = read_path(item) if isinstance(item, str) else item
            if done_sha256 and source.sha256 in done_sha256.split():
                return Outcome(path, SKIPPED, "")
            record = dump_record(run(source))
        return Outcome(path, RECORD, json.dumps(record, ensure_ascii=False) + "\n")
    except InputError as e:
        return Outcome(path, FAILED, e.reason)
    except DocumentTimeout:
        return Outcome(path, FAILED, f"timed out after {timeout:g} s")
    except Exception as e:  # one document must never end the batch: report it and go on
        return Outcome(path, FAILED, _crash_reason(e))


def process_chunk(items: list[tuple[str, str]], timeout: float | None) -> list[Outcome]:
    """One pool task: a few documents, so the pickling round trip is paid once for several."""
    return [process_item(item, done, timeout) for item, done in items]


def warm_up() -> None:
    """Load underthesea's models and the patterns now, once per process, not on the first document.

    A failure here is ignored on purpose: the worker must still start (a pool whose initializer
    raises restarts it forever), and the same error is then reported for each document it hits.
    """
    try:
        extract(WARM_UP_TEXT, doc_id="warm-up")
    except Exception:
        pass


def _init_worker() -> None:
    """Pool initializer. Workers ignore SIGINT: a Ctrl-C reaches the whole process group, and only
    the parent should act on it (by shutting the pool down), not every worker with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up()


# ---------------------------------------------------------------- resume

@dataclass
class Done:
    """What an existing output already holds: doc_id → its text hashes, space-separated (two
    files with one stem in different directories share a doc_id)."""

    sha256: dict[str, str]

    def lookup(self, item: Item) -> str:
        """The hashes done under this document's doc_id (a file's stem, an archive line's id)."""
        if isinstance(item, InputError):
            return ""
        return self.sha256.get(Path(item).stem if isinstance(item, str) else item.doc_id, "")


def read_done(output: Path) -> Done:
    """Read an existing output for ``--resume`` and cut off a truncated last line.

    A run killed mid-write can leave a last line without its newline (or not JSON): it is dropped,
    and the file truncated to its last complete record so appending continues a valid file. A bad
    line anywhere else is not a kill's doing, so it is an error rather than silently resumed over.
    """
    done: dict[str, str] = {}
    good_end = 0
    with output.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            try:
                record = json.loads(raw)
                doc_id, sha = record["doc_id"], record["text_sha256"]
            except (ValueError, KeyError, TypeError):
                if raw.endswith(b"\n") and fh.read(1):
                    raise InputError(str(output), f"line {number} is not a record; cannot resume "
                                                  "over it (fix or remove the file)") from None
                break
            if not raw.endswith(b"\n"):
                break
            done[doc_id] = f"{done[doc_id]} {sha}" if doc_id in done else sha
            good_end += len(raw)
    if good_end < output.stat().st_size:
        os.truncate(output, good_end)
    return Done(done)


# ---------------------------------------------------------------- output

@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold SIGINT while a line is written and counted, so a Ctrl-C never leaves half a line or a
    count that disagrees with the file; the interrupt is delivered right after."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class LineFile:
    """A JSONL file written one complete line per ``write`` system call (unbuffered), so every line
    is on disk, whole, as soon as it is written. Opened on the first line, so a batch without
    failures leaves no empty failures file."""

    def __init__(self, path: Path, append: bool = False):
        self.path = path
        self._mode = "ab" if append else "wb"
        self._fh = None

    def open(self) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, self._mode, buffering=0)

    def write(self, line: str) -> None:
        self.open()
        view = memoryview(line.encode("utf-8"))
        while view:
            view = view[self._fh.write(view):]

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


def failure_line(path: str, reason: str) -> str:
    return json.dumps({"path": path, "reason": reason}, ensure_ascii=False) + "\n"


def failures_path(output: Path) -> Path:
    """``records.jsonl`` → ``records.failures.jsonl``, beside it."""
    return output.with_name(output.stem + ".failures.jsonl")


# ---------------------------------------------------------------- progress

def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


class Reporter:
    """Where a batch tells its user how it goes. This base class is the ``--quiet`` one: silent."""

    def start(self, total: int | None) -> None:
        """``total`` is None when the inputs were not counted (nobody is watching)."""

    def advance(self, n: int = 1) -> None:
        """``n`` more documents are finished (written, failed or skipped)."""

    def failure(self, path: str, reason: str) -> None:
        """One document failed; it is in the failures file either way."""

    def close(self) -> None:
        """The batch ended (or was interrupted)."""

    @property
    def wants_total(self) -> bool:
        """Counting the inputs is a second walk over them; only worth it for a progress display."""
        return False


class LogReporter(Reporter):
    """Progress for a log file or a pipe: a plain line every ``every`` seconds and one at the end,
    and each failure as ``error: <path>: <reason>``."""

    def __init__(self, every: float = 10.0, stream=None):
        self.every = every
        self.stream = stream or sys.stderr
        self.total: int | None = None
        self.done = 0
        self.began = self.last = time.monotonic()

    @property
    def wants_total(self) -> bool:
        return True

    def start(self, total: int | None) -> None:
        self.total = total
        self.began = self.last = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self._line(now)

    def _line(self, now: float, final: bool = False) -> None:
        elapsed = max(now - self.began, 1e-9)
        rate = self.done / elapsed
        line = f"{self.done}{'' if self.total is None else f'/{self.total}'} docs, {rate:.1f} docs/s"
        if final:
            line += f", {_duration(elapsed)} elapsed"
        elif self.total and rate > 0:
            line += f", ETA {_duration((self.total - self.done) / rate)}"
        print(line, file=self.stream, flush=True)

    def failure(self, path: str, reason: str) -> None:
        print(f"error: {path}: {reason}", file=self.stream, flush=True)

    def close(self) -> None:
        self._line(time.monotonic(), final=True)


class TqdmReporter(Reporter):
    """Progress on a terminal: a tqdm bar with docs/s and ETA; failures printed above it."""

    def __init__(self) -> None:
        self.bar = None

    @property
    def wants_total(self) -> bool:
        return True

    def start(self, total: int | None) -> None:
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def advance(self, n: int = 1) -> None:
        self.bar.update(n)

    def failure(self, path: str, reason: str) -> None:
        self.bar.write(f"error: {path}: {reason}", file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# ---------------------------------------------------------------- engines

def default_jobs() -> int:
    """The cores this process may run on (the affinity mask, which containers and taskset set)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _pool_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one: a fresh server process forks the workers, so they inherit no
    threads or state from the caller (a test runner, a Dask client), and the server imports the
    pipeline once so each worker starts with underthesea and spaCy already imported."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["extractor.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def _chunks(items: Iterator[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    while chunk := list(islice(items, size)):
        yield chunk


@contextmanager
def local_outcomes(items: Iterator[tuple[str, str]], jobs: int,
                   timeout: float | None = None) -> Iterator[Iterator[Outcome]]:
    """Outcomes of ``(path, done hashes)`` items, in input order, from ``jobs`` processes.

    ``--jobs 1`` runs in this process (no pool to start, nothing to pickle). Otherwise at most
    ``jobs × WINDOW_PER_JOB`` chunks are in flight and results are taken in submission order,
    which is what makes the output deterministic and the memory bounded. Leaving the block,
    normally or by Ctrl-C, ends the workers.
    """
    if jobs <= 1:
        yield (process_item(item, done, timeout) for item, done in items)
        return
    workers = Workers(jobs, timeout)
    try:
        yield _windowed(workers, items, jobs * WINDOW_PER_JOB)
    finally:
        workers.close()


class Workers:
    """A process pool that survives losing a process.

    A worker can die under a document (the kernel's OOM killer, a crash in a C extension, a kill
    from outside). ``concurrent.futures`` notices and fails every unfinished task with
    ``BrokenProcessPool``; here the pool is then replaced and the unfinished documents are run
    again one at a time, so the one that kills its worker again is reported as failed and every
    other document is still extracted.
    """

    def __init__(self, jobs: int, timeout: float | None):
        self.jobs, self.timeout = jobs, timeout
        self.generation = 0
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=_pool_context(), initializer=_init_worker)

    def submit(self, chunk: list[tuple[Item, str]]) -> tuple[list, Future, int]:
        return chunk, self.executor.submit(process_chunk, chunk, self.timeout), self.generation

    def collect(self, task: tuple[list, Future, int]) -> list[Outcome]:
        """The outcomes of one submitted chunk, re-running it document by document if its pool
        broke before it finished."""
        chunk, future, generation = task
        try:
            return future.result()
        except BrokenProcessPool:
            if generation == self.generation:
                self._restart()
            return [self._alone(item, done) for item, done in chunk]

    def _alone(self, item: Item, done: str) -> Outcome:
        _, future, _ = self.submit([(item, done)])
        try:
            return future.result()[0]
        except BrokenProcessPool:
            self._restart()
            return Outcome(item_name(item), FAILED, WORKER_LOST)

    def _restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)  # broken: nothing left to wait for
        self.generation += 1
        self.executor = self._start()

    def close(self) -> None:
        """Stop taking work and let each worker finish the chunk it holds (a fraction of a
        second; ``--timeout`` bounds a pathological document)."""
        self.executor.shutdown(wait=True, cancel_futures=True)


def _windowed(workers: Workers, items: Iterator[tuple[str, str]], window: int) -> Iterator[Outcome]:
    pending: deque = deque()
    for chunk in _chunks(items, CHUNK):
        pending.append(workers.submit(chunk))
        if len(pending) >= window:
            yield from workers.collect(pending.popleft())
    while pending:
        yield from workers.collect(pending.popleft())


# ---------------------------------------------------------------- the batch

@dataclass
class BatchResult:
    """How a batch ended: the counts the summary line reports."""

    output: Path
    failures_file: Path
    written: int = 0
    failed: int = 0
    skipped: int = 0          # already in the output (``--resume``)
    interrupted: bool = False

    def summary(self) -> str:
        """The final line: ``N records written to X, M failed (see X.failures.jsonl)``."""
        line = f"{self.written} records written to {self.output}"
        if self.skipped:
            line += f", {self.skipped} already there"
        line += f", {self.failed} failed"
        return line + (f" (see {self.failures_file})" if self.failed else "")


def run_batch(inputs: Sequence[str], output: Path, jobs: int = 1, resume: bool = False,
              reporter: Reporter | None = None, timeout: float | None = None,
              id_field: str = "id", text_field: str = "text") -> BatchResult:
    """Extract every input into ``output`` (JSONL, input order) and failures into
    ``<stem>.failures.jsonl``; a Ctrl-C ends it cleanly with ``interrupted`` set.

    Without ``resume`` an existing output is overwritten; with it, documents already there (same
    doc_id and text hash) are skipped and the rest appended. The failures file always describes
    this run: every document that failed before is retried, since it is not in the output.
    A document still running after ``timeout`` seconds fails as timed out. JSONL archives give
    one document per line (``id_field``/``text_field`` name the keys).
    """
    reporter = reporter or Reporter()
    result = BatchResult(output, failures_path(output))
    done = read_done(output) if resume and output.exists() else Done({})
    records = LineFile(output, append=resume)
    records.open()                               # create (or empty) the output even if nothing comes
    failures = LineFile(result.failures_file)
    result.failures_file.unlink(missing_ok=True)
    exclude = (output, result.failures_file)
    try:
        reporter.start(_count(inputs, exclude) if reporter.wants_total else None)
        items = ((item, done.lookup(item))
                 for item in work_items(inputs, exclude, id_field, text_field))
        with local_outcomes(items, jobs, timeout) as outcomes:
            for outcome in outcomes:
                _write(outcome, records, failures, result, reporter)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        records.close()
        failures.close()
        reporter.close()
    return result


def _count(inputs: Sequence[str], exclude: Sequence[Path]) -> int | None:
    """Documents to expect, for the progress bar; unknown (None) when an archive is read, since
    counting its lines would read it twice."""
    n = 0
    for path in _input_paths(inputs, exclude):
        if is_archive(path):
            return None
        n += 1
    return n


def _write(outcome: Outcome, records: LineFile, failures: LineFile, result: BatchResult,
           reporter: Reporter) -> None:
    with deferred_interrupt():
        if outcome.kind == RECORD:
            records.write(outcome.payload)
            result.written += 1
        elif outcome.kind == FAILED:
            failures.write(failure_line(outcome.path, outcome.payload))
            result.failed += 1
        else:
            result.skipped += 1
    if outcome.kind == FAILED:
        reporter.failure(outcome.path, outcome.payload)
    reporter.advance()
