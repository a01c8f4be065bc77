"""Loading and checking gold files (SPEC §4): every problem is listed, none is silently dropped."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from .schema import DocumentRecord


def load_gold(path: Path) -> DocumentRecord:
    """One gold file as a record; raises ``ValueError`` with the file name on any schema problem."""
    try:
        return DocumentRecord.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ValueError(f"{path}: {where}: {first['msg']} ({e.error_count()} problem(s))") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: cannot read: {e}") from None


def text_path_for(record: DocumentRecord, gold_path: Path, texts_dir: Path) -> Path:
    """The text a gold file names (its ``source`` file name), looked up in ``texts_dir``."""
    name = Path(record.source).name if record.source else f"{record.doc_id}.txt"
    return texts_dir / name


def check_file(gold_path: Path, texts_dir: Path) -> list[str]:
    """Problems of one gold file: schema, hash, offsets, id uniqueness, text order."""
    try:
        record = load_gold(gold_path)
    except ValueError as e:
        return [str(e)]
    text_path = text_path_for(record, gold_path, texts_dir)
    if not text_path.is_file():
        return [f"{gold_path}: names text {text_path.name}, which is not in {texts_dir}"]
    text = text_path.read_text(encoding="utf-8-sig")
    problems = [f"{gold_path}: {p}" for p in record.check_text(text)]
    for kind, items in (("entities", record.entities), ("figures", record.figures)):
        keys = [(x.start, x.end) for x in items]
        if keys != sorted(keys):
            problems.append(f"{gold_path}: {kind} are not in text order")
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    if list(raw) != sorted(raw):
        problems.append(f"{gold_path}: keys are not sorted")
    return problems


def check_dir(gold_dir: Path, texts_dir: Path) -> tuple[int, list[str]]:
    """Check every ``*.json`` in ``gold_dir``; returns (files checked, problems)."""
    files = sorted(gold_dir.glob("*.json"))
    problems: list[str] = []
    for path in files:
        problems.extend(check_file(path, texts_dir))
    if not files:
        problems.append(f"{gold_dir}: no gold files (*.json)")
    return len(files), problems
