"""``vnextract eval``: gold files and texts in, scores and reports out.

This module does the I/O around ``scoring``: it loads and checks the gold files, gets predictions
(running the extractor, reading ``--pred`` JSONL, or running the baseline), scores each system with
the same code and writes ``scores.json``, ``errors.json``, ``summary.md`` and ``report.html``. Every
bad input raises ``EvalError`` with one line ``<file>[:<line>]: <reason>``; no document is dropped.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .errors import InputError
from .gold import load_gold, text_path_for
from .reader import read_path
from .schema import DocumentRecord, dump_record
from .scoring import ENTITY_TYPES, FIGURE_TYPES, DocScore, aggregate, score_document

BASELINES = ("underthesea",)
HEADLINE_ROWS = (  # (key in the scores, label) of the console and summary tables
    ("entity_strict_micro", "entity strict micro F1"),
    *((f"entity_strict_{t}", f"  {t} strict F1") for t in ENTITY_TYPES),
    ("entity_partial_micro", "entity partial micro F1"),
    ("figure_span", "figure span F1"),
    ("figure_value", "figure value F1"),
)


class EvalError(Exception):
    """A bad input to the evaluation; its message is ``<file>[:<line>]: <reason>``."""


@dataclass
class GoldDoc:
    path: Path
    record: DocumentRecord
    text: str


@dataclass
class SystemRun:
    """One system's predictions and their scores; ``failures`` are documents it could not read."""

    name: str
    predictions: dict[str, DocumentRecord | None]
    seconds: float
    failures: dict[str, str] = field(default_factory=dict)
    docs: list[DocScore] = field(default_factory=list)
    scores: dict[str, Any] = field(default_factory=dict)


@dataclass
class Evaluation:
    name: str
    gold_dir: Path
    texts_dir: Path
    gold: list[GoldDoc]
    systems: list[SystemRun]
    out_dir: Path


def default_name(gold_dir: Path) -> str:
    """Report name from the gold directory: ``dev`` for ``dev/gold``, ``corpus`` for the project's
    own ``annotations`` (which annotate ``corpus/``), else the directory's own name."""
    gold_dir = gold_dir.resolve()
    if gold_dir.name == "annotations":
        return "corpus"
    if gold_dir.name == "gold" and gold_dir.parent.name:
        return gold_dir.parent.name
    return gold_dir.name or "eval"


# --- inputs ---------------------------------------------------------------------------------------

def load_gold_dir(gold_dir: Path, texts_dir: Path) -> list[GoldDoc]:
    """Every gold file with the text it names, refusing a schema error, a missing text or a text
    whose hash or offsets do not fit."""
    for d in (gold_dir, texts_dir):
        if not d.is_dir():
            raise EvalError(f"{d}: not a directory")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise EvalError(f"{gold_dir}: no gold files (*.json)")
    docs: dict[str, GoldDoc] = {}
    for path in paths:
        try:
            record = load_gold(path)
        except ValueError as e:
            raise EvalError(str(e)) from None
        text_path = text_path_for(record, path, texts_dir)
        if not text_path.is_file():
            raise EvalError(f"{path}: names text {text_path.name}, which is not in {texts_dir}")
        try:
            text = read_path(text_path).text
        except InputError as e:
            raise EvalError(str(e)) from None
        problems = record.check_text(text)
        if problems:
            raise EvalError(f"{path}: {problems[0]} ({text_path.name})")
        if record.doc_id in docs:
            other = docs[record.doc_id].path
            raise EvalError(f"{path}: doc_id {record.doc_id!r} is also in {other}")
        docs[record.doc_id] = GoldDoc(path, record, text)
    return list(docs.values())


def _first_error(e: ValidationError) -> str:
    first = e.errors()[0]
    return f"{'.'.join(str(x) for x in first['loc'])}: {first['msg']}"


def load_predictions(path: Path, gold: list[GoldDoc]) -> dict[str, DocumentRecord]:
    """Records of a JSONL file, each checked against the gold text of its ``doc_id``."""
    by_id = {g.record.doc_id: g for g in gold}
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: cannot read: {e}") from None
    records: dict[str, DocumentRecord] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            record = DocumentRecord.model_validate(json.loads(line))
        except json.JSONDecodeError as e:
            raise EvalError(f"{where}: malformed JSON: {e.msg} (column {e.colno})") from None
        except ValidationError as e:
            raise EvalError(f"{where}: {_first_error(e)}") from None
        if record.doc_id not in by_id:
            raise EvalError(f"{where}: doc_id {record.doc_id!r} is not among the gold documents")
        if record.doc_id in records:
            raise EvalError(f"{where}: a second record for doc_id {record.doc_id!r}")
        problems = record.check_text(by_id[record.doc_id].text)
        if problems:
            raise EvalError(f"{where}: {problems[0]} (gold text of {record.doc_id!r})")
        records[record.doc_id] = record
    return records


# --- systems --------------------------------------------------------------------------------------

