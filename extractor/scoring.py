"""Scoring predicted records against gold records (SPEC §5): matching, counts, metrics. No I/O.

Everything is computed per document first (``score_document``) and summed afterwards
(``aggregate``), so that the bootstrap can resample documents and every corpus number can be traced
back to the per-document counts behind it.

Matching is one-to-one and optimal per type: among the gold and predicted spans of one type, the
pairs of overlapping spans are chosen by ``scipy.optimize.linear_sum_assignment`` to give the most
pairs, then the largest total overlap, then the most exact spans. Greedy "largest overlap first"
can pair one long prediction with the wrong gold span and lose a pair that an assignment keeps.
Attribute accuracies are measured over these (partial, overlap-based) pairs.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from .normalise import fold_tone
from .schema import DocumentRecord, Figure

ENTITY_TYPES = ("DATE", "LOCALITY", "OFFICIAL")
FIGURE_TYPES = ("dossier_count", "percentage", "service_level", "quantity")
CONTEXT = 40
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 20240810

Span = tuple[int, int]


@dataclass
class Counts:
    """True positives, false positives, false negatives of one detection task."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.tp, self.fp, self.fn)

    @property
    def empty(self) -> bool:
        """Nothing in gold and nothing predicted: the task did not arise."""
        return self.tp + self.fp + self.fn == 0

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Tally:
    """Agreements of one attribute over the matched pairs where it is compared."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.correct + other.correct, self.total + other.total)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


@dataclass
class Error:
    """One difference between gold and prediction, with the text around it.

    ``kind`` is ``miss`` (gold not predicted), ``false_alarm`` (predicted, not in gold),
    ``boundary`` (matched, spans differ), ``attribute`` (matched, ``attribute`` differs) or
    ``document`` (a document field differs).
    """

    kind: str
    type: str
    gold_id: str | None = None
    pred_id: str | None = None
    attribute: str | None = None
    gold: Any = None
    pred: Any = None
    start: int = 0
    end: int = 0
    context: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocScore:
    """Every count of one document; ``predicted`` is false when no prediction was given."""

    doc_id: str
    predicted: bool
    strict: dict[str, Counts]
    partial: dict[str, Counts]
    figure_span: dict[str, Counts]
    figure_value: dict[str, Counts]
    attributes: dict[str, Tally]
    titles: Counts
    document: dict[str, bool]
    errors: list[Error]


# --- normalisation used by comparisons ------------------------------------------------------------

def spaces(text: str) -> str:
    """NFC with runs of whitespace as one space and no edge whitespace: how titles are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str | None) -> str | None:
    """Canonical-name key: NFC, case folding, old-style tone placement (``Hoà`` = ``hòa``)."""
    if text is None:
        return None
    return fold_tone(unicodedata.normalize("NFC", spaces(text).casefold()))


def _number(v: Any) -> Any:
    """Numbers compared by value (``4572`` = ``4572.0``), to nine significant digits."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return v
    return float(f"{float(v):.9g}")


def _levels(v: Any) -> Any:
    """A service level as a tuple of levels, so ``3`` and ``[3]`` name the same level."""
    if v is None:
        return None
    return tuple(_number(x) for x in (v if isinstance(v, list) else [v]))


def _lower(v: str | None) -> str | None:
    return None if v is None else spaces(v).casefold()


# --- matching -------------------------------------------------------------------------------------

def overlap(a: Span, b: Span) -> int:
    """Characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlapping(a: Span, b: Span) -> bool:
    return overlap(a, b) > 0 or a == b


