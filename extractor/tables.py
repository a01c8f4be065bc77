"""Tables flattened into text: one row per line, cells split by ``|``.

Reports often carry their figures in a table (``STT | Đơn vị | Hồ sơ tiếp nhận | Đúng hạn | Tỷ lệ``),
and HTML tables come out of trafilatura, or out of a copy from a web page, in this shape. A
number in such a row says nothing about itself: what it counts and what it measures are in the
header of its column. This module only finds the tables and answers "which header is above this
position"; the figures and linking stages decide what a header means.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Table:
    """A header line and the row lines under it (character ranges), each split into cells."""

    header: tuple[Span, ...]
    rows: tuple[tuple[Span, ...], ...]

    @property
    def start(self) -> int:
        return self.rows[0][0][0]

    @property
    def end(self) -> int:
        return self.rows[-1][-1][1]


def _cells(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The trimmed cell ranges of one line."""
    out, cursor = [], start
    for part in text[start:end].split("|"):
        lead = len(part) - len(part.lstrip())
        out.append((cursor + lead, cursor + len(part.rstrip())))
        cursor += len(part) + 1
    return tuple(out)


def find(text: str, paragraphs: tuple[Span, ...]) -> list[Table]:
    """The tables of ``text``: runs of consecutive lines with the same number (three or more) of
    cells, the first of them a header (no digit in it) and at least one row under it."""
    tables: list[Table] = []
    run: list[tuple[Span, ...]] = []
    for start, end in [*paragraphs, (len(text), len(text))]:
        cells = _cells(text, start, end) if text.count("|", start, end) >= 2 else ()
        if run and len(cells) == len(run[0]):
            run.append(cells)
            continue
        if len(run) >= 2 and not any(c.isdigit() for a, b in run[0] for c in text[a:b]):
            tables.append(Table(header=run[0], rows=tuple(run[1:])))
        run = [cells] if cells else []
    return tables


@dataclass(frozen=True)
class Cell:
    """Where a position of a table row is: its table, column and cell range."""

    table: Table
    column: int
    span: Span

    @property
    def header(self) -> Span:
        return self.table.header[self.column]


def header_of(tables: list[Table], pos: int) -> Cell | None:
    """The cell of a table row that holds ``pos``, or None outside tables."""
    i = bisect_right([t.start for t in tables], pos) - 1
    if i < 0 or pos >= tables[i].end:
        return None
    table = tables[i]
    for row in table.rows:
        if row[0][0] <= pos <= row[-1][1]:
            for column, (a, b) in enumerate(row):
                if a <= pos <= b:
                    return Cell(table, column, (a, b))
    return None
