"""Build ``extractor/data/gazetteer.tsv.gz`` from the ``vietnam-provinces`` package on PyPI.

Why this package: it is the one kept closest to the statistics office (Tổng cục Thống kê, GSO): its
author regenerates it from the GSO's own list of units, with the GSO's names (old-style tone
placement, ``Hòa``) and codes, and its release history keeps snapshots of the units as they were.
Articles name a unit at the level it had when they were written (SPEC §6), so the gazetteer is the
union of four snapshots, each row marked with the snapshots ("eras") it appears in:

    bit 1  vietnam-provinces 0.2       63 provinces, 707 districts, 10 767 communes (c. 2020:
                                       Quận 2, Quận 9, Thị xã Phổ Yên, Tỉnh Thừa Thiên Huế)
    bit 2  vietnam-provinces 0.5.0     2021–2024 (Thành phố Thủ Đức)
    bit 4  vietnam-provinces 0.6.0     January 2025, the last list before the July 2025 reform
    bit 8  vietnam-provinces 2025.10.1 after 1 July 2025: 34 provinces, 3 321 communes, no districts

The package is not a runtime dependency: this script downloads the four wheels with ``pip
download`` (PyPI only), reads ``nested-divisions.json`` inside each, and writes one compact TSV
(gzip) that ships in the wheel under ``extractor/data/``. Run it from the repository root:

    .venv/bin/python scripts/build_gazetteer.py

Columns: ``level`` (p/d/c), ``unit`` (``tỉnh``, ``thành phố``, ``huyện``, ``quận``, ``thị xã``,
``xã``, ``phường``, ``thị trấn``, ``đặc khu``), ``name`` (without the unit word), ``code`` (GSO
code, zero-padded), ``parent`` (row number of the enclosing unit: the province of a district or of
a post-2025 commune, the district of an older commune; empty for provinces) and ``eras``. Row
numbers count data rows from 0, after the two header lines.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from extractor.normalise import fold_tone  # noqa: E402

SNAPSHOTS = [("0.2", 1), ("0.5.0", 2), ("0.6.0", 4), ("2025.10.1", 8)]
OUT = Path(__file__).resolve().parent.parent / "extractor" / "data" / "gazetteer.tsv.gz"
UNITS = ("thành phố trung ương", "thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "huyện",
         "quận", "xã", "phường")
_PREFIX = re.compile(r"^(" + "|".join(u for u in UNITS if u != "thành phố trung ương") + r")\s+",
                     re.IGNORECASE)
CODE_WIDTH = {"p": 2, "d": 3, "c": 5}

Key = tuple[str, str, str, str, int]


def _clean(text: str) -> str:
    """NFC, single spaces, old-style tone placement: the spelling canonical names are compared in."""
    return fold_tone(unicodedata.normalize("NFC", " ".join(text.split())))


def _split(full: str, division_type: str | None) -> tuple[str, str]:
    """(unit, name) of a unit's full name; 2025 province names carry no unit word, so the
    package's ``division_type`` supplies it."""
    full = _clean(full)
    m = _PREFIX.match(full)
    if m:
        return m.group(1).lower(), full[m.end():]
    unit = (division_type or "").replace(" trung ương", "")
    if unit not in UNITS:
        raise ValueError(f"no unit word in {full!r} ({division_type!r})")
    return unit, full


def _download(version: str, into: Path) -> dict | list:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(into),
                    f"vietnam-provinces=={version}"], check=True)
    wheel = next(into.glob(f"vietnam_provinces-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(zf.read("vietnam_provinces/data/nested-divisions.json"))


class _Table:
    """Rows deduplicated across snapshots: one row per (level, unit, name, code, parent row)."""

    def __init__(self) -> None:
        self.rows: list[list] = []
        self.index: dict[Key, int] = {}

    def add(self, level: str, item: dict, parent: int | None, era: int) -> int:
        unit, name = _split(item["name"], item.get("division_type"))
        code = str(item["code"]).zfill(CODE_WIDTH[level])
        key = (level, unit, name, code, -1 if parent is None else parent)
        row = self.index.get(key)
        if row is None:
            row = self.index[key] = len(self.rows)
            self.rows.append([level, unit, name, code, parent, 0])
        self.rows[row][5] |= era
        return row


def build() -> _Table:
    table = _Table()
    with tempfile.TemporaryDirectory() as tmp:
        for version, era in SNAPSHOTS:
            for prov in _download(version, Path(tmp)):
                p = table.add("p", prov, None, era)
                for dist in prov.get("districts", []):
                    d = table.add("d", dist, p, era)
                    for ward in dist.get("wards", []):
                        table.add("c", ward, d, era)
                for ward in prov.get("wards", []):   # after 2025: communes sit under provinces
                    table.add("c", ward, p, era)
    return table


def main() -> None:
    table = build()
    versions = ", ".join(f"{v}={bit}" for v, bit in SNAPSHOTS)
    lines = [f"# vietnam-provinces snapshots (era bits): {versions}",
             "level\tunit\tname\tcode\tparent\teras"]
    lines += ["\t".join("" if v is None else str(v) for v in row) for row in table.rows]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(table.rows)} rows written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
