"""Records out as tables: CSV (one row per entity and per figure) and SQLite (documents, entities,
figures, warnings), for researchers who want spreadsheets and SQL rather than JSON.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator

import jsonlines

from .schema import DocumentRecord, dump_record

FORMATS = ("jsonl", "json", "csv", "sqlite")

# Every attribute any entity or figure can have, in a fixed order so CSV columns never move.
ITEM_COLUMNS = [
    "doc_id", "kind", "id", "type", "start", "end", "text",
    "name", "honorific", "gender", "titles",
    "unit", "level", "canonical", "code", "parent",
    "value", "granularity", "total", "qualifier", "metric", "service_level",
    "period", "locality", "tier", "is_target",
]


def read_records(path: Path) -> Iterator[DocumentRecord]:
    """Records of a JSONL file, validated; a bad line raises ``ValueError`` naming file and line."""
    with jsonlines.open(path) as reader:
        for n, line in enumerate(reader.iter(skip_empty=True), 1):
            try:
                yield DocumentRecord.model_validate(line)
            except Exception as e:  # pydantic's message is long: keep its first line
                raise ValueError(f"{path}:{n}: not a record ({str(e).splitlines()[0]})") from None


def _cell(value: Any) -> Any:
    """Lists (titles, level lists) as JSON text so a spreadsheet cell holds them losslessly."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def item_rows(record: DocumentRecord) -> Iterator[dict[str, Any]]:
    """One flat row per entity and figure of a record."""
    for kind, items in (("entity", record.entities), ("figure", record.figures)):
        for item in items:
            row = {"doc_id": record.doc_id, "kind": kind, **item.model_dump(mode="json")}
            yield {col: _cell(row.get(col)) for col in ITEM_COLUMNS}


def write_csv(records: Iterable[DocumentRecord], path: Path) -> int:
    """UTF-8 with BOM, so spreadsheet programs show Vietnamese correctly; returns rows written."""
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ITEM_COLUMNS)
        writer.writeheader()
        for record in records:
            for row in item_rows(record):
                writer.writerow(row)
                n += 1
    return n


_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, source TEXT, text_sha256 TEXT,
    title TEXT, published TEXT, byline TEXT);
CREATE TABLE IF NOT EXISTS entities (doc_id TEXT, id TEXT, type TEXT, start INTEGER, "end" INTEGER,
    text TEXT, name TEXT, honorific TEXT, gender TEXT, titles TEXT, unit TEXT, level TEXT,
    canonical TEXT, code TEXT, parent TEXT, value TEXT, granularity TEXT,
    PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS figures (doc_id TEXT, id TEXT, type TEXT, start INTEGER, "end" INTEGER,
    text TEXT, value REAL, levels TEXT, total REAL, qualifier TEXT, unit TEXT, metric TEXT,
    service_level TEXT, period TEXT, locality TEXT, tier TEXT, is_target INTEGER,
    PRIMARY KEY (doc_id, id));
CREATE TABLE IF NOT EXISTS warnings (doc_id TEXT, id TEXT, kind TEXT, message TEXT, figures TEXT,
    PRIMARY KEY (doc_id, id));
CREATE INDEX IF NOT EXISTS entities_type ON entities (type, canonical);
CREATE INDEX IF NOT EXISTS figures_metric ON figures (metric, locality, period);
CREATE INDEX IF NOT EXISTS figures_doc ON figures (doc_id);
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc_id);
"""

_ENTITY_COLS = ["doc_id", "id", "type", "start", "end", "text", "name", "honorific", "gender",
                "titles", "unit", "level", "canonical", "code", "parent", "value", "granularity"]
_FIGURE_COLS = ["doc_id", "id", "type", "start", "end", "text", "value", "levels", "total",
                "qualifier", "unit", "metric", "service_level", "period", "locality", "tier",
                "is_target"]


def _insert(db: sqlite3.Connection, table: str, cols: list[str], row: dict[str, Any]) -> None:
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    db.execute(f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})",
               [_cell(row.get(c)) for c in cols])


def _figure_row(doc_id: str, fig: dict[str, Any]) -> dict[str, Any]:
    """Numbers stay numbers (``value``); a service-level list goes to ``levels`` instead."""
    levels = fig["value"] if isinstance(fig["value"], list) else None
    return {**fig, "doc_id": doc_id, "levels": levels, "value": None if levels else fig["value"],
            "is_target": int(fig["is_target"])}


def write_sqlite(records: Iterable[DocumentRecord], path: Path) -> int:
    """Append (or replace, by doc_id) records into a SQLite file; returns documents written."""
    db = sqlite3.connect(path)
    n = 0
    try:
        db.executescript(_SCHEMA)
        for record in records:
            data = dump_record(record)
            for table in ("entities", "figures", "warnings"):
                db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (record.doc_id,))
            _insert(db, "documents", ["doc_id", "source", "text_sha256", "title", "published", "byline"], data)
            for ent in data["entities"]:
                _insert(db, "entities", _ENTITY_COLS, {**ent, "doc_id": record.doc_id})
            for fig in data["figures"]:
                _insert(db, "figures", _FIGURE_COLS, _figure_row(record.doc_id, fig))
            for warn in data["warnings"]:
                _insert(db, "warnings", ["doc_id", "id", "kind", "message", "figures"],
                        {**warn, "doc_id": record.doc_id})
            n += 1
        db.commit()
    finally:
        db.close()
    return n


def write_json(records: Iterable[DocumentRecord], path: Path) -> int:
    """A JSON array of records (pretty), for tools that cannot read JSON Lines."""
    data = [dump_record(r) for r in records]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(data)


def write_jsonl(records: Iterable[DocumentRecord], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(dump_record(record), ensure_ascii=False) + "\n")
            n += 1
    return n


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "sqlite": write_sqlite}
