"""Self-contained HTML pages: an article with its spans highlighted (``vnextract show``) and the
building blocks the archive report uses. No external assets, so a page opens anywhere offline.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Iterable

from .schema import DocumentRecord

COLOURS = {
    "OFFICIAL": "#f6c6a0", "LOCALITY": "#a8d8b9", "DATE": "#a9c8f0",
    "dossier_count": "#f3e08a", "percentage": "#e7b3e8", "service_level": "#c9c3f3",
    "quantity": "#dddddd",
}

CSS = """
body{font:15px/1.6 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
mark{padding:0 .15em;border-radius:.25em;cursor:help}
mark sub{font-size:.65em;font-weight:600;opacity:.7;margin-left:.2em}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:.4em}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
.legend span{display:inline-block;margin-right:.6em;padding:0 .4em;border-radius:.25em}
.warn{color:#a00}
"""


@dataclass(frozen=True)
class Highlight:
    """A span to colour: ``label`` picks the colour, ``tip`` is shown on hover, ``css`` adds a class."""

    start: int
    end: int
    label: str
    tip: str
    css: str = ""


def page(title: str, body: str) -> str:
    """A complete HTML document around ``body``."""
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def legend(labels: Iterable[str]) -> str:
    return "<p class=\"legend\">" + "".join(
        f"<span style=\"background:{COLOURS.get(lab, '#eee')}\">{html.escape(lab)}</span>"
        for lab in labels) + "</p>"


def highlight(text: str, spans: Iterable[Highlight]) -> str:
    """The text with non-overlapping spans wrapped in ``<mark>``; where spans overlap, the earlier
    (then longer) one is drawn and the other is still listed in the page's tables."""
    out, cursor = [], 0
    for h in sorted(spans, key=lambda h: (h.start, -h.end)):
        if h.start < cursor or h.end <= h.start:
            continue
        out.append(html.escape(text[cursor:h.start]))
        colour = COLOURS.get(h.label, "#eee")
        cls = f" class=\"{h.css}\"" if h.css else ""
        out.append(f"<mark{cls} style=\"background:{colour}\" title=\"{html.escape(h.tip)}\""
                   f" data-label=\"{html.escape(h.label)}\">{html.escape(text[h.start:h.end])}"
                   f"<sub>{html.escape(h.label)}</sub></mark>")
        cursor = h.end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def _tip(item: dict) -> str:
    skip = {"id", "start", "end", "text", "type"}
    return "; ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()
                     if k not in skip and v not in (None, [], False))


def record_highlights(record: DocumentRecord) -> list[Highlight]:
    """Every entity and figure of a record as a highlight with its attributes as the tip."""
    return [Highlight(x.start, x.end, x.type, f"{x.id} {_tip(x.model_dump(mode='json'))}")
            for x in [*record.entities, *record.figures]]


def show_page(record: DocumentRecord, text: str) -> str:
    """The article as a person checks an extraction: highlighted text, then warnings and tables."""
    head = html.escape(record.title or record.doc_id)
    meta = (f"<p>doc_id <b>{html.escape(record.doc_id)}</b> · published "
            f"<b>{html.escape(record.published or '—')}</b> · byline "
            f"<b>{html.escape(', '.join(record.byline) or '—')}</b></p>")
    warnings = "".join(f"<li class=\"warn\">{html.escape(w.kind)}: {html.escape(w.message)}</li>"
                       for w in record.warnings)
    rows = "".join(
        f"<tr><td>{x.id}</td><td>{x.type}</td><td>{html.escape(x.text)}</td>"
        f"<td>{html.escape(_tip(x.model_dump(mode='json')))}</td></tr>"
        for x in [*record.entities, *record.figures])
    body = (f"<h1>{head}</h1>{meta}{legend(COLOURS)}"
            f"<div class=\"article\">{highlight(text, record_highlights(record))}</div>"
            f"<h2>Warnings</h2><ul>{warnings or '<li>none</li>'}</ul>"
            f"<h2>Entities and figures</h2><table><tr><th>id</th><th>type</th><th>text</th>"
            f"<th>attributes</th></tr>{rows}</table>")
    return page(record.title or record.doc_id, body)
