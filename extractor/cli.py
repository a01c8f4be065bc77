"""The ``vnextract`` command. Every bad input ends as one line ``error: <path>: <reason>``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import InputError

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
def extract(path: Path = typer.Argument(..., help="An article file."),
            output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here, not stdout.")):
    """Print one article's record as pretty JSON."""
    from .pipeline import extract_file
    from .schema import dump_record
    try:
        record = extract_file(path)
    except InputError as e:
        fail(str(e))
    _write_json(dump_record(record), output)


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


def main() -> None:
    """Entry point of the ``vnextract`` script."""
    app()
