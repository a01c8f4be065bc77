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
def extract(path: str = typer.Argument(..., help="An article file (text, HTML, any encoding)."),
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
def batch(inputs: List[str] = typer.Argument(..., help="Files, directories (recursive) or globs."),
          output: Path = typer.Option(..., "-o", "--output",
                                      help="JSONL file to write (a directory with --engine dask)."),
          jobs: Optional[int] = typer.Option(None, "-j", "--jobs", min=1,
                                             help="Worker processes [default: number of cores]."),
          resume: bool = typer.Option(False, "--resume",
                                      help="Keep the records already in OUTPUT, append the rest."),
          quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress, no error lines."),
          engine: str = typer.Option("local", "--engine", help="local (processes) or dask."),
          scheduler: Optional[str] = typer.Option(
              None, "--scheduler", help="dask.distributed scheduler, e.g. tcp://host:8786."),
          progress_every: float = typer.Option(
              10.0, "--progress-every", min=0.1, help="Seconds between progress lines off a terminal."),
          timeout: float = typer.Option(
              120.0, "--timeout", min=0, help="Fail a document still running after this many "
              "seconds (0: no limit; local engine only)."),
          id_field: str = typer.Option("id", "--id-field", help="JSONL archives: the id key."),
          text_field: str = typer.Option("text", "--text-field", help="JSONL archives: the text key.")):
    """Extract many articles into JSONL, in input order; bad files are reported, the rest written.

    Failures go to <output stem>.failures.jsonl (exit 1). Ctrl-C stops cleanly (exit 130), leaving
    only complete lines; --resume then continues where the run stopped.
    """
    import importlib.util

    from .batch import LogReporter, Reporter, TqdmReporter, default_jobs, run_batch
    if engine not in ("local", "dask"):
        fail(f"--engine must be local or dask, not {engine!r}", 2)
    if scheduler and engine != "dask":
        fail("--scheduler needs --engine dask", 2)
    reporter = Reporter() if quiet else TqdmReporter() if sys.stderr.isatty() \
        else LogReporter(progress_every)
    jobs = jobs or default_jobs()
    try:
        if engine == "dask":
            if resume:
                fail("--resume is not supported with --engine dask", 2)
            if importlib.util.find_spec("distributed") is None:
                fail("--engine dask needs the dask extra: pip install 'vnextract[dask]'")
            from .dask_engine import run_dask
            result = run_dask(inputs, output, jobs, scheduler, reporter)
        else:
            if output.is_dir():
                fail(f"{output}: is a directory; the local engine writes one JSONL file")
            result = run_batch(inputs, output, jobs, resume, reporter, timeout or None,
                               id_field=id_field, text_field=text_field)
    except InputError as e:
        fail(str(e))
    except OSError as e:
        fail(f"{e.filename or output}: {e.strerror or e}")
    typer.echo(result.summary(), err=True)
    if result.interrupted:
        again = "run the same command again" if engine == "dask" else "add --resume to continue"
        typer.echo(f"interrupted: {result.written} records written to {output}; {again}", err=True)
        raise typer.Exit(130)
    raise typer.Exit(1 if result.failed else 0)


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


@app.command("eval")
def eval_(gold: Path = typer.Option(..., "--gold", help="Directory of gold *.json files."),
          texts: Path = typer.Option(..., "--texts", help="Directory of the texts they name."),
          pred: Optional[Path] = typer.Option(None, "--pred", help="Score this JSONL of records "
                                              "instead of running the extractor."),
          baseline: Optional[str] = typer.Option(None, "--baseline", help="Also score a baseline: "
                                                 "underthesea."),
          name: Optional[str] = typer.Option(None, "--name", help="Report name (default: from the "
                                             "gold directory, e.g. dev, corpus)."),
          reports: Path = typer.Option(Path("eval/reports"), "--reports",
                                       help="Reports go to <reports>/<name>/.")):
    """Score the extractor (or --pred records) against gold files; write reports, print headline."""
    from .evaluate import EvalError, console_table, evaluate
    try:
        ev = evaluate(gold, texts, pred=pred, baseline=baseline, name=name, reports_dir=reports)
    except EvalError as e:
        fail(str(e))
    typer.echo(console_table(ev))


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
def show(path: str = typer.Argument(..., help="An article file."),
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