def _timed_run(name: str, gold: list[GoldDoc],
               predict: Callable[[GoldDoc], DocumentRecord]) -> SystemRun:
    """Run ``predict`` on every gold document. A document it fails on, whether unreadable or by a
    bug in the system, becomes a document without prediction (all misses), named in the failures
    and on the console: one crash should not hide the scores of every other document."""
    start = time.perf_counter()
    predictions: dict[str, DocumentRecord | None] = {}
    failures: dict[str, str] = {}
    for g in gold:
        try:
            predictions[g.record.doc_id] = predict(g)
        except InputError as e:
            predictions[g.record.doc_id] = None
            failures[g.record.doc_id] = str(e)
        except Exception as e:  # noqa: BLE001 - reported below, never silent
            predictions[g.record.doc_id] = None
            failures[g.record.doc_id] = f"{type(e).__name__}: {e}"
    return SystemRun(name, predictions, time.perf_counter() - start, failures)


def run_extractor(gold: list[GoldDoc], texts_dir: Path) -> SystemRun:
    """The extractor over the very files the gold records name, as a user would run it."""
    from .pipeline import extract_file
    return _timed_run("extractor", gold, lambda g: extract_file(
        text_path_for(g.record, g.path, texts_dir), doc_id=g.record.doc_id))


def run_baseline(name: str, gold: list[GoldDoc]) -> SystemRun:
    """The baseline ``name`` (one of ``BASELINES``) over every gold text."""
    from .baseline import baseline_record
    return _timed_run(name, gold,
                      lambda g: baseline_record(g.text, g.record.doc_id, g.record.source))


def score_system(run: SystemRun, gold: list[GoldDoc]) -> None:
    """Score every gold document, with or without a prediction."""
    run.docs = [score_document(g.record, run.predictions.get(g.record.doc_id), g.text)
                for g in gold]
    run.scores = {"seconds": run.seconds, "failures": run.failures, **aggregate(run.docs)}


def evaluate(gold_dir: Path, texts_dir: Path, pred: Path | None = None,
             baseline: str | None = None, name: str | None = None,
             reports_dir: Path = Path("eval/reports")) -> Evaluation:
    """Load, predict, score and write the reports; returns everything for the console table."""
    if baseline is not None and baseline not in BASELINES:
        known = ", ".join(BASELINES)
        raise EvalError(f"--baseline: unknown baseline {baseline!r} (known: {known})")
    gold = load_gold_dir(gold_dir, texts_dir)
    if pred is not None:
        start = time.perf_counter()
        records = load_predictions(pred, gold)
        systems = [SystemRun("predictions", dict(records), time.perf_counter() - start)]
    else:
        systems = [run_extractor(gold, texts_dir)]
    if baseline is not None:
        systems.append(run_baseline(baseline, gold))
    for run in systems:
        score_system(run, gold)
    name = name or default_name(gold_dir)
    ev = Evaluation(name, gold_dir, texts_dir, gold, systems, reports_dir / name)
    write_reports(ev)
    return ev


# --- reports --------------------------------------------------------------------------------------

def write_reports(ev: Evaluation) -> None:
    """scores.json (all counts), errors.json (every error in context), predictions-<system>.jsonl
    (what was scored, to re-score with ``--pred``), summary.md and a self-contained report.html."""
    from .report_html import render
    ev.out_dir.mkdir(parents=True, exist_ok=True)
    scores = {"name": ev.name, "gold": str(ev.gold_dir), "texts": str(ev.texts_dir),
              "matching": MATCHING, "systems": {r.name: r.scores for r in ev.systems}}
    errors = {r.name: {d.doc_id: [e.as_dict() for e in d.errors] for d in r.docs}
              for r in ev.systems}
    _write_json(ev.out_dir / "scores.json", scores)
    _write_json(ev.out_dir / "errors.json", errors)
    for r in ev.systems:
        lines = [json.dumps(dump_record(v), ensure_ascii=False) + "\n"
                 for v in r.predictions.values() if v is not None]
        (ev.out_dir / f"predictions-{r.name}.jsonl").write_text("".join(lines), encoding="utf-8")
    (ev.out_dir / "summary.md").write_text(summary_markdown(ev), encoding="utf-8")
    (ev.out_dir / "report.html").write_text(render(ev), encoding="utf-8")


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


MATCHING = ("Entities and figures are matched one-to-one per type by linear_sum_assignment: most "
            "pairs of overlapping spans, then most overlap, then most exact spans. strict = same "
            "type and identical span; partial = same type and overlapping spans (each counts "
            "fully). Figure span = partial figure match; figure value = also equal value, total "
            "and qualifier. "
            "Attribute accuracies are over the partial (overlap) pairs; null = null agrees, except "
            "LOCALITY.code, compared only where the gold gives a code. OFFICIAL.titles: the "
            "whitespace-normalised lists equal; titles_f1: F1 over the titles of matched pairs. "
            "Confidence intervals: 95% percentile bootstrap over documents.")