def match_spans(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs (gold index, predicted index) of overlapping spans.

    The weight of a pair makes the number of pairs dominate, then twice the overlap, then one for an
    exact span; so no assignment with more pairs, or as many pairs and more overlap, exists.
    """
    if not gold or not pred:
        return []
    total = sum(e - s for s, e in [*gold, *pred])
    big = 2 * total + len(gold) + len(pred) + 1
    weights = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _overlapping(g, p):
                weights[i, j] = big + 2 * overlap(g, p) + (g == p)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if weights[i, j] > 0)


def strict_counts(gold: Sequence[Span], pred: Sequence[Span]) -> Counts:
    """Counts when only identical spans match (each gold span used once)."""
    tp = sum((Counter(gold) & Counter(pred)).values())
    return Counts(tp, len(pred) - tp, len(gold) - tp)


# --- attributes -----------------------------------------------------------------------------------

# Attribute name → key function; two items agree when their keys are equal (null = null agrees).
ATTRIBUTES: dict[str, dict[str, Callable[[Any], Any]]] = {
    "DATE": {"value": lambda x: x.value.strip(), "granularity": lambda x: x.granularity},
    "LOCALITY": {"canonical": lambda x: fold(x.canonical), "level": lambda x: x.level,
                 "unit": lambda x: x.unit, "code": lambda x: x.code},
    "OFFICIAL": {"name": lambda x: fold(x.name), "honorific": lambda x: x.honorific,
                 "titles": lambda x: tuple(spaces(t) for t in x.titles)},
    "figure": {"value": lambda x: (_levels if isinstance(x.value, list) else _number)(x.value),
               "total": lambda x: _number(x.total), "qualifier": lambda x: x.qualifier,
               "unit": lambda x: _lower(x.unit), "metric": lambda x: x.metric,
               "service_level": lambda x: _levels(x.service_level),
               "period": lambda x: x.period, "locality": lambda x: fold(x.locality),
               "tier": lambda x: x.tier, "is_target": lambda x: x.is_target},
}
# Attributes compared only where the gold states them: ``code`` is optional and "not scored yet"
# (SPEC §2), so a predicted code against a gold file that leaves it null is neither right nor wrong.
OPTIONAL = {("LOCALITY", "code")}
FIGURE_VALUE = ("value", "total", "qualifier")


def same_value(g: Figure, p: Figure) -> bool:
    """A figure-value match: besides the overlapping span, value, total and qualifier agree."""
    return all(ATTRIBUTES["figure"][a](g) == ATTRIBUTES["figure"][a](p) for a in FIGURE_VALUE)


def title_counts(gold: Sequence[str], pred: Sequence[str]) -> Counts:
    """Title lists compared as multisets of whitespace-normalised titles."""
    g, p = Counter(spaces(t) for t in gold), Counter(spaces(t) for t in pred)
    tp = sum((g & p).values())
    return Counts(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> dict[str, str]:
    """The span and ``width`` characters either side, line breaks shown as spaces."""
    flat = lambda s: s.replace("\r", " ").replace("\n", " ")  # noqa: E731
    return {"left": flat(text[max(0, start - width):start]), "span": flat(text[start:end]),
            "right": flat(text[end:end + width])}


class _DocScorer:
    """Scores one document; a class only to share the gold, prediction and text between steps."""

    def __init__(self, gold: DocumentRecord, pred: DocumentRecord | None, text: str):
        self.gold, self.text = gold, text
        self.pred = pred if pred is not None else DocumentRecord(doc_id=gold.doc_id,
                                                                 text_sha256=gold.text_sha256)
        self.attributes: dict[str, Tally] = {}
        self.titles = Counts()
        self.errors: list[Error] = []

    def error(self, kind: str, type_: str, g: Any = None, p: Any = None, **kw: Any) -> None:
        where = g if g is not None else p
        start, end = (where.start, where.end) if where is not None else (0, 0)
        self.errors.append(Error(kind, type_, None if g is None else g.id,
                                 None if p is None else p.id, start=start, end=end,
                                 context=context(self.text, start, end), **kw))

    def compare(self, group: str, g: Any, p: Any) -> None:
        """Tally every attribute of one matched pair and record the disagreements.

        ``group`` is the entity type, or ``figure`` for figures of any type: figure attributes mean
        the same whatever the figure's type, so they are tallied together.
        """
        for name, key in ATTRIBUTES[group].items():
            gk, pk = key(g), key(p)
            if (group, name) in OPTIONAL and gk is None:
                continue
            tally = self.attributes.setdefault(f"{group}.{name}", Tally())
            tally.total += 1
            if gk == pk:
                tally.correct += 1
            else:
                self.error("attribute", g.type, g, p, attribute=name,
                           gold=getattr(g, name), pred=getattr(p, name))
        if group == "OFFICIAL":
            self.titles += title_counts(g.titles, p.titles)

    def items(self, type_: str, gold_items: Sequence[Any], pred_items: Sequence[Any],
              group: str) -> tuple[Counts, Counts, list[tuple[Any, Any]]]:
        """Strict and partial counts of one type, tallying attributes and recording errors on the
        way; the matched (gold, predicted) pairs are returned for the figure-value count."""
        gold = [x for x in gold_items if x.type == type_]
        pred = [x for x in pred_items if x.type == type_]
        gspans, pspans = [(x.start, x.end) for x in gold], [(x.start, x.end) for x in pred]
        pairs = match_spans(gspans, pspans)
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, g in enumerate(gold):
            if i not in matched_g:
                self.error("miss", type_, g, None)
        for j, p in enumerate(pred):
            if j not in matched_p:
                self.error("false_alarm", type_, None, p)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            if gspans[i] != pspans[j]:
                self.error("boundary", type_, g, p, gold=g.text, pred=p.text)
            self.compare(group, g, p)
        partial = Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        return strict_counts(gspans, pspans), partial, [(gold[i], pred[j]) for i, j in pairs]

    def document_fields(self) -> dict[str, bool]:
        """Exact match of ``title`` (whitespace-normalised) and ``published``; null = null
        agrees."""
        title = lambda r: None if r.title is None else spaces(r.title)  # noqa: E731
        result = {"title": title(self.gold) == title(self.pred),
                  "published": self.gold.published == self.pred.published}
        for name, ok in result.items():
            if not ok:
                self.errors.append(Error("document", name, attribute=name,
                                         gold=getattr(self.gold, name),
                                         pred=getattr(self.pred, name)))
        return result

    def run(self, predicted: bool) -> DocScore:
        strict, partial, span, value = {}, {}, {}, {}
        for t in ENTITY_TYPES:
            strict[t], partial[t], _ = self.items(t, self.gold.entities, self.pred.entities, t)
        for t in FIGURE_TYPES:
            _, span[t], pairs = self.items(t, self.gold.figures, self.pred.figures, "figure")
            right = sum(same_value(g, p) for g, p in pairs)
            n_pred, n_gold = span[t].tp + span[t].fp, span[t].tp + span[t].fn
            value[t] = Counts(right, n_pred - right, n_gold - right)
        document = self.document_fields()
        self.errors.sort(key=lambda e: (e.start, e.end, e.kind))
        return DocScore(self.gold.doc_id, predicted, strict, partial, span, value, self.attributes,
                        self.titles, document, self.errors)


def score_document(gold: DocumentRecord, pred: DocumentRecord | None, text: str) -> DocScore:
    """Every count of one document; ``pred`` None (no prediction) scores as an empty record."""
    return _DocScorer(gold, pred, text).run(predicted=pred is not None)


# --- corpus ---------------------------------------------------------------------------------------

def _sum(items: Sequence[Any], zero: Any) -> Any:
    total = zero
    for x in items:
        total = total + x
    return total


def _per_type(docs: Sequence[DocScore], attr: str, types: Sequence[str]) -> dict[str, Counts]:
    return {t: _sum([getattr(d, attr)[t] for d in docs], Counts()) for t in types}


def _table(per_type: dict[str, Counts]) -> dict[str, Any]:
    """Per-type counts with micro (summed counts) and macro (mean over the types that arose)."""
    out: dict[str, Any] = {t: c.as_dict() for t, c in per_type.items()}
    out["micro"] = _sum(list(per_type.values()), Counts()).as_dict()
    arose = [c for c in per_type.values() if not c.empty]
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    out["macro"] = {"precision": mean([c.precision for c in arose]),
                    "recall": mean([c.recall for c in arose]),
                    "f1": mean([c.f1 for c in arose]), "types": len(arose)}
    return out


HEADLINES: dict[str, Callable[[DocScore], Counts]] = {
    "entity_strict_micro": lambda d: _sum(list(d.strict.values()), Counts()),
    **{f"entity_strict_{t}": (lambda d, t=t: d.strict[t]) for t in ENTITY_TYPES},
    "entity_partial_micro": lambda d: _sum(list(d.partial.values()), Counts()),
    "figure_span": lambda d: _sum(list(d.figure_span.values()), Counts()),
    "figure_value": lambda d: _sum(list(d.figure_value.values()), Counts()),
}
BOOTSTRAPPED = ("entity_strict_micro", *(f"entity_strict_{t}" for t in ENTITY_TYPES),
                "figure_span", "figure_value")


def headline(docs: Sequence[DocScore], name: str) -> Counts:
    """The summed counts of one headline metric over ``docs``."""
    return _sum([HEADLINES[name](d) for d in docs], Counts())


def _f1(tp: Any, fp: Any, fn: Any) -> Any:
    """F1 as 2tp / (2tp + fp + fn), zero where nothing was expected or predicted; also on
    arrays, for the bootstrap."""
    tp, fp, fn = np.asarray(tp, float), np.asarray(fp, float), np.asarray(fn, float)
    den = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, den, out=np.zeros_like(den), where=den > 0)
    return float(f1) if f1.ndim == 0 else f1


def bootstrap(docs: Sequence[DocScore], resamples: int = BOOTSTRAP_RESAMPLES,
              seed: int = BOOTSTRAP_SEED) -> dict[str, dict[str, Any]]:
    """95% percentile intervals of the headline F1s, resampling documents with replacement.

    One set of resampled document indices serves every metric, so the intervals of two metrics
    come from the same resamples; a fixed seed makes a report reproducible.
    """
    if not docs:
        return {}
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(docs), size=(resamples, len(docs)))
    out = {}
    for name in BOOTSTRAPPED:
        counts = np.array([[c.tp, c.fp, c.fn] for c in map(HEADLINES[name], docs)], float)
        sums = counts[idx].sum(axis=1)
        low, high = np.percentile(_f1(sums[:, 0], sums[:, 1], sums[:, 2]), [2.5, 97.5])
        out[name] = {"f1": headline(docs, name).f1, "low": float(low), "high": float(high)}
    return out


def aggregate(docs: Sequence[DocScore], resamples: int = BOOTSTRAP_RESAMPLES,
              seed: int = BOOTSTRAP_SEED) -> dict[str, Any]:
    """Every corpus score with the counts behind it, as JSON-ready data."""
    attributes: dict[str, Tally] = {}
    for d in docs:
        for name, tally in d.attributes.items():
            attributes[name] = attributes.get(name, Tally()) + tally
    titles = _sum([d.titles for d in docs], Counts())
    n = len(docs)
    document = {f: {"correct": sum(d.document[f] for d in docs), "total": n,
                    "rate": sum(d.document[f] for d in docs) / n if n else None}
                for f in ("title", "published")}
    return {
        "documents": n,
        "without_prediction": [d.doc_id for d in docs if not d.predicted],
        "headline": {name: headline(docs, name).as_dict() for name in HEADLINES},
        "confidence": {"level": 0.95, "resamples": resamples, "seed": seed,
                       "intervals": bootstrap(docs, resamples, seed)},
        "entities": {"strict": _table(_per_type(docs, "strict", ENTITY_TYPES)),
                     "partial": _table(_per_type(docs, "partial", ENTITY_TYPES))},
        "figures": {"span": _table(_per_type(docs, "figure_span", FIGURE_TYPES)),
                    "value": _table(_per_type(docs, "figure_value", FIGURE_TYPES))},
        "attributes": {**{k: attributes[k].as_dict() for k in sorted(attributes)},
                       "OFFICIAL.titles_f1": titles.as_dict()},
        "document": document,
        "per_document": {d.doc_id: {name: HEADLINES[name](d).as_dict() for name in HEADLINES}
                         for d in docs},
    }
