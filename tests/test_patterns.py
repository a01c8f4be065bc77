"""Runs every example and counter-example of every file in patterns/ through the pipeline."""
from __future__ import annotations

import pytest

from extractor import extract
from extractor.patterns import load, patterns_dir
from extractor.segment import segment

ENTITY_DIMENSIONS = {"DATE", "LOCALITY", "OFFICIAL"}


def _cases():
    for path in sorted(patterns_dir().glob("*.yaml")):
        data = load(path.stem)
        dim = data.get("dimension")
        if not dim:
            continue
        for i, ex in enumerate(data.get("examples") or []):
            yield pytest.param(dim, ex, True, id=f"{path.stem}:ex{i}:{ex['text'][:40]}")
        for i, ex in enumerate(data.get("not") or []):
            ex = ex if isinstance(ex, dict) else {"text": ex}
            yield pytest.param(dim, ex, False, id=f"{path.stem}:not{i}:{ex['text'][:40]}")


def _items(record, dim: str) -> list[dict]:
    if dim in ENTITY_DIMENSIONS:
        return [e.model_dump() for e in record.entities if e.type == dim]
    return [f.model_dump() for f in record.figures]


def _matches(item: dict, want: dict) -> bool:
    for key, value in want.items():
        got = item.get(key)
        if key == "unit" and isinstance(got, str) and isinstance(value, str):
            got, value = got.lower(), value.lower()
        if isinstance(value, float) or isinstance(got, float):
            if got is None or value is None or abs(float(got) - float(value)) > 1e-9:
                return False
        elif got != value:
            return False
    return True


@pytest.mark.parametrize("dim,example,positive", list(_cases()))
def test_pattern_example(dim, example, positive):
    if dim == "sentences":
        text = example["text"]
        got = [text[a:b] for a, b in segment(text).sentences]
        assert (got == example["expect"]) == positive, got
        return
    record = extract(example["text"], doc_id="example", published=example.get("published"))
    if dim == "document":
        want = example.get("expect") or {}
        got = {k: getattr(record, k) for k in want}
        assert got == want if positive else all(got[k] != v for k, v in want.items())
        return
    items = _items(record, "figure" if dim in ("figure", "link") else dim)
    if positive:
        for want in example["expect"]:
            assert any(_matches(it, want) for it in items), \
                f"expected {want} in {example['text']!r}; got {[(i['text'], i) for i in items]}"
    else:
        span = example.get("span")
        bad = [it for it in items if span is None or it["text"] == span]
        assert not bad, f"{example['text']!r} must not give {span or 'anything'}; got {bad}"
