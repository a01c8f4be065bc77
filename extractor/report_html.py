"""The eval report as one self-contained HTML page: no scripts, fonts or styles from elsewhere.

Each article is shown twice, gold beside the first system's prediction, with every span
highlighted by type and outlined by what went wrong: a miss (gold only), a false alarm (predicted
only), a boundary difference or a wrong attribute. Hovering a span shows its attributes and errors.
Spans may overlap (a LOCALITY inside a figure's sentence, nested mentions), so the text is cut at
every span boundary and each piece is styled by the shortest span covering it.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Sequence

from .htmlview import highlight
from .schema import DocumentRecord
from .scoring import DocScore, Error

if TYPE_CHECKING:
    from .evaluate import Evaluation

# Status of an item from the kinds of error it is part of; the first that applies wins.
STATUS_ORDER = (("miss", "miss"), ("false_alarm", "fa"), ("attribute", "attr"),
                ("boundary", "boundary"))
LABELS = {"ok": "correct", "miss": "miss", "fa": "false alarm", "attr": "wrong attribute",
          "boundary": "boundary differs"}

CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;
font-size:90%;vertical-align:top}th{background:#f3f3f3}
.cols{display:flex;gap:1em}.col{flex:1;min-width:0}
.text{white-space:pre-wrap;font-family:inherit;line-height:1.7;border:1px solid #ddd;
padding:.5em;background:#fcfcfc}
.s{border-radius:2px;padding:1px 0}
.DATE{background:#cfe8ff}.LOCALITY{background:#d7f5d0}.OFFICIAL{background:#ffe6b3}
.figure{background:#eadcff}
.miss{outline:2px solid #d22;text-decoration:underline wavy #d22}
.fa{outline:2px dashed #d22}
.attr{outline:2px solid #e98b00}
.boundary{outline:2px dotted #777}
.multi{box-shadow:inset 0 -2px 0 #555}
.ctx{color:#666}.ctx b{color:#000;background:#ffef9e}
details{margin:.3em 0}summary{cursor:pointer}
"""


def _statuses(errors: Sequence[Error]) -> tuple[dict[str, str], dict[str, str], dict, dict]:
    """Status and error notes of every gold id and every predicted id."""
    gold_kinds: dict[str, set[str]] = {}
    pred_kinds: dict[str, set[str]] = {}
    gold_notes: dict[str, list[str]] = {}
    pred_notes: dict[str, list[str]] = {}
    for e in errors:
        note = _note(e)
        if e.gold_id:
            gold_kinds.setdefault(e.gold_id, set()).add(e.kind)
            gold_notes.setdefault(e.gold_id, []).append(note)
        if e.pred_id:
            pred_kinds.setdefault(e.pred_id, set()).add(e.kind)
            pred_notes.setdefault(e.pred_id, []).append(note)
    pick = lambda kinds: next((s for k, s in STATUS_ORDER if k in kinds), "ok")  # noqa: E731
    return ({i: pick(k) for i, k in gold_kinds.items()},
            {i: pick(k) for i, k in pred_kinds.items()}, gold_notes, pred_notes)


def _note(e: Error) -> str:
    if e.kind == "attribute":
        return f"{e.attribute}: gold {e.gold!r}, predicted {e.pred!r}"
    if e.kind == "boundary":
        return f"span: gold {e.gold!r}, predicted {e.pred!r}"
    return LABELS.get({"false_alarm": "fa"}.get(e.kind, e.kind), e.kind)


def _tooltip(item: Any, status: str, notes: list[str]) -> str:
    skip = {"id", "start", "end", "text", "type"}
    attrs = [f"{k}: {v!r}" for k, v in item.model_dump().items() if k not in skip]
    head = f"{item.type} {item.id} [{item.start}:{item.end}] {item.text!r} — {LABELS[status]}"
    return "\n".join([head, *notes, *attrs])


def _spans(record: DocumentRecord, status: dict[str, str], notes: dict[str, list[str]],
           default: str) -> list[tuple[int, int, str, str]]:
    """(start, end, css classes, tooltip) of every entity and figure of a record."""
    out = []
    for item in [*record.entities, *record.figures]:
        if item.end <= item.start:
            continue
        st = status.get(item.id, default)
        kind = item.type if item.type in ("DATE", "LOCALITY", "OFFICIAL") else "figure"
        out.append((item.start, item.end, f"s {kind} {st}",
                    _tooltip(item, st, notes.get(item.id, []))))
    return out