def _f(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def headline_cell(scores: dict[str, Any], key: str) -> str:
    ci = scores["confidence"]["intervals"].get(key)
    f1 = scores["headline"][key]["f1"]
    return f"{_f(f1)} [{_f(ci['low'])}–{_f(ci['high'])}]" if ci else _f(f1)


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _prf(c: dict[str, Any]) -> str:
    counts = f" ({c['tp']}/{c['fp']}/{c['fn']})" if "tp" in c else ""
    return f"{_f(c['precision'])} / {_f(c['recall'])} / {_f(c['f1'])}{counts}"


def summary_markdown(ev: Evaluation) -> str:
    """The readable summary: headline with intervals, per type, attributes, document fields."""
    names = [r.name for r in ev.systems]
    sc = {r.name: r.scores for r in ev.systems}
    out = [f"# Evaluation `{ev.name}`", "",
           f"{len(ev.gold)} gold documents from `{ev.gold_dir}`, texts in `{ev.texts_dir}`.", ""]
    for r in ev.systems:
        missing = r.scores["without_prediction"]
        out.append(f"- **{r.name}**: {r.seconds:.1f} s; documents without prediction "
                   f"(scored as all misses): {', '.join(missing) if missing else 'none'}")
        out += [f"  - `{doc_id}` failed: {reason}" for doc_id, reason in r.failures.items()]
    out += ["", MATCHING, "", "## Headline (F1, 95% bootstrap interval)", ""]
    rows = [[label.strip(), *(headline_cell(sc[n], key) for n in names)]
            for key, label in HEADLINE_ROWS]
    rows += [[f"{f} exact-match rate", *(_f(sc[n]["document"][f]["rate"]) for n in names)]
             for f in ("title", "published")]
    out += [_md_table(["metric", *names], rows), ""]
    out += ["## Entities (P / R / F1 (tp/fp/fn))", ""]
    rows = [[scheme, t, *(_prf(sc[n]["entities"][scheme][t]) for n in names)]
            for scheme in ("strict", "partial") for t in (*ENTITY_TYPES, "micro", "macro")]
    out += [_md_table(["scheme", "type", *names], rows), ""]
    out += ["## Figures (P / R / F1 (tp/fp/fn))", ""]
    rows = [[match, t, *(_prf(sc[n]["figures"][match][t]) for n in names)]
            for match in ("span", "value") for t in (*FIGURE_TYPES, "micro", "macro")]
    out += [_md_table(["match", "type", *names], rows), ""]
    out += ["## Attribute accuracy over matched pairs (correct/total)", ""]
    keys = sorted({k for n in names for k in sc[n]["attributes"]})
    rows = [[k, *(_attr_cell(sc[n]["attributes"].get(k)) for n in names)] for k in keys]
    out += [_md_table(["attribute", *names], rows), ""]
    out += ["## Errors by kind", ""]
    kinds = ("miss", "false_alarm", "boundary", "attribute", "document")
    rows = [[k, *(str(sum(e.kind == k for d in r.docs for e in d.errors)) for r in ev.systems)]
            for k in kinds]
    out += [_md_table(["kind", *names], rows), "",
            "Every error with its context is in `errors.json` and `report.html`.", ""]
    return "\n".join(out)


def _attr_cell(a: dict[str, Any] | None) -> str:
    if a is None:
        return "—"
    if "f1" in a:  # titles: F1 over the lists
        f1 = a["f1"] if a["tp"] + a["fp"] + a["fn"] else None
        return f"F1 {_f(f1)} ({a['tp']}/{a['fp']}/{a['fn']})"
    return f"{_f(a['accuracy'])} ({a['correct']}/{a['total']})"


def console_table(ev: Evaluation) -> str:
    """The compact headline table printed by the CLI. Failures come first, so that the last twelve
    lines are always the whole table and the list of documents without prediction."""
    names = [r.name for r in ev.systems]
    sc = {r.name: r.scores for r in ev.systems}
    lines = [f"{r.name} failed on {doc_id}: {reason}"[:160]
             for r in ev.systems for doc_id, reason in r.failures.items()]
    timing = ", ".join(f"{r.name} {r.seconds:.1f}s" for r in ev.systems)
    lines += [f"eval {ev.name}: {len(ev.gold)} documents ({timing}); reports in {ev.out_dir}/",
              f"{'metric':<26}" + "".join(f"{n:<22}" for n in names)]
    for key, label in HEADLINE_ROWS:
        lines.append(f"{label:<26}" + "".join(f"{headline_cell(sc[n], key):<22}" for n in names))
    for f in ("title", "published"):
        lines.append(f"{f + ' exact-match':<26}"
                     + "".join(f"{_f(sc[n]['document'][f]['rate']):<22}" for n in names))
    missing = {n: sc[n]["without_prediction"] for n in names if sc[n]["without_prediction"]}
    if missing:
        lines.append("without prediction: " + "; ".join(f"{n}: {', '.join(v)}"
                                                         for n, v in missing.items()))
    return "\n".join(line.rstrip() for line in lines)
