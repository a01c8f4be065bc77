"""The ``vnextract`` command. Every bad input ends as one line ``error: <path>: <reason>``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import InputError
from .reader import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract officials, localities, dates and figures from Vietnamese news.")


def fail(message: str, code: int = 1) -> None:
    """Print one error line and exit: the only way a command reports a bad input."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _write_json(data: dict, output: Optional[Path]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


@app.command()
def extract(path: Path = typer.Argument(..., help="An article file (text, HTML, any encoding)."),
            output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here, not stdout."),
            fmt: str = typer.Option("json", "--format", help="json | jsonl | csv | sqlite (csv/sqlite need -o)."),
            max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger files.")):
    """Print one article's record as pretty JSON (or write it in another format)."""
    from .pipeline import run
    from .reader import read_path
    from .schema import dump_record
    try:
        record = run(read_path(path, max_bytes=max_bytes))
    except InputError as e:
        fail(str(e))
    if fmt == "json":
        _write_json(dump_record(record), output)
    else:
        _export([record], fmt, output)


def _export(records, fmt: str, output: Optional[Path]) -> None:
    """Write records in one of ``formats.FORMATS``; only JSON Lines may go to stdout."""
    from .formats import WRITERS, write_jsonl
    if fmt not in WRITERS:
        fail(f"--format {fmt}: choose one of {', '.join(WRITERS)}", 2)
    if output is None:
        if fmt != "jsonl":
            fail(f"--format {fmt} needs -o FILE", 2)
        write_jsonl(records, Path("/dev/stdout"))
        return
    WRITERS[fmt](records, output)


@app.command()
def batch(inputs: List[str] = typer.Argument(..., help="Files or directories."),
          output: Path = typer.Option(..., "-o", "--output", help="JSONL file to write.")):
    """Extract many articles into one JSONL file; bad files are reported and skipped."""
    from .batch import run_batch
    written, failures = run_batch(inputs, output)
    for path, reason in failures:
        typer.echo(f"error: {path}: {reason}", err=True)
    typer.echo(f"{written} records written to {output}, {len(failures)} failed", err=True)
    raise typer.Exit(1 if failures else 0)


@app.command()
def schema():
    """Print the JSON Schema of the record."""
    from .schema import json_schema
    _write_json(json_schema(), None)


@app.command("check-gold")
def check_gold(gold: Path = typer.Argument(..., help="Directory of gold *.json files."),
               texts: Path = typer.Argument(..., help="Directory of the texts they name.")):
    """Validate gold files: schema, text hash, offsets, order. Non-zero exit on any problem."""
    from .gold import check_dir
    for d in (gold, texts):
        if not d.is_dir():
            fail(f"{d}: not a directory")
    n, problems = check_dir(gold, texts)
    for p in problems:
        typer.echo(f"error: {p}", err=True)
    typer.echo(f"{n} gold files checked, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


@app.command()
def export(records: Path = typer.Argument(..., help="A JSONL file of records (from batch)."),
           output: Path = typer.Option(..., "-o", "--output", help="File to write."),
           fmt: str = typer.Option("csv", "--format", help="csv | sqlite | json | jsonl.")):
    """Turn a JSONL file of records into a table: CSV (row per entity/figure) or SQLite."""
    from .formats import read_records
    if not records.is_file():
        fail(f"{records}: no such file")
    try:
        _export(read_records(records), fmt, output)
    except ValueError as e:
        fail(str(e))


@app.command()
def show(path: Path = typer.Argument(..., help="An article file."),
         output: Path = typer.Option(..., "-o", "--output", help="HTML page to write.")):
    """Write the article as an HTML page with every entity and figure highlighted."""
    from .htmlview import show_page
    from .pipeline import run
    from .reader import read_path
    try:
        source = read_path(path)
    except InputError as e:
        fail(str(e))
    output.write_text(show_page(run(source), source.text), encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


@app.command()
def report(records: Path = typer.Argument(..., help="A JSONL file of records (from batch)."),
           output: Path = typer.Option(..., "-o", "--output", help="HTML page to write.")):
    """Write an archive summary page: counts, rates by locality and period, a chart over time."""
    from .formats import read_records
    from .report import report_page
    if not records.is_file():
        fail(f"{records}: no such file")
    try:
        page = report_page(list(read_records(records)))
    except ValueError as e:
        fail(str(e))
    output.write_text(page, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


def main() -> None:
    """Entry point of the ``vnextract`` script."""
    app()