def _error_rows(errors: Sequence[Error]) -> str:
    rows = []
    for e in errors:
        c = e.context
        ctx = (f'<span class="ctx">…{html.escape(c["left"])}<b>{html.escape(c["span"])}</b>'
               f'{html.escape(c["right"])}…</span>') if c else ""
        rows.append("<tr>" + "".join(f"<td>{x}</td>" for x in (
            html.escape(e.kind), html.escape(e.type), html.escape(e.attribute or ""),
            html.escape("" if e.gold is None else repr(e.gold)),
            html.escape("" if e.pred is None else repr(e.pred)), ctx)) + "</tr>")
    head = "".join(f"<th>{h}</th>" for h in ("kind", "type", "attribute", "gold", "predicted",
                                               "context"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _document(doc_id: str, text: str, gold: DocumentRecord, pred: DocumentRecord | None,
              score: DocScore, system: str) -> str:
    gstatus, pstatus, gnotes, pnotes = _statuses(score.errors)
    gold_html = highlight(text, _spans(gold, gstatus, gnotes, "ok"))
    pred_html = (highlight(text, _spans(pred, pstatus, pnotes, "ok")) if pred is not None
                 else html.escape(text))
    counts = score.strict
    strict = sum(c.tp for c in counts.values()), sum(c.fp for c in counts.values()), \
        sum(c.fn for c in counts.values())
    missing = "" if pred is not None else " <b>— no prediction: every gold item is a miss</b>"
    return (f'<section id="{html.escape(doc_id)}"><h2>{html.escape(doc_id)}</h2>'
            f"<p>{len(score.errors)} errors; entity strict tp/fp/fn {strict[0]}/{strict[1]}/"
            f"{strict[2]}{missing}</p>"
            f'<div class="cols"><div class="col"><h3>gold</h3><div class="text">{gold_html}</div>'
            f'</div><div class="col"><h3>{html.escape(system)}</h3><div class="text">{pred_html}'
            f"</div></div></div><details><summary>errors ({len(score.errors)})</summary>"
            f"{_error_rows(score.errors)}</details></section>")


def _headline(ev: "Evaluation") -> str:
    from .evaluate import HEADLINE_ROWS, headline_cell
    head = "".join(f"<th>{html.escape(r.name)}</th>" for r in ev.systems)
    rows = "".join(f"<tr><td>{html.escape(label.strip())}</td>" + "".join(
        f"<td>{headline_cell(r.scores, key)}</td>" for r in ev.systems) + "</tr>"
                   for key, label in HEADLINE_ROWS)
    return f"<table><tr><th>metric (F1, 95% CI)</th>{head}</tr>{rows}</table>"


def _legend() -> str:
    kinds = "".join(f'<span class="s {t}">{t}</span> ' for t in ("DATE", "LOCALITY", "OFFICIAL",
                                                                 "figure"))
    marks = "".join(f'<span class="s DATE {k}">{LABELS[k]}</span> '
                    for k in ("miss", "fa", "attr", "boundary"))
    return f"<p>Types: {kinds}</p><p>Differences (hover for details): {marks}</p>"


def render(ev: "Evaluation") -> str:
    """The whole report for the first system (the extractor or ``--pred``) against gold."""
    system = ev.systems[0]
    sections = []
    for g, score in zip(ev.gold, system.docs):
        sections.append(_document(g.record.doc_id, g.text, g.record,
                                  system.predictions.get(g.record.doc_id), score, system.name))
    index = " · ".join(f'<a href="#{html.escape(d.doc_id)}">{html.escape(d.doc_id)}</a> '
                       f"({len(d.errors)})" for d in system.docs)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            f"<title>vnextract eval {html.escape(ev.name)}</title><style>{CSS}</style></head><body>"
            f"<h1>vnextract eval <code>{html.escape(ev.name)}</code></h1>"
            f"<p>{len(ev.gold)} documents; gold <code>{html.escape(str(ev.gold_dir))}</code>.</p>"
            f"{_headline(ev)}{_legend()}<p>{index}</p>{''.join(sections)}</body></html>\n")
