"""Path → decoded text. Decoding is the only place bytes become characters, so every offset of a
record indexes the string returned here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .schema import sha256_text


@dataclass
class Source:
    """A decoded input: the text offsets refer to, where it came from, and any notes on decoding."""

    doc_id: str
    text: str
    source: str | None
    notes: list[str] = field(default_factory=list)
    plain: bool = True
    published_hint: str | None = None  # ISO date from metadata (HTML, archive field), if any

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


def decode_bytes(data: bytes, where: str) -> str:
    """Decode UTF-8 with or without BOM; anything else is a clear error naming the input."""
    if not data.strip():
        raise InputError(where, "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(where, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(where, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def read_path(path: str | Path, doc_id: str | None = None) -> Source:
    """Read one file; the doc_id defaults to the file stem, as the SPEC asks."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise InputError(where, "no such file")
    if p.is_dir():
        raise InputError(where, "is a directory, not a file")
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(where, "permission denied") from None
    except OSError as e:
        raise InputError(where, e.strerror or str(e)) from None
    return Source(doc_id=doc_id or p.stem, text=decode_bytes(data, where), source=where)
