"""Batch extraction: many inputs to one JSONL file, going on past bad files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .pipeline import extract_file
from .schema import dump_record


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path]:
    """Files as given, directories recursively (``*.txt`` and other files, sorted)."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*") if x.is_file())
        else:
            yield p


def run_batch(inputs: list[str], output: Path) -> tuple[int, list[tuple[str, str]]]:
    """Extract every input into ``output``; returns (records written, [(path, reason)] failed)."""
    failures: list[tuple[str, str]] = []
    written = 0
    with output.open("w", encoding="utf-8") as out:
        for path in expand_inputs(inputs):
            try:
                record = extract_file(path)
            except InputError as e:
                failures.append((e.path, e.reason))
                continue
            out.write(json.dumps(dump_record(record), ensure_ascii=False) + "\n")
            out.flush()
            written += 1
    return written, failures
