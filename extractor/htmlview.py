"""Self-contained HTML pages: an article with its spans highlighted (``vnextract show``) and the
building blocks the archive report uses. No external assets, so a page opens anywhere offline.
"""
from __future__ import annotations

import html
import json
from typing import Iterable, Sequence

from .schema import DocumentRecord

COLOURS = {
    "OFFICIAL": "#f6c6a0", "LOCALITY": "#a8d8b9", "DATE": "#a9c8f0",
    "dossier_count": "#f3e08a", "percentage": "#e7b3e8", "service_level": "#c9c3f3",
    "quantity": "#dddddd",
}

CSS = "".join(f".s.{label}{{background:{colour}}}" for label, colour in COLOURS.items()) + """
body{font:15px/1.6 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
.s{padding:0 .1em;border-radius:.2em;cursor:help}.s.multi{outline:1px dotted #555}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;border-radius:.4em}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}
.legend span{display:inline-block;margin-right:.6em;padding:0 .4em;border-radius:.25em}
.warn{color:#a00}
"""


def page(title: str, body: str) -> str:
    """A complete HTML document around ``body``."""
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def legend(labels: Iterable[str]) -> str:
    return "<p class=\"legend\">" + "".join(
        f"<span style=\"background:{COLOURS.get(lab, '#eee')}\">{html.escape(lab)}</span>"
        for lab in labels) + "</p>"


def highlight(text: str, spans: Sequence[tuple[int, int, str, str]]) -> str:
    """``text`` as HTML with each piece between span boundaries wrapped in the shortest covering
    span's classes; the tooltip lists every span covering the piece."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        covering = sorted((s for s in spans if s[0] < b and s[1] > a), key=lambda s: s[1] - s[0])
        if not covering:
            parts.append(piece)
            continue
        cls = covering[0][2] + (" multi" if len(covering) > 1 else "")
        tip = "\n\n".join(s[3] for s in covering)
        parts.append(f'<span class="{cls}" title="{html.escape(tip)}">{piece}</span>')
    return "".join(parts)


def _tip(item: dict) -> str:
    skip = {"id", "start", "end", "text", "type"}
    return "; ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in item.items()
                     if k not in skip and v not in (None, [], False))


def record_spans(record: DocumentRecord) -> list[tuple[int, int, str, str]]:
    """(start, end, css classes, tooltip) of every entity and figure: its type, its attributes."""
    return [(x.start, x.end, f"s {x.type}", f"{x.id} {x.type} {_tip(x.model_dump(mode='json'))}")
            for x in [*record.entities, *record.figures] if x.end > x.start]


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
            f"<div class=\"article\">{highlight(text, record_spans(record))}</div>"
            f"<h2>Warnings</h2><ul>{warnings or '<li>none</li>'}</ul>"
            f"<h2>Entities and figures</h2><table><tr><th>id</th><th>type</th><th>text</th>"
            f"<th>attributes</th></tr>{rows}</table>")
    return page(record.title or record.doc_id, body)
